import { cpSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, FIXTURE_CONTENT, TMP, type BuildResult } from '../helpers/build-site.ts';

/*
 * What a build prints is read by people: Astro's per-page lines must come out whole (pages rendered
 * side by side once interleaved them: "/404.html15:26:58 ├─ /robots.txt…"), and Shūhō ends the build
 * with one line of what it made, not a line per part.
 */

const DIR = path.join(TMP, 'build-log');
let build: BuildResult = { code: -1, stdout: '', stderr: '' };
let lines: string[] = [];

beforeAll(async () => {
  rmSync(DIR, { recursive: true, force: true });
  cpSync(FIXTURE_CONTENT, path.join(DIR, 'content'), { recursive: true });
  build = await buildSite({ contentDir: path.join(DIR, 'content'), outDir: path.join(DIR, 'dist') });
  if (build.code !== 0) throw new Error(`the build failed:\n${build.stdout}\n${build.stderr}`);
  lines = `${build.stdout}\n${build.stderr}`.split('\n');
});

describe('the build log', () => {
  test('lists every page on a line of its own: no line has two timestamps or two "├─"', () => {
    const pageLines = lines.filter((line) => line.includes('├─'));
    // The fixture builds a few dozen pages and feeds; each must have had its line.
    expect(pageLines.length).toBeGreaterThan(20);
    const timestamp = /\b\d{2}:\d{2}:\d{2}\b/g;
    expect(lines.filter((line) => (line.match(timestamp) ?? []).length > 1 || line.split('├─').length > 2)).toEqual([]);
    // Every page line ends with its own time, so none was cut in two either.
    expect(pageLines.filter((line) => !/ \(\+\d+m?s\)\s*$/.test(line))).toEqual([]);
  });

  test('ends Shūhō\'s part with one summary line of pages, search, images and host headers, after every other integration\'s', () => {
    const summaries = lines.filter((line) => line.includes('[shuho:build]'));
    expect(summaries).toHaveLength(1);
    const [summary = ''] = summaries;
    expect(summary).toMatch(/\[shuho:build\] \d+ HTML pages; post pages: \d+ new, \d+ with changed inputs(?: \([^)]*\))?, \d+ unchanged; search index: \d+ pages \(en \d+, ja \d+\); \d+ chart images \(\d+ drawn, \d+ reused from the cache\), \d+ chart CSV files, \d+ social cards \(\d+ drawn, \d+ reused from the cache\); _headers: \d+ rules$/);
    // The figures are the output's: the fixture's search index holds 3 Japanese and 2 English posts.
    expect(summary).toContain('search index: 5 pages (en 2, ja 3)');
    const headerRules = readFileSync(path.join(DIR, 'dist', '_headers'), 'utf8').split('\n').filter((line) => line.startsWith('/')).length;
    expect(summary).toContain(`_headers: ${headerRules} rules`);
    // The parts no longer print lines of their own, and nothing but Astro's closing lines follows.
    expect(lines.filter((line) => /\[shuho:(images|pagefind)\]/.test(line))).toEqual([]);
    const integrationLines = lines.filter((line) => /^\S+ \[(?!build\]|vite\]|content\]|types\])[^\]]+\]/.test(line));
    expect(integrationLines.at(-1)).toBe(summary);
  });
});
