import { layouts, type Chart, type ChartType, type LayoutItem, type Plugin } from 'chart.js';
import { formatChartValue } from './chart-format.ts';
import { pickEndTicks, spreadLabels } from './chart-layout.ts';
import type { ChartSpec } from './charts.ts';

/** How the labels are written: a canvas font for values, one for axis ticks, and the colour of bar values. */
export interface ChartLabelStyle {
  /** A CSS font for the value labels, e.g. `bold 15px "Shuho Noto Sans JP"`. */
  valueFont: string;
  /** Its size in pixels: labels of lines ending close together are set this far apart and a little more. */
  valueSize: number;
  /** The font of the date axis's ticks, to measure how many fit. */
  tickFont: string;
  /** Space between neighbouring date ticks, and between a line's end and its label. */
  gap: number;
  /** Colour of a bar's value; a line's label takes the line's own colour. */
  color: string;
}

/** A value as a label says it: the spec's unit, sign and decimals in its language. */
function valueText(spec: ChartSpec, value: number | null | undefined): string | undefined {
  return value === null || value === undefined || !Number.isFinite(value) ? undefined : formatChartValue(spec.locale, spec.format, value);
}

/** The last value of each series and its category: where its line ends. */
export function lineEnds(spec: ChartSpec): { series: number; index: number; text: string }[] {
  return spec.series.flatMap((series, i) => {
    const index = series.values.findLastIndex((value) => value !== null);
    const text = valueText(spec, series.values[index]);
    return text === undefined ? [] : [{ series: i, index, text }];
  });
}

/** The width of the widest of `texts` in `font` on the chart's canvas. */
function widest(chart: Chart, font: string, texts: readonly string[]): number {
  const { ctx } = chart;
  ctx.save();
  ctx.font = font;
  const width = Math.max(0, ...texts.map((text) => ctx.measureText(text).width));
  ctx.restore();
  return width;
}

/**
 * Shūhō's own Chart.js plugin, in the configuration the page and the PNG renderer both draw: the
 * value at the end of every bar, the last value at the end of every line (in the line's colour, in
 * a margin kept free for it on the right), and a date axis whose ticks count back from the as-of
 * date, so the axis visibly ends on the post's week. Everything it writes is formatted from the
 * spec as the table and the tooltips write it.
 */
export function createChartLabels(spec: ChartSpec, style: ChartLabelStyle): Plugin<ChartType> {
  const ends = lineEnds(spec);
  let drawn: Chart | undefined;
  // A box on the right of the plot, as wide as the widest end label: the lines stop at the as-of
  // date and their labels never run into the plot or off the canvas. Chart.js reads a box's
  // `options` (for stacked axes) though its LayoutItem type leaves them out.
  const margin: LayoutItem & { options: object } = {
    options: {},
    position: 'right',
    weight: 0,
    fullSize: false,
    width: 0,
    height: 0,
    left: 0,
    top: 0,
    right: 0,
    bottom: 0,
    isHorizontal: () => false,
    update(width, height) {
      margin.width = drawn ? Math.min(width, style.gap + widest(drawn, style.valueFont, ends.map((end) => end.text))) : 0;
      margin.height = height;
    },
    draw: () => {},
  };

  return {
    id: 'shuhoLabels',
    start(chart) {
      if (spec.type !== 'line' || ends.length === 0) return;
      drawn = chart;
      layouts.addBox(chart, margin);
    },
    stop(chart) {
      if (drawn === chart) layouts.removeBox(chart, margin);
      drawn = undefined;
    },
    afterBuildTicks(chart, { scale }) {
      // A line chart's categories run along the bottom (dates, for the built-ins); every bar keeps its label.
      if (spec.type !== 'line' || scale.type !== 'category' || !scale.isHorizontal()) return;
      const labels = spec.categories;
      const longest = labels.reduce((a, b) => (b.length > a.length ? b : a), '');
      const labelWidth = widest(chart, style.tickFont, [longest, labels.at(-1) ?? '']) + style.gap;
      const fit = Math.floor((scale.width + style.gap) / labelWidth);
      scale.ticks = pickEndTicks(labels.length, fit).map((value) => ({ value }));
    },
    afterDatasetsDraw(chart) {
      const { ctx, chartArea } = chart;
      ctx.save();
      ctx.font = style.valueFont;
      if (spec.type === 'bar') {
        ctx.fillStyle = style.color;
        for (const meta of chart.getSortedVisibleDatasetMetas()) {
          meta.data.forEach((element, i) => {
            const text = valueText(spec, spec.series[meta.index]?.values[i]);
            if (text === undefined) return;
            const { x, y, base } = element.getProps(['x', 'y', 'base']) as { x: number; y: number; base: number };
            // Beyond the bar's end, on the side it grows towards: right of a gain, left of a loss, above or below a column.
            if (spec.horizontal) {
              const isGain = x >= base;
              ctx.textAlign = isGain ? 'left' : 'right';
              ctx.textBaseline = 'middle';
              ctx.fillText(text, x + (isGain ? 1 : -1) * style.gap / 2, y);
            } else {
              const isGain = y <= base;
              ctx.textAlign = 'center';
              ctx.textBaseline = isGain ? 'bottom' : 'top';
              ctx.fillText(text, x, y + (isGain ? -1 : 1) * style.gap / 2);
            }
          });
        }
      } else {
        const visible = new Set(chart.getSortedVisibleDatasetMetas().map((meta) => meta.index));
        const shown = ends.filter((end) => visible.has(end.series));
        const points = shown.map((end) => chart.getDatasetMeta(end.series).data[end.index]?.getProps(['y']) as { y: number } | undefined);
        const ys = spreadLabels(points.map((point) => point?.y ?? chartArea.top), style.valueSize * 1.2, chartArea.top, chartArea.bottom);
        ctx.textAlign = 'left';
        ctx.textBaseline = 'middle';
        shown.forEach((end, k) => {
          ctx.fillStyle = String(chart.data.datasets[end.series]?.borderColor ?? style.color);
          ctx.fillText(end.text, chartArea.right + style.gap, ys[k] as number);
        });
      }
      ctx.restore();
    },
  };
}
