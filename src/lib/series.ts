import { weekStart, type IsoDate } from './dates.ts';
import type { Observation } from './metrics.ts';
import type { Problem } from './problems.ts';

/** A close and the place it was written, so a disagreement can name both places. */
export interface SourcedClose {
  index: string;
  date: IsoDate;
  close: number;
  file: string;
  field?: string;
  line?: number;
}

/** Weekly closes per index id, sorted by date: the one series every figure and chart is computed from. */
export type Series = ReadonlyMap<string, readonly Observation[]>;

function place(close: SourcedClose): string {
  return [close.file, close.line === undefined ? undefined : `line ${close.line}`, close.field].filter(Boolean).join(' ');
}

/**
 * Merges the imported history and every post's closes into one series. Two closes for one index and
 * week must be the same day and value; otherwise each disagreement is a problem naming both places.
 */
export function buildSeries(closes: readonly SourcedClose[]): { series: Series; problems: Problem[] } {
  const byWeek = new Map<string, SourcedClose>();
  const problems: Problem[] = [];
  for (const close of closes) {
    const key = `${close.index}|${weekStart(close.date)}`;
    const first = byWeek.get(key);
    if (!first) {
      byWeek.set(key, close);
      continue;
    }
    if (first.date === close.date && first.close === close.close) continue;
    const problem: Problem = {
      file: close.file,
      message:
        first.date === close.date
          ? `${close.index} closes at ${close.close} on ${close.date} here, but at ${first.close} in ${place(first)}.`
          : `${close.index} has a close on ${close.date} here and another on ${first.date} in ${place(first)}, in the same week.`,
      hint: 'One close per index per week: correct one of the two.',
    };
    if (close.field !== undefined) problem.field = close.field;
    if (close.line !== undefined) problem.line = close.line;
    problems.push(problem);
  }
  const series = new Map<string, Observation[]>();
  for (const close of byWeek.values()) {
    const list = series.get(close.index) ?? [];
    list.push({ date: close.date, close: close.close });
    series.set(close.index, list);
  }
  for (const list of series.values()) list.sort((a, b) => a.date.localeCompare(b.date));
  return { series, problems };
}
