import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { imageCacheDir, readEnvironment } from '../site/environment.ts';
import { createWorkerDrawer } from '../site/image-pool.ts';
import { loadProductionSite, loadSite } from '../site/read-content.ts';
import { describeAssetCounts, findSiteAsset, listSiteAssets, writeSiteAssets, type AssetCounts, type SiteAsset } from '../site/site-assets.ts';

/** Writes every asset of the built site into `outDir`, drawing on one worker thread per core. */
async function writeAllAssets(outDir: string): Promise<AssetCounts> {
  const drawer = createWorkerDrawer();
  try {
    const assets = listSiteAssets(loadProductionSite(readEnvironment()), imageCacheDir(), drawer);
    // Enough images in flight to keep every drawing thread busy.
    return await writeSiteAssets(assets, outDir, 4 * availableParallelism());
  } finally {
    await drawer.close();
  }
}

/**
 * Publishes chart PNGs and CSVs and social cards. A build writes them after the pages, linking every
 * image an earlier build drew from the cache and drawing the rest several at a time, outside Astro's
 * page pipeline (thousands of routes of binary files cost more there than the files themselves).
 * The dev server draws them on request, drafts included, as the pages it serves show them.
 */
export function siteAssets(): AstroIntegration {
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
      // Started as soon as the pages exist and awaited at the end, so the images are drawn while the
      // sitemap and the search index (Pagefind's own process) are written.
      'astro:build:generated': ({ dir }) => {
        writing = writeAllAssets(fileURLToPath(dir));
        writing.catch(() => {});
      },
      'astro:build:done': async ({ logger }) => {
        if (writing) logger.info(describeAssetCounts(await writing));
      },
    },
  };
}
