import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { ContentError } from '../lib/problems.ts';
import { imageCacheDir, readEnvironment } from '../site/environment.ts';
import { createWorkerDrawer } from '../site/image-pool.ts';
import { loadDevSite, loadProductionSite } from '../site/read-content.ts';
import {
  describeAssetCounts, drawUncachedImages, findSiteAsset, listSiteAssets, writeSiteAssets, type AssetCounts, type SiteAsset,
} from '../site/site-assets.ts';

/**
 * A production build's assets: images missing from the cache start drawing on one worker thread per
 * core as soon as the build starts, alongside Astro's own work; once the pages exist, everything is
 * linked or written into the output.
 */
function startBuildAssets(): { write: (outDir: string) => Promise<AssetCounts> } {
  const drawer = createWorkerDrawer();
  // Enough images in flight to keep every drawing thread busy.
  const concurrency = 4 * availableParallelism();
  const assets = listSiteAssets(loadProductionSite(readEnvironment()), imageCacheDir(), drawer);
  const drawing = drawUncachedImages(assets, concurrency);
  drawing.catch(() => {});
  return {
    write: async (outDir) => {
      try {
        return await writeSiteAssets(assets, outDir, concurrency, await drawing);
      } finally {
        await drawer.close();
      }
    },
  };
}

/**
 * Publishes chart PNGs and CSVs and social cards, outside Astro's page pipeline (thousands of routes
 * of binary files cost more there than the files themselves). A build draws what the cache lacks from
 * its start, in worker threads, and links everything into the output once the pages exist; the dev
 * server draws them on request, drafts included, as the pages it serves show them.
 */
export function siteAssets(): AstroIntegration {
  let build: ReturnType<typeof startBuildAssets> | undefined;
  let writing: Promise<AssetCounts> | undefined;
  return {
    name: 'shuho:images',
    hooks: {
      'astro:server:setup': ({ server }) => {
        const environment = readEnvironment();
        let assets: SiteAsset[] | undefined;
        server.watcher.on('all', (_event, file) => {
          if (path.resolve(file).startsWith(environment.contentDir)) assets = undefined;
        });
        server.middlewares.use((request, response, next) => {
          const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
          if (!/^\/(charts|og)\//.test(pathname)) return next();
          let asset: SiteAsset | undefined;
          try {
            assets ??= listSiteAssets(loadDevSite(environment).site, imageCacheDir());
            asset = findSiteAsset(assets, pathname);
          } catch (error) {
            // A data error is shown by the page itself, in the overlay; the image is simply absent.
            return next(error instanceof ContentError ? undefined : error);
          }
          if (!asset) return next();
          asset.produce().then(({ body }) => {
            response.setHeader('content-type', asset.contentType);
            response.end(body);
          }, next);
        });
      },
      'astro:build:start': () => {
        build = startBuildAssets();
      },
      // Written as soon as the pages exist and awaited at the end, alongside the sitemap and the
      // search index (Pagefind's own process).
      'astro:build:generated': ({ dir }) => {
        writing = build?.write(fileURLToPath(dir));
        writing?.catch(() => {});
      },
      'astro:build:done': async ({ logger }) => {
        if (writing) logger.info(describeAssetCounts(await writing));
      },
    },
  };
}
