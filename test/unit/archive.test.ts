import { describe, expect, test } from 'vitest';
import { getLeadFigures, groupArchive } from '../../src/lib/archive.ts';
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
  test('gives the Russell 2000 Growth close, weekly move and the ratio published for 2026-02-13', () => {
    const model = makeModel([{ date: '2026-02-13', topics: ['china'] }]);
    const lead = getLeadFigures(model.posts[0]!, model.registry);
    expect(lead?.index.id).toBe('russell2000growth');
    expect(lead?.close).toBe(1709.95);
    expect(lead?.change).toBeCloseTo(-24.27, 2);
    expect(lead?.changePercent.toFixed(2)).toBe('-1.40');
    expect(lead?.ratio?.toFixed(2)).toBe('25.01');
  });

  test('is undefined for a feature without market data', () => {
    const model = makeModel([{ date: '2025-10-10', slug: 'q3', topics: ['valuations'] }]);
    expect(getLeadFigures(model.posts[0]!, model.registry)).toBeUndefined();
  });
});
