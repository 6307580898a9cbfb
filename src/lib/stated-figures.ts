import type { IsoDate, WeekKey } from './dates.ts';
import type { Frontmatter } from './frontmatter.ts';
import type { IndexFigures, RelativeFigures } from './metrics.ts';
import { findFieldLine, frontmatterLineText, type Problem } from './problems.ts';

/** The figures computed for one week: every index with a close that day and the relative strength. */
export interface WeekFigures {
  /** The post's as-of date: the trading day of the week's closes. */
  date: IsoDate;
  week: WeekKey;
  indices: Readonly<Record<string, IndexFigures>>;
  relative: RelativeFigures | undefined;
}

/** How precisely the author wrote a number: the digits after the point in the source text. */
export function decimalsWritten(source: string, field: string, value: number): number {
  const line = findFieldLine(source, field);
  const key = field.split('.').at(-1) ?? '';
  if (line !== undefined) {
    const text = frontmatterLineText(source, line);
    const match = new RegExp(`\\b${key}\\s*:\\s*[-+]?\\d+(?:\\.(\\d+))?`).exec(text);
    if (match) return match[1]?.length ?? 0;
  }
  return (String(value).split('.')[1] ?? '').length;
}

/** Why a moving average is undefined: the weeks of its window without a ratio, named. */
export function describeMissingAverage(relative: Pick<RelativeFigures, 'week' | 'window' | 'missingWeeks'>): string {
  const missing = relative.missingWeeks;
  const named = missing.slice(0, 3).join(', ') + (missing.length > 3 ? ` and ${missing.length - 3} more` : '');
  return `the ${relative.window}-week moving average needs a ratio in each of the ${relative.window} weeks ending ${relative.week}, and ${missing.length} of them have none (the week${missing.length === 1 ? '' : 's'} ending ${named})`;
}

const show = (value: number, digits = 4): string => Number(value.toFixed(digits)).toString();

interface Check {
  field: string;
  stated: number | undefined;
  computed: number | undefined;
  formula: string;
  /** Derived figures depend on vendor history and are compared within the site's tolerance. */
  isDerived: boolean;
  unit: string;
}

/**
 * Compares every figure the author wrote with the computed one: direct figures (closes, changes, the
 * ratio) to the precision written, derived ones (deviation from the moving average) within `tolerance` points.
 */
export function checkStatedFigures(
  file: string,
  source: string,
  frontmatter: Pick<Frontmatter, 'indices' | 'relative'>,
  figures: WeekFigures,
  tolerance: number,
): Problem[] {
  const checks: Check[] = [];
  for (const [id, stated] of Object.entries(frontmatter.indices ?? {})) {
    const computed = figures.indices[id];
    if (!computed) continue;
    const { close, previousClose } = computed;
    checks.push(
      { field: `indices.${id}.change`, stated: stated.change, computed: computed.change, isDerived: false, unit: '',
        formula: `${close} − ${previousClose} = ${show(computed.change)}` },
      { field: `indices.${id}.changePercent`, stated: stated.changePercent, computed: computed.changePercent, isDerived: false, unit: '%',
        formula: `(${close} − ${previousClose}) / ${previousClose} × 100 = ${show(computed.changePercent)}%` },
    );
  }
  const relative = figures.relative;
  if (relative && frontmatter.relative) {
    const average = relative.movingAverage;
    const noAverage = describeMissingAverage(relative);
    checks.push(
      { field: 'relative.ratio', stated: frontmatter.relative.ratio, computed: relative.ratio, isDerived: false, unit: '%',
        formula: `${relative.numerator} / ${relative.denominator} × 100 = ${show(relative.ratio)}%` },
      { field: 'relative.deviation', stated: frontmatter.relative.deviation, computed: relative.deviation, isDerived: true, unit: ' points',
        formula: average === undefined ? noAverage
          : `${show(relative.ratio)} − ${show(average)} (${relative.window}-week average) = ${show(relative.ratio - average)} points` },
      { field: 'relative.relativeDeviation', stated: frontmatter.relative.relativeDeviation, computed: relative.relativeDeviation, isDerived: true, unit: '%',
        formula: average === undefined ? noAverage
          : `(${show(relative.ratio)} / ${show(average)} − 1) × 100 = ${show((relative.ratio / average - 1) * 100)}%` },
    );
  }
  return checks.flatMap((check): Problem[] => {
    if (check.stated === undefined) return [];
    const line = findFieldLine(source, check.field);
    const where = line === undefined ? {} : { line };
    if (check.computed === undefined) {
      return [{ file, field: check.field, ...where, message: `states ${check.stated}${check.unit}, but it cannot be computed: ${check.formula}.`, hint: 'Remove the figure or add the missing closes.' }];
    }
    const decimals = decimalsWritten(source, check.field, check.stated);
    const allowed = check.isDerived ? tolerance : 0.5 * 10 ** -decimals;
    if (Math.abs(check.stated - check.computed) <= allowed + 1e-9) return [];
    return [{
      file,
      field: check.field,
      ...where,
      // Both values with the digits the author wrote (at least two), so "-1.41" is set against "-1.40".
      message: `states ${check.stated.toFixed(decimals)}${check.unit}, computed ${check.computed.toFixed(Math.max(decimals, 2))}${check.unit} (${check.formula}${check.isDerived ? `; tolerance ±${tolerance}` : ''}).`,
      hint: 'Fix the closes or the stated figure.',
    }];
  });
}
