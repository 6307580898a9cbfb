import { describe, expect, test } from 'vitest';
import { getLeadFigures, groupArchive } from '../../src/lib/archive.ts';
import { TEST_NOW } from '../helpers/build-site.ts';
import { makeModel } from '../helpers/model.ts';

describe('groupArchive', () => {
  const model = makeModel([
    { date: '2026-01-09', topics: ['china'] },
    { date: '2025-12-12', topics: ['china'] },
    { date: '2026-02-13', topics: ['china'] },
    { date: '2026-02-06', topics: ['china'] },
    { date: '2026-02-06', slug: 'outlook', topics: ['valuations'] },
    { date: '2025-12-05', topics: ['china'] },
    { date: '2026-08-21', topics: ['china'], draft: true },
  ]);
  const years = groupArchive(model.visiblePosts, model.registry);

  test('groups by year and month, newest first, only months with posts', () => {
    expect(years.map((year) => [year.year, year.count, year.months.map((month) => month.month)])).toEqual([
      [2026, 4, [2, 1]],
      [2025, 2, [12]],
    ]);
  });

  test('sorts the rows of a month newest first, same-day posts by slug', () => {
    const february = years[0]?.months[0];
    expect(february?.entries.map((entry) => entry.post.slug)).toEqual(['2026-02-13', '2026-02-06', '2026-02-06-outlook']);
  });

  test('leaves drafts out when given the visible posts', () => {
    expect(years.flatMap((year) => year.months.flatMap((month) => month.entries.map((entry) => entry.post.date)))).not.toContain('2026-08-21');
  });

  test('sorts whatever order it is given', () => {
    const shuffled = [...model.visiblePosts].reverse();
    expect(groupArchive(shuffled, model.registry)).toEqual(years);
  });
});

describe('getLeadFigures', () => {
  test('gives the close and weekly move of the ratio\'s numerator, and the ratio, on the post\'s date', () => {
    const closes = {
      '2026-02-06': { russell2000growth: 1000, sp500: 4000, djia: 40000 },
      '2026-02-13': { russell2000growth: 980, sp500: 4100, djia: 40000 },
    };
    const model = makeModel([{ date: '2026-02-13', topics: ['china'] }], TEST_NOW, { closes });
    const lead = getLeadFigures(model.posts[0]!, model.registry);
    expect(lead?.index.id).toBe('russell2000growth');
    expect(lead?.close).toBe(980);
    expect(lead?.change).toBeCloseTo(-20, 10);
    expect(lead?.changePercent).toBeCloseTo(-2, 10);
    expect(lead?.ratio).toBeCloseTo((980 / 4100) * 100, 10);
  });

  test('follows the configured ratio: the lead index is its numerator, whichever that is', () => {
    const closes = {
      '2026-02-06': { russell2000growth: 1000, sp500: 4000, djia: 40000 },
      '2026-02-13': { russell2000growth: 980, sp500: 4100, djia: 40400 },
    };
    const model = makeModel([{ date: '2026-02-13', topics: ['china'] }], TEST_NOW, { closes, site: { ratio: { numerator: 'djia', denominator: 'sp500' } } });
    const lead = getLeadFigures(model.posts[0]!, model.registry);
    expect(lead?.index.id).toBe('djia');
    expect(lead?.changePercent).toBeCloseTo(1, 10);
    expect(lead?.ratio).toBeCloseTo((40400 / 4100) * 100, 10);
  });

  test('is undefined for a feature without market data', () => {
    const model = makeModel([{ date: '2025-10-10', slug: 'q3', topics: ['valuations'] }]);
    expect(getLeadFigures(model.posts[0]!, model.registry)).toBeUndefined();
  });
});
