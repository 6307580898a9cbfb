import { formatDate } from '../i18n/format.ts';
import { t } from '../i18n/ui.ts';
import { formatChartValue, type ChartValueFormat } from './chart-format.ts';
import { listWeeks, shiftWeek, weekOf, type IsoDate, type WeekKey } from './dates.ts';
import type { CustomChart } from './frontmatter.ts';
import type { RatioPoint } from './metrics.ts';
import { getIndex, type IndexInfo, type Registry } from './registry.ts';
import type { Locale } from '../i18n/locale.ts';
import { findWeek, upToWeek, type Observation, type Series } from './series.ts';
import type { WeekFigures } from './stated-figures.ts';


/** What a value axis measures; the frontmatter's `unit`. */
export type ChartUnit = CustomChart['unit'];

/** How one series is drawn: colour plus a dash and a point shape, so it reads without colour too. */
export interface ChartSeries {
  label: string;
  /** One value per category; null is a gap (e.g. before a moving average has a full window). */
  values: (number | null)[];
  /** `#rrggbb` for a light background; the dark theme derives its own. */
  color: string;
  /** One colour per bar, when each bar is a different index. */
  barColors?: string[];
  dash: 'solid' | 'dashed' | 'dotted';
  point: 'circle' | 'rect' | 'triangle' | 'rectRot';
}

/**
 * Everything a chart shows, in one language, as plain data: the interactive chart, the PNG, the
 * table, the CSV and the alt text are all made from this. No functions, so it serialises to JSON.
 */
export interface ChartSpec {
  /** The name `<Chart name="…" />` uses. */
  id: string;
  locale: Locale;
  type: 'line' | 'bar';
  horizontal: boolean;
  title: string;
  /** The last date the data may come from: a post never charts anything after its own as-of date. */
  asOf: IsoDate;
  unit: ChartUnit;
  format: ChartValueFormat;
  /** Caption lines in the page's language. */
  caption: { asOf: string; unit: string };
  /** Who published the data, as the page credits it (e.g. MarketWatch); see `chartSourceLines`. */
  source: string;
  /** Header of the category column in the table and the CSV. */
  categoryLabel: string;
  /** Category labels as shown, e.g. localized dates or index names. */
  categories: string[];
  /** The ISO date of each category when categories are weeks, for the CSV. */
  dates?: IsoDate[];
  series: ChartSeries[];
  /** A value the axis should always include, e.g. 100 for rebased indices or 0 for changes. */
  baseline?: number;
  /** A text summary for readers who cannot see the image. */
  alt: string;
}

/** The parts of the site model built-in charts are computed from. */
export interface ChartData {
  registry: Registry;
  series: Series;
  ratio: readonly RatioPoint[];
}

/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
export const CATEGORY_COLORS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00'] as const;
const DASHES: ChartSeries['dash'][] = ['solid', 'dashed', 'dotted'];
const POINTS: ChartSeries['point'][] = ['circle', 'rect', 'triangle', 'rectRot'];
/** The moving average is a reference line, drawn in a neutral grey. */
const REFERENCE_COLOR = '#56606b';

/** Values are rounded once here, so the CSV holds exactly what is plotted and nothing spuriously precise. */
function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** A value rounded for the chart, or null for a gap (no close, or no full moving-average window). */
function roundOrGap(value: number | undefined): number | null {
  return value === undefined ? null : round(value);
}


function valueFormat(locale: Locale, unit: ChartUnit, decimals: number, signed: boolean): ChartValueFormat {
  // The placeholder survives so the browser can fill it without the dictionaries.
  return { decimals, signed, template: t(locale, `chart.value.${unit}`, { value: '{value}' }) };
}

function caption(locale: Locale, asOf: IsoDate, unit: ChartUnit): ChartSpec['caption'] {
  return {
    asOf: t(locale, 'chart.asOf', { date: formatDate(locale, asOf) }),
    unit: t(locale, 'chart.unit', { unit: t(locale, `chart.unit.${unit}`) }),
  };
}

