/**
 * `npm run bench`: builds generated corpora of 5, 10 and 20 years of weekly posts (ja + en, a feature a
 * month) with Shūhō and with a plain Astro MDX blog, alternating, several times; reports medians, the
 * Shūhō / baseline ratio, pages per second, peak memory, growth with N, page weight, `npm run check`
 * time and an incremental rebuild. Writes the raw figures as JSON. Options:
 *   --years 5,10,20   corpus sizes     --runs 3   builds per size and builder
 *   --lighthouse      also run Lighthouse (mobile) on the sample weekly post
 */
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './corpus.ts';
import { writeBaselineProject } from './baseline.ts';
import { gzipSize, linearFit, listFiles, median, pageImages, pageScripts, timeCommand, type Run } from './measure.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WORK = path.join(ROOT, 'test', '.tmp', 'bench');
const RESULTS = path.join(ROOT, 'bench-results');
const NODE = path.join(ROOT, 'node_modules', '.bin', 'node');
const ASTRO = path.join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
const NOW = '2046-12-31T00:00:00Z';
const DISCARDED = path.join(WORK, 'discarded');

const { values } = parseArgs({
  options: {
    years: { type: 'string', default: '5,10,20' },
    runs: { type: 'string', default: '3' },
    lighthouse: { type: 'boolean', default: false },
  },
});
const sizes = values.years.split(',').map(Number);
const runs = Number(values.runs);

const baseEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', SHUHO_NOW: NOW };

function fail(what: string, run: Run): never {
  throw new Error(`${what} failed (exit ${run.code}):\n${run.output.slice(-4000)}`);
}

async function buildShuho(contentDir: string, outDir: string, cacheDir: string): Promise<Run> {
  const run = await timeCommand(NODE, [ASTRO, 'build'], {
    cwd: ROOT,
    env: { ...baseEnv, SHUHO_CONTENT_DIR: contentDir, SHUHO_OUT_DIR: outDir, SHUHO_CACHE_DIR: cacheDir },
  });
  return run.code === 0 ? run : fail('Shūhō build', run);
}

async function buildBaseline(baselineDir: string, contentDir: string, outDir: string, cacheDir: string): Promise<Run> {
  const run = await timeCommand(NODE, [ASTRO, 'build'], {
    cwd: baselineDir,
    env: { ...baseEnv, BASELINE_POSTS_DIR: path.join(contentDir, 'posts'), BASELINE_OUT_DIR: outDir, BASELINE_CACHE_DIR: cacheDir },
  });
  return run.code === 0 ? run : fail('baseline build', run);
}

let discardedCount = 0;

/**
 * Moves an earlier run's directory out of the way instead of deleting it; they are all deleted once
 * the benchmark ends. Ext4 without a journal, as on our 2-core machine, skips inodes freed in the
 * last few minutes when it creates files, so a build started right after deleting 15,000 files spent
 * about 3 s of a 50 s cold build in the kernel looking past them: a cost of the harness, not of either build.
 */
function discard(dir: string): void {
  if (!existsSync(dir)) return;
  mkdirSync(DISCARDED, { recursive: true });
  renameSync(dir, path.join(DISCARDED, `${process.pid}-${discardedCount++}`));
}

function postPages(dist: string): string[] {
  return listFiles(dist).filter((name) => /^(ja|en)\/posts\/[^/]+\/index\.html$/.test(name.split(path.sep).join('/')));
}

function htmlPages(dist: string): number {
  return listFiles(dist).filter((name) => name.endsWith('.html')).length;
}

