import { createCanvas, type Canvas } from '@napi-rs/canvas';
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement,
  PointElement, SubTitle, Title, type Plugin,
} from 'chart.js';
import { buildChartConfig, CHART_STYLE_VERSION, LIGHT_THEME } from '../lib/chart-config.ts';
import { hashChart } from '../lib/chart-data.ts';
import { CHART_WIDTH, chartHeight } from '../lib/chart-layout.ts';
import type { ChartSpec } from '../lib/charts.ts';
import { IMAGE_FONT_FAMILY, registerImageFonts } from './fonts.ts';
import { cachedPng, encodeOpaquePng, PNG_ENCODING, type CachedPng } from './png.ts';

Chart.register(BarController, BarElement, CategoryScale, Legend, LinearScale, LineController, LineElement, PointElement, SubTitle, Title);

/** Pixels per CSS pixel of every chart PNG: 1200 pixels across, sharp on a high-density screen and on paper. */
export const CHART_PIXEL_RATIO = 1.5;

/** Width and height of a spec's PNG in pixels: `CHART_WIDTH` across, as tall as its kind and bars need (`chartHeight`). */
export function chartPngSize(spec: ChartSpec): { width: number; height: number } {
  return { width: CHART_WIDTH * CHART_PIXEL_RATIO, height: Math.floor(chartHeight(spec) * CHART_PIXEL_RATIO) };
}

/** Identifies what draws a PNG, so a new Chart.js, style, size or encoding gives new file names. */
export const CHART_RENDERER = `chart.js ${Chart.version}; style ${CHART_STYLE_VERSION}; ${CHART_WIDTH}px x${CHART_PIXEL_RATIO}; ${PNG_ENCODING}`;

/** The content hash that names a chart's PNG and CSV. */
export function chartFileHash(spec: ChartSpec): string {
  return hashChart(spec, CHART_RENDERER);
}

/** A PNG has no transparent background: feed readers and social cards may show it on any colour. */
const background: Plugin = {
  id: 'shuhoBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = LIGHT_THEME.background;
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/**
 * One canvas per thread, drawn on again for every chart (resized to each): allocating a 1200-pixel
 * surface per chart leaves megabytes of native memory to the garbage collector, which then spends
 * more time than drawing.
 */
let canvas: Canvas | undefined;

/** Draws a spec into a PNG with Chart.js on @napi-rs/canvas, from the same configuration the browser uses. */
export async function renderChartPng(spec: ChartSpec): Promise<Buffer> {
  registerImageFonts();
  canvas ??= createCanvas(CHART_WIDTH, chartHeight(spec));
  // Chart.js sizes the canvas from its current size and scales it by the pixel ratio: start from CSS pixels.
  canvas.width = CHART_WIDTH;
  canvas.height = chartHeight(spec);
  const config = buildChartConfig(spec, { theme: LIGHT_THEME, mode: 'static', fontFamily: IMAGE_FONT_FAMILY });
  const chart = new Chart(canvas as unknown as HTMLCanvasElement, {
    ...config,
    options: { ...config.options, devicePixelRatio: CHART_PIXEL_RATIO },
    plugins: [background, ...(config.plugins ?? [])],
  });
  try {
    // Chart.js has drawn synchronously (no animation in static mode); encode before destroy() clears the canvas.
    return encodeOpaquePng(canvas.data(), canvas.width, canvas.height);
  } finally {
    chart.destroy();
  }
}

/** The PNG of a spec: from `cacheDir` when an earlier build drew the same spec with the same renderer, otherwise drawn now. */
export function getChartPng(spec: ChartSpec, cacheDir: string, draw: (spec: ChartSpec) => Promise<Buffer> = renderChartPng): Promise<CachedPng> {
  return cachedPng(cacheDir, chartFileHash(spec), () => draw(spec));
}
