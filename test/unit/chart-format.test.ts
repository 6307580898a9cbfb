import { describe, expect, test } from 'vitest';
import { decimalsForStep, formatChartTick, formatChartValue, type ChartValueFormat } from '../../src/lib/chart-format.ts';

const change: ChartValueFormat = { decimals: 2, signed: true, template: '{value}%' };
const multiple = { ja: { decimals: 2, signed: false, template: '{value}倍' }, en: { decimals: 2, signed: false, template: '{value}x' } };

describe('formatChartValue', () => {
  test('writes a change with a true minus sign or a plus, two decimals and the unit', () => {
    expect(formatChartValue('en', change, -1.3995)).toBe('−1.40%');
    expect(formatChartValue('ja', change, 0.37)).toBe('+0.37%');
  });

  test('writes the unit each language uses', () => {
    expect(formatChartValue('ja', multiple.ja, 24.64)).toBe('24.64倍');
    expect(formatChartValue('en', multiple.en, 24.64)).toBe('24.64x');
  });

  test('groups thousands and shows a gap as a dash', () => {
    expect(formatChartValue('en', { decimals: 2, signed: false, template: '{value}' }, 49500.93)).toBe('49,500.93');
    expect(formatChartValue('ja', change, null)).toBe('—');
  });
});

describe('decimalsForStep', () => {
  test('gives the fewest decimals that tell neighbouring ticks apart', () => {
    expect([5, 1, 0.5, 0.25, 0.1, 0.05, 0.001].map(decimalsForStep)).toEqual([0, 0, 1, 1, 1, 2, 3]);
  });
});

describe('formatChartTick', () => {
  test('drops the plus sign and extra decimals of values on the axis', () => {
    expect(formatChartTick('en', change, 2, 1)).toBe('2%');
    expect(formatChartTick('en', change, -1.5, 0.5)).toBe('−1.5%');
    expect(formatChartTick('ja', multiple.ja, 30, 5)).toBe('30倍');
  });
});
