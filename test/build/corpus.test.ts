import { execFile } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, ROOT, TEST_NOW, TMP, type BuildResult } from '../helpers/build-site.ts';
import { getAttribute, readPages, textContent, type Page } from '../helpers/dist.ts';

/*
 * Bad input never passes quietly. Each folder under test/corpus/broken/ is a small overlay (one or
 * two files, at their paths inside a content directory) over test/corpus/base/content, a minimal
 * valid site, plus an expect.json naming the file and the field (or the line, when the fault has no
 * field, or a phrase of the message) the error must name. Every case must make both `npm run check`
 * and the build exit non-zero with that message. test/corpus/awkward/ holds valid but awkward
 * input (CRLF, a byte-order mark, full-width digits, a very long title) that must build correctly.
 */

const run = promisify(execFile);
const CORPUS = path.join(ROOT, 'test', 'corpus');
const BASE = path.join(CORPUS, 'base', 'content');
const WORK = path.join(TMP, 'corpus');
/** Builds take a core each; the machine has two. */
const CONCURRENCY = 2;

/** What a broken case's error must name. `file` is relative to the content directory. */
interface Expectation {
  why: string;
  file: string;
  field?: string;
  line?: number;
  message?: string;
}

/** A content directory made of the base site with overlays copied over it. */
function prepareSite(name: string, overlays: readonly string[]): string {
  const contentDir = path.join(WORK, name, 'content');
  rmSync(path.dirname(contentDir), { recursive: true, force: true });
  cpSync(BASE, contentDir, { recursive: true });
  for (const overlay of overlays) cpSync(overlay, contentDir, { recursive: true, filter: (source) => path.basename(source) !== 'expect.json' });
  return contentDir;
}

/** Runs `npm run check` on a content directory, never throwing on a non-zero exit. */
async function runCheck(contentDir: string): Promise<BuildResult> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'check'], {
      cwd: ROOT,
      env: { ...process.env, SHUHO_CONTENT_DIR: contentDir, SHUHO_NOW: TEST_NOW, NO_COLOR: '1' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failure.code === 'number' ? failure.code : 1, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
  }
}

