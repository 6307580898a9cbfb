import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { getPostPages } from '../../src/lib/post-views.ts';
import { imageCacheDir } from '../../src/site/environment.ts';
import { createWorkerDrawer } from '../../src/site/image-pool.ts';
import { describeAssetCounts } from '../../src/lib/build-summary.ts';
import { drawUncachedImages, findSiteAsset, listSiteAssets, writeSiteAssets } from '../../src/site/site-assets.ts';
import { makeModel } from '../helpers/model.ts';

const SHARED_CHART = [
  'charts:',
  '  - id: returns',
  '    type: bar',
  '    title: { ja: "リターン", en: "Returns" }',
  '    unit: percent',
  '    labels: [A, B]',
  '    datasets:',
  '      - label: { ja: "リターン", en: "Return" }',
  '        values: [1.5, -2.25]',
  '    source: Example',
];
/** A weekly post in both languages, and two Japanese-only features of one day showing the same chart. */
const site = makeModel([
  { date: '2026-02-13', topics: ['small-cap-growth'] },
  { date: '2025-10-10', slug: 'a', topics: ['valuations'], locales: ['ja'], frontmatter: SHARED_CHART },
  { date: '2025-10-10', slug: 'b', topics: ['valuations'], locales: ['ja'], frontmatter: SHARED_CHART },
]);

describe('site assets', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'shuho-assets-'));
  const cache = path.join(work, 'cache');
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('lists each chart\'s PNG and CSV and a social card per post page, each path once', () => {
    const assets = listSiteAssets(site, cache);
    const paths = assets.map((asset) => asset.path);
    expect(new Set(paths).size).toBe(paths.length);
    const cards = assets.filter((asset) => asset.kind === 'social-card').map((asset) => asset.path);
    expect(cards.sort()).toEqual(getPostPages(site.visiblePosts).map((page) => `/og/${page.locale}/${page.post.slug}.png`).sort());
    const charts = assets.filter((asset) => asset.kind === 'chart');
    // Three built-ins on each page of the weekly post, and the features' one chart in each language.
    expect(charts).toHaveLength(8);
    for (const chart of charts) expect(findSiteAsset(assets, chart.path.replace(/\.png$/, '.csv'))?.kind).toBe('chart-data');
    expect(findSiteAsset(assets, '/og/ja/no-such-post.png')).toBeUndefined();
  });

  test('images drawn ahead of the pages are linked from the cache and still counted as drawn', async () => {
    const ahead = path.join(work, 'ahead');
    const assets = listSiteAssets(site, path.join(work, 'ahead-cache'));
    const drawn = await drawUncachedImages(assets);
    const images = assets.filter((asset) => asset.kind !== 'chart-data');
    expect([...drawn].sort()).toEqual(images.map((asset) => asset.path).sort());
    expect(await drawUncachedImages(assets)).toEqual(new Set());
    const counts = await writeSiteAssets(assets, ahead, 4, drawn);
    expect(counts.chart.reused + counts['social-card'].reused).toBe(0);
    expect(counts.chart.drawn + counts['social-card'].drawn).toBe(images.length);
  });

  test('a first build draws every image; a second links them all from the cache, byte for byte', async () => {
    const first = path.join(work, 'first');
    const second = path.join(work, 'second');
    const assets = listSiteAssets(site, cache);
    const images = assets.filter((asset) => asset.kind !== 'chart-data').length;
    const drawn = await writeSiteAssets(assets, first);
    expect(drawn.chart.drawn + drawn['social-card'].drawn).toBe(images);
    const reused = await writeSiteAssets(listSiteAssets(site, cache), second);
    expect(reused.chart.drawn + reused['social-card'].drawn).toBe(0);
    expect(reused.chart.reused + reused['social-card'].reused).toBe(images);
    expect(describeAssetCounts(reused)).toMatch(/^\d+ chart images \(0 drawn, \d+ reused from the cache\), \d+ chart CSV files, \d+ social cards \(0 drawn, \d+ reused from the cache\)$/);
    for (const asset of assets) {
      const [a, b] = [path.join(first, asset.path), path.join(second, asset.path)];
      expect(readFileSync(b).equals(readFileSync(a)), asset.path).toBe(true);
      if (asset.kind !== 'chart-data') expect(readFileSync(b, 'latin1').slice(1, 4)).toBe('PNG');
    }
    // Reused images are links to the cached files, not copies.
    const card = assets.find((asset) => asset.kind === 'social-card');
    expect(statSync(path.join(second, card?.path ?? '')).ino).toBe(statSync(card?.cacheFile ?? '').ino);
    expect(readdirSync(path.join(cache, 'charts')).every((name) => name.endsWith('.png'))).toBe(true);
  });
});

describe('imageCacheDir', () => {
  test('follows SHUHO_CACHE_DIR and otherwise sits in node_modules/.cache/shuho', () => {
    expect(imageCacheDir({ SHUHO_CACHE_DIR: 'tmp/cache' }, '/repo')).toBe('/repo/tmp/cache');
    expect(imageCacheDir({}, '/repo')).toBe('/repo/node_modules/.cache/shuho');
  });
});

describe('createWorkerDrawer', () => {
  test('draws on worker threads exactly what the calling thread draws', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'shuho-workers-'));
    const drawer = createWorkerDrawer(2);
    try {
      const [threaded, local] = [listSiteAssets(site, path.join(work, 'a'), drawer), listSiteAssets(site, path.join(work, 'b'))];
      const images = threaded.filter((asset) => asset.kind !== 'chart-data').slice(0, 4);
      for (const asset of images) {
        const other = findSiteAsset(local, asset.path);
        const [a, b] = await Promise.all([asset.produce(), other?.produce()]);
        expect(Buffer.from(a.body).equals(Buffer.from(b?.body ?? '')), asset.path).toBe(true);
      }
    } finally {
      await drawer.close();
      rmSync(work, { recursive: true, force: true });
    }
  });
});