function describeLine(locale: Locale, spec: Omit<ChartSpec, 'alt'>): string {
  const ranges = spec.series.flatMap((series) => {
    const present = series.values.filter((value): value is number => value !== null);
    const first = present[0];
    const last = present.at(-1);
    if (first === undefined || last === undefined) return [];
    return [t(locale, 'chart.alt.range', { label: series.label, first: formatChartValue(locale, spec.format, first), last: formatChartValue(locale, spec.format, last) })];
  });
  return t(locale, 'chart.alt.line', {
    title: spec.title,
    from: spec.categories[0] ?? '',
    to: spec.categories.at(-1) ?? '',
    summary: ranges.join(t(locale, 'chart.alt.separator')) + t(locale, 'chart.alt.end'),
  });
}

function describeBars(locale: Locale, spec: Omit<ChartSpec, 'alt'>): string {
  const items = spec.series.flatMap((series) =>
    spec.categories.map((category, i) => {
      const label = spec.series.length > 1 ? `${category} (${series.label})` : category;
      return t(locale, 'chart.alt.value', { label, value: formatChartValue(locale, spec.format, series.values[i] ?? null) });
    }),
  );
  return t(locale, 'chart.alt.bar', { title: spec.title, summary: items.join(t(locale, 'chart.alt.separator')) + t(locale, 'chart.alt.end') });
}

/** Completes a spec with its alt text, written from the same values the chart draws. */
function withAlt(spec: Omit<ChartSpec, 'alt'>): ChartSpec {
  return { ...spec, alt: spec.type === 'line' ? describeLine(spec.locale, spec) : describeBars(spec.locale, spec) };
}

/**
 * Relative strength: the configured ratio (e.g. Russell 2000 Growth / S&P 500, in percent) every week
 * from the start of the series to `asOf`, with its moving average.
 */
export function buildRelativeStrengthChart(data: ChartData, asOf: IsoDate, locale: Locale): ChartSpec {
  const { numerator, denominator } = data.registry.site.ratio;
  const window = data.registry.site.movingAverageWeeks;
  const top = getIndex(data.registry, numerator);
  const bottom = getIndex(data.registry, denominator);
  const asOfWeek = weekOf(asOf);
  const points = upToWeek(data.ratio, asOfWeek);
  if (points.at(-1)?.week !== asOfWeek) throw new RangeError(`relative-strength: no ratio of ${numerator} and ${denominator} in the week of ${asOf}`);
  // Every calendar week from the first ratio on: a week without one is a gap in the line, never bridged.
  const weeks = listWeeks(points[0]?.week ?? asOfWeek, asOfWeek);
  const byWeek = new Map(points.map((point) => [point.week, point]));
  const dates = weeks.map((week) => byWeek.get(week)?.date ?? week);
  const names = { numerator: top.shortName[locale], denominator: bottom.shortName[locale] };
  return withAlt({
    id: 'relative-strength',
    locale,
    type: 'line',
    horizontal: false,
    title: t(locale, 'chart.relativeStrength.title', { ...names, weeks: window }),
    asOf,
    unit: 'percent',
    format: valueFormat(locale, 'percent', 2, false),
    caption: caption(locale, asOf, 'percent'),
    source: data.registry.site.dataCredit[locale],
    categoryLabel: t(locale, 'chart.category.date'),
    categories: dates.map((date) => formatDate(locale, date, 'short')),
    dates,
    series: [
      { label: t(locale, 'figures.ratio', names), values: weeks.map((week) => roundOrGap(byWeek.get(week)?.ratio)), color: top.color, dash: 'solid', point: 'circle' },
      {
        label: t(locale, 'figures.movingAverage', { weeks: window }),
        values: weeks.map((week) => roundOrGap(byWeek.get(week)?.movingAverage)),
        color: REFERENCE_COLOR,
        dash: 'dashed',
        point: 'rect',
      },
    ],
  });
}

