import { describe, expect, test } from 'vitest';
import { addDays, dayOfWeek, fromUtcDate, isIsoDate, isWeekday, listWeeks, monthOf, toUtcDate, weekOf, yearOf } from '../../src/lib/dates.ts';

describe('isIsoDate', () => {
  test('accepts real calendar dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2026-02-13')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
  });
  test('rejects impossible dates and other spellings', () => {
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2026-2-13')).toBe(false);
    expect(isIsoDate('2026/02/13')).toBe(false);
    expect(isIsoDate('2026-02-13T00:00:00Z')).toBe(false);
  });
});

describe('toUtcDate and fromUtcDate', () => {
  test('round-trip a calendar date through midnight UTC whatever the local zone', () => {
    // The suite runs with TZ=America/New_York, where local midnight is 05:00 UTC.
    const instant = toUtcDate('2026-02-13');
    expect(instant.toISOString()).toBe('2026-02-13T00:00:00.000Z');
    expect(fromUtcDate(instant)).toBe('2026-02-13');
  });
  test('refuses a string that is not a date, quoting it', () => {
    expect(() => toUtcDate('13.02.2026')).toThrowErrorMatchingInlineSnapshot(
      `[RangeError: expected a date written YYYY-MM-DD, received "13.02.2026"]`,
    );
  });
});

describe('weekdays and weeks', () => {
  test('2026-02-13 is a Friday, 2026-02-14 a Saturday', () => {
    expect(dayOfWeek('2026-02-13')).toBe(5);
    expect(isWeekday('2026-02-13')).toBe(true);
    expect(isWeekday('2026-02-14')).toBe(false);
    expect(isWeekday('2026-02-15')).toBe(false);
    expect(isWeekday('2026-02-16')).toBe(true);
  });
  test('weekOf names a week by its Friday, so a Thursday close in a holiday week shares the week of its Friday', () => {
    expect(weekOf('2026-02-13')).toBe('2026-02-13');
    expect(weekOf('2026-02-09')).toBe('2026-02-13');
    expect(weekOf('2025-11-27')).toBe('2025-11-28');
    expect(weekOf('2026-02-15')).toBe('2026-02-13');
  });
  test('addDays crosses months, years and leap days', () => {
    expect(addDays('2026-02-13', -7)).toBe('2026-02-06');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-02-13', -364)).toBe('2025-02-14');
  });
  test('yearOf and monthOf read the calendar fields', () => {
    expect(yearOf('2026-02-13')).toBe(2026);
    expect(monthOf('2026-02-13')).toBe(2);
  });
});

describe('listWeeks', () => {
  test('lists every Friday from one week to another, across a year and a leap day', () => {
    expect(listWeeks('2023-12-22', '2024-01-12')).toEqual(['2023-12-22', '2023-12-29', '2024-01-05', '2024-01-12']);
    expect(listWeeks('2024-02-23', '2024-03-08')).toEqual(['2024-02-23', '2024-03-01', '2024-03-08']);
  });
  test('gives each caller its own list, shorter and longer alike, and none when the end comes first', () => {
    const long = listWeeks('2020-01-03', '2030-12-27');
    expect(long).toHaveLength(574);
    expect(long.at(-1)).toBe('2030-12-27');
    long.length = 0;
    expect(listWeeks('2020-01-03', '2020-01-17')).toEqual(['2020-01-03', '2020-01-10', '2020-01-17']);
    expect(listWeeks('2020-01-03', '2031-01-03').at(-1)).toBe('2031-01-03');
    expect(listWeeks('2020-01-17', '2020-01-03')).toEqual([]);
  });
});
