/**
 * Calendar dates as `YYYY-MM-DD` strings. A post's date is a market close, not an instant:
 * all arithmetic happens in UTC so no reader's or builder's time zone can move it by a day.
 */

/** A calendar date written `YYYY-MM-DD`. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar date written `YYYY-MM-DD` (rejects 2026-02-30). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; no Date string round trip needed.
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Midnight UTC of a calendar date; throws on anything that is not `YYYY-MM-DD`. */
export function toUtcDate(value: IsoDate): Date {
  if (!isIsoDate(value)) throw new RangeError(`expected a date written YYYY-MM-DD, received "${value}"`);
  return new Date(`${value}T00:00:00Z`);
}

/** The calendar date (UTC) of an instant. YAML parsers turn `2026-02-13` into such an instant. */
export function fromUtcDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(value: IsoDate): number {
  return toUtcDate(value).getUTCDay();
}

/** Whether a date falls Monday to Friday (markets close on weekdays only). */
export function isWeekday(value: IsoDate): boolean {
  const day = dayOfWeek(value);
  return day >= 1 && day <= 5;
}

/** The date `days` calendar days after `value` (negative goes back). */
export function addDays(value: IsoDate, days: number): IsoDate {
  const date = toUtcDate(value);
  date.setUTCDate(date.getUTCDate() + days);
  return fromUtcDate(date);
}

/** The Monday of the week `value` falls in; two closes in one market week share it. */
export function weekStart(value: IsoDate): IsoDate {
  const day = dayOfWeek(value);
  return addDays(value, day === 0 ? -6 : 1 - day);
}

/** The calendar year of a date. */
export function yearOf(value: IsoDate): number {
  return Number(value.slice(0, 4));
}

/** The calendar month (1–12) of a date. */
export function monthOf(value: IsoDate): number {
  return Number(value.slice(5, 7));
}
