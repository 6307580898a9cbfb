import { addDays, dayOfWeek, isWeekday, type IsoDate } from './dates.ts';

/**
 * Exchange calendars an index can trade on, by ISO 10383 market identifier. Every index in
 * content/data/indices.json names one: indices of one calendar close on the same trading day of a
 * week, indices of different calendars are paired by week only.
 */
export const TRADING_CALENDARS = ['XNYS'] as const;
/** An exchange calendar Shūhō knows the holidays of. */
export type TradingCalendar = (typeof TRADING_CALENDARS)[number];

function date(year: number, month: number, day: number): IsoDate {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The `nth` (1-based; -1 for the last) given weekday (0 = Sunday) of a month. */
function nthWeekday(year: number, month: number, weekday: number, nth: number): IsoDate {
  if (nth > 0) {
    const first = date(year, month, 1);
    return addDays(first, ((weekday - dayOfWeek(first) + 7) % 7) + (nth - 1) * 7);
  }
  const last = addDays(date(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1), -1);
  return addDays(last, -((dayOfWeek(last) - weekday + 7) % 7));
}

/** Easter Sunday (Gregorian, the anonymous algorithm): Good Friday is two days before. */
function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return date(year, month, day);
}

/**
 * A fixed-date holiday as observed: Saturday moves to Friday, Sunday to Monday. NYSE does not move
 * New Year's Day back into December, because that Friday closes the year's books.
 */
function observed(holiday: IsoDate, isNewYear = false): IsoDate | undefined {
  const day = dayOfWeek(holiday);
  if (day === 6) return isNewYear ? undefined : addDays(holiday, -1);
  if (day === 0) return addDays(holiday, 1);
  return holiday;
}

const nyseHolidays = new Map<number, ReadonlyMap<IsoDate, string>>();

/**
 * The regular full-day closures of the New York Stock Exchange in `year` (rule 7.2): the rules in
 * force since 1998 and Juneteenth since 2022. One-off closures (a national day of mourning, a storm)
 * are not rules and are not listed; a close on such a day is still accepted.
 */
export function getNyseHolidays(year: number): ReadonlyMap<IsoDate, string> {
  let holidays = nyseHolidays.get(year);
  if (holidays) return holidays;
  const list: [IsoDate | undefined, string][] = [
    [observed(date(year, 1, 1), true), "New Year's Day"],
    [nthWeekday(year, 1, 1, 3), 'Martin Luther King Jr. Day'],
    [nthWeekday(year, 2, 1, 3), "Washington's Birthday"],
    [addDays(easterSunday(year), -2), 'Good Friday'],
    [nthWeekday(year, 5, 1, -1), 'Memorial Day'],
    [year >= 2022 ? observed(date(year, 6, 19)) : undefined, 'Juneteenth'],
    [observed(date(year, 7, 4)), 'Independence Day'],
    [nthWeekday(year, 9, 1, 1), 'Labor Day'],
    [nthWeekday(year, 11, 4, 4), 'Thanksgiving Day'],
    [observed(date(year, 12, 25)), 'Christmas Day'],
  ];
  holidays = new Map(list.flatMap(([day, name]) => (day === undefined ? [] : [[day, name]])));
  nyseHolidays.set(year, holidays);
  return holidays;
}

/** Why `day` is not a trading day of `calendar` ("a Saturday", "Good Friday"), or undefined when it is one. */
export function whyNotTradingDay(calendar: TradingCalendar, day: IsoDate): string | undefined {
  if (!isWeekday(day)) return dayOfWeek(day) === 0 ? 'a Sunday' : 'a Saturday';
  const holiday = calendar === 'XNYS' ? getNyseHolidays(Number(day.slice(0, 4))).get(day) : undefined;
  return holiday === undefined ? undefined : `${holiday}, when the exchange (${calendar}) is closed`;
}
