import { createCanvas } from '@napi-rs/canvas';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement } from 'chart.js';
import { describe, expect, test } from 'vitest';
import { buildChartConfig, LIGHT_THEME } from '../../src/lib/chart-config.ts';
import { lineEnds } from '../../src/lib/chart-labels.ts';
import type { ChartSpec } from '../../src/lib/charts.ts';
import { barSpec, lineSpec } from '../fixtures/chart-specs.ts';

Chart.register(BarController, BarElement, CategoryScale, Legend, LinearScale, LineController, LineElement, PointElement);

/** Weeks of a long line chart: its date axis cannot label them all. */
const WEEKS = Array.from({ length: 60 }, (_, i) => `W${String(i + 1).padStart(2, '0')}`);

/** Draws a spec with its page configuration on a canvas `width` CSS pixels wide and returns every text written on it. */
function textsDrawn(spec: ChartSpec, width = 640): string[] {
  const canvas = createCanvas(width, 320);
  const context = canvas.getContext('2d');
  const texts: string[] = [];
  const fillText = context.fillText.bind(context);
  context.fillText = (text: string, x: number, y: number, maxWidth?: number) => {
    texts.push(text);
    if (maxWidth === undefined) fillText(text, x, y);
    else fillText(text, x, y, maxWidth);
  };
  const config = buildChartConfig(spec, { theme: LIGHT_THEME, mode: 'static', fontFamily: 'sans-serif' });
  const chart = new Chart(canvas as unknown as HTMLCanvasElement, config);
  chart.destroy();
  return texts;
}

describe('lineEnds', () => {
  test('finds each series\' last value, skipping a gap at the end, in the spec\'s format', () => {
    const spec = lineSpec({
      series: [
        { label: 'a', values: [25.0123, 25.0134], color: '#0f6fc6', dash: 'solid', point: 'circle' },
        { label: 'b', values: [24.6412, null], color: '#56606b', dash: 'dashed', point: 'rect' },
        { label: 'c', values: [null, null], color: '#000000', dash: 'dotted', point: 'rect' },
      ],
    });
    expect(lineEnds(spec)).toEqual([{ series: 0, index: 1, text: '25.01%' }, { series: 1, index: 0, text: '24.64%' }]);
  });
});

describe('the label plugin, drawn by Chart.js', () => {
  test('writes the value at the end of every bar, as the table writes it', () => {
    const texts = textsDrawn(barSpec({ horizontal: true }));
    // Ticks say −1.4%; only the labels have two decimals.
    expect(texts).toEqual(expect.arrayContaining(['−1.40%', '−1.39%', '−1.23%']));
  });

  test('writes the last value at the end of each line', () => {
    expect(textsDrawn(lineSpec())).toEqual(expect.arrayContaining(['25.01%', '24.64%']));
  });

  test('ends the date axis on the as-of date however few dates fit, and skips dates before it evenly', () => {
    const values = WEEKS.map((_, i) => 25 + i / 100);
    const spec = lineSpec({ categories: WEEKS, series: [{ label: 'a', values, color: '#0f6fc6', dash: 'solid', point: 'circle' }] });
    for (const width of [320, 640, 1200]) {
      const shown = textsDrawn(spec, width).filter((text) => WEEKS.includes(text));
      expect(shown.at(-1), `${width}px`).toBe('W60');
      expect(shown.length, `${width}px`).toBeLessThan(WEEKS.length);
      expect(shown.length, `${width}px`).toBeGreaterThan(1);
    }
  });
});
