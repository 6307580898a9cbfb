import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseClosesCsv } from '../../src/lib/closes.ts';
import { weekOf } from '../../src/lib/dates.ts';
import {
  computeIndexFigures, computeRelativeFigures, findMissingWeeks, ratioSeries, weeklyChange, weeklyMovingAverage,
} from '../../src/lib/metrics.ts';
import { buildSeries, countUpToWeek, upToWeek, type Observation } from '../../src/lib/series.ts';
import { ROOT } from '../helpers/build-site.ts';

// The one place unit tests read content/ (with stated-figures.test.ts), on purpose: the figures published
// for the sample week ending 2026-02-13 must come out of the shipped history (93 weeks, 2024-11-22 to
// 2026-08-28), which also runs past that week so look-ahead would show. Tests of the rules themselves
// declare their own weeks with `weekly()`.
const CLOSES = path.join(ROOT, 'content', 'data', 'closes.csv');
const parsed = parseClosesCsv('content/data/closes.csv', readFileSync(CLOSES, 'utf8'), ['russell2000growth', 'sp500', 'djia']);
const { series } = buildSeries(parsed.rows.map((row) => ({ ...row, file: 'content/data/closes.csv' })), () => 'XNYS');
const history = (id: string): readonly Observation[] => series.get(id) ?? [];
const AS_OF = '2026-02-13';
/** Observations of consecutive weeks from `firstFriday`, one close each; `null` leaves that week out. */
function weekly(firstFriday: string, closes: readonly (number | null)[]): Observation[] {
  return closes.flatMap((close, i) => {
    const date = new Date(Date.parse(`${firstFriday}T00:00:00Z`) + i * 7 * 86_400_000).toISOString().slice(0, 10);
    return close === null ? [] : [{ date, week: date, close }];
  });
}

describe('the shipped closes', () => {
  test('parse cleanly and run past the sample post, so look-ahead would show', () => {
    expect(parsed.problems).toEqual([]);
    expect(history('russell2000growth')).toHaveLength(93);
    expect(history('russell2000growth').at(-1)?.date).toBe('2026-08-28');
  });
});

describe('weeklyChange', () => {
  test('reproduces the figures published for the week ending 2026-02-13', () => {
    const move = weeklyChange(1709.95, 1734.22);
    expect(move.close).toBe(1709.95);
    expect(move.change).toBeCloseTo(-24.27, 10);
    expect(move.changePercent.toFixed(2)).toBe('-1.40');
  });
  test('refuses a non-positive previous close', () => {
    expect(() => weeklyChange(100, 0)).toThrowErrorMatchingInlineSnapshot(`[RangeError: previous close must be positive, received 0]`);
    expect(() => weeklyChange(100, Number.NaN)).toThrow(RangeError);
  });
});

