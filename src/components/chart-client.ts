/**
 * Loaded by <Chart /> on pages that have a chart. It weighs almost nothing: Chart.js and the drawing
 * code are imported only when a chart comes within a screen of the viewport.
 */
type Runtime = typeof import('./chart-runtime.ts');

let runtime: Promise<Runtime> | undefined;

/** Lets the browser handle input and paint before the next piece of work: one long task per page becomes one per chart. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function draw(figure: HTMLElement): Promise<void> {
  runtime ??= import('./chart-runtime.ts');
  try {
    const { drawChart } = await runtime;
    // Charts that come into view together would otherwise all draw in the task that loaded Chart.js.
    await nextTask();
    drawChart(figure);
  } catch (error) {
    // The static image stays unused, but the table and the CSV below the chart still carry the data.
    figure.dataset['chartError'] = '';
    throw error;
  }
}

const observer = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      observer.unobserve(entry.target);
      void draw(entry.target as HTMLElement);
    }
  },
  { rootMargin: '100% 0px' },
);

for (const figure of document.querySelectorAll<HTMLElement>('[data-chart]')) observer.observe(figure);