/** The indices that have a close in the week of `asOf`, in registry order. */
function indicesOn(data: ChartData, week: WeekKey): IndexInfo[] {
  return data.registry.indices.filter((index) => findWeek(data.series.get(index.id) ?? [], week) !== undefined);
}

/**
 * Every index with a close in the week of `asOf`, rebased to 100 at the week 52 weeks before (or at
 * the first week any of them has, when the history is shorter), every calendar week up to `asOf`.
 * An index starts at its first close in that span; a week it has no close in is a gap.
 */
export function buildRebasedChart(data: ChartData, asOf: IsoDate, locale: Locale): ChartSpec {
  const asOfWeek = weekOf(asOf);
  const indices = indicesOn(data, asOfWeek);
  if (indices.length === 0) throw new RangeError(`rebased: no index has a close in the week of ${asOf}`);
  const known = indices.map((index) => upToWeek(data.series.get(index.id) ?? [], asOfWeek));
  const firstWeek = known.map((observations) => observations[0]?.week ?? asOfWeek).sort()[0] ?? asOfWeek;
  const yearAgo = shiftWeek(asOfWeek, -52);
  const baseWeek = firstWeek > yearAgo ? firstWeek : yearAgo;
  const weeks = listWeeks(baseWeek, asOfWeek);
  const byWeek = known.map((observations) => new Map(observations.filter((observation) => observation.week >= baseWeek).map((observation) => [observation.week, observation])));
  const dates = weeks.map((week) => byWeek.map((closes) => closes.get(week)?.date).find((date) => date !== undefined) ?? week);
  const series = indices.map((index, i): ChartSeries => {
    const closes = byWeek[i] as Map<WeekKey, Observation>;
    const base = [...closes.values()][0]?.close ?? Number.NaN;
    return {
      label: index.shortName[locale],
      values: weeks.map((week) => {
        const close = closes.get(week)?.close;
        return close === undefined ? null : round((close / base) * 100);
      }),
      color: index.color,
      dash: DASHES[i % DASHES.length] as ChartSeries['dash'],
      point: POINTS[i % POINTS.length] as ChartSeries['point'],
    };
  });
  return withAlt({
    id: 'rebased',
    locale,
    type: 'line',
    horizontal: false,
    title: t(locale, 'chart.rebased.title', { date: formatDate(locale, dates[0] ?? baseWeek) }),
    asOf,
    unit: 'index',
    format: valueFormat(locale, 'index', 1, false),
    caption: caption(locale, asOf, 'index'),
    source: data.registry.site.dataCredit[locale],
    categoryLabel: t(locale, 'chart.category.date'),
    categories: dates.map((date) => formatDate(locale, date, 'short')),
    dates,
    series,
    baseline: 100,
  });
}

/**
 * This week's percent change of each index with figures, one bar per index in its registry colour,
 * laid on its side: the index names read along the bars, and three bars need a short chart.
 */
export function buildWeeklyChangeChart(data: ChartData, figures: WeekFigures, locale: Locale): ChartSpec {
  const indices = data.registry.indices.filter((index) => figures.indices[index.id] !== undefined);
  if (indices.length === 0) throw new RangeError(`weekly-change: no index has figures on ${figures.date}`);
  return withAlt({
    id: 'weekly-change',
    locale,
    type: 'bar',
    horizontal: true,
    title: t(locale, 'chart.weeklyChange.title', { date: formatDate(locale, figures.date) }),
    asOf: figures.date,
    unit: 'percent',
    format: valueFormat(locale, 'percent', 2, true),
    caption: caption(locale, figures.date, 'percent'),
    source: data.registry.site.dataCredit[locale],
    categoryLabel: t(locale, 'figures.index'),
    categories: indices.map((index) => index.shortName[locale]),
    series: [{
      label: t(locale, 'figures.changePercent'),
      values: indices.map((index) => round(figures.indices[index.id]?.changePercent ?? Number.NaN)),
      color: indices[0]?.color ?? CATEGORY_COLORS[0],
      barColors: indices.map((index) => index.color),
      dash: 'solid',
      point: 'rect',
    }],
    baseline: 0,
  });
}

