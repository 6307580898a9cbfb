import { describe, expect, test } from 'vitest';
import { getNoindexPaths, isSitemapPage } from '../../src/lib/sitemap.ts';
import { makeModel } from '../helpers/model.ts';

describe('getNoindexPaths', () => {
  const model = makeModel([
    { date: '2026-02-13', topics: ['china'] },
    { date: '2026-02-06', topics: ['china'], locales: ['ja'] },
  ]);
  const noindex = getNoindexPaths(model.visiblePosts);

  test('lists the root chooser, the 404 pages and the English fallback of an untranslated post', () => {
    expect([...noindex].sort()).toEqual(['/', '/404/', '/en/404/', '/en/posts/2026-02-06/', '/ja/404/']);
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
