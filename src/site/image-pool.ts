import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ChartSpec } from '../lib/charts.ts';
import type { SocialCardContent } from '../lib/social-card.ts';
import { renderChartPng } from './render-chart.ts';
import { renderSocialCard } from './social-card-render.ts';

/** What to draw. */
type ImageRequest = { kind: 'chart'; spec: ChartSpec } | { kind: 'card'; content: SocialCardContent };
/** A drawing sent to a worker thread. */
export type ImageJob = ImageRequest & { id: number };
/** A worker's answer: the PNG, or why drawing failed. */
export type ImageResult = { id: number; png: Uint8Array } | { id: number; error: string };

/** Draws build-time images: in this thread, or spread over worker threads. */
export interface ImageDrawer {
  chart: (spec: ChartSpec) => Promise<Buffer>;
  card: (content: SocialCardContent) => Promise<Buffer>;
  close: () => Promise<void>;
}

/** Draws in the calling thread: the dev server, which draws one image per request. */
export const inThreadDrawer: ImageDrawer = { chart: renderChartPng, card: renderSocialCard, close: async () => {} };

/**
 * Draws on `size` worker threads (one per core by default). Chart.js and canvas drawing is
 * synchronous CPU work, so a cold build of thousands of images would otherwise use one core.
 */
export function createWorkerDrawer(size: number = availableParallelism()): ImageDrawer {
  const workers = Array.from({ length: Math.max(1, size) }, () => new Worker(new URL('./image-worker.ts', import.meta.url)));
  const pending = new Map<number, { resolve: (png: Buffer) => void; reject: (error: Error) => void }>();
  const load = new Map(workers.map((worker) => [worker, 0]));
  let nextId = 0;
  for (const worker of workers) {
    worker.on('message', (result: ImageResult) => {
      load.set(worker, (load.get(worker) ?? 1) - 1);
      const waiting = pending.get(result.id);
      pending.delete(result.id);
      if ('error' in result) waiting?.reject(new Error(result.error));
      else waiting?.resolve(Buffer.from(result.png));
    });
    worker.on('error', (error) => {
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    });
  }
  const send = (job: ImageRequest): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      // The least busy worker takes the job, so one slow image never holds up the others.
      const [worker] = [...load].sort((a, b) => a[1] - b[1])[0] ?? [];
      if (!worker) return reject(new Error('no image worker'));
      load.set(worker, (load.get(worker) ?? 0) + 1);
      worker.postMessage({ ...job, id });
    });
  return {
    chart: (spec) => send({ kind: 'chart', spec }),
    card: (content) => send({ kind: 'card', content }),
    close: async () => {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
