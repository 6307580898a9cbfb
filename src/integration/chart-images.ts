import type { AstroIntegration } from 'astro';
import { chartCacheDir, chartImageStats } from '../site/render-chart.ts';

/**
 * Reports after a build how many chart PNGs were rendered and how many were reused from the cache,
 * e.g. "14 chart images: 0 rendered, 14 reused from the cache": the benchmark reads this line.
 */
export function chartImages(): AstroIntegration {
  return {
    name: 'shuho:charts',
    hooks: {
      'astro:build:done': ({ logger }) => {
        const { rendered, reused } = chartImageStats();
        logger.info(`${rendered + reused} chart images: ${rendered} rendered, ${reused} reused from the cache in ${chartCacheDir()}`);
      },
    },
  };
}