describe('computeIndexFigures on 2026-02-13 from the shipped data', () => {
  test('Russell 2000 Growth: 1709.95, −24.27, −1.40%', () => {
    const figures = computeIndexFigures('russell2000growth', history('russell2000growth'), AS_OF);
    expect(figures).toMatchObject({ index: 'russell2000growth', date: AS_OF, week: AS_OF, close: 1709.95, previousDate: '2026-02-06', previousClose: 1734.22 });
    expect(figures?.change.toFixed(2)).toBe('-24.27');
    expect(figures?.changePercent.toFixed(2)).toBe('-1.40');
  });
  test('S&P 500 −1.39% and Dow −1.23%', () => {
    expect(computeIndexFigures('sp500', history('sp500'), AS_OF)?.changePercent.toFixed(2)).toBe('-1.39');
    expect(computeIndexFigures('sp500', history('sp500'), AS_OF)?.close).toBe(6836.17);
    expect(computeIndexFigures('djia', history('djia'), AS_OF)?.changePercent.toFixed(2)).toBe('-1.23');
    expect(computeIndexFigures('djia', history('djia'), AS_OF)?.close).toBe(49500.93);
  });
  test('year to date runs from the last weekly close of 2025 (2025-12-26: 1690.67)', () => {
    const figures = computeIndexFigures('russell2000growth', history('russell2000growth'), AS_OF);
    expect(figures?.ytdChangePercent).toBeCloseTo(((1709.95 - 1690.67) / 1690.67) * 100, 10);
    expect(figures?.ytdChangePercent?.toFixed(2)).toBe('1.14');
    expect(figures?.ytdBase).toEqual({ date: '2025-12-26', week: '2025-12-26', close: 1690.67 });
  });
  test('52-week high and low come from the 52 weeks up to the as-of date only', () => {
    const figures = computeIndexFigures('russell2000growth', history('russell2000growth'), AS_OF);
    expect(figures?.high52).toEqual({ date: '2026-01-16', week: '2026-01-16', close: 1785.32 });
    expect(figures?.low52).toEqual({ date: '2025-04-04', week: '2025-04-04', close: 1185.76 });
    expect(figures?.rangeWeeks).toBe(52);
    // Checked by brute force: max and min over the 52 closes ending on the as-of date.
    const window = upToWeek(history('russell2000growth'), AS_OF).slice(-52);
    expect(window[0]?.date).toBe('2025-02-21');
    expect(figures?.high52.close).toBe(Math.max(...window.map((o) => o.close)));
    expect(figures?.low52.close).toBe(Math.min(...window.map((o) => o.close)));
  });
  test('the current week counts for the 52-week high (the Dow closed at a high on 2026-02-06)', () => {
    const figures = computeIndexFigures('djia', upToWeek(history('djia'), '2026-02-06'), '2026-02-06');
    expect(figures?.high52).toEqual({ date: '2026-02-06', week: '2026-02-06', close: 50115.67 });
  });
  test('is undefined without a close in the week or before it', () => {
    const closes = weekly('2026-01-02', [100, 110]);
    expect(computeIndexFigures('x', closes, '2026-01-02')).toBeUndefined();
    expect(computeIndexFigures('x', closes, '2026-01-16')).toBeUndefined();
    expect(computeIndexFigures('x', [], AS_OF)).toBeUndefined();
  });
  test('a first year has no year-to-date figure', () => {
    const figures = computeIndexFigures('x', weekly('2026-01-02', [100, 110]), '2026-01-09');
    expect(figures?.ytdChangePercent).toBeUndefined();
    expect(figures?.changePercent).toBeCloseTo(10, 10);
  });
});

describe('figures follow the calendar, not rows', () => {
  test('a missing previous week leaves the week without a change: it never spans two weeks', () => {
    const closes = weekly('2026-01-02', [100, 110, null, 120]);
    expect(computeIndexFigures('x', closes, '2026-01-23')).toBeUndefined();
    expect(computeIndexFigures('x', closes, '2026-01-09')?.changePercent).toBeCloseTo(10, 10);
  });
  test("a holiday week's Thursday close is that week's close, compared with the Friday before", () => {
    const closes: Observation[] = [
      { date: '2026-03-27', week: '2026-03-27', close: 100 },
      { date: '2026-04-02', week: '2026-04-03', close: 102 },
    ];
    expect(computeIndexFigures('x', closes, weekOf('2026-04-02'))).toMatchObject({ date: '2026-04-02', week: '2026-04-03', previousDate: '2026-03-27', change: 2 });
  });
  test('year to date needs the last close of the previous year: an older base leaves it undefined', () => {
    const closes = weekly('2025-12-05', [100, 105, null, null, 110]);
    expect(computeIndexFigures('x', [...closes, { date: '2026-01-09', week: '2026-01-09', close: 111 }], '2026-01-09')?.ytdChangePercent).toBeUndefined();
    const whole = weekly('2025-12-19', [100, 105, 110, 111]);
    expect(computeIndexFigures('x', whole, '2026-01-09')?.ytdBase?.date).toBe('2025-12-26');
  });
  test('the 52-week range says how many weeks it covers', () => {
    const closes = weekly('2025-01-03', [...Array.from({ length: 40 }, () => 100), null, null, 101, 99]);
    expect(computeIndexFigures('x', closes, closes.at(-1)?.week ?? '')?.rangeWeeks).toBe(42);
  });
});

