import { describe, expect, test } from 'vitest';
import { formatDate, formatMonth, formatNumber, formatPercent } from '../../src/i18n/format.ts';

describe('formatDate', () => {
  test('a post dated 2026-02-13 reads 2026年2月13日 / February 13, 2026, even west of UTC', () => {
    // npm test runs with TZ=America/New_York, where formatting midnight UTC in local time gives the 12th.
    expect(formatDate('ja', '2026-02-13')).toBe('2026年2月13日');
    expect(formatDate('en', '2026-02-13')).toBe('February 13, 2026');
  });
  test('short style', () => {
    expect(formatDate('ja', '2026-02-13', 'short')).toBe('2026年2月13日');
    expect(formatDate('en', '2026-02-13', 'short')).toBe('Feb 13, 2026');
  });
  test('year boundaries stay put', () => {
    expect(formatDate('en', '2026-01-01')).toBe('January 1, 2026');
    expect(formatDate('ja', '2025-12-31')).toBe('2025年12月31日');
  });
  test('refuses a string that is not a date', () => {
    expect(() => formatDate('en', '13/02/2026')).toThrow(RangeError);
  });
});

describe('formatMonth', () => {
  test('names the month in each language', () => {
    expect(formatMonth('ja', 2026, 2)).toBe('2026年2月');
    expect(formatMonth('en', 2026, 2)).toBe('February 2026');
    expect(formatMonth('en', 2025, 12)).toBe('December 2025');
  });
});

describe('formatNumber', () => {
  test('thousands separators and two decimals by default', () => {
    expect(formatNumber('en', 1709.95)).toBe('1,709.95');
    expect(formatNumber('ja', 49500.93)).toBe('49,500.93');
    expect(formatNumber('en', 6932.3)).toBe('6,932.30');
  });
  test('a true minus sign, and a plus sign on gains when signed', () => {
    expect(formatNumber('en', -24.27, { signed: true })).toBe('−24.27');
    expect(formatNumber('ja', -614.74, { signed: true })).toBe('−614.74');
    expect(formatNumber('en', 0.3709, { signed: true })).toBe('+0.37');
    expect(formatNumber('en', -1234.5)).toBe('−1,234.50');
    expect(formatNumber('en', 1234.5, { signed: true })).toBe('+1,234.50');
  });
  test('zero has no sign, even when it rounds from a tiny negative', () => {
    expect(formatNumber('en', 0, { signed: true })).toBe('0.00');
    expect(formatNumber('en', -0.001, { signed: true })).toBe('0.00');
    expect(formatNumber('en', -0.001)).toBe('0.00');
  });
  test('decimals', () => {
    expect(formatNumber('en', 24.642366, { decimals: 3 })).toBe('24.642');
    expect(formatNumber('en', 1709.95, { decimals: 0 })).toBe('1,710');
  });
});

describe('formatPercent', () => {
  test('the published changes: −1.40%, −1.39%, −1.23%, ratio 25.01%', () => {
    expect(formatPercent('en', -1.399476, { signed: true })).toBe('−1.40%');
    expect(formatPercent('ja', -1.386697, { signed: true })).toBe('−1.39%');
    expect(formatPercent('en', -1.226642, { signed: true })).toBe('−1.23%');
    expect(formatPercent('en', 25.013275)).toBe('25.01%');
    expect(formatPercent('en', 1.505167, { signed: true })).toBe('+1.51%');
  });
});
