import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { describeBuild, type BuildSummary } from '../lib/build-summary.ts';
import { readEnvironment } from '../site/environment.ts';
import { loadProductionSite } from '../site/read-content.ts';
import { writeHostHeaders } from './host-headers.ts';
import { describeInputChanges } from '../lib/page-inputs.ts';
import { recordPageInputs } from './page-inputs-record.ts';
import { indexSite } from './pagefind.ts';
import { serveSiteAssets, startBuildAssets, type BuildAssets } from './site-assets.ts';

/**
 * Everything Shūhō adds to Astro's output: chart images and CSVs and social cards (and, in the dev
 * server, the same drawn on request), the Pagefind search index, and the `_headers` file for hosts
 * that read one. A build ends with one line of what it made, from here, listed last in the config
 * so that line comes after every other integration's.
 */
export function siteOutput(): AstroIntegration {
  let assets: BuildAssets | undefined;
  let output: Promise<BuildSummary> | undefined;
  let cacheDir = '';
  return {
    name: 'shuho:build',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:server:setup': ({ server }) => serveSiteAssets(server),
      'astro:build:start': () => {
        assets = startBuildAssets();
      },
      // Everything starts as soon as the pages exist, side by side: Pagefind in its own process, the
      // images through Node's thread pool, the headers on the main thread; the build waits at the end.
      'astro:build:generated': ({ dir }) => {
        const outDir = fileURLToPath(dir);
        const started = assets;
        if (!started) throw new Error('shuho:build: astro:build:generated ran before astro:build:start.');
        const site = loadProductionSite(readEnvironment());
        const pageInputs = recordPageInputs(site, cacheDir);
        output = Promise.all([
          indexSite(outDir),
          started.write(outDir),
          writeHostHeaders(outDir, site.registry.site.url),
        ]).then(([search, written, headers]) => ({
          htmlPages: headers.htmlPages,
          postPages: describeInputChanges(pageInputs),
          search,
          assets: written,
          headerRules: headers.rules,
        }));
        output.catch(() => {});
      },
      'astro:build:done': async ({ logger }) => {
        if (output) logger.info(describeBuild(await output));
      },
    },
  };
}
