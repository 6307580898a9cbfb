import { parentPort } from 'node:worker_threads';
import type { ImageJob, ImageResult } from './image-pool.ts';
import { renderChartPng } from './render-chart.ts';
import { renderSocialCard } from './social-card-render.ts';

// One of the build's drawing threads: draws chart PNGs and social cards sent by image-pool.ts.
parentPort?.on('message', (job: ImageJob) => {
  const drawing = job.kind === 'chart' ? renderChartPng(job.spec) : renderSocialCard(job.content);
  drawing.then(
    // Answered once the event loop has turned: @napi-rs/canvas frees the pixels `canvas.data()` hands
    // out in finalizers that run between tasks; with jobs back to back they never ran, and a cold
    // 10-year build grew to 11 GB.
    (png) => setImmediate(() => parentPort?.postMessage({ id: job.id, png } satisfies ImageResult)),
    (error: unknown) => parentPort?.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) } satisfies ImageResult),
  );
});
