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

/** The Monday of the week `value` falls in. */
function weekStart(value: IsoDate): IsoDate {
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

/**
 * A market week, named by the Friday that ends it. A close belongs to its week whatever its trading
 * day was: a holiday week's Thursday close is that week's close, so weeks, not rows, line up series.
 */
export type WeekKey = IsoDate;

const weekOfDate = new Map<IsoDate, WeekKey>();

/** The week `value` falls in, named by its Friday (a Saturday or Sunday belongs to the Friday before). */
export function weekOf(value: IsoDate): WeekKey {
  // Every close, post and chart category asks this of the same few thousand dates.
  let week = weekOfDate.get(value);
  if (week === undefined) {
    week = addDays(weekStart(value), 4);
    weekOfDate.set(value, week);
  }
  return week;
}

/** The week `weeks` weeks after `week` (negative goes back). */
export function shiftWeek(week: WeekKey, weeks: number): WeekKey {
  return addDays(week, weeks * 7);
}

/** Whole weeks from `from` to `to` (negative when `to` is earlier). */
export function weeksBetween(from: WeekKey, to: WeekKey): number {
  return Math.round((toUtcDate(weekOf(to)).getTime() - toUtcDate(weekOf(from)).getTime()) / (7 * 86_400_000));
}

const WEEK_MS = 7 * 86_400_000;
const weeksFrom = new Map<WeekKey, WeekKey[]>();

/** Every week from `from` to `to`, both included: the axis of a weekly chart, gaps and all. */
export function listWeeks(from: WeekKey, to: WeekKey): WeekKey[] {
  // Every chart of every post lists its weeks, most from the same first week: each list of weeks from
  // a week is kept and extended, and counted in milliseconds (UTC has no daylight saving).
  const count = Math.max(0, weeksBetween(from, to) + 1);
  let weeks = weeksFrom.get(from);
  if (!weeks) {
    weeks = [];
    weeksFrom.set(from, weeks);
  }
  const start = toUtcDate(from).getTime();
  for (let i = weeks.length; i < count; i++) weeks.push(fromUtcDate(new Date(start + i * WEEK_MS)));
  return weeks.slice(0, count);
}

/** Whether `timeZone` is an IANA time zone this runtime knows, e.g. `Asia/Tokyo`. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in milliseconds. */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a wall-clock time names in `timeZone`: `2026-02-14T09:00` in Asia/Tokyo is
 * 2026-02-14T00:00Z. The offset is taken at the guessed instant and checked once more, which settles
 * every time except those a daylight-saving jump skips (they resolve to the later offset).
 */
export function zonedTimeToInstant(wallClock: { date: IsoDate; hour: number; minute: number; second: number }, timeZone: string): Date {
  const [year, month, day] = wallClock.date.split('-').map(Number) as [number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, wallClock.hour, wallClock.minute, wallClock.second);
  let instant = asUtc - zoneOffset(asUtc, timeZone);
  instant = asUtc - zoneOffset(instant, timeZone);
  return new Date(instant);
}