function localize(text: CustomChart['labels'][number], locale: Locale): string {
  return typeof text === 'string' ? text : text[locale];
}

function decimalsOf(value: number): number {
  const text = String(value);
  const point = text.indexOf('.');
  return point === -1 ? 0 : text.length - point - 1;
}

/** A chart a feature post declares in its frontmatter, dated by the post. */
export function buildCustomChart(chart: CustomChart, asOf: IsoDate, locale: Locale): ChartSpec {
  const values = chart.datasets.flatMap((dataset) => dataset.values);
  // Written as the author wrote them: 8.0 and 7.8 keep one decimal, 24.64 keeps two.
  const decimals = Math.min(2, Math.max(chart.unit === 'percent' ? 1 : 0, ...values.map(decimalsOf)));
  const signed = (chart.unit === 'percent' || chart.unit === 'points') && values.some((value) => value < 0);
  return withAlt({
    id: chart.id,
    locale,
    type: chart.type,
    horizontal: chart.horizontal,
    title: chart.title[locale],
    asOf,
    unit: chart.unit,
    format: valueFormat(locale, chart.unit, decimals, signed),
    caption: caption(locale, asOf, chart.unit),
    source: chart.source,
    categoryLabel: t(locale, 'chart.category.item'),
    categories: chart.labels.map((label) => localize(label, locale)),
    series: chart.datasets.map((dataset, i) => ({
      label: localize(dataset.label, locale),
      values: [...dataset.values],
      color: CATEGORY_COLORS[i % CATEGORY_COLORS.length] as string,
      dash: DASHES[i % DASHES.length] as ChartSeries['dash'],
      point: POINTS[i % POINTS.length] as ChartSeries['point'],
    })),
    ...(chart.type === 'bar' ? { baseline: 0 } : {}),
  });
}

/** A post as far as its charts are concerned. */
export interface ChartedPost {
  kind: 'weekly' | 'feature';
  date: IsoDate;
  figures: WeekFigures | undefined;
  charts: readonly CustomChart[];
}

/** A chart computed from the series that every post with what it needs can show: one entry per chart. */
export interface BuiltInChart {
  /** The name `<Chart name="…" />` uses. */
  name: string;
  /** Whether a post has the figures the chart is drawn from. */
  appliesTo: (post: ChartedPost) => boolean;
  build: (data: ChartData, post: ChartedPost & { figures: WeekFigures }, locale: Locale) => ChartSpec;
  /** The ids of the indices the chart plots, whose notices its page carries. */
  plots: (data: ChartData, post: ChartedPost & { figures: WeekFigures }) => string[];
}

/** The built-in charts, in the order a weekly post shows them after its body. */
export const BUILT_IN_CHARTS: readonly BuiltInChart[] = [
  {
    name: 'relative-strength',
    appliesTo: (post) => post.figures?.relative !== undefined,
    build: (data, post, locale) => buildRelativeStrengthChart(data, post.date, locale),
    plots: (data) => [data.registry.site.ratio.numerator, data.registry.site.ratio.denominator],
  },
  {
    name: 'rebased',
    appliesTo: (post) => post.figures !== undefined,
    build: (data, post, locale) => buildRebasedChart(data, post.date, locale),
    plots: (data, post) => indicesOn(data, weekOf(post.date)).map((index) => index.id),
  },
  {
    name: 'weekly-change',
    appliesTo: (post) => post.figures !== undefined,
    build: (data, post, locale) => buildWeeklyChangeChart(data, post.figures, locale),
    plots: (data, post) => data.registry.indices.filter((index) => post.figures.indices[index.id] !== undefined).map((index) => index.id),
  },
];

