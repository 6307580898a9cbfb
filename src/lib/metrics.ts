import { shiftWeek, weekOf, yearOf, type IsoDate, type WeekKey } from './dates.ts';
import { findWeek, upToWeek, type Observation } from './series.ts';

/** A weekly move of one index, from the closes of two consecutive weeks. */
export interface WeeklyChange {
  close: number;
  change: number;
  changePercent: number;
}

/**
 * The move from `previousClose` to `close`.
 * @example weeklyChange(1709.95, 1734.22) // { close: 1709.95, change: -24.27, changePercent: -1.3995… }
 */
export function weeklyChange(close: number, previousClose: number): WeeklyChange {
  if (!(previousClose > 0)) throw new RangeError(`previous close must be positive, received ${previousClose}`);
  const change = close - previousClose;
  return { close, change, changePercent: (change / previousClose) * 100 };
}

/** One value of a weekly series, keyed by its week. */
export interface WeeklyValue {
  week: WeekKey;
  value: number;
}

/**
 * Simple moving average over the last `window` calendar weeks, this week included. A week missing
 * from the window leaves the average undefined for every week whose window spans it: an average of
 * fewer weeks than it says would be a different figure under the same name.
 */
export function weeklyMovingAverage(values: readonly WeeklyValue[], window: number): (number | undefined)[] {
  let sum = 0;
  return values.map((point, i) => {
    sum += point.value - (i >= window ? (values[i - window] as WeeklyValue).value : 0);
    // Weeks are unique and sorted, so the window is whole exactly when its first week is window − 1 weeks back.
    const first = values[i - window + 1];
    return first !== undefined && first.week === shiftWeek(point.week, -(window - 1)) ? sum / window : undefined;
  });
}

/** Everything the site says about one index in one week, and what each figure was computed from. */
export interface IndexFigures extends WeeklyChange {
  index: string;
  /** The trading day of this week's close. */
  date: IsoDate;
  week: WeekKey;
  /** The close of the week immediately before: never an older one. */
  previousDate: IsoDate;
  previousClose: number;
  /** Change since the last close of the previous year, in percent; undefined when that close is missing. */
  ytdChangePercent: number | undefined;
  /** The close the year-to-date change starts from. */
  ytdBase: Observation | undefined;
  high52: Observation;
  low52: Observation;
  /** How many of the 52 weeks ending this week have a close: the range covers these. */
  rangeWeeks: number;
}

/**
 * The close a year-to-date change starts from: the last close dated before 1 January, provided it is
 * from the last or second-to-last week touching December (the week of 31 December may close in
 * January, so its previous week then holds the year's last close). An older close means weeks are
 * missing, and a change from it would not be year to date.
 */
function yearEndClose(observations: readonly Observation[], year: number): Observation | undefined {
  const yearStart = `${year}-01-01`;
  let last: Observation | undefined;
  for (const observation of observations) {
    if (observation.date >= yearStart) break;
    last = observation;
  }
  const lastWeekOfYear = weekOf(`${year - 1}-12-31`);
  return last !== undefined && last.week >= shiftWeek(lastWeekOfYear, -1) ? last : undefined;
}

/**
 * Figures for one index in `week`, or undefined when the series lacks a close in that week or in the
 * week immediately before it (the weekly change would otherwise span more than a week).
 */
export function computeIndexFigures(index: string, observations: readonly Observation[], week: WeekKey): IndexFigures | undefined {
  const known = upToWeek(observations, week);
  const current = known.at(-1);
  const previous = known.at(-2);
  if (!current || current.week !== week || !previous || previous.week !== shiftWeek(week, -1)) return undefined;
  const ytdBase = yearEndClose(known, yearOf(current.date));
  // 52 weeks, this one included.
  const windowStart = shiftWeek(week, -51);
  const window = known.filter((observation) => observation.week >= windowStart);
  const high52 = window.reduce((best, observation) => (observation.close > best.close ? observation : best), current);
  const low52 = window.reduce((best, observation) => (observation.close < best.close ? observation : best), current);
  return {
    index,
    date: current.date,
    week,
    ...weeklyChange(current.close, previous.close),
    previousDate: previous.date,
    previousClose: previous.close,
    ytdChangePercent: ytdBase ? ((current.close - ytdBase.close) / ytdBase.close) * 100 : undefined,
    ytdBase,
    high52,
    low52,
    rangeWeeks: window.length,
  };
}

/** One week of the relative-strength line: the ratio in percent and its moving average. */
export interface RatioPoint {
  week: WeekKey;
  /** The numerator's close day (the denominator's is the same day within one exchange calendar). */
  date: IsoDate;
  numerator: number;
  denominator: number;
  /** numerator / denominator × 100. */
  ratio: number;
  /** Undefined until `window` consecutive weeks have a ratio, and after any gap until they do again. */
  movingAverage: number | undefined;
}

/** The ratio of two indices in every week both have a close, paired by week, with its `window`-week moving average. */
export function ratioSeries(
  numerator: readonly Observation[],
  denominator: readonly Observation[],
  window: number,
): RatioPoint[] {
  const byWeek = new Map(denominator.map((observation) => [observation.week, observation.close]));
  const points = numerator.flatMap((observation) => {
    const other = byWeek.get(observation.week);
    return other === undefined ? [] : [{ week: observation.week, date: observation.date, numerator: observation.close, denominator: other, ratio: (observation.close / other) * 100 }];
  });
  const averages = weeklyMovingAverage(points.map((point) => ({ week: point.week, value: point.ratio })), window);
  return points.map((point, i) => ({ ...point, movingAverage: averages[i] }));
}

/** The ratio in one week and where it stands against its moving average. */
export interface RelativeFigures extends RatioPoint {
  /** ratio − moving average, in percentage points; undefined with the average. */
  deviation: number | undefined;
  /** (ratio / moving average − 1) × 100, in percent; undefined with the average. */
  relativeDeviation: number | undefined;
  window: number;
  /** The weeks of the window with no ratio (either close missing): why the average is undefined. */
  missingWeeks: WeekKey[];
}

/** The weeks among the `window` weeks ending `week` that have no point in `points` (sorted by week). */
export function findMissingWeeks(points: readonly { week: WeekKey }[], week: WeekKey, window: number): WeekKey[] {
  const present = new Set(upToWeek(points, week).slice(-window).map((point) => point.week));
  return Array.from({ length: window }, (_, i) => shiftWeek(week, i - window + 1)).filter((candidate) => !present.has(candidate));
}

/** The relative-strength figures of `week`, or undefined when either index lacks a close that week. */
export function computeRelativeFigures(points: readonly RatioPoint[], week: WeekKey, window: number): RelativeFigures | undefined {
  const point = findWeek(points, week);
  if (!point) return undefined;
  const average = point.movingAverage;
  return {
    ...point,
    window,
    deviation: average === undefined ? undefined : point.ratio - average,
    relativeDeviation: average === undefined ? undefined : (point.ratio / average - 1) * 100,
    missingWeeks: average === undefined ? findMissingWeeks(points, week, window) : [],
  };
}
