import { describe, expect, test } from 'vitest';
import { CHART_WIDTH, chartHeight, pickEndTicks, spreadLabels } from '../../src/lib/chart-layout.ts';
import { barSpec, lineSpec } from '../fixtures/chart-specs.ts';

describe('chartHeight', () => {
  test('gives three horizontal bars a short box, not a 16:9 one, and each more bar a fixed step', () => {
    const three = chartHeight(barSpec({ horizontal: true }));
    expect(three / CHART_WIDTH).toBeLessThan(0.4);
    const four = chartHeight(barSpec({ horizontal: true, categories: ['a', 'b', 'c', 'd'] }));
    const five = chartHeight(barSpec({ horizontal: true, categories: ['a', 'b', 'c', 'd', 'e'] }));
    expect(four - three).toBeGreaterThan(30);
    expect(five - four).toBe(four - three);
  });

  test('makes room for every series of a category and for the legend several series need', () => {
    const [series] = barSpec().series;
    const one = chartHeight(barSpec({ horizontal: true }));
    const two = chartHeight(barSpec({ horizontal: true, series: [series!, { ...series!, label: 'other' }] }));
    expect(two - one).toBeGreaterThan(3 * 30);
  });

  test('keeps a line chart at 16:9 and vertical bars lower than that, whatever their number', () => {
    expect(chartHeight(lineSpec())).toBe((CHART_WIDTH * 9) / 16);
    expect(chartHeight(barSpec())).toBeLessThan((CHART_WIDTH * 9) / 16);
    expect(chartHeight(barSpec({ categories: ['a', 'b', 'c', 'd', 'e', 'f'] }))).toBe(chartHeight(barSpec()));
  });
});

describe('pickEndTicks', () => {
  test('always labels the last category, the as-of date, and steps back from it evenly', () => {
    expect(pickEndTicks(10, 4)).toEqual([0, 3, 6, 9]);
    // 65 weeks, room for 6 labels: every 13th week back from the last, not from the first.
    expect(pickEndTicks(65, 6)).toEqual([12, 25, 38, 51, 64]);
    for (const [count, max] of [[65, 6], [53, 5], [1040, 7], [2, 1], [7, 30]] as const) {
      const ticks = pickEndTicks(count, max);
      expect(ticks.at(-1), `${count}/${max}`).toBe(count - 1);
      expect(ticks.length, `${count}/${max}`).toBeLessThanOrEqual(Math.max(1, max));
      expect(new Set(ticks.slice(1).map((tick, i) => tick - (ticks[i] as number))).size, `${count}/${max}`).toBeLessThanOrEqual(1);
    }
  });

  test('labels every category when all fit, and none when there are none', () => {
    expect(pickEndTicks(5, 10)).toEqual([0, 1, 2, 3, 4]);
    expect(pickEndTicks(0, 5)).toEqual([]);
  });
});

describe('spreadLabels', () => {
  test('leaves labels that do not overlap where they are wanted', () => {
    expect(spreadLabels([100, 40], 18, 0, 300)).toEqual([100, 40]);
  });

  test('moves labels of nearly equal values apart by a label\'s height, around where they were wanted', () => {
    const [ratio, average] = spreadLabels([100, 104], 18, 0, 300) as [number, number];
    expect(average - ratio).toBe(18);
    expect(ratio).toBe(100);
  });

  test('keeps the stack inside the plot at its bottom edge', () => {
    expect(spreadLabels([295, 296, 297], 18, 0, 300)).toEqual([255, 273, 291]);
  });
});
