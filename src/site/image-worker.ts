import { parentPort } from 'node:worker_threads';
import type { ImageJob, ImageResult } from './image-pool.ts';
import { renderChartPng } from './render-chart.ts';
import { renderSocialCard } from './social-card-render.ts';

// One of the build's drawing threads: draws chart PNGs and social cards sent by image-pool.ts.
parentPort?.on('message', (job: ImageJob) => {
  const drawing = job.kind === 'chart' ? renderChartPng(job.spec) : renderSocialCard(job.content);
  drawing.then(
    (png) => parentPort?.postMessage({ id: job.id, png } satisfies ImageResult),
    (error: unknown) => parentPort?.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) } satisfies ImageResult),
  );
});