describe('no look-ahead', () => {
  test('figures for 2026-02-13 are the same with the full series (to 2026-08-28) and with data cut at that date', () => {
    for (const id of ['russell2000growth', 'sp500', 'djia']) {
      const full = computeIndexFigures(id, history(id), AS_OF);
      const cut = computeIndexFigures(id, upToWeek(history(id), AS_OF), AS_OF);
      expect(full).toEqual(cut);
    }
  });
  test('the ratio\'s moving average on 2026-02-13 ignores later weeks', () => {
    const full = ratioSeries(history('russell2000growth'), history('sp500'), 26);
    const cut = ratioSeries(upToWeek(history('russell2000growth'), AS_OF), upToWeek(history('sp500'), AS_OF), 26);
    expect(computeRelativeFigures(full, AS_OF, 26)).toEqual(computeRelativeFigures(cut, AS_OF, 26));
  });
  test('a later high does not leak into an earlier week (the 2026-08-14 high of 2019.90)', () => {
    expect(computeIndexFigures('russell2000growth', history('russell2000growth'), '2026-08-28')?.high52.close).toBe(2019.9);
    expect(computeIndexFigures('russell2000growth', history('russell2000growth'), AS_OF)?.high52.close).toBe(1785.32);
  });
  test('upToWeek keeps the as-of week itself, a holiday Thursday included, and drops everything after', () => {
    const closes: Observation[] = [...weekly('2026-03-20', [1, 2]), { date: '2026-04-02', week: '2026-04-03', close: 3 }, ...weekly('2026-04-10', [4])];
    expect(upToWeek(closes, '2026-04-03').map((o) => o.close)).toEqual([1, 2, 3]);
    expect(upToWeek(closes, '2026-03-13')).toEqual([]);
    expect(upToWeek(closes, '2026-12-25')).toEqual(closes);
  });
  test('countUpToWeek finds the cut by binary search, before the first and after the last week too', () => {
    const weeks = [{ week: '2026-01-02' }, { week: '2026-01-09' }, { week: '2026-01-16' }] as const;
    expect(['2025-12-26', '2026-01-02', '2026-01-09', '2026-01-16', '2026-12-25'].map((week) => countUpToWeek(weeks, week))).toEqual([0, 1, 2, 3, 3]);
    expect(countUpToWeek([], '2026-01-02')).toBe(0);
  });
});

