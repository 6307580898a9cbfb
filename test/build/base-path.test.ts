import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page as BrowserPage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, FIXTURE_CONTENT, TMP, type BuildResult } from '../helpers/build-site.ts';
import { launchBrowser, serveDir, type StaticSite } from '../helpers/browser.ts';
import { listFiles, readPages } from '../helpers/dist.ts';
import { checkSiteReferences, type Reference } from '../helpers/references.ts';

/*
 * A site published under a path, as a GitHub Pages project site is (https://<owner>.github.io/<repository>/):
 * the fixture site with its URL set to https://example.org/shuho/. Every page, asset, chart, social card,
 * feed, sitemap entry and the search bundle must live below /shuho/; a link to /ja/ would leave the site.
 */

const DIR = path.join(TMP, 'base-path');
const DIST = path.join(DIR, 'dist');
const SITE_URL = 'https://example.org/shuho/';
const BASE = '/shuho/';

let build: BuildResult = { code: -1, stdout: '', stderr: '' };

beforeAll(async () => {
  rmSync(DIR, { recursive: true, force: true });
  const content = path.join(DIR, 'content');
  cpSync(FIXTURE_CONTENT, content, { recursive: true });
  const siteFile = path.join(content, 'site.json');
  writeFileSync(siteFile, `${JSON.stringify({ ...(JSON.parse(readFileSync(siteFile, 'utf8')) as object), url: SITE_URL }, null, 2)}\n`);
  build = await buildSite({ contentDir: content, outDir: DIST });
  if (build.code !== 0) throw new Error(`the build under ${BASE} failed:\n${build.stdout}\n${build.stderr}`);
});

/** The kind of a reference for the coverage check: the element, or where in a feed or text file it was found. */
function kindOf(reference: Reference): string {
  const element = /^<(\w+)/.exec(reference.where)?.[1];
  if (element === 'meta') return /property="og:image"/.test(reference.where) ? 'og:image' : /http-equiv/.test(reference.where) ? 'meta refresh' : 'meta';
  if (element === 'link') return /rel="canonical"/.test(reference.where) ? 'canonical' : /rel="alternate"/.test(reference.where) ? 'alternate' : 'link';
  if (element !== undefined) return reference.attribute?.startsWith('data-') ? `${element} data-*` : element;
  if (reference.where.startsWith('url(')) return 'CSS url()';
  return `${reference.where} in ${path.extname(reference.from)}`;
}

