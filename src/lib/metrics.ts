import { addDays, yearOf, type IsoDate } from './dates.ts';

/** One close of one index, with where it came from so conflicts can name both places. */
export interface Observation {
  date: IsoDate;
  close: number;
}

/** A weekly move of one index, from two consecutive closes. */
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

/** Simple moving average of the last `window` values; undefined until the window is full. */
export function movingAverage(values: readonly number[], window: number): (number | undefined)[] {
  let sum = 0;
  return values.map((value, i) => {
    sum += value - (i >= window ? (values[i - window] ?? 0) : 0);
    return i + 1 >= window ? sum / window : undefined;
  });
}

/**
 * How many of `observations` (sorted by date, as every series of the site model is) are dated on or
 * before `asOf`: a binary search, since every post page looks up its own week in the whole history.
 */
export function countUpTo(observations: readonly { date: IsoDate }[], asOf: IsoDate): number {
  let low = 0;
  let high = observations.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((observations[middle] as { date: IsoDate }).date <= asOf) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The observations (sorted by date) dated on or before `asOf`: a post never sees data from after its own as-of date. */
export function upTo<T extends { date: IsoDate }>(observations: readonly T[], asOf: IsoDate): T[] {
  return observations.slice(0, countUpTo(observations, asOf));
}

/** Everything the site says about one index on one as-of date. */
export interface IndexFigures extends WeeklyChange {
  index: string;
  date: IsoDate;
  previousDate: IsoDate;
  previousClose: number;
  /** Change since the last close of the previous year, in percent; undefined without one. */
  ytdChangePercent: number | undefined;
  high52: Observation;
  low52: Observation;
}

/** Figures for one index on `asOf`, or undefined when the series has no close that day or none before it. */
export function computeIndexFigures(index: string, observations: readonly Observation[], asOf: IsoDate): IndexFigures | undefined {
  const known = upTo(observations, asOf);
  const current = known.at(-1);
  const previous = known.at(-2);
  if (!current || current.date !== asOf || !previous) return undefined;
  // Date strings compare like dates; the bounds are computed once, not per observation (check speed at 1,000 posts).
  const yearStart = `${yearOf(asOf)}-01-01`;
  const yearEnd = known.filter((observation) => observation.date < yearStart).at(-1);
  // 52 weeks back, this week included: anything after the same weekday 52 weeks ago.
  const windowStart = addDays(asOf, -364);
  const window = known.filter((observation) => observation.date > windowStart);
  const high52 = window.reduce((best, observation) => (observation.close > best.close ? observation : best), current);
  const low52 = window.reduce((best, observation) => (observation.close < best.close ? observation : best), current);
  return {
    index,
    date: asOf,
    ...weeklyChange(current.close, previous.close),
    previousDate: previous.date,
    previousClose: previous.close,
    ytdChangePercent: yearEnd ? ((current.close - yearEnd.close) / yearEnd.close) * 100 : undefined,
    high52,
    low52,
  };
}

/** One week of the relative-strength line: the ratio in percent and its moving average. */
export interface RatioPoint {
  date: IsoDate;
  numerator: number;
  denominator: number;
  /** numerator / denominator × 100. */
  ratio: number;
  movingAverage: number | undefined;
}

/** The ratio of two indices on every date both have a close, with its `window`-week simple moving average. */
export function ratioSeries(
  numerator: readonly Observation[],
  denominator: readonly Observation[],
  window: number,
): RatioPoint[] {
  const byDate = new Map(denominator.map((observation) => [observation.date, observation.close]));
  const points = numerator.flatMap((observation) => {
    const other = byDate.get(observation.date);
    return other === undefined ? [] : [{ date: observation.date, numerator: observation.close, denominator: other, ratio: (observation.close / other) * 100 }];
  });
  const averages = movingAverage(points.map((point) => point.ratio), window);
  return points.map((point, i) => ({ ...point, movingAverage: averages[i] }));
}

/** The ratio on an as-of date and where it stands against its moving average. */
export interface RelativeFigures extends RatioPoint {
  /** ratio − moving average, in percentage points. */
  deviation: number | undefined;
  /** (ratio / moving average − 1) × 100, in percent. */
  relativeDeviation: number | undefined;
  window: number;
}

/** The relative-strength figures on `asOf`, or undefined when either index lacks a close that day. */
export function computeRelativeFigures(points: readonly RatioPoint[], asOf: IsoDate, window: number): RelativeFigures | undefined {
  const point = points.find((candidate) => candidate.date === asOf);
  if (!point) return undefined;
  const average = point.movingAverage;
  return {
    ...point,
    window,
    deviation: average === undefined ? undefined : point.ratio - average,
    relativeDeviation: average === undefined ? undefined : (point.ratio / average - 1) * 100,
  };
}

/** Each value divided by the first and times 100: several indices on one scale. */
export function rebase(values: readonly number[]): number[] {
  const first = values[0];
  if (first === undefined || !(first > 0)) return values.map(() => Number.NaN);
  return values.map((value) => (value / first) * 100);
}