describe('the ratio and its moving average', () => {
  const ratio = ratioSeries(history('russell2000growth'), history('sp500'), 26);
  const relative = computeRelativeFigures(ratio, AS_OF, 26);

  test('ratio 25.01%, 26-week SMA 24.64%, deviation +0.37 points, +1.51% relative', () => {
    expect(relative?.ratio.toFixed(2)).toBe('25.01');
    expect(relative?.ratio).toBeCloseTo((1709.95 / 6836.17) * 100, 12);
    expect(relative?.movingAverage?.toFixed(2)).toBe('24.64');
    expect(relative?.deviation?.toFixed(2)).toBe('0.37');
    expect(relative?.relativeDeviation?.toFixed(2)).toBe('1.51');
    expect(relative).toMatchObject({ numerator: 1709.95, denominator: 6836.17, window: 26 });
  });
  test('the moving average includes the current week and the 25 before it', () => {
    const i = ratio.findIndex((point) => point.week === AS_OF);
    const window = ratio.slice(i - 25, i + 1).map((point) => point.ratio);
    expect(window).toHaveLength(26);
    expect(relative?.movingAverage).toBeCloseTo(window.reduce((a, b) => a + b, 0) / 26, 10);
  });
  test('the first 25 weeks have no moving average, and so no deviation', () => {
    const points = ratioSeries(weekly('2025-01-03', Array.from({ length: 27 }, () => 10)), weekly('2025-01-03', Array.from({ length: 27 }, () => 40)), 26);
    expect(points.findIndex((point) => point.movingAverage !== undefined)).toBe(25);
    const early = computeRelativeFigures(points, points[24]?.week ?? '', 26);
    expect(early?.ratio).toBe(25);
    expect(early?.deviation).toBeUndefined();
    expect(early?.relativeDeviation).toBeUndefined();
    expect(computeRelativeFigures(points, points[25]?.week ?? '', 26)).toMatchObject({ movingAverage: 25, deviation: 0, relativeDeviation: 0 });
  });
  test('only weeks where both indices closed count', () => {
    const points = ratioSeries(weekly('2026-01-02', [10, 20]), weekly('2026-01-09', [40]), 2);
    expect(points).toEqual([{ week: '2026-01-09', date: '2026-01-09', numerator: 20, denominator: 40, ratio: 50, movingAverage: undefined }]);
  });
  test('pairs closes by week, not by day: indices of different exchanges close a week on different days', () => {
    const tokyo: Observation[] = [{ date: '2026-01-08', week: '2026-01-09', close: 40 }];
    expect(ratioSeries(weekly('2026-01-09', [20]), tokyo, 1)).toMatchObject([{ week: '2026-01-09', ratio: 50, movingAverage: 50 }]);
  });
  test('is undefined in a week without closes', () => {
    const points = ratioSeries(weekly('2026-01-02', [10, null, 10]), weekly('2026-01-02', [40, 40, 40]), 2);
    expect(computeRelativeFigures(points, '2026-01-02', 2)?.ratio).toBe(25);
    expect(computeRelativeFigures(points, '2026-01-09', 2)).toBeUndefined();
    expect(computeRelativeFigures(points, '2025-12-26', 2)).toBeUndefined();
  });
  test('a gap in the window leaves the average undefined and names the missing weeks', () => {
    const points = ratioSeries(weekly('2026-01-02', [10, 10, null, 10, 10]), weekly('2026-01-02', [100, 100, 100, 100, 100]), 3);
    expect(points.map((point) => point.movingAverage)).toEqual([undefined, undefined, undefined, undefined]);
    expect(computeRelativeFigures(points, '2026-01-30', 3)).toMatchObject({ deviation: undefined, missingWeeks: ['2026-01-16'] });
    expect(findMissingWeeks(points, '2026-01-30', 3)).toEqual(['2026-01-16']);
  });
});

describe('weeklyMovingAverage', () => {
  const run = (values: readonly (number | null)[], window: number) =>
    weeklyMovingAverage(weekly('2026-01-02', values).map((observation) => ({ week: observation.week, value: observation.close })), window);
  test('is undefined until the window is full, then the mean of the last weeks', () => {
    expect(run([1, 2, 3, 4, 5], 3)).toEqual([undefined, undefined, 2, 3, 4]);
    expect(run([], 3)).toEqual([]);
    expect(run([5], 1)).toEqual([5]);
  });
  test('counts weeks by the calendar: a missing week empties every window that spans it', () => {
    expect(run([1, 2, 3, null, 5, 6, 7, 8], 3)).toEqual([undefined, undefined, 2, undefined, undefined, 6, 7]);
  });
  test('does not drift over a long series', () => {
    const values = Array.from({ length: 1000 }, (_, i) => 25 + Math.sin(i) / 10);
    const averages = run(values, 26);
    const last = values.slice(-26).reduce((a, b) => a + b, 0) / 26;
    expect(averages.at(-1)).toBeCloseTo(last, 10);
  });
});
