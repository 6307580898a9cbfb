import { formatNumber, formatPercent } from '../i18n/format.ts';
import type { Locale } from '../i18n/locale.ts';
import { t } from '../i18n/ui.ts';
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

/**
 * Which way a figure moved as printed with `decimals` places: a change that rounds to zero is no move,
 * so a reader never sees a red −0.00. Colours (class `up`/`down`) and words ("rose", "fell") follow it.
 */
export function getDirection(value: number, decimals = 2): 'up' | 'down' | undefined {
  const printed = Number(value.toFixed(decimals));
  return printed > 0 ? 'up' : printed < 0 ? 'down' : undefined;
}

/** How `<Figure>` writes a figure: as a number (signed where it has a sign), its size alone, or in words. */
export const FIGURE_STYLES = ['number', 'absolute', 'words'] as const;
/** How `<Figure>` writes a figure. */
export type FigureStyle = (typeof FIGURE_STYLES)[number];

/** The fields `as="words"` can put into words: moves say rose or fell, deviations above or below. */
export const WORDED_FIELDS = ['change', 'changePercent', 'ytdChangePercent', 'deviation', 'relativeDeviation'] as const;

/** What `<Figure>` cites and how it writes it. */
export interface FigureRequest {
  field: string;
  index?: string | undefined;
  decimals?: number | undefined;
  style?: FigureStyle | undefined;
}

/**
 * A cited figure as the words of a sentence. `words` gives the direction in each language with the
 * size: "fell 24.27 points (1.40%)" / 「24.27ポイント(1.40%)下落」, "0.37 points above" / 「0.37ポイント上回る」,
 * so prose never reads "down −24.27". The direction follows the value as printed: −0.001 is unchanged.
 * Returns the text and the value it was written from, for the markup's machine-readable value.
 */
export function writeFigure(locale: Locale, figures: WeekFigures, request: FigureRequest): { text: string; value: number } {
  const cited = citeFigure(figures, request.field, request.index);
  return { text: wordFigure(locale, figures, cited, request), value: cited.value };
}

function wordFigure(locale: Locale, figures: WeekFigures, cited: CitedFigure, request: FigureRequest): string {
  const { field, index, decimals = 2, style = 'number' } = request;
  const size = (value: number, unit: CitedFigure['unit']) => {
    const text = formatNumber(locale, Math.abs(value), { decimals });
    return unit === 'percent' ? `${text}%` : unit === 'points' ? t(locale, 'figures.points', { value: text }) : text;
  };
  if (style === 'words') {
    if (!(WORDED_FIELDS as readonly string[]).includes(field)) throw new RangeError(`as="words" describes ${WORDED_FIELDS.join(', ')}; write ${field} as a number`);
    const direction = getDirection(cited.value, decimals);
    if (field === 'deviation' || field === 'relativeDeviation') {
      return direction === undefined ? t(locale, 'figures.gap.level') : t(locale, direction === 'up' ? 'figures.gap.above' : 'figures.gap.below', { value: size(cited.value, cited.unit) });
    }
    if (direction === undefined) return t(locale, 'figures.move.flat');
    const percent = figures.indices[index ?? '']?.changePercent;
    const value = field === 'change' && percent !== undefined
      ? t(locale, 'figures.move.withPercent', { points: formatNumber(locale, Math.abs(cited.value), { decimals }), percent: `${formatNumber(locale, Math.abs(percent), { decimals })}%` })
      : size(cited.value, cited.unit);
    return t(locale, direction === 'up' ? 'figures.move.up' : 'figures.move.down', { value });
  }
  if (style === 'absolute') return size(cited.value, cited.unit);
  if (cited.unit === 'percent') return formatPercent(locale, cited.value, { decimals, signed: cited.signed });
  if (cited.unit === 'points') return t(locale, 'figures.points', { value: formatNumber(locale, cited.value, { decimals, signed: true }) });
  return formatNumber(locale, cited.value, { decimals, signed: cited.signed });
}