/** The ids of the indices a chart of a post plots; a post's own declared charts plot none of the registry's. */
export function chartIndices(data: ChartData, post: ChartedPost, name: string): string[] {
  const builtIn = BUILT_IN_CHARTS.find((chart) => chart.name === name);
  return builtIn && post.figures && builtIn.appliesTo(post) ? builtIn.plots(data, { ...post, figures: post.figures }) : [];
}

/** Whether `name` is a built-in chart's (a declared chart may not take it). */
export function isBuiltInChart(name: string): boolean {
  return BUILT_IN_CHARTS.some((chart) => chart.name === name);
}

/** The chart names a post can use: built-ins its figures support, then its own declared charts. */
export function availableCharts(post: ChartedPost): string[] {
  return [...BUILT_IN_CHARTS.filter((chart) => chart.appliesTo(post)).map((chart) => chart.name), ...post.charts.map((chart) => chart.id)];
}

/** Where a chart appears: placed in the body by the author, or added by the layout after it. */
export interface PlannedChart {
  name: string;
  placement: 'body' | 'after-body';
}

/**
 * Decides which charts a post shows and where. Charts placed with `<Chart name="…" />` appear there.
 * A weekly post that places none of the built-ins gets all three after its body; placing any of them
 * means the author chose, and the others are left out. A declared chart the body never places is
 * added after the body, so declared data is never silently dropped. An unknown name throws, naming
 * the file and the names that exist (the site model has refused such a post already).
 */
export function planPostCharts(post: ChartedPost, placed: readonly string[], file: string): PlannedChart[] {
  const available = availableCharts(post);
  for (const name of placed) {
    if (!available.includes(name)) {
      throw new Error(`${file}: <Chart name="${name}" />: no such chart; this post has ${available.length === 0 ? 'none' : available.join(', ')}.`);
    }
  }
  const unique = [...new Set(placed)];
  const planned: PlannedChart[] = unique.map((name) => ({ name, placement: 'body' }));
  if (post.kind === 'weekly' && !unique.some(isBuiltInChart)) {
    for (const chart of BUILT_IN_CHARTS) if (chart.appliesTo(post)) planned.push({ name: chart.name, placement: 'after-body' });
  }
  for (const chart of post.charts) if (!unique.includes(chart.id)) planned.push({ name: chart.id, placement: 'after-body' });
  return planned;
}

/** Builds the spec of one of a post's charts in one language. */
export function buildPostChart(data: ChartData, post: ChartedPost, name: string, locale: Locale): ChartSpec {
  const builtIn = BUILT_IN_CHARTS.find((chart) => chart.name === name);
  if (builtIn) {
    if (!post.figures || !builtIn.appliesTo(post)) throw new RangeError(`${name}: the post of ${post.date} has no figures for it`);
    return builtIn.build(data, { ...post, figures: post.figures }, locale);
  }
  const chart = post.charts.find((candidate) => candidate.id === name);
  if (!chart) throw new RangeError(`no chart "${name}"; available: ${availableCharts(post).join(', ')}`);
  return buildCustomChart(chart, post.date, locale);
}

/**
 * The source line under each of a page's charts, in the order they appear, or undefined for none:
 * each source is credited once, under the last chart drawn from it, so a long data credit reads once
 * per post instead of under every chart. A source every chart shares says so; one some charts share
 * names the others by their titles.
 */
export function chartSourceLines(specs: readonly ChartSpec[]): (string | undefined)[] {
  return specs.map((spec, i) => {
    if (specs.slice(i + 1).some((later) => later.source === spec.source)) return undefined;
    const { locale, source } = spec;
    const others = specs.filter((other, k) => k !== i && other.source === source);
    if (others.length === 0) return t(locale, 'figures.source', { source });
    if (others.length === specs.length - 1) return t(locale, 'chart.source.all', { source });
    const titles = others.map((other) => t(locale, 'chart.source.title', { title: other.title }));
    return t(locale, 'chart.source.with', { charts: titles.join(t(locale, 'chart.source.separator')), source });
  });
}
