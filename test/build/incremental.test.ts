/**
 * An incremental build (Astro's incrementalBuild with the cache keys of src/lib/page-inputs.ts) must
 * never be stale: after each kind of change a page reads, the incremental build's output is
 * byte-identical to a clean build of the same content, and it rendered again exactly the post pages
 * whose HTML changed (site-wide inputs: every post page, by design).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { generateCorpus, type Corpus } from '../bench/corpus.ts';
import { postPagesInLog } from '../bench/measure.ts';
import { buildSite, ROOT, TMP, type BuildResult } from '../helpers/build-site.ts';
import { listFiles } from '../helpers/dist.ts';

const WORK = path.join(TMP, 'incremental');
const PROJECT = path.join(WORK, 'project');
const CONTENT = path.join(WORK, 'content');
const OUT = path.join(WORK, 'site', 'dist');
let previousClean = path.join(WORK, 'clean-0', 'dist');
let corpus: Corpus;
let cleanBuilds = 0;

/** A post page's output file, e.g. `en/posts/2026-08-21/index.html`. */
const POST_PAGE = /^(ja|en)\/posts\/[^/]+\/index\.html$/;

/** The post pages Astro rendered in this build, as output files: the others it restored from the cache. */
function renderedPostPages(build: BuildResult): string[] {
  return postPagesInLog(build.stdout).filter((line) => !line.restored).map((line) => `${line.page.slice(1)}index.html`).sort();
}

/** Files whose bytes differ between two outputs, or that only one has. */
function differingFiles(a: string, b: string): string[] {
  const files = new Set([...listFiles(a), ...listFiles(b)]);
  return [...files].filter((file) => {
    const left = path.join(a, file);
    const right = path.join(b, file);
    return !existsSync(left) || !existsSync(right) || !readFileSync(left).equals(readFileSync(right));
  }).map((file) => file.split(path.sep).join('/')).sort();
}

async function build(outDir: string): Promise<BuildResult> {
  const result = await buildSite({ contentDir: CONTENT, outDir, config: path.join(PROJECT, 'astro.config.mjs') });
  if (result.code !== 0) throw new Error(`build failed:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
  return result;
}

/** Builds incrementally and from scratch; returns what the incremental build rendered and what changed. */
async function rebuild(): Promise<{ rendered: string[]; changed: string[]; stale: string[]; postPages: string[] }> {
  const incremental = await build(OUT);
  cleanBuilds += 1;
  const clean = path.join(WORK, `clean-${cleanBuilds}`, 'dist');
  await build(clean);
  const changed = differingFiles(previousClean, clean).filter((file) => POST_PAGE.test(file));
  const stale = differingFiles(OUT, clean);
  previousClean = clean;
  return { rendered: renderedPostPages(incremental), changed, stale, postPages: listFiles(clean).map((file) => file.split(path.sep).join('/')).filter((file) => POST_PAGE.test(file)).sort() };
}

function edit(file: string, change: (text: string) => string): void {
  const text = readFileSync(file, 'utf8');
  const changed = change(text);
  if (changed === text) throw new Error(`${file}: the test's edit changed nothing`);
  writeFileSync(file, changed);
}

const postFile = (locale: 'ja' | 'en', week: number) => path.join(CONTENT, 'posts', locale, '2026', `${weekDate(week)}.mdx`);
/** The Friday (or holiday-shortened last day) of the n-th posted week, counting from the newest (0). */
function weekDate(fromNewest: number): string {
  const files = listFiles(path.join(CONTENT, 'posts', 'ja')).map((file) => path.basename(file, '.mdx')).filter((name) => /^\d{4}-\d{2}-\d{2}$/.test(name)).sort().reverse();
  const date = files[fromNewest];
  if (!date) throw new Error(`no weekly post ${fromNewest} weeks back`);
  return date;
}

describe('an incremental build', () => {
  beforeAll(async () => {
    rmSync(WORK, { recursive: true, force: true });
    mkdirSync(PROJECT, { recursive: true });
    // A copy of the project, so that the test can change a component without touching the real one.
    for (const name of ['astro.config.mjs', 'tsconfig.json', 'src', 'public']) cpSync(path.join(ROOT, name), path.join(PROJECT, name), { recursive: true });
    corpus = generateCorpus({ years: 0, weeks: 10, dir: CONTENT });
    await build(OUT);
    cpSync(OUT, previousClean, { recursive: true });
  }, 120_000);

  test.each([
    ['a close inside the charts\' window', () => edit(path.join(CONTENT, 'data', 'closes.csv'), (text) => text.replace(/^(\d{4}-\d{2}-\d{2},djia,)(\d+)\.(\d\d)$/m, (_, head: string, whole: string) => `${head}${Number(whole) + 1}.00`))],
    ['a neighbouring post\'s title', () => edit(postFile('en', 3), (text) => text.replace(/^title: "(.*)"$/m, 'title: "$1, revised"'))],
    ['a translation\'s text', () => edit(postFile('en', 5), (text) => `${text}\nOne more paragraph in the English text only.\n`)],
  ])('after %s, renders again exactly the post pages that changed, and matches a clean build', async (_, change) => {
    change();
    const { rendered, changed, stale } = await rebuild();
    expect(stale).toEqual([]);
    expect(changed.length).toBeGreaterThan(0);
    expect(rendered).toEqual(changed);
  }, 240_000);

  test.each([
    ['a topic label', () => edit(path.join(CONTENT, 'data', 'topics.json'), (text) => text.replace('"Small-cap growth"', '"Small-cap growth stocks"'))],
    ['an index colour in the registry', () => edit(path.join(CONTENT, 'data', 'indices.json'), (text) => text.replace('"#0f6fc6"', '"#1060b0"'))],
    ['the site config', () => edit(path.join(CONTENT, 'site.json'), (text) => text.replace('"Shūhō: US Small-Cap Growth Weekly"', '"Shūhō: Small-Cap Growth Weekly"'))],
    ['a component\'s code', () => edit(path.join(PROJECT, 'src', 'components', 'AdjacentPost.astro'), (text) => text.replace('<a href=', '<a data-adjacent href='))],
  ])('after %s, renders every post page again, and matches a clean build', async (_, change) => {
    change();
    const { rendered, changed, stale, postPages } = await rebuild();
    expect(stale).toEqual([]);
    expect(changed.length).toBeGreaterThan(0);
    expect(rendered).toEqual(postPages);
  }, 240_000);

  test('after nothing changed, renders no post page and matches a clean build', async () => {
    const { rendered, stale } = await rebuild();
    expect(stale).toEqual([]);
    expect(rendered).toEqual([]);
    expect(corpus.postFiles).toBeGreaterThan(0);
  }, 240_000);
});
