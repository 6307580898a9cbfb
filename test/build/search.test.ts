import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIXTURE_DIST, SAMPLE_DIST } from '../helpers/build-site.ts';
import { launchBrowser, serveDir, type StaticSite } from '../helpers/browser.ts';
import { getAttribute, readPages, textContent } from '../helpers/dist.ts';

interface PagefindEntry {
  languages: Record<string, { page_count: number }>;
}

function readEntry(dist: string): PagefindEntry {
  return JSON.parse(readFileSync(path.join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
}

describe('the Pagefind index', () => {
  test('has one index per language, the English one holding translated posts only', () => {
    expect(Object.keys(readEntry(SAMPLE_DIST).languages).sort()).toEqual(['en', 'ja']);
    // Fixture: three visible Japanese posts, two of them translated; the fallback page and the draft and future posts are not indexed.
    const fixture = readEntry(FIXTURE_DIST).languages;
    expect([fixture['ja']?.page_count, fixture['en']?.page_count]).toEqual([3, 2]);
  });
});

describe('what a post page gives the index', () => {
  const posts = [...readPages(SAMPLE_DIST), ...readPages(FIXTURE_DIST)].filter((page) => page.elements.some((element) => getAttribute(element, 'data-pagefind-body') !== undefined));

  test('every indexed post records its kind and its date as metadata', () => {
    expect(posts.map((page) => page.url)).toContain('/en/posts/2025-10-10-q3-small-caps/');
    for (const page of posts) {
      const kind = page.elements.filter((element) => getAttribute(element, 'data-pagefind-meta') === 'kind');
      const date = page.elements.filter((element) => getAttribute(element, 'data-pagefind-meta') === 'date[datetime]');
      expect([page.url, kind.map((element) => textContent(element))]).toEqual([page.url, [expect.stringMatching(/^(週報|特集|Weekly|Feature)$/)]]);
      expect([page.url, date.map((element) => getAttribute(element, 'datetime'))]).toEqual([page.url, [expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)]]);
      // A post's slug starts with its date.
      expect(page.url).toContain(`/posts/${date[0] ? getAttribute(date[0], 'datetime') : ''}`);
    }
  });

  test('keeps figures, chart captions, credits and notices out of the excerpts', () => {
    const page = posts.find((candidate) => candidate.url === '/ja/posts/2026-02-13/');
    const ignored = (marker: string) => page?.elements.filter((element) => element.attrs.some((attribute) => attribute.name === marker || (attribute.name === 'class' && attribute.value.split(' ').includes(marker))));
    for (const marker of ['data-key-figures', 'chart-caption', 'data-disclosures']) {
      const found = ignored(marker) ?? [];
      expect(found.length, marker).toBeGreaterThan(0);
      for (const element of found) expect(getAttribute(element, 'data-pagefind-ignore'), marker).toBeDefined();
    }
  });
});

describe('search in the browser', () => {
  let browser: Browser;
  const sites: Record<string, StaticSite> = {};

  beforeAll(async () => {
    browser = await launchBrowser();
    sites['sample'] = await serveDir(SAMPLE_DIST);
    sites['fixture'] = await serveDir(FIXTURE_DIST);
  });
  afterAll(async () => {
    await browser?.close();
    for (const site of Object.values(sites)) await site.close();
  });

  /** Result URLs of a query through Pagefind's own API on a page of the given language. */
  async function query(site: StaticSite, locale: string, term: string): Promise<string[]> {
    const page = await browser.newPage();
    try {
      await page.goto(`${site.origin}/${locale}/search/`);
      // A string, not a function: vitest would rewrite a dynamic import() in test code for Node.
      return await page.evaluate<string[]>(`(async () => {
        const pagefind = await import('/pagefind/pagefind.js');
        const found = await pagefind.search(${JSON.stringify(term)});
        return Promise.all(found.results.map(async (result) => (await result.data()).url));
      })()`);
    } finally {
      await page.close();
    }
  }

  /** Tabs from the top of the page until the element matching `selector` has focus. */
  async function tabTo(page: Page, selector: string): Promise<void> {
    for (let i = 0; i < 30; i += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
    }
    throw new Error(`${selector} never received focus from the keyboard`);
  }

  test.each([
    ['ja', 'プライベート・クレジット', 'キーワードを入力', '「プライベート・クレジット」の検索結果: 1件'],
    ['en', 'private credit', 'Search posts', '1 result for private credit'],
  ])('on the %s site, typing "%s" from the keyboard finds the 2026-02-13 post and Enter opens it', async (locale, term, placeholder, message) => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (entry) => {
      if (entry.type() === 'error') errors.push(entry.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    try {
      await page.goto(`${sites['sample']?.origin}/${locale}/search/`);
      await page.waitForSelector('.pagefind-ui__search-input');
      expect(await page.getAttribute('.pagefind-ui__search-input', 'placeholder')).toBe(placeholder);
      await tabTo(page, '.pagefind-ui__search-input');
      await page.keyboard.type(term);
      // Pagefind searches as the reader types; wait for the results of the whole term.
      await page.waitForFunction((expected) => document.querySelector('.pagefind-ui__message')?.textContent?.trim() === expected, message);
      // The count is announced before the result fragments have loaded and rendered.
      await page.waitForSelector('.pagefind-ui__result-link');
      const links = await page.$$eval('.pagefind-ui__result-link', (anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
      expect(links[0]).toBe(`/${locale}/posts/2026-02-13/`);
      // Each result says what it is and when, in the page's language.
      const tags = await page.$$eval('.pagefind-ui__result:first-child .pagefind-ui__result-tag', (items) => items.map((item) => item.textContent?.trim()));
      expect(tags).toEqual(locale === 'ja' ? ['種類: 週報', '日付: 2026年2月13日'] : ['Type: Weekly', 'Date: February 13, 2026']);
      // The search page itself logged nothing (what the post page does once opened is other tests' business).
      expect(errors).toEqual([]);
      await tabTo(page, '.pagefind-ui__result-link');
      await Promise.all([page.waitForURL(`**/${locale}/posts/2026-02-13/**`), page.keyboard.press('Enter')]);
    } finally {
      await page.close();
    }
  });

  test('each language searches only its own posts', async () => {
    const site = sites['sample'] as StaticSite;
    const ja = await query(site, 'ja', 'プライベート・クレジット');
    expect(ja).toContain('/ja/posts/2026-02-13/');
    expect(ja.every((url) => url.startsWith('/ja/'))).toBe(true);
    const en = await query(site, 'en', 'private credit');
    expect(en).toContain('/en/posts/2026-02-13/');
    expect(en.every((url) => url.startsWith('/en/'))).toBe(true);
  });

  test('the English fallback page of an untranslated post is not an English result', async () => {
    const site = sites['fixture'] as StaticSite;
    // The fallback shows the Japanese body and an English notice; neither may surface it in English results.
    for (const term of ['translated', 'フィクスチャ週報', '英訳']) {
      expect(await query(site, 'en', term)).not.toContain('/en/posts/2026-02-06/');
    }
    expect(await query(site, 'ja', '英訳')).toContain('/ja/posts/2026-02-06/');
  });
});
