import { createHash } from 'node:crypto';
import { formatChartValue } from './chart-format.ts';
import type { ChartSpec } from './charts.ts';
import { escapeXml } from './markup.ts';

/** The accessible table of a chart: one row per category, one column per series, values as written on the page. */
export interface ChartTable {
  caption: string;
  headers: string[];
  rows: { label: string; cells: string[] }[];
  /** The earlier categories left out of the table (the CSV beside it holds them all). */
  omitted: number;
}

/**
 * Rows a chart's table shows at most: a year of weeks. A weekly post's relative-strength chart runs
 * over the whole history, and a row for every week made the newest pages of a 20-year site 32 KB of
 * gzipped HTML; the table keeps the latest year and says so, and the CSV keeps everything.
 */
export const CHART_TABLE_ROWS = 52;

/** The data table shown under a chart, formatted for the spec's language: the latest CHART_TABLE_ROWS categories. */
export function buildChartTable(spec: ChartSpec, maxRows: number = CHART_TABLE_ROWS): ChartTable {
  const first = Math.max(0, spec.categories.length - maxRows);
  return {
    caption: spec.title,
    headers: [spec.categoryLabel, ...spec.series.map((series) => series.label)],
    rows: spec.categories.slice(first).map((label, offset) => ({
      label,
      cells: spec.series.map((series) => formatChartValue(spec.locale, spec.format, series.values[first + offset] ?? null)),
    })),
    omitted: first,
  };
}

/**
 * The rows of a chart table as HTML, for `<tbody set:html>`. A string, not a template loop: a weekly
 * post's relative-strength table has a row for every week of the series, and rendering those rows as
 * template elements on every page of a 10-year site cost more than the rest of the chart.
 */
export function renderChartTableRows(table: ChartTable): string {
  return table.rows
    .map((row) => `<tr><th scope="row">${escapeXml(row.label)}</th>${row.cells.map((cell) => `<td class="num">${escapeXml(cell)}</td>`).join('')}</tr>`)
    .join('');
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The CSV download: exactly the plotted values, unformatted (a point as decimal separator, no
 * thousands separators), dates as YYYY-MM-DD, an empty cell for a gap. It starts with a byte-order
 * mark so spreadsheet programs read the Japanese headers as UTF-8.
 */
export function buildChartCsv(spec: ChartSpec): string {
  const header = [spec.categoryLabel, ...spec.series.map((series) => series.label)];
  const rows = spec.categories.map((category, i) => [
    spec.dates?.[i] ?? category,
    ...spec.series.map((series) => {
      const value = series.values[i];
      return value === null || value === undefined ? '' : String(value);
    }),
  ]);
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** The file name a browser saves the CSV under, e.g. `relative-strength-2026-02-13-ja.csv`. */
export function chartCsvName(spec: ChartSpec): string {
  return `${spec.id}-${spec.asOf}-${spec.locale}.csv`;
}

/**
 * The spec as a page embeds it for the browser: without the ISO `dates`, which only the CSV uses
 * (the browser draws the localized `categories`). On a weekly post the relative-strength chart has a
 * date for every week of the series; leaving them out keeps a 20-year page under 30 KB gzip.
 */
export function browserSpec(spec: ChartSpec): ChartSpec {
  const { dates: _csvOnly, ...drawn } = spec;
  return drawn;
}

/**
 * JSON that is safe inside `<script type="application/json">`: `<`, `>` and `&` become \u escapes so
 * no label can close the script element or open a comment, and U+2028/U+2029 are escaped too so the
 * text is also valid JavaScript. `JSON.parse` reads it back unchanged.
 */
export function serializeForScript(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

/**
 * A short content hash of a spec and what draws it (`renderer`, e.g. library versions and image size):
 * the PNG and CSV file names and the on-disk cache key. Equal inputs give equal names across builds.
 */
export function hashChart(spec: ChartSpec, renderer: string): string {
  return createHash('sha256').update(JSON.stringify([renderer, spec])).digest('hex').slice(0, 16);
}
