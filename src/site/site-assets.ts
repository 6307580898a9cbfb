import { copyFileSync, existsSync, linkSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AssetCounts, AssetKind } from '../lib/build-summary.ts';
import { buildChartCsv } from '../lib/chart-data.ts';
import { getPostPages } from '../lib/post-views.ts';
import type { SiteModel } from '../lib/site-model.ts';
import { buildSocialCardContent, socialCardPath } from '../lib/social-card.ts';
import { inThreadDrawer, type ImageDrawer } from './image-pool.ts';
import { cachedPngFile } from './png.ts';
import { getSiteCharts } from './post-charts.ts';
import { getChartPng } from './render-chart.ts';
import { getSocialCard, socialCardKey } from './social-card-render.ts';

/** A file the site publishes besides its pages: a chart's PNG or CSV, or a post's social card. */
export interface SiteAsset {
  /** Path on the site (below the site's base), e.g. /charts/0123456789abcdef.png or /og/ja/2026-02-13.png; also its path in the output. */
  path: string;
  contentType: string;
  kind: AssetKind;
  /** Where an earlier build stored this exact image, if it did: a build links it instead of drawing. */
  cacheFile: string | undefined;
  /** The bytes, drawn (and stored in the cache) if no earlier build drew them. */
  produce: () => Promise<{ body: Buffer | string; isCached: boolean }>;
}

/** Every chart image, chart CSV and social card of the visible site, each path once; images not in the cache are drawn by `drawer`. */
export function listSiteAssets(site: SiteModel, imageCacheDir: string, drawer: ImageDrawer = inThreadDrawer): SiteAsset[] {
  const chartDir = path.join(imageCacheDir, 'charts');
  const cardDir = path.join(imageCacheDir, 'social-cards');
  const charts = getSiteCharts(site).flatMap((chart): SiteAsset[] => [
    {
      path: chart.pngUrl,
      contentType: 'image/png',
      kind: 'chart',
      cacheFile: cachedPngFile(chartDir, chart.hash),
      produce: async () => {
        const { png, isCached } = await getChartPng(chart.spec, chartDir, drawer.chart);
        return { body: png, isCached };
      },
    },
    {
      path: chart.csvUrl,
      contentType: `text/csv; charset=utf-8`,
      kind: 'chart-data',
      cacheFile: undefined,
      produce: async () => ({ body: buildChartCsv(chart.spec), isCached: false }),
    },
  ]);
  const cards = getPostPages(site.visiblePosts).map((page): SiteAsset => {
    const content = buildSocialCardContent(page, site.registry);
    return {
      path: socialCardPath(page.locale, page.post.slug),
      contentType: 'image/png',
      kind: 'social-card',
      cacheFile: cachedPngFile(cardDir, socialCardKey(content)),
      produce: async () => {
        const { png, isCached } = await getSocialCard(content, cardDir, drawer.card);
        return { body: png, isCached };
      },
    };
  });
  return [...charts, ...cards];
}

/** The asset at a path on the site, for the dev server. */
export function findSiteAsset(assets: readonly SiteAsset[], pathname: string): SiteAsset | undefined {
  return assets.find((asset) => asset.path === pathname);
}

function publishCached(cacheFile: string, target: string): void {
  try {
    // A hard link costs no copy; caches on another file system fall back to copying.
    linkSync(cacheFile, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      rmSync(target);
      publishCached(cacheFile, target);
    } else copyFileSync(cacheFile, target);
  }
}

/** Runs `task` on every item, at most `concurrency` at a time. */
async function forEachConcurrently<T>(items: readonly T[], concurrency: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const work = async (): Promise<void> => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, work));
}

/**
 * Draws into the cache every image no earlier build drew, `concurrency` at a time, and returns their
 * paths. A build starts this before Astro renders its pages, so drawing and page rendering share the cores.
 */
export async function drawUncachedImages(assets: readonly SiteAsset[], concurrency = 4): Promise<Set<string>> {
  const drawn = new Set<string>();
  const missing = assets.filter((asset) => asset.cacheFile !== undefined && !existsSync(asset.cacheFile));
  await forEachConcurrently(missing, concurrency, async (asset) => {
    if (!(await asset.produce()).isCached) drawn.add(asset.path);
  });
  return drawn;
}

/**
 * Writes every asset into `outDir`. Images in the cache are linked from it; the rest (CSVs, and any
 * image not drawn yet) are produced `concurrency` at a time, so drawing on the worker threads
 * overlaps. Images in `drawnThisBuild` (by `drawUncachedImages`) count as drawn, not reused.
 */
export async function writeSiteAssets(
  assets: readonly SiteAsset[],
  outDir: string,
  concurrency = 4,
  drawnThisBuild: ReadonlySet<string> = new Set(),
): Promise<AssetCounts> {
  const counts: AssetCounts = { chart: { drawn: 0, reused: 0 }, 'chart-data': { drawn: 0, reused: 0 }, 'social-card': { drawn: 0, reused: 0 } };
  for (const directory of new Set(assets.map((asset) => path.dirname(path.join(outDir, asset.path))))) mkdirSync(directory, { recursive: true });
  // Links and small writes, done directly: thousands of them queued in Node's thread pool (four threads,
  // shared with the rest of the build) took seconds, done here they take a fraction of one.
  const toProduce: SiteAsset[] = [];
  for (const asset of assets) {
    if (asset.cacheFile === undefined || !existsSync(asset.cacheFile)) {
      toProduce.push(asset);
      continue;
    }
    publishCached(asset.cacheFile, path.join(outDir, asset.path));
    counts[asset.kind][drawnThisBuild.has(asset.path) ? 'drawn' : 'reused'] += 1;
  }
  await forEachConcurrently(toProduce, concurrency, async (asset) => {
    const { body, isCached } = await asset.produce();
    writeFileSync(path.join(outDir, asset.path), body);
    counts[asset.kind][isCached ? 'reused' : 'drawn'] += 1;
  });
  return counts;
}
