import { describe, expect, test } from 'vitest';
import { getNoindexPaths, isSitemapPage } from '../../src/lib/sitemap.ts';
import { makePageFile } from '../helpers/content.ts';
import { makeModel } from '../helpers/model.ts';

describe('getNoindexPaths', () => {
  const model = makeModel([
    { date: '2026-02-13', topics: ['china'] },
    { date: '2026-02-06', topics: ['china'], locales: ['ja'] },
  ], undefined, { pages: [makePageFile('ja/about.mdx'), makePageFile('en/about.mdx'), makePageFile('ja/data-sources.mdx'), makePageFile('ja/disclosures.mdx')] });
  const noindex = getNoindexPaths(model.visiblePosts, model.pages);

  test('lists the root chooser, the 404 pages and the English fallbacks of an untranslated post and standing page', () => {
    expect([...noindex].sort()).toEqual(['/', '/404/', '/en/404/', '/en/data-sources/', '/en/posts/2026-02-06/', '/ja/404/']);
  });
  test('keeps translated standing pages, and the English disclosures page even untranslated, in the sitemap', () => {
    for (const page of ['/ja/about/', '/en/about/', '/ja/data-sources/', '/ja/disclosures/', '/en/disclosures/']) {
      expect(isSitemapPage(`https://shuho.example${page}`, noindex, 'https://shuho.example'), page).toBe(true);
    }
  });
  test('keeps translated posts and the Japanese source in the sitemap', () => {
    expect(isSitemapPage('https://shuho.example/en/posts/2026-02-13/', noindex, 'https://shuho.example')).toBe(true);
    expect(isSitemapPage('https://shuho.example/ja/posts/2026-02-06/', noindex, 'https://shuho.example')).toBe(true);
    expect(isSitemapPage('https://shuho.example/en/posts/2026-02-06/', noindex, 'https://shuho.example')).toBe(false);
  });
  test('reads the page URLs of a site under a path below its base', () => {
    const site = 'https://example.org/shuho/';
    expect(isSitemapPage('https://example.org/shuho/en/posts/2026-02-13/', noindex, site)).toBe(true);
    expect(isSitemapPage('https://example.org/shuho/en/posts/2026-02-06/', noindex, site)).toBe(false);
    expect(isSitemapPage('https://example.org/shuho/', noindex, site)).toBe(false);
    expect(isSitemapPage('https://example.org/elsewhere/', noindex, site)).toBe(false);
  });
});
