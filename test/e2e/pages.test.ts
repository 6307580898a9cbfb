import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Browser, BrowserContext, Page as BrowserPage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIXTURE_DIST, ROOT, SAMPLE_DIST } from '../helpers/build-site.ts';
import { launchBrowser, serveDir, type StaticSite } from '../helpers/browser.ts';
import { readPages } from '../helpers/dist.ts';

/*
 * Every built page of the sample and the fixture site (so every page type in both languages, and
 * any page type added later) opened in Chromium at a phone's width: no console error (which
 * includes anything the Content-Security-Policy refuses), no failed request, no horizontal scroll,
 * a language switch that lands on the same path in the other language, and no axe-core violation
 * in the light or the dark theme.
 */

const AXE_SOURCE = readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const PHONE = { width: 375, height: 812 };

/** What went wrong while a page loaded and ran. */
interface PageLog {
  errors: string[];
}

function watch(page: BrowserPage, allowStatus: (url: string, status: number) => boolean): PageLog {
  const log: PageLog = { errors: [] };
  page.on('console', (message) => {
    // Chromium also logs an allowed error status (the deliberate 404) to the console; the response listener judges those.
    const status = /status of (\d+)/.exec(message.text())?.[1];
    if (status !== undefined && allowStatus(message.location().url, Number(status))) return;
    if (message.type() === 'error') log.errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => log.errors.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => log.errors.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? ''})`));
  page.on('response', (response) => {
    if (response.status() >= 400 && !allowStatus(response.url(), response.status())) log.errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return log;
}

/**
 * Runs axe-core in the page. The source is evaluated over the DevTools protocol, which the page's
 * CSP does not govern; a `<script>` tag would be refused, and bypassing the CSP would hide the very
 * errors these tests look for.
 */
async function runAxe(page: BrowserPage): Promise<AxeResults> {
  await page.evaluate(AXE_SOURCE);
  // Passes and other non-violations are reported with one node per rule only: much faster, and enough to count rules.
  return page.evaluate(() =>
    (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe.run(document, { resultTypes: ['violations'] }),
  );
}

function describeViolations(results: AxeResults, scheme: string): string[] {
  return results.violations.map(
    (violation) => `${scheme} ${violation.id} (${violation.impact ?? ''}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

/** The path of the same page in the other language: the first segment swapped. */
function otherLanguagePath(pathname: string): string {
  return pathname.replace(/^\/(ja|en)\//, (_, lang: string) => (lang === 'ja' ? '/en/' : '/ja/'));
}

/** Rule ids axe ran across every page: proof at the end that axe really ran its rule set. */
const rulesRun = new Set<string>();

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: PHONE, colorScheme: 'light', locale: 'ja-JP' });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe.each([
  ['sample', SAMPLE_DIST],
  ['fixture', FIXTURE_DIST],
])('pages of the %s site in Chromium', (_name, dist) => {
  // The root page sends most readers on by their browser's language; it has its own tests below.
  const urls = readPages(dist)
    .map((page) => page.url)
    .filter((url) => url !== '/');
  let site: StaticSite;

  beforeAll(async () => {
    site = await serveDir(dist);
  });
  afterAll(async () => {
    await site?.close();
  });

  test('the build has pages in both languages', () => {
    expect(urls.filter((url) => url.startsWith('/ja/')).length).toBeGreaterThan(2);
    expect(urls.filter((url) => url.startsWith('/en/')).length).toBeGreaterThan(2);
  });

  // A path that does not exist gets the host's 404 page with status 404: the deliberate failure.
  const MISSING = '/no-such-page/';
  test.for([...urls, MISSING])('%s', async (url) => {
    const page = await context.newPage();
    try {
      const log = watch(page, (responseUrl, status) => url === MISSING && status === 404 && new URL(responseUrl).pathname === MISSING);
      const response = await page.goto(site.origin + url, { waitUntil: 'load' });
      expect(response?.status()).toBe(url === MISSING ? 404 : 200);

      const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(width.scroll, `horizontal scroll at ${PHONE.width}px`).toBeLessThanOrEqual(width.client);

      const light = await runAxe(page);
      await page.emulateMedia({ colorScheme: 'dark' });
      const dark = await runAxe(page);
      for (const results of [light, dark]) {
        for (const group of [results.passes, results.violations, results.incomplete, results.inapplicable]) {
          for (const rule of group) rulesRun.add(rule.id);
        }
      }
      expect([...describeViolations(light, 'light'), ...describeViolations(dark, 'dark')]).toEqual([]);

      const lang = await page.evaluate(() => document.documentElement.lang);
      if (url.startsWith('/ja/') || url.startsWith('/en/')) {
        expect(lang).toBe(url.slice(1, 3));
        const expected = otherLanguagePath(url);
        await Promise.all([page.waitForURL((target) => target.pathname === expected), page.click('[data-lang-switch]')]);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(expected.slice(1, 3));
      }
      expect(log.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('the root page', () => {
  let site: StaticSite;
  beforeAll(async () => {
    site = await serveDir(SAMPLE_DIST);
  });
  afterAll(async () => {
    await site?.close();
  });

  test('shows a reader whose browser prefers neither language the choice, with no axe violation in either theme', async () => {
    const reader = await browser.newContext({ viewport: PHONE, locale: 'fr-FR' });
    const page = await reader.newPage();
    try {
      const log = watch(page, () => false);
      await page.goto(`${site.origin}/`, { waitUntil: 'load' });
      expect(new URL(page.url()).pathname).toBe('/');
      const light = await runAxe(page);
      await page.emulateMedia({ colorScheme: 'dark' });
      const dark = await runAxe(page);
      expect([...describeViolations(light, 'light'), ...describeViolations(dark, 'dark')]).toEqual([]);
      expect(log.errors).toEqual([]);
    } finally {
      await reader.close();
    }
  });

  test.for([
    ['ja-JP', '/ja/'],
    ['en-US', '/en/'],
  ] as const)('sends a reader whose browser prefers %s to %s without an error', async ([locale, home]) => {
    const reader = await browser.newContext({ viewport: PHONE, locale });
    const page = await reader.newPage();
    try {
      const log = watch(page, () => false);
      await Promise.all([page.waitForURL((target) => target.pathname === home), page.goto(`${site.origin}/`)]);
      await page.waitForLoadState('load');
      expect(log.errors).toEqual([]);
    } finally {
      await reader.close();
    }
  });
});

afterAll(() => {
  // The number of distinct axe rules that ran, for the record of what this gate covers.
  expect(rulesRun.size).toBeGreaterThan(20);
});