describe(`the fixture site built for ${SITE_URL}`, () => {
  test('follows every kind of reference a page, feed, sitemap or robots.txt makes', () => {
    const kinds = new Set(checkSiteReferences(DIST, SITE_URL).map(({ reference }) => kindOf(reference)));
    expect([...kinds].sort()).toEqual(expect.arrayContaining([
      'CSS url()', 'JSON in .json', 'XML in .xml', 'a', 'alternate', 'canonical', 'div data-*', 'img', 'link',
      'og:image', 'script', 'script data-*', 'text in .txt',
    ]));
  });

  test('every internal reference of every built HTML, XML, JSON, CSS and text file resolves to a file below /shuho/', () => {
    const results = checkSiteReferences(DIST, SITE_URL).filter((result) => result.problem !== 'external');
    const broken = results
      .filter((result) => result.problem !== undefined)
      .map(({ reference, problem }) => `${reference.from}: ${reference.where} ${reference.url} ${problem}`);
    expect(broken).toEqual([]);
    // Pages, feeds and the sitemap of the fixture: several hundred references.
    expect(results.length).toBeGreaterThan(500);
  });

  test('no built file names a path at the host root, where the site is not', () => {
    // A root-relative path to one of the site's folders or files, not preceded by the base (or by anything of a longer path).
    const rootPath = /(?<![\w.\-/])\/(?:ja|en|_astro|charts|og|pagefind)\/|(?<![\w.\-/])\/(?:favicon\.svg|lang-redirect\.js|search-icon\.svg|sitemap-index\.xml)/g;
    const offending = listFiles(DIST)
      // Pagefind's own scripts carry its default bundle path, which the search page overrides.
      .filter((file) => /\.(html|xml|json|txt|css|js)$|^_headers$/.test(file) && !file.startsWith('pagefind/'))
      .flatMap((file) => [...readFileSync(path.join(DIST, file), 'utf8').matchAll(rootPath)].map((match) => `${file}: …${match.input.slice(Math.max(0, match.index - 40), match.index + 40)}…`));
    expect(offending).toEqual([]);
  });

  test('robots.txt, the sitemap, canonical links and the _headers rules all name the base', () => {
    expect(readFileSync(path.join(DIST, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE_URL}sitemap-index.xml`);
    expect(readFileSync(path.join(DIST, 'sitemap-index.xml'), 'utf8')).toContain(`<loc>${SITE_URL}sitemap-0.xml</loc>`);
    const page = readPages(DIST).find((candidate) => candidate.file === 'ja/posts/2026-02-13/index.html');
    expect(page?.html).toContain(`<link rel="canonical" href="${SITE_URL}ja/posts/2026-02-13/">`);
    const patterns = readFileSync(path.join(DIST, '_headers'), 'utf8').split('\n').filter((line) => line.startsWith('/'));
    expect(patterns.length).toBeGreaterThan(3);
    expect(patterns.filter((pattern) => !pattern.startsWith(BASE))).toEqual([]);
  });
});

describe(`the fixture site served below ${BASE}, in Chromium`, () => {
  let browser: Browser;
  let site: StaticSite;

  beforeAll(async () => {
    browser = await launchBrowser();
    site = await serveDir(DIST, BASE);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  /** Opens a page and records every request that left the base, failed, or drew a console error (a CSP refusal among them). */
  async function open(pathname: string, locale = 'ja-JP'): Promise<{ page: BrowserPage; problems: string[]; close: () => Promise<void> }> {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin === site.origin && !url.pathname.startsWith(BASE)) problems.push(`requested ${url.pathname}, outside ${BASE}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    await page.goto(`${site.origin}${pathname}`);
    return { page, problems, close: () => context.close() };
  }

  test('the root page sends a reader who prefers English to the English home below the base', async () => {
    const { page, problems, close } = await open(BASE, 'en-US');
    try {
      await page.waitForURL(`${site.origin}${BASE}en/`);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  test('a chart page draws its charts with scripts loaded from below the base', async () => {
    const { page, problems, close } = await open(`${BASE}ja/posts/2026-02-13/`);
    try {
      await page.waitForSelector('[data-chart] canvas.chart-canvas');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  test('search loads its bundle from below the base, and its results link below the base', async () => {
    const { page, problems, close } = await open(`${BASE}en/search/`, 'en-US');
    try {
      await page.waitForSelector('.pagefind-ui__search-input');
      await page.fill('.pagefind-ui__search-input', 'Fixture weekly');
      await page.waitForSelector('.pagefind-ui__result-link');
      const links = await page.$$eval('.pagefind-ui__result-link', (anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
      expect(links).toContain(`${BASE}en/posts/2026-02-13/`);
      expect(links.every((link) => link?.startsWith(`${BASE}en/`))).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  test('an unknown path below the base gets the 404 page, styled from below the base', async () => {
    const { page, problems, close } = await open(`${BASE}ja/no-such-page/`);
    try {
      const stylesheet = await page.$eval('link[rel="stylesheet"]', (link) => link.getAttribute('href'));
      expect(stylesheet?.startsWith(`${BASE}_astro/`)).toBe(true);
      // The page itself is the one expected 404 (Chromium logs it to the console too); nothing else failed.
      expect(problems).toEqual([`HTTP 404: ${site.origin}${BASE}ja/no-such-page/`, 'console: Failed to load resource: the server responded with a status of 404 (Not Found)']);
      expect(existsSync(path.join(DIST, '404.html'))).toBe(true);
    } finally {
      await close();
    }
  });
});
