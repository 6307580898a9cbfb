import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement,
  PointElement, Tooltip, type TooltipModel,
} from 'chart.js';
import { buildChartConfig, DARK_THEME, LIGHT_THEME } from '../lib/chart-config.ts';
import type { ChartSpec } from '../lib/charts.ts';

// Only what the specs use, so the bundle leaves out every other chart type, scale and plugin.
Chart.register(BarController, BarElement, CategoryScale, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);

const darkScheme = matchMedia('(prefers-color-scheme: dark)');
const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

/**
 * Draws the tooltip as HTML inside the chart's box instead of on the canvas: it uses the page's
 * fonts and colours (dark mode included), and its text is what the chart's callbacks wrote.
 */
function showTooltip(box: HTMLElement, tooltip: TooltipModel<'line' | 'bar'>, type: ChartSpec['type']): void {
  let element = box.querySelector<HTMLElement>('.chart-tooltip');
  if (!element) {
    element = document.createElement('div');
    element.className = 'chart-tooltip';
    // Screen readers get the same values from the table; the tooltip would only repeat them.
    element.setAttribute('aria-hidden', 'true');
    box.append(element);
  }
  if (tooltip.opacity === 0) {
    element.hidden = true;
    return;
  }
  const title = document.createElement('p');
  title.className = 'chart-tooltip-title';
  title.textContent = tooltip.title.join(' ');
  const lines = tooltip.body.flatMap((part) => part.lines).map((line, i) => {
    const row = document.createElement('p');
    const swatch = document.createElement('span');
    swatch.className = 'chart-tooltip-swatch';
    const colors = tooltip.labelColors[i];
    // Lines are identified by their stroke, bars by their fill.
    swatch.style.background = String((type === 'line' ? colors?.borderColor : colors?.backgroundColor) ?? 'currentColor');
    row.append(swatch, line);
    return row;
  });
  element.replaceChildren(title, ...lines);
  element.hidden = false;
  // Keep the box inside the chart: flip to the left of the caret past the middle.
  const isRightHalf = tooltip.caretX > box.clientWidth / 2;
  element.style.left = `${tooltip.caretX}px`;
  element.style.top = `${tooltip.caretY}px`;
  element.style.transform = isRightHalf ? 'translate(calc(-100% - 12px), -50%)' : 'translate(12px, -50%)';
}

function createChart(canvas: HTMLCanvasElement, box: HTMLElement, spec: ChartSpec): Chart<'line' | 'bar', (number | null)[], string> {
  const config = buildChartConfig(spec, {
    theme: darkScheme.matches ? DARK_THEME : LIGHT_THEME,
    mode: 'interactive',
    fontFamily: getComputedStyle(box).fontFamily,
  });
  const tooltip = config.options?.plugins?.tooltip;
  return new Chart(canvas, {
    ...config,
    options: {
      ...config.options,
      ...(reducedMotion.matches ? { animation: false } : {}),
      plugins: {
        ...config.options?.plugins,
        tooltip: { ...tooltip, enabled: false, external: ({ tooltip: model }) => showTooltip(box, model, spec.type) },
      },
    },
  });
}

/** Replaces a chart figure's reserved box with the interactive chart of the spec embedded beside it. */
export function drawChart(figure: HTMLElement): void {
  const box = figure.querySelector<HTMLElement>('[data-chart-box]');
  const data = figure.querySelector('script[data-chart-spec]');
  if (!box || !data?.textContent) throw new Error(`chart "${figure.dataset['chart']}" has no box or no data`);
  const spec = JSON.parse(data.textContent) as ChartSpec;
  const canvas = document.createElement('canvas');
  canvas.className = 'chart-canvas';
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', spec.alt);
  box.append(canvas);
  let chart = createChart(canvas, box, spec);
  // Colours follow the reader's light or dark setting, also when it changes while the page is open.
  darkScheme.addEventListener('change', () => {
    chart.destroy();
    chart = createChart(canvas, box, spec);
  });
  figure.dataset['chartDrawn'] = '';
}
