import type { IndexFigures, RelativeFigures } from './metrics.ts';
import { getIndex, type IndexInfo, type Registry } from './registry.ts';
import { describeMissingAverage, type WeekFigures } from './stated-figures.ts';

/** The rows of a key-figures table: the indices in registry order, then the relative strength. */
export interface KeyFiguresTable {
  date: string;
  rows: { index: IndexInfo; figures: IndexFigures }[];
  relative: (RelativeFigures & { numerator: number; denominator: number; numeratorIndex: IndexInfo; denominatorIndex: IndexInfo }) | undefined;
  /** Sources of the indices shown, each once. */
  sources: string[];
}

/** Selects and orders what a key-figures box shows for a week, optionally only some indices. */
export function buildKeyFigures(registry: Registry, figures: WeekFigures, only?: readonly string[]): KeyFiguresTable {
  const rows = registry.indices
    .filter((index) => (only === undefined || only.includes(index.id)) && figures.indices[index.id] !== undefined)
    .map((index) => ({ index, figures: figures.indices[index.id] as IndexFigures }));
  const relative = figures.relative && {
    ...figures.relative,
    numeratorIndex: getIndex(registry, registry.site.ratio.numerator),
    denominatorIndex: getIndex(registry, registry.site.ratio.denominator),
  };
  return { date: figures.date, rows, relative, sources: [...new Set(rows.map((row) => row.index.source.en))] };
}

/** The figures prose can cite with <Figure />. */
export const CITABLE_FIELDS = ['close', 'change', 'changePercent', 'ytdChangePercent', 'ratio', 'deviation', 'relativeDeviation', 'movingAverage'] as const;
/** A figure prose can cite. */
export type CitableField = (typeof CITABLE_FIELDS)[number];

/** A cited figure: its value and how it is written (percent, points or a level). */
export interface CitedFigure {
  value: number;
  unit: 'level' | 'percent' | 'points';
  signed: boolean;
}

/**
 * Resolves <Figure index="…" field="…" /> to the computed value. Relative fields need no index.
 * Throws saying what exists; `npm run check` and the build report it with the post's file and line.
 */
export function citeFigure(figures: WeekFigures, field: string, index: string | undefined): CitedFigure {
  const fail = (message: string): never => {
    throw new RangeError(message);
  };
  if (!(CITABLE_FIELDS as readonly string[]).includes(field)) fail(`unknown field; expected one of ${CITABLE_FIELDS.join(', ')}`);
  if (field === 'ratio' || field === 'deviation' || field === 'relativeDeviation' || field === 'movingAverage') {
    const relative = figures.relative ?? fail('this post has no relative-strength figures');
    const value = field === 'ratio' ? relative.ratio : field === 'movingAverage' ? relative.movingAverage : relative[field];
    if (value === undefined) fail(figures.relative?.missingWeeks.length ? describeMissingAverage(figures.relative) : 'not available for this week');
    return { value: value as number, unit: field === 'deviation' ? 'points' : 'percent', signed: field !== 'ratio' && field !== 'movingAverage' };
  }
  if (index === undefined) return fail('needs index="…" for this field');
  const indexFigures = figures.indices[index] ?? fail(`no figures for index "${index}"; this post has ${Object.keys(figures.indices).join(', ')}`);
  const value = indexFigures[field as 'close' | 'change' | 'changePercent' | 'ytdChangePercent'];
  if (value === undefined) fail('not available for this week: the close it starts from is missing');
  return { value: value as number, unit: field === 'close' || field === 'change' ? 'level' : 'percent', signed: field !== 'close' };
}