/** Runs `jobs` with at most `limit` at a time. */
async function inPool<T>(jobs: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array<T>(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await (jobs[i] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What the output fails to name, as a list (empty when it names everything expected). */
function missingFromOutput(output: string, contentDir: string, expected: Expectation): string[] {
  const missing: string[] = [];
  const shownPath = path.relative(ROOT, path.join(contentDir, expected.file)).split(path.sep).join('/');
  // The file's block, up to the next file's block: the field, line and message must be in it.
  const start = output.indexOf(`${shownPath} has`);
  if (start === -1) return [`the file ${shownPath}`];
  const block = output.slice(start).split(/\n\n/)[0] ?? '';
  if (expected.field !== undefined && !new RegExp(`^\\s+- ${escape(expected.field)}[ :]`, 'm').test(block)) missing.push(`the field ${expected.field}`);
  if (expected.line !== undefined && !block.includes(`(line ${expected.line})`)) missing.push(`line ${expected.line}`);
  if (expected.message !== undefined && !block.includes(expected.message)) missing.push(`"${expected.message}"`);
  return missing;
}

/**
 * The problem report in a command's output, line by line: each file's heading and its problems. The
 * check and the build print it with the same function from the same model, so the two must match.
 */
function problemReport(output: string): string[] {
  const lines = output.replace(/\u001B\[[0-9;]*m/g, '').split('\n');
  // Only the errors' blocks: warnings and the record of quoted wording are listed in the same shape.
  let isErrorBlock = false;
  return lines.filter((line) => {
    if (/ has (a problem|\d+ problems):$/.test(line)) return (isErrorBlock = true);
    if (!/^ {2}- /.test(line)) isErrorBlock = false;
    return isErrorBlock;
  });
}

const brokenCases = readdirSync(path.join(CORPUS, 'broken')).sort();

describe(`the broken-input corpus (${brokenCases.length} cases)`, () => {
  const results = new Map<string, { contentDir: string; expected: Expectation; check: BuildResult; build: BuildResult }>();

  beforeAll(async () => {
    rmSync(WORK, { recursive: true, force: true });
    const outcomes = await inPool(
      brokenCases.map((name) => async () => {
        const overlay = path.join(CORPUS, 'broken', name);
        const expected = JSON.parse(readFileSync(path.join(overlay, 'expect.json'), 'utf8')) as Expectation;
        const contentDir = prepareSite(name, [overlay]);
        const check = await runCheck(contentDir);
        const build = await buildSite({ contentDir, outDir: path.join(WORK, name, 'dist') });
        return { name, contentDir, expected, check, build };
      }),
      CONCURRENCY,
    );
    for (const { name, ...outcome } of outcomes) results.set(name, outcome);
  }, 600_000);

  test('has at least 20 cases, each with an overlay and an expect.json', () => {
    expect(brokenCases.length).toBeGreaterThanOrEqual(20);
    for (const name of brokenCases) {
      const files = readdirSync(path.join(CORPUS, 'broken', name), { recursive: true, encoding: 'utf8' });
      expect(files, name).toContain('expect.json');
    }
  });

  test.for(brokenCases)('%s: npm run check and the build both fail, naming the file and the field', (name) => {
    const result = results.get(name);
    expect(result, `${name} ran`).toBeDefined();
    const { contentDir, expected, check, build } = result as NonNullable<typeof result>;
    const checkOutput = `${check.stdout}\n${check.stderr}`;
    const buildOutput = `${build.stdout}\n${build.stderr}`;
    expect(check.code, `npm run check exits non-zero for ${expected.why}:\n${checkOutput}`).not.toBe(0);
    expect(missingFromOutput(checkOutput, contentDir, expected), `npm run check names it:\n${checkOutput}`).toEqual([]);
    expect(build.code, `the build exits non-zero for ${expected.why}:\n${buildOutput}`).not.toBe(0);
    expect(missingFromOutput(buildOutput, contentDir, expected), `the build names it:\n${buildOutput}`).toEqual([]);
    // One validation: the build reports exactly what the check reports, problem for problem.
    expect(problemReport(checkOutput).length).toBeGreaterThan(0);
    expect(problemReport(buildOutput)).toEqual(problemReport(checkOutput));
  });

  test('the base site itself passes the check', async () => {
    const check = await runCheck(BASE);
    expect(check.code, `${check.stdout}\n${check.stderr}`).toBe(0);
  });
});

/*
 * What `npm run new` writes is a post like any other: both scaffolds, published as they come, pass the
 * check and build. (A scaffold's prompt comment once named a chart that only the build saw.)
 */
describe('the scaffolds, published', () => {
  let contentDir = '';
  let check: BuildResult = { code: -1, stdout: '', stderr: '' };
  let build: BuildResult = { code: -1, stdout: '', stderr: '' };

  beforeAll(async () => {
    contentDir = prepareSite('scaffolds', []);
    const env = { ...process.env, SHUHO_CONTENT_DIR: contentDir, SHUHO_NOW: TEST_NOW, NO_COLOR: '1' };
    await run('npm', ['run', '--silent', 'new', '--', 'weekly', '2026-02-06', '--en'], { cwd: ROOT, env });
    await run('npm', ['run', '--silent', 'new', '--', 'feature', '2026-02-18', 'ai-selloff', '--en'], { cwd: ROOT, env });
    for (const locale of ['ja', 'en']) {
      for (const name of ['2026-02-06.mdx', '2026-02-18-ai-selloff.mdx']) {
        const file = path.join(contentDir, 'posts', locale, '2026', name);
        writeFileSync(file, readFileSync(file, 'utf8').replace(/^draft: true$/m, 'draft: false'));
      }
    }
    check = await runCheck(contentDir);
    build = await buildSite({ contentDir, outDir: path.join(WORK, 'scaffolds', 'dist') });
  }, 300_000);

  test('both kinds pass npm run check and the build, and the build has their pages', () => {
    expect(check.code, `${check.stdout}\n${check.stderr}`).toBe(0);
    expect(build.code, `${build.stdout}\n${build.stderr}`).toBe(0);
    for (const page of ['ja/posts/2026-02-06/index.html', 'en/posts/2026-02-18-ai-selloff/index.html']) {
      expect(existsSync(path.join(WORK, 'scaffolds', 'dist', page)), page).toBe(true);
    }
  });
});

/*
 * One build with every awkward overlay at once: they touch different files. Each must come out
 * exactly as a plain file would: the frontmatter read, the title whole, the prose untouched.
 */
describe('awkward but valid input', () => {
  const AWKWARD = path.join(CORPUS, 'awkward');
  let contentDir = '';
  let check: BuildResult = { code: -1, stdout: '', stderr: '' };
  let build: BuildResult = { code: -1, stdout: '', stderr: '' };
  let pages = new Map<string, Page>();

  beforeAll(async () => {
    contentDir = prepareSite('awkward', readdirSync(AWKWARD).map((name) => path.join(AWKWARD, name)));
    check = await runCheck(contentDir);
    build = await buildSite({ contentDir, outDir: path.join(WORK, 'awkward', 'dist') });
    if (build.code === 0) pages = new Map(readPages(path.join(WORK, 'awkward', 'dist')).map((page) => [page.url, page]));
  }, 300_000);

  const page = (url: string): Page => {
    const found = pages.get(url);
    if (!found) throw new Error(`${url} was not built; built: ${[...pages.keys()].join(', ')}`);
    return found;
  };
  const text = (url: string, tagName: string): string =>
    page(url)
      .elements.filter((element) => element.tagName === tagName)
      .map((element) => textContent(element))
      .join('\n');

  test('passes npm run check and builds', () => {
    expect(existsSync(contentDir)).toBe(true);
    expect(check.code, `${check.stdout}\n${check.stderr}`).toBe(0);
    expect(build.code, `${build.stdout}\n${build.stderr}`).toBe(0);
  });

  test('CRLF line endings: the frontmatter is read and the prose has no stray carriage returns', () => {
    expect(text('/ja/posts/2026-02-13/', 'h1')).toBe('CRLFの週報 2月13日');
    expect(page('/ja/posts/2026-02-13/').html).not.toContain('\r');
    expect(page('/ja/posts/2026-02-13/').elements.some((element) => getAttribute(element, 'data-key-figures') !== undefined)).toBe(true);
  });

  test('a UTF-8 byte-order mark: the frontmatter is read and no BOM reaches the page', () => {
    expect(text('/en/posts/2026-02-13/', 'h1')).toBe('A weekly post saved with a byte-order mark');
    expect(page('/en/posts/2026-02-13/').html).not.toContain('\uFEFF');
  });

  test('full-width digits in prose stay as written', () => {
    expect(text('/ja/posts/2025-12-05-base-feature/', 'p')).toContain('予想ＰＥＲは３６．３８倍、前年比＋１２％でした。');
  });

  test('a very long title is shown whole, in the page and in <title>', () => {
    const title = readFileSync(path.join(AWKWARD, 'long-title', 'posts', 'en', '2025', '2025-12-05-base-feature.mdx'), 'utf8').match(/^title: "(.*)"$/m)?.[1];
    expect(title?.length).toBeGreaterThan(200);
    expect(text('/en/posts/2025-12-05-base-feature/', 'h1')).toBe(title);
    expect(text('/en/posts/2025-12-05-base-feature/', 'title')).toContain(title);
  });

  test('every page is valid HTML', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const errors: string[] = [];
    for (const built of pages.values()) {
      const report = await validator.validateString(built.html, path.join(ROOT, 'dist', built.file));
      for (const result of report.results) for (const message of result.messages) errors.push(`${built.file}: ${message.ruleId}: ${message.message}`);
    }
    expect(pages.size).toBeGreaterThan(5);
    expect(errors).toEqual([]);
  });
});
