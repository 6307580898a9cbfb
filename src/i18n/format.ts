import { toUtcDate, type IsoDate } from '../lib/dates.ts';
import type { Locale } from './locale.ts';

/** BCP 47 tags for Intl: Japanese dates read 2026年2月13日, English ones February 13, 2026. */
export const INTL_LOCALE: Record<Locale, string> = { ja: 'ja-JP', en: 'en-US' };

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let formatter = cache.get(key);
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter as T;
}

const formattedDates = new Map<string, string>();

/**
 * A calendar date in the page's language, always in UTC so it never shifts by a day. Remembered:
 * chart axes of a long series format the same few hundred weeks on every post page.
 */
export function formatDate(locale: Locale, date: IsoDate, style: 'long' | 'short' = 'long'): string {
  const key = `${locale}|${style}|${date}`;
  let text = formattedDates.get(key);
  if (text === undefined) {
    const options: Intl.DateTimeFormatOptions = style === 'long'
      ? { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }
      : { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' };
    text = cached(`d|${locale}|${style}`, () => new Intl.DateTimeFormat(INTL_LOCALE[locale], options)).format(toUtcDate(date));
    formattedDates.set(key, text);
  }
  return text;
}

/** A month heading, e.g. 2026年2月 / February 2026. */
export function formatMonth(locale: Locale, year: number, month: number): string {
  const formatter = cached(`m|${locale}`, () => new Intl.DateTimeFormat(INTL_LOCALE[locale], { year: 'numeric', month: 'long', timeZone: 'UTC' }));
  return formatter.format(new Date(Date.UTC(year, month - 1, 1)));
}

/** Options for a figure: decimals shown, and whether a plus sign marks gains. */
export interface NumberStyle {
  decimals?: number;
  signed?: boolean;
}

/** Formatted numbers by style (`locale|decimals|signed`), then by value. */
const formattedNumbers = new Map<string, Map<number, string>>();

/**
 * A number with thousands separators, fixed decimals and, if `signed`, a sign (−1.40, +0.37).
 * Remembered, keyed by the number itself (no string key to build): every post's chart table repeats
 * the closes and ratios of all the weeks before it, over a million cells on a 10-year site.
 */
export function formatNumber(locale: Locale, value: number, { decimals = 2, signed = false }: NumberStyle = {}): string {
  const style = `${locale}|${decimals}|${signed}`;
  let known = formattedNumbers.get(style);
  if (!known) {
    known = new Map();
    formattedNumbers.set(style, known);
  }
  const text = known.get(value);
  if (text !== undefined) return text;
  const formatter = cached(`n|${style}`, () => new Intl.NumberFormat(INTL_LOCALE[locale], {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    // 'negative', not 'auto': a value that rounds to zero (−0.001) must not print as −0.00.
    signDisplay: signed ? 'exceptZero' : 'negative',
  }));
  // A true minus sign reads better than a hyphen and screen readers announce it as "minus".
  const formatted = formatter.format(value).replace('-', '−');
  known.set(value, formatted);
  return formatted;
}

/** A percentage given in percent units (−1.3995 → "−1.40%"). */
export function formatPercent(locale: Locale, value: number, style: NumberStyle = {}): string {
  return `${formatNumber(locale, value, style)}%`;
}

