/**
 * `npm run bench`: builds generated corpora of 5, 10 and 20 years of weekly posts (ja + en, a feature a
 * month) with Shūhō and with a plain Astro MDX blog, alternating, several times; reports medians, the
 * Shūhō / baseline ratio, pages per second, peak memory, growth with N, page weight, `npm run check`
 * time, the weekly publish and other incremental rebuilds, and the dev server's first page and edit. Writes the raw figures as JSON. Options:
 *   --years 5,10,20   corpus sizes     --runs 3   builds per size and builder
 *   --lighthouse      also run Lighthouse (mobile) on the sample weekly post
 *   --explain         list what the weekly publish and the one-edit rebuild rendered again, and why
 */
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus, publishWeek } from './corpus.ts';
import { writeBaselineProject } from './baseline.ts';
import { measureDevServer } from './dev-server.ts';
import { freePort } from '../helpers/cli.ts';
import { EXPLANATION_FILE } from '../../src/integration/page-inputs-record.ts';
import { describeInputChanges, type InputChanges } from '../../src/lib/page-inputs.ts';
import { gzipSize, linearFit, listFiles, median, pageImages, pageScripts, postPagesInLog, timeCommand, type Run } from './measure.ts';

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
    explain: { type: 'boolean', default: false },
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

/** What a build rendered again and why: Astro's log says which post pages it rendered, Shūhō's record which inputs changed. */
function explainBuild(run: Run | undefined, cacheDir: string): { rendered: string[]; restored: number; summary: string; reasons: string[] } {
  const postLines = postPagesInLog(run?.output ?? '');
  const rendered = postLines.filter((line) => !line.restored).map((line) => line.page);
  const changes = JSON.parse(readFileSync(path.join(cacheDir, EXPLANATION_FILE), 'utf8')) as InputChanges;
  const why = new Map<string, string>([
    ...changes.added.map((page): [string, string] => [page, 'new page']),
    ...changes.changed.map(({ page, inputs }): [string, string] => [page, `changed: ${inputs.join(', ')}`]),
  ]);
  return {
    rendered,
    restored: postLines.length - rendered.length,
    summary: describeInputChanges(changes),
    // A page rendered with unchanged inputs was rendered for its code, the config or the lockfile (Astro's own hashes).
    reasons: rendered.map((page) => `${page}: ${why.get(page) ?? 'code, config or lockfile changed'}`),
  };
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
  const chartDir = path.join(dist, 'charts');
  const pngs = existsSync(chartDir) ? listFiles(chartDir).filter((name) => name.endsWith('.png')).map((name) => statSync(path.join(chartDir, name)).size) : [];
  return {
    postPages: posts.length,
    chartPngMedian: pngs.length === 0 ? 0 : median(pngs),
    chartPngMax: pngs.length === 0 ? 0 : Math.max(...pngs),
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
    const shuho: Run[] = [];
    const publish: Run[] = [];
    const baseline: Run[] = [];
    let corpus = generateCorpus({ years, dir: contentDir, holdBackLastWeek: true });
    let pages = 0;
    let basePages = 0;
    for (let i = 0; i < runs; i++) {
      // Each run starts from the corpus without its last week and without caches: a cold build, then
      // the weekly publish (next week's posts and closes) with every cache the deploy recipe keeps.
      discard(path.dirname(contentDir));
      corpus = generateCorpus({ years, dir: contentDir, holdBackLastWeek: true });
      for (const dir of ['shuho-out', 'shuho-cache', 'base-out', 'base-cache']) discard(path.join(WORK, dir));
      shuho.push(await buildShuho(contentDir, path.join(WORK, 'shuho-out'), path.join(WORK, 'shuho-cache')));
      if (corpus.nextWeek) publishWeek(corpus, corpus.nextWeek);
      publish.push(await buildShuho(contentDir, path.join(WORK, 'shuho-out'), path.join(WORK, 'shuho-cache')));
      pages = htmlPages(path.join(WORK, 'shuho-out'));
      // The plain blog builds the same posts, the new week included, from scratch.
      baseline.push(await buildBaseline(baselineDir, contentDir, path.join(WORK, 'base-out'), path.join(WORK, 'base-cache')));
      basePages = htmlPages(path.join(WORK, 'base-out'));
      process.stdout.write(`  ${years}y run ${i + 1}/${runs}: Shūhō cold ${shuho.at(-1)?.seconds.toFixed(1)} s, weekly publish ${publish.at(-1)?.seconds.toFixed(1)} s; baseline ${baseline.at(-1)?.seconds.toFixed(1)} s\n`);
    }
    const shuhoMedian = median(shuho.map((run) => run.seconds));
    const publishMedian = median(publish.map((run) => run.seconds));
    const baseMedian = median(baseline.map((run) => run.seconds));
    const weight = measureWeight(path.join(WORK, 'shuho-out'));
    growth.push({ x: weight.postPages, y: shuhoMedian });
    baselineGrowth.push({ x: weight.postPages, y: baseMedian });
    const publishExplained = explainBuild(publish.at(-1), path.join(WORK, 'shuho-cache'));

    // The caches are warm: rebuild unchanged, then after editing one post.
    const warm = await buildShuho(contentDir, path.join(WORK, 'shuho-out'), path.join(WORK, 'shuho-cache'));
    // Edit one post's title and body: its pages and its social card must be redrawn, nothing else.
    const edited = corpus.editablePost;
    writeFileSync(edited, readFileSync(edited, 'utf8').replace(/^title: (.*)$/m, 'title: $1 (revised)'));
    appendFileSync(edited, '\n\nOne more paragraph, added to measure an incremental rebuild.\n');
    const afterEdit = await buildShuho(contentDir, path.join(WORK, 'shuho-out'), path.join(WORK, 'shuho-cache'));
    const editExplained = explainBuild(afterEdit, path.join(WORK, 'shuho-cache'));

    // `npm run check` with nothing remembered, then as an author meets it: after editing one post.
    const checkCache = path.join(WORK, 'check-cache');
    discard(checkCache);
    const runCheck = () => timeCommand(NODE, [path.join(ROOT, 'src', 'cli', 'shuho.ts'), 'check'], { cwd: ROOT, env: { ...baseEnv, SHUHO_CONTENT_DIR: contentDir, SHUHO_CACHE_DIR: checkCache } });
    const checkCold = await runCheck();
    appendFileSync(edited, '\nA sentence added before running the check again.\n');
    const check = await runCheck();

    // The dev server started for the first time on this corpus, then started again (as an author does
    // every morning), each timed to the first post page and to an edit showing; the plain blog beside it.
    const devCache = path.join(WORK, 'dev-cache');
    discard(devCache);
    discard(path.join(WORK, 'dev-root'));
    const devPort = await freePort();
    const slug = path.basename(corpus.editablePost, '.mdx');
    const measureShuhoDev = () => measureDevServer({
      node: NODE,
      astro: ASTRO,
      config: path.join(ROOT, 'astro.config.mjs'),
      root: path.join(WORK, 'dev-root'),
      env: { ...baseEnv, SHUHO_CONTENT_DIR: contentDir, SHUHO_CACHE_DIR: devCache },
      post: corpus.editablePost,
      pagePath: `/ja/posts/${slug}/`,
      port: devPort,
    });
    const devFirst = await measureShuhoDev();
    const dev = await measureShuhoDev();
    discard(path.join(WORK, 'base-dev-cache'));
    const baselineDevArgs = {
      node: NODE,
      astro: ASTRO,
      config: path.join(baselineDir, 'astro.config.mjs'),
      root: baselineDir,
      env: { ...baseEnv, BASELINE_POSTS_DIR: path.join(contentDir, 'posts'), BASELINE_CACHE_DIR: path.join(WORK, 'base-dev-cache') },
      post: corpus.editablePost,
      pagePath: `/${path.relative(path.join(contentDir, 'posts'), corpus.editablePost).replace(/\.mdx$/, '')}/`,
      port: devPort,
    };
    await measureDevServer(baselineDevArgs);
    const baselineDev = await measureDevServer(baselineDevArgs);
    const entry = {
      years,
      posts: corpus.postFiles,
      postPages: weight.postPages,
      htmlPages: pages,
      baselineHtmlPages: basePages,
      shuhoSeconds: shuho.map((run) => run.seconds),
      publishSeconds: publish.map((run) => run.seconds),
      baselineSeconds: baseline.map((run) => run.seconds),
      shuhoMedian,
      publishMedian,
      baselineMedian: baseMedian,
      ratio: shuhoMedian / baseMedian,
      publishRatio: publishMedian / baseMedian,
      secondsPerPostPage: shuhoMedian / weight.postPages,
      pagesPerSecond: pages / shuhoMedian,
      baselinePagesPerSecond: basePages / baseMedian,
      shuhoPeakMiB: Math.max(...shuho.map((run) => run.peakMiB ?? 0)),
      baselinePeakMiB: Math.max(...baseline.map((run) => run.peakMiB ?? 0)),
      publish: publishExplained,
      warmRebuildSeconds: warm.seconds,
      warmRebuildCharts: chartCounts(warm.output),
      oneEditRebuildSeconds: afterEdit.seconds,
      oneEditRebuildCharts: chartCounts(afterEdit.output),
      oneEdit: editExplained,
      checkSeconds: check.seconds,
      checkExit: check.code,
      checkColdSeconds: checkCold.seconds,
      devFirstPageSeconds: dev.firstPageSeconds,
      devEditSeconds: dev.editSeconds,
      devFirstStart: devFirst,
      baselineDevFirstPageSeconds: baselineDev.firstPageSeconds,
      weight,
    };
    (report['sizes'] as unknown[]).push(entry);
    rows.push(
      `| ${years} | ${weight.postPages} | ${shuhoMedian.toFixed(1)} | ${publishMedian.toFixed(1)} | ${baseMedian.toFixed(1)} | ${entry.ratio.toFixed(2)}× | ${entry.publishRatio.toFixed(2)}× | ${(entry.secondsPerPostPage * 1000).toFixed(1)} | ${entry.shuhoPeakMiB.toFixed(0)} / ${entry.baselinePeakMiB.toFixed(0)} | ${warm.seconds.toFixed(1)} | ${afterEdit.seconds.toFixed(1)} | ${check.seconds.toFixed(2)} (${checkCold.seconds.toFixed(2)}) | ${dev.firstPageSeconds.toFixed(1)} (${devFirst.firstPageSeconds.toFixed(1)}; plain ${baselineDev.firstPageSeconds.toFixed(1)}) / ${dev.editSeconds.toFixed(2)} |`,
    );
    if (values.explain) {
      console.log(`\n${years}y weekly publish: rendered ${publishExplained.rendered.length} post pages, restored ${publishExplained.restored}; inputs: ${publishExplained.summary}`);
      for (const line of publishExplained.reasons) console.log(`  ${line}`);
      console.log(`${years}y after one edit: rendered ${editExplained.rendered.length} post pages, restored ${editExplained.restored}; inputs: ${editExplained.summary}`);
      for (const line of editExplained.reasons) console.log(`  ${line}`);
    }
  }
  const fit = linearFit(growth);
  const baseFit = linearFit(baselineGrowth);
  report['growth'] = { shuho: fit, baseline: baseFit };

  if (values.lighthouse) report['lighthouse'] = await runLighthouse();

  const last = (report['sizes'] as { weight: ReturnType<typeof measureWeight> }[]).at(-1)?.weight;
  console.log('\n| years | post pages | Shūhō cold s | weekly publish s | baseline s | cold ratio | publish ratio | ms per post page | peak MiB Shūhō / base | warm rebuild s | one-edit rebuild s | check s after an edit (nothing remembered) | dev first page s on a restart (first start; plain blog) / edit s |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
  console.log(`\nGrowth: Shūhō ${(fit.slope * 1000).toFixed(1)} ms per post page + ${fit.intercept.toFixed(1)} s (R² ${fit.r2.toFixed(3)}); baseline ${(baseFit.slope * 1000).toFixed(1)} ms per page + ${baseFit.intercept.toFixed(1)} s (R² ${baseFit.r2.toFixed(3)})`);
  if (last) {
    console.log(`Weight (gzip): post page HTML median ${(last.htmlGzipMedian / 1024).toFixed(1)} KB (max ${(last.htmlGzipMax / 1024).toFixed(1)} KB); chart page JS ${((last.chartPageJs?.initial ?? 0) / 1024).toFixed(1)} KB initial, ${((last.chartPageJs?.withLazy ?? 0) / 1024).toFixed(1)} KB with the lazy chart chunk; page without charts JS ${last.noChartPageJs.withLazy} B; chart page images ${((last.chartPageImages ?? 0) / 1024).toFixed(1)} KB; chart PNG median ${(last.chartPngMedian / 1024).toFixed(1)} KB (max ${(last.chartPngMax / 1024).toFixed(1)} KB)`);
  }
  for (const size of report['sizes'] as { years: number; warmRebuildCharts: string; oneEditRebuildCharts: string }[]) {
    console.log(`${size.years}y caches: warm rebuild → ${size.warmRebuildCharts}; after one edit → ${size.oneEditRebuildCharts}`);
  }
  printBudgets(report['sizes'] as BudgetFigures[]);
  const file = path.join(RESULTS, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nRaw figures: ${path.relative(ROOT, file)}`);
}

/** The figures of one corpus size that the performance budgets read (listed in the README). */
interface BudgetFigures {
  years: number;
  ratio: number;
  publishRatio: number;
  secondsPerPostPage: number;
  checkSeconds: number;
  checkColdSeconds: number;
  devFirstPageSeconds: number;
  baselineDevFirstPageSeconds: number;
  devEditSeconds: number;
  weight: ReturnType<typeof measureWeight>;
}

/** Each budget with the figure measured and whether it is met; sizes the run did not build are skipped. */
function printBudgets(sizes: readonly BudgetFigures[]): void {
  const at = (years: number) => sizes.find((size) => size.years === years);
  const ten = at(10);
  const twenty = at(20);
  const lines: [string, string, boolean][] = [];
  if (ten) {
    lines.push(['weekly publish ≤ 1.0× the plain blog (10 y)', `${ten.publishRatio.toFixed(2)}×`, ten.publishRatio <= 1]);
    lines.push(['cold build ≤ 3.0× the plain blog (10 y)', `${ten.ratio.toFixed(2)}×`, ten.ratio <= 3]);
    lines.push(['npm run check ≤ 1 s (10 y), after an edit', `${ten.checkSeconds.toFixed(2)} s`, ten.checkSeconds <= 1]);
    lines.push(['npm run check ≤ 1 s (10 y), nothing remembered', `${ten.checkColdSeconds.toFixed(2)} s`, ten.checkColdSeconds <= 1]);
    lines.push(['dev server: first page ≤ 5 s (10 y), restart', `${ten.devFirstPageSeconds.toFixed(1)} s (plain blog ${ten.baselineDevFirstPageSeconds.toFixed(1)} s)`, ten.devFirstPageSeconds <= 5]);
    lines.push(['dev server: an edit shows ≤ 0.5 s (10 y)', `${ten.devEditSeconds.toFixed(2)} s`, ten.devEditSeconds <= 0.5]);
    lines.push(['chart PNG median ≤ 40 KB', `${(ten.weight.chartPngMedian / 1024).toFixed(1)} KB`, ten.weight.chartPngMedian <= 40 * 1024]);
    lines.push(['images on the weekly post page ≤ 100 KB', `${((ten.weight.chartPageImages ?? 0) / 1024).toFixed(1)} KB`, (ten.weight.chartPageImages ?? 0) <= 100 * 1024]);
  }
  if (ten && twenty) {
    const growth = twenty.secondsPerPostPage / ten.secondsPerPostPage - 1;
    lines.push(['per-post cost at 20 y within 10 % of 10 y', `${(growth * 100).toFixed(1)} %`, Math.abs(growth) <= 0.1]);
  }
  if (twenty) lines.push(['post page HTML ≤ 25 KB gzip (20 y, largest)', `${(twenty.weight.htmlGzipMax / 1024).toFixed(1)} KB`, twenty.weight.htmlGzipMax <= 25 * 1024]);
  if (lines.length === 0) return;
  console.log('\nBudgets:');
  for (const [budget, figure, met] of lines) console.log(`  ${met ? 'met ' : 'OVER'}  ${budget}: ${figure}`);
}

/** Lighthouse (mobile) on the sample weekly post, served from a fresh build of content/. */
async function runLighthouse(): Promise<Record<string, number>> {
  const { serveDir } = await import('../helpers/browser.ts');
  const dist = path.join(WORK, 'sample-out');
  discard(dist);
  await buildShuho(path.join(ROOT, 'content'), dist, path.join(WORK, 'sample-cache'));
  const server = await serveDir(dist, '/', { compress: true });
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
