import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { imageCacheDir, readEnvironment } from '../site/environment.ts';
import { createWorkerDrawer } from '../site/image-pool.ts';
import { loadSite } from '../site/read-content.ts';
import { describeAssetCounts, findSiteAsset, listSiteAssets, writeSiteAssets, type SiteAsset } from '../site/site-assets.ts';

/**
 * Publishes chart PNGs and CSVs and social cards. A build writes them after the pages, linking every
 * image an earlier build drew from the cache and drawing the rest several at a time, outside Astro's
 * page pipeline (thousands of routes of binary files cost more there than the files themselves).
 * The dev server draws them on request, drafts included, as the pages it serves show them.
 */
export function siteAssets(): AstroIntegration {
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
            assets ??= listSiteAssets(loadSite(environment, { includeDrafts: true }), imageCacheDir());
            asset = findSiteAsset(assets, pathname);
          } catch (error) {
            // A content error is shown by the page itself, in the overlay; the image is simply absent.
            return next(error instanceof Error && error.name === 'ContentError' ? undefined : error);
          }
          if (!asset) return next();
          asset.produce().then(({ body }) => {
            response.setHeader('content-type', asset.contentType);
            response.end(body);
          }, next);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const drawer = createWorkerDrawer();
        try {
          const assets = listSiteAssets(loadSite(readEnvironment()), imageCacheDir(), drawer);
          // Enough images in flight to keep every drawing thread busy.
          const counts = await writeSiteAssets(assets, fileURLToPath(dir), 4 * availableParallelism());
          logger.info(describeAssetCounts(counts));
        } finally {
          await drawer.close();
        }
      },
    },
  };
}