/** Reader-side weight of the built site: gzip bytes of HTML, JS and images. */
function measureWeight(dist: string) {
  const posts = postPages(dist);
  const html = posts.map((name) => gzipSize(path.join(dist, name)));
  const weekly = posts.find((name) => /\/posts\/\d{4}-\d{2}-\d{2}\//.test(name.split(path.sep).join('/')) && name.startsWith('ja'));
  const withoutCharts = ['ja/archive/index.html', 'ja/index.html', 'ja/risks/index.html'].find((name) => existsSync(path.join(dist, name))) ?? 'ja/index.html';
  const jsBytes = (page: string) => {
    const source = readFileSync(path.join(dist, page), 'utf8');
    const scripts = pageScripts(dist, source);
    const sum = (urls: string[]) => urls.reduce((total, url) => total + (existsSync(path.join(dist, url)) ? gzipSize(path.join(dist, url)) : 0), 0);
    return { initial: sum(scripts.initial), withLazy: sum(scripts.all) };
  };
  const imageBytes = (page: string) => pageImages(readFileSync(path.join(dist, page), 'utf8'))
    .reduce((total, url) => total + (existsSync(path.join(dist, url)) ? gzipSize(path.join(dist, url)) : 0), 0);
  return {
    postPages: posts.length,
    htmlGzipMedian: median(html),
    htmlGzipMax: Math.max(...html),
    chartPage: weekly,
    chartPageJs: weekly ? jsBytes(weekly) : undefined,
    chartPageImages: weekly ? imageBytes(weekly) : undefined,
    noChartPage: withoutCharts,
    noChartPageJs: jsBytes(withoutCharts),
  };
}

function chartCounts(output: string): string {
  // The images part of the build's summary line: "…; 14 chart images (…), 14 chart CSV files, 4 social cards (…); …".
  const line = output.split('\n').find((text) => text.includes('[shuho:build]'));
  return line?.split('; ').find((part) => part.includes('chart images'))?.trim() ?? '(no [shuho:build] line in the build output)';
}

async function main(): Promise<void> {
  mkdirSync(WORK, { recursive: true });
  mkdirSync(RESULTS, { recursive: true });
  const baselineDir = path.join(WORK, 'baseline');
  discard(baselineDir);
  writeBaselineProject(baselineDir);
  const report: Record<string, unknown> = { date: new Date().toISOString(), runs, sizes: [] as unknown[] };
  const rows: string[] = [];
  const growth: { x: number; y: number }[] = [];
  const baselineGrowth: { x: number; y: number }[] = [];

  for (const years of sizes) {
    const contentDir = path.join(WORK, `corpus-${years}`, 'content');
    discard(path.dirname(contentDir));
    const corpus = generateCorpus({ years, dir: contentDir });
    const shuho: Run[] = [];
    const baseline: Run[] = [];
    let pages = 0;
    let basePages = 0;
    for (let i = 0; i < runs; i++) {
      // Cold builds on both sides: each run starts without caches, so the comparison is fair.
      for (const dir of ['shuho-out', 'shuho-cache', 'base-out', 'base-cache']) discard(path.join(WORK, dir));
      shuho.push(await buildShuho(contentDir, path.join(WORK, 'shuho-out'), path.join(WORK, 'shuho-cache')));
      pages = htmlPages(path.join(WORK, 'shuho-out'));
      baseline.push(await buildBaseline(baselineDir, contentDir, path.join(WORK, 'base-out'), path.join(WORK, 'base-cache')));
      basePages = htmlPages(path.join(WORK, 'base-out'));
      process.stdout.write(`  ${years}y run ${i + 1}/${runs}: Shūhō ${shuho.at(-1)?.seconds.toFixed(1)} s, baseline ${baseline.at(-1)?.seconds.toFixed(1)} s\n`);
    }
    const shuhoMedian = median(shuho.map((run) => run.seconds));
    const baseMedian = median(baseline.map((run) => run.seconds));
    const weight = measureWeight(path.join(WORK, 'shuho-out'));
    growth.push({ x: weight.postPages, y: shuhoMedian });
    baselineGrowth.push({ x: weight.postPages, y: baseMedian });

    // Incremental: the cache from the last cold build is warm; rebuild unchanged, then after editing one post.
    const warm = await buildShuho(contentDir, path.join(WORK, 'shuho-out'), path.join(WORK, 'shuho-cache'));
    // Edit one post's title and body: its pages and its social card must be redrawn, nothing else.
    const edited = corpus.editablePost;
    writeFileSync(edited, readFileSync(edited, 'utf8').replace(/^title: (.*)$/m, 'title: $1 (revised)'));
    appendFileSync(edited, '\n\nOne more paragraph, added to measure an incremental rebuild.\n');
    const afterEdit = await buildShuho(contentDir, path.join(WORK, 'shuho-out'), path.join(WORK, 'shuho-cache'));

    const check = await timeCommand(NODE, [path.join(ROOT, 'src', 'cli', 'check.ts')], { cwd: ROOT, env: { ...baseEnv, SHUHO_CONTENT_DIR: contentDir } });
    const entry = {
      years,
      posts: corpus.postFiles,
      postPages: weight.postPages,
      htmlPages: pages,
      baselineHtmlPages: basePages,
      shuhoSeconds: shuho.map((run) => run.seconds),
      baselineSeconds: baseline.map((run) => run.seconds),
      shuhoMedian,
      baselineMedian: baseMedian,
      ratio: shuhoMedian / baseMedian,
      pagesPerSecond: pages / shuhoMedian,
      baselinePagesPerSecond: basePages / baseMedian,
      shuhoPeakMiB: Math.max(...shuho.map((run) => run.peakMiB ?? 0)),
      baselinePeakMiB: Math.max(...baseline.map((run) => run.peakMiB ?? 0)),
      warmRebuildSeconds: warm.seconds,
      warmRebuildCharts: chartCounts(warm.output),
      oneEditRebuildSeconds: afterEdit.seconds,
      oneEditRebuildCharts: chartCounts(afterEdit.output),
      checkSeconds: check.seconds,
      checkExit: check.code,
      weight,
    };
    (report['sizes'] as unknown[]).push(entry);
    rows.push(
      `| ${years} | ${weight.postPages} | ${shuhoMedian.toFixed(1)} | ${baseMedian.toFixed(1)} | ${entry.ratio.toFixed(2)}× | ${entry.pagesPerSecond.toFixed(0)} | ${entry.shuhoPeakMiB.toFixed(0)} / ${entry.baselinePeakMiB.toFixed(0)} | ${warm.seconds.toFixed(1)} | ${afterEdit.seconds.toFixed(1)} | ${check.seconds.toFixed(2)} |`,
    );
  }
  const fit = linearFit(growth);
  const baseFit = linearFit(baselineGrowth);
  report['growth'] = { shuho: fit, baseline: baseFit };

  if (values.lighthouse) report['lighthouse'] = await runLighthouse();

  const last = (report['sizes'] as { weight: ReturnType<typeof measureWeight> }[]).at(-1)?.weight;
  console.log('\n| years | post pages | Shūhō s (median) | baseline s | ratio | pages/s | peak MiB Shūhō / base | warm rebuild s | one-edit rebuild s | check s |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
  console.log(`\nGrowth: Shūhō ${(fit.slope * 1000).toFixed(1)} ms per post page + ${fit.intercept.toFixed(1)} s (R² ${fit.r2.toFixed(3)}); baseline ${(baseFit.slope * 1000).toFixed(1)} ms per page + ${baseFit.intercept.toFixed(1)} s (R² ${baseFit.r2.toFixed(3)})`);
  if (last) {
    console.log(`Weight (gzip): post page HTML median ${(last.htmlGzipMedian / 1024).toFixed(1)} KB (max ${(last.htmlGzipMax / 1024).toFixed(1)} KB); chart page JS ${((last.chartPageJs?.initial ?? 0) / 1024).toFixed(1)} KB initial, ${((last.chartPageJs?.withLazy ?? 0) / 1024).toFixed(1)} KB with the lazy chart chunk; page without charts JS ${last.noChartPageJs.withLazy} B; chart page images ${((last.chartPageImages ?? 0) / 1024).toFixed(1)} KB`);
  }
  for (const size of report['sizes'] as { years: number; warmRebuildCharts: string; oneEditRebuildCharts: string }[]) {
    console.log(`${size.years}y caches: warm rebuild → ${size.warmRebuildCharts}; after one edit → ${size.oneEditRebuildCharts}`);
  }
  const file = path.join(RESULTS, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nRaw figures: ${path.relative(ROOT, file)}`);
}

/** Lighthouse (mobile) on the sample weekly post, served from a fresh build of content/. */
async function runLighthouse(): Promise<Record<string, number>> {
  const { serveDir } = await import('../helpers/browser.ts');
  const dist = path.join(WORK, 'sample-out');
  discard(dist);
  await buildShuho(path.join(ROOT, 'content'), dist, path.join(WORK, 'sample-cache'));
  const server = await serveDir(dist);
  try {
    const output = path.join(WORK, 'lighthouse.json');
    const run = await timeCommand(NODE, [
      path.join(ROOT, 'node_modules', 'lighthouse', 'cli', 'index.js'),
      `${server.origin}/ja/posts/2026-02-13/`,
      '--quiet', '--output=json', `--output-path=${output}`, '--form-factor=mobile',
      '--only-categories=performance,accessibility,best-practices,seo',
      '--chrome-flags=--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync',
    ], { cwd: ROOT, env: { ...baseEnv, CHROME_PATH: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium' } });
    if (run.code !== 0 || !existsSync(output)) fail('lighthouse', run);
    const result = JSON.parse(readFileSync(output, 'utf8')) as { categories: Record<string, { score: number }> };
    const scores = Object.fromEntries(Object.entries(result.categories).map(([name, category]) => [name, Math.round(category.score * 100)]));
    console.log(`Lighthouse (mobile, /ja/posts/2026-02-13/): ${Object.entries(scores).map(([name, score]) => `${name} ${score}`).join(', ')}`);
    cpSync(output, path.join(RESULTS, 'lighthouse-latest.json'));
    return scores;
  } finally {
    await server.close();
  }
}

try {
  await main();
} finally {
  // A failed run too: the moved-aside outputs and image caches of a 20-year run take several GB.
  rmSync(DISCARDED, { recursive: true, force: true });
}
