import { describe, expect, test } from 'vitest';
import { buildFrontPage } from '../../src/lib/front-page.ts';
import { makeModel } from '../helpers/model.ts';

// Six weeks of closes with 2026-01-09 missing: the sparklines must show the gap.
const closes = {
  '2026-01-02': { russell2000growth: 100, sp500: 400 },
  '2026-01-16': { russell2000growth: 102, sp500: 404 },
  '2026-01-23': { russell2000growth: 101, sp500: 400 },
  '2026-01-30': { russell2000growth: 103, sp500: 405 },
  '2026-02-06': { russell2000growth: 104, sp500: 410 },
};

describe('buildFrontPage', () => {
  const model = makeModel([
    { date: '2026-02-06', topics: ['small-cap-growth'] },
    { date: '2026-01-30', topics: ['small-cap-growth'] },
    { date: '2026-02-04', slug: 'outlook', topics: ['china'] },
  ], '2026-03-01T00:00:00Z', { closes, site: { movingAverageWeeks: 2 } });
  const front = buildFrontPage(model, 6, 10);

  test('leads with the newest weekly post, not the newest post', () => {
    expect(front?.post.slug).toBe('2026-02-06');
    expect(front?.recent.map((post) => post.slug)).toEqual(['2026-02-04-outlook', '2026-01-30']);
  });

  test('gives each index with figures its close, move and calendar weeks of closes, gaps as null', () => {
    expect(front?.indices.map((row) => [row.index.id, row.figures.close, row.figures.change])).toEqual([['russell2000growth', 104, 1], ['sp500', 410, 5]]);
    expect(front?.indices[0]?.trend).toEqual([100, null, 102, 101, 103, 104]);
  });

  test('gives the ratio with its moving average, undefined where the window has a gap', () => {
    expect(front?.relative?.trend.map((value) => (value === null ? null : Number(value.toFixed(3))))).toEqual([25, null, 25.248, 25.25, 25.432, 25.366]);
    expect(front?.relative?.averageTrend.map((value) => value !== null)).toEqual([false, false, false, true, true, true]);
  });

  test('is undefined for a site without a weekly post', () => {
    expect(buildFrontPage(makeModel([{ date: '2026-02-04', slug: 'outlook', topics: ['china'] }]), 5, 10)).toBeUndefined();
  });
});
