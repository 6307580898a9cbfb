import type { ChartSpec } from './charts.ts';

/**
 * The width, in CSS pixels, every chart is laid out at for its PNG. The page draws the interactive
 * chart in a box of the same proportions at whatever width its column has, so the PNG (without
 * JavaScript, in print, in feeds) and the canvas take the same space.
 */
export const CHART_WIDTH = 800;

/** A line chart keeps the 16:9 of a screen: weeks run across, and a year of them needs the width. */
const LINE_HEIGHT = 450;
/** Vertical bars grow upwards from a baseline: their number sets the width of each, not the height. */
const COLUMN_HEIGHT = 360;
/** What a horizontal bar chart needs besides its bars: the PNG's title and date line, the value axis, padding. */
const BAR_FRAME = 130;
/** One bar of a series, and the space between one category's bars and the next. */
const BAR_ROW = 30;
const BAR_GAP = 20;
/** A legend, drawn when a chart has more than one series. */
const LEGEND = 36;

/**
 * The height of a chart laid out `CHART_WIDTH` wide, in CSS pixels: a fixed frame plus a fixed
 * height per bar for horizontal bars (three indices need a short box, not a 16:9 one), a fixed
 * proportion for lines and vertical bars.
 */
export function chartHeight(spec: Pick<ChartSpec, 'type' | 'horizontal' | 'categories' | 'series'>): number {
  const legend = spec.series.length > 1 ? LEGEND : 0;
  if (spec.type === 'line') return LINE_HEIGHT;
  if (!spec.horizontal) return COLUMN_HEIGHT + legend;
  return BAR_FRAME + legend + spec.categories.length * (spec.series.length * BAR_ROW + BAR_GAP);
}

/**
 * The categories a date axis labels: the last one (the as-of date) always, then every `step`-th
 * before it, at most `maxTicks` in all. Counting back from the end, not forward from the start, so
 * the axis ends on the post's own week instead of wherever an even spacing from the start stops.
 * @example pickEndTicks(10, 4) // [0, 3, 6, 9]
 */
export function pickEndTicks(count: number, maxTicks: number): number[] {
  if (count <= 0) return [];
  const slots = Math.floor(maxTicks);
  if (slots <= 1) return [count - 1];
  const step = Math.max(1, Math.ceil((count - 1) / (slots - 1)));
  const ticks: number[] = [];
  for (let index = count - 1; index >= 0; index -= step) ticks.unshift(index);
  return ticks;
}

/**
 * Vertical centres for labels of height `height` wanted at `wanted` (in any order), moved apart just
 * enough not to overlap and kept between `top` and `bottom` where they fit. Two lines ending at
 * nearly the same value (a ratio and its moving average) get two readable labels, not one smudge.
 */
export function spreadLabels(wanted: readonly number[], height: number, top: number, bottom: number): number[] {
  const order = wanted.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const placed = order.map((label) => label.y);
  const lowest = bottom - height / 2;
  const highest = top + height / 2;
  // Downwards: each label at least a label's height below the one above it …
  placed.forEach((y, k) => {
    placed[k] = Math.max(y, k === 0 ? highest : (placed[k - 1] as number) + height);
  });
  // … then upwards from the bottom edge, so the stack moves up where it would run off the chart.
  for (let k = placed.length - 1; k >= 0; k--) {
    placed[k] = Math.min(placed[k] as number, k === placed.length - 1 ? lowest : (placed[k + 1] as number) - height);
  }
  const result = new Array<number>(wanted.length);
  order.forEach((label, k) => {
    result[label.i] = placed[k] as number;
  });
  return result;
}
