import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { ViteDevServer } from 'vite';
import { pathOnSite } from '../i18n/paths.ts';
import type { AssetCounts } from '../lib/build-summary.ts';
import { ContentError } from '../lib/problems.ts';
import { imageCacheDir, readEnvironment } from '../site/environment.ts';
import { createWorkerDrawer } from '../site/image-pool.ts';
import { loadDevSite, loadProductionSite } from '../site/read-content.ts';
import { drawUncachedImages, findSiteAsset, listSiteAssets, writeSiteAssets, type SiteAsset } from '../site/site-assets.ts';

/** A production build's assets, started: `write` publishes them into the output once the pages exist. */
export interface BuildAssets {
  write: (outDir: string) => Promise<AssetCounts>;
}

/**
 * Starts a production build's assets: images missing from the cache start drawing on one worker
 * thread per core as soon as the build starts, alongside Astro's own work; `write` links or writes
 * everything into the output. Chart PNGs and CSVs and social cards are published outside Astro's
 * page pipeline: thousands of routes of binary files cost more there than the files themselves.
 */
export function startBuildAssets(): BuildAssets {
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
 * Serves chart PNGs and CSVs and social cards in the dev server, drawn on request, drafts included,
 * as the pages it serves show them. Requests carry the site's base path (/shuho/charts/…), which
 * the assets' paths on the site do not.
 */
export function serveSiteAssets(server: ViteDevServer): void {
  const environment = readEnvironment();
  let served: { siteUrl: string; assets: SiteAsset[] } | undefined;
  server.watcher.on('all', (_event, file) => {
    if (path.resolve(file).startsWith(environment.contentDir)) served = undefined;
  });
  server.middlewares.use((request, response, next) => {
    // Vite strips the base from `url` before this runs; the path on the site is read from the URL as requested.
    const requestPath = new URL(request.originalUrl ?? request.url ?? '/', 'http://localhost').pathname;
    if (!/\/(charts|og)\//.test(requestPath)) return next();
    let asset: SiteAsset | undefined;
    try {
      if (!served) {
        const { site } = loadDevSite(environment);
        served = { siteUrl: site.registry.site.url, assets: listSiteAssets(site, imageCacheDir()) };
      }
      const pathname = pathOnSite(served.siteUrl, requestPath);
      asset = pathname === undefined ? undefined : findSiteAsset(served.assets, pathname);
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
}
