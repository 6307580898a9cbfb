import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseClosesCsv } from '../../src/lib/closes.ts';
import {
  computeIndexFigures, computeRelativeFigures, countUpTo, movingAverage, ratioSeries, rebase, upTo, weeklyChange, type Observation,
} from '../../src/lib/metrics.ts';
import { buildSeries } from '../../src/lib/series.ts';
import type { IsoDate } from '../../src/lib/dates.ts';
import { ROOT } from '../helpers/build-site.ts';

// The shipped history (93 weeks, 2024-11-22 to 2026-08-28): the published figures must come out of it.
const CLOSES = path.join(ROOT, 'content', 'data', 'closes.csv');
const parsed = parseClosesCsv('content/data/closes.csv', readFileSync(CLOSES, 'utf8'), ['russell2000growth', 'sp500', 'djia']);
const { series } = buildSeries(parsed.rows.map((row) => ({ ...row, file: 'content/data/closes.csv' })));
const history = (id: string): readonly Observation[] => series.get(id) ?? [];
const AS_OF = '2026-02-13';

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
    expect(figures).toMatchObject({ index: 'russell2000growth', date: AS_OF, close: 1709.95, previousDate: '2026-02-06', previousClose: 1734.22 });
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
  });
  test('52-week high and low come from the 52 weeks up to the as-of date only', () => {
    const figures = computeIndexFigures('russell2000growth', history('russell2000growth'), AS_OF);
    expect(figures?.high52).toEqual({ date: '2026-01-16', close: 1785.32 });
    expect(figures?.low52).toEqual({ date: '2025-04-04', close: 1185.76 });
    // Checked by brute force: max and min over the 52 closes ending on the as-of date.
    const window = upTo(history('russell2000growth'), AS_OF).slice(-52);
    expect(window[0]?.date).toBe('2025-02-21');
    expect(figures?.high52.close).toBe(Math.max(...window.map((o) => o.close)));
    expect(figures?.low52.close).toBe(Math.min(...window.map((o) => o.close)));
  });
  test('the current week counts for the 52-week high (the Dow closed at a high on 2026-02-06)', () => {
    const figures = computeIndexFigures('djia', upTo(history('djia'), '2026-02-06'), '2026-02-06');
    expect(figures?.high52).toEqual({ date: '2026-02-06', close: 50115.67 });
  });
  test('is undefined without a close on the as-of date or before it', () => {
    expect(computeIndexFigures('sp500', history('sp500'), '2026-02-12')).toBeUndefined();
    expect(computeIndexFigures('sp500', history('sp500'), '2024-11-22')).toBeUndefined();
    expect(computeIndexFigures('sp500', [], AS_OF)).toBeUndefined();
  });
  test('a first year has no year-to-date figure', () => {
    const figures = computeIndexFigures('x', [{ date: '2026-01-02', close: 100 }, { date: '2026-01-09', close: 110 }], '2026-01-09');
    expect(figures?.ytdChangePercent).toBeUndefined();
    expect(figures?.changePercent).toBeCloseTo(10, 10);
  });
});

describe('no look-ahead', () => {
  test('figures for 2026-02-13 are the same with the full series (to 2026-08-28) and with data cut at that date', () => {
    for (const id of ['russell2000growth', 'sp500', 'djia']) {
      const full = computeIndexFigures(id, history(id), AS_OF);
      const cut = computeIndexFigures(id, upTo(history(id), AS_OF), AS_OF);
      expect(full).toEqual(cut);
    }
  });
  test('the ratio\'s moving average on 2026-02-13 ignores later weeks', () => {
    const full = ratioSeries(history('russell2000growth'), history('sp500'), 26);
    const cut = ratioSeries(upTo(history('russell2000growth'), AS_OF), upTo(history('sp500'), AS_OF), 26);
    expect(computeRelativeFigures(full, AS_OF, 26)).toEqual(computeRelativeFigures(cut, AS_OF, 26));
  });
  test('a later high does not leak into an earlier week (the 2026-08-14 high of 2019.90)', () => {
    expect(computeIndexFigures('russell2000growth', history('russell2000growth'), '2026-08-28')?.high52.close).toBe(2019.9);
    expect(computeIndexFigures('russell2000growth', history('russell2000growth'), AS_OF)?.high52.close).toBe(1785.32);
  });
  test('upTo keeps the as-of date itself and drops everything after', () => {
    const kept = upTo(history('sp500'), AS_OF);
    expect(kept.at(-1)?.date).toBe(AS_OF);
    expect(kept.every((o) => o.date <= AS_OF)).toBe(true);
    expect(kept.length).toBe(history('sp500').filter((o) => o.date <= AS_OF).length);
  });
  test('countUpTo finds the cut by binary search, before the first and after the last date too', () => {
    const weeks = [{ date: '2026-01-02' }, { date: '2026-01-09' }, { date: '2026-01-16' }] as const;
    expect(['2025-12-31', '2026-01-02', '2026-01-12', '2026-01-16', '2026-12-31'].map((day) => countUpTo(weeks, day as IsoDate))).toEqual([0, 1, 2, 3, 3]);
    expect(countUpTo([], '2026-01-02' as IsoDate)).toBe(0);
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
    const i = ratio.findIndex((point) => point.date === AS_OF);
    const window = ratio.slice(i - 25, i + 1).map((point) => point.ratio);
    expect(window).toHaveLength(26);
    expect(relative?.movingAverage).toBeCloseTo(window.reduce((a, b) => a + b, 0) / 26, 10);
  });
  test('the first 25 weeks have no moving average, and so no deviation', () => {
    expect(ratio.findIndex((point) => point.movingAverage !== undefined)).toBe(25);
    const early = computeRelativeFigures(ratio, '2024-11-29', 26);
    expect(early?.ratio).toBeGreaterThan(0);
    expect(early?.deviation).toBeUndefined();
    expect(early?.relativeDeviation).toBeUndefined();
  });
  test('only dates where both indices closed count', () => {
    const points = ratioSeries(
      [{ date: '2026-01-02', close: 10 }, { date: '2026-01-09', close: 20 }],
      [{ date: '2026-01-09', close: 40 }],
      2,
    );
    expect(points).toEqual([{ date: '2026-01-09', numerator: 20, denominator: 40, ratio: 50, movingAverage: undefined }]);
  });
  test('is undefined on a date without closes', () => {
    expect(computeRelativeFigures(ratio, '2026-02-14', 26)).toBeUndefined();
  });
});

describe('movingAverage', () => {
  test('is undefined until the window is full, then the mean of the last values', () => {
    expect(movingAverage([1, 2, 3, 4, 5], 3)).toEqual([undefined, undefined, 2, 3, 4]);
    expect(movingAverage([], 3)).toEqual([]);
    expect(movingAverage([5], 1)).toEqual([5]);
  });
  test('does not drift over a long series', () => {
    const values = Array.from({ length: 1000 }, (_, i) => 25 + Math.sin(i) / 10);
    const averages = movingAverage(values, 26);
    const last = values.slice(-26).reduce((a, b) => a + b, 0) / 26;
    expect(averages.at(-1)).toBeCloseTo(last, 10);
  });
});

describe('rebase', () => {
  test('puts series on one scale starting at 100', () => {
    expect(rebase([50, 55, 45]).map((value) => Number(value.toFixed(10)))).toEqual([100, 110, 90]);
  });
  test('cannot rebase on a missing or non-positive first value', () => {
    expect(rebase([])).toEqual([]);
    expect(rebase([0, 1]).every(Number.isNaN)).toBe(true);
  });
});
