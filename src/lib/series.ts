import { whyNotTradingDay, type TradingCalendar } from './calendar.ts';
import { weekOf, type IsoDate, type WeekKey } from './dates.ts';
import type { Problem } from './problems.ts';

/** One index's close in one week: the close of the week's last trading day. */
export interface Observation {
  /** The trading day the close is from, as written (a Thursday in a holiday week). */
  date: IsoDate;
  /** The week it closes, named by its Friday. */
  week: WeekKey;
  close: number;
}

/** A close and the place it was written, so a disagreement can name both places. */
export interface SourcedClose {
  index: string;
  date: IsoDate;
  close: number;
  file: string;
  field?: string;
  line?: number;
}

/**
 * Weekly closes per index id, one per week, sorted by week: the one series every figure and chart is
 * computed from. A week with no close is absent, never filled: gaps are facts.
 */
export type Series = ReadonlyMap<string, readonly Observation[]>;

/** Which exchange calendar an index trades on. */
export type CalendarOf = (index: string) => TradingCalendar;

/** Where a close was written, for messages: `content/data/closes.csv line 12` or a post's field. */
export function describePlace(close: Pick<SourcedClose, 'file' | 'line' | 'field'>): string {
  return [close.file, close.line === undefined ? undefined : `line ${close.line}`, close.field].filter(Boolean).join(' ');
}

function problemAt(close: SourcedClose, message: string, hint: string): Problem {
  return {
    file: close.file,
    ...(close.field === undefined ? {} : { field: close.field }),
    ...(close.line === undefined ? {} : { line: close.line }),
    message,
    hint,
  };
}

/** A close dated on a weekend or an exchange holiday cannot be a close: it names the row and the day. */
export function checkTradingDay(close: SourcedClose, calendar: TradingCalendar): Problem | undefined {
  const reason = whyNotTradingDay(calendar, close.date);
  if (reason === undefined) return undefined;
  return problemAt(close, `${close.index} has a close dated ${close.date}, ${reason}.`, 'Markets close on trading days only: correct the date, or remove the row.');
}

/**
 * Within one exchange calendar, every index of a week closes on the same trading day. A close dated a
 * day early in an ordinary week is a typo that would shift one index against the others, so it is
 * refused, naming both rows. The week's day is the one most of its closes share (the later one on a
 * tie), so the message points at the odd row. `closes` holds one close per index and week.
 */
export function checkWeekDays(closes: readonly SourcedClose[], calendarOf: CalendarOf): Problem[] {
  const byWeek = new Map<string, SourcedClose[]>();
  for (const close of closes) {
    const key = `${calendarOf(close.index)}|${weekOf(close.date)}`;
    const group = byWeek.get(key);
    if (group) group.push(close);
    else byWeek.set(key, [close]);
  }
  const problems: Problem[] = [];
  for (const group of byWeek.values()) {
    if (group.every((close) => close.date === group[0]?.date)) continue;
    const counts = new Map<IsoDate, number>();
    for (const close of group) counts.set(close.date, (counts.get(close.date) ?? 0) + 1);
    const [day] = [...counts].sort((a, b) => b[1] - a[1] || b[0].localeCompare(a[0]))[0] as [IsoDate, number];
    const witness = group.find((close) => close.date === day) as SourcedClose;
    for (const close of group) {
      if (close.date === day) continue;
      problems.push(problemAt(
        close,
        `${close.index} closes the week ending ${weekOf(close.date)} on ${close.date}, but ${witness.index} closes it on ${day} (${describePlace(witness)}).`,
        `Indices of one exchange (${calendarOf(close.index)}) close a week on the same day: correct the date of one of the two.`,
      ));
    }
  }
  return problems;
}

/**
 * Merges the imported history and every post's closes into one weekly series. The same close given
 * twice is one close; two different closes for one index and week are a problem naming both places,
 * as are closes on days the exchange was shut and indices of one exchange closing a week on different days.
 * The order of `closes` changes nothing but which place a message names first.
 */
export function buildSeries(closes: readonly SourcedClose[], calendarOf: CalendarOf): { series: Series; problems: Problem[] } {
  const byWeek = new Map<string, SourcedClose>();
  const problems: Problem[] = [];
  for (const close of closes) {
    const tradingDay = checkTradingDay(close, calendarOf(close.index));
    if (tradingDay) {
      problems.push(tradingDay);
      continue;
    }
    const key = `${close.index}|${weekOf(close.date)}`;
    const first = byWeek.get(key);
    if (!first) {
      byWeek.set(key, close);
      continue;
    }
    if (first.date === close.date && first.close === close.close) continue;
    problems.push(problemAt(
      close,
      first.date === close.date
        ? `${close.index} closes at ${close.close} on ${close.date} here, but at ${first.close} in ${describePlace(first)}.`
        : `${close.index} has a close on ${close.date} here and another on ${first.date} in ${describePlace(first)}, in the same week.`,
      'One close per index per week: correct one of the two.',
    ));
  }
  problems.push(...checkWeekDays([...byWeek.values()], calendarOf));
  const series = new Map<string, Observation[]>();
  for (const close of byWeek.values()) {
    const list = series.get(close.index) ?? [];
    list.push({ date: close.date, week: weekOf(close.date), close: close.close });
    series.set(close.index, list);
  }
  for (const list of series.values()) list.sort((a, b) => a.week.localeCompare(b.week));
  return { series, problems };
}

/** The item of `week` in a list sorted by week (a series or the ratio), by binary search. */
export function findWeek<T extends { week: WeekKey }>(items: readonly T[], week: WeekKey): T | undefined {
  const index = countUpToWeek(items, week) - 1;
  const found = items[index];
  return found?.week === week ? found : undefined;
}

/**
 * How many items of a list sorted by week belong to `week` or earlier: a binary search, since every
 * post page looks up its own week in the whole history.
 */
export function countUpToWeek(items: readonly { week: WeekKey }[], week: WeekKey): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((items[middle] as { week: WeekKey }).week <= week) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The items of a list sorted by week up to and including `week`: a post never sees a later week. */
export function upToWeek<T extends { week: WeekKey }>(items: readonly T[], week: WeekKey): T[] {
  return items.slice(0, countUpToWeek(items, week));
}
