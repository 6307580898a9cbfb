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
    expect(isSitemapPage('https://shuho.example/en/posts/2026-02-13/', noindex)).toBe(true);
    expect(isSitemapPage('https://shuho.example/ja/posts/2026-02-06/', noindex)).toBe(true);
    expect(isSitemapPage('https://shuho.example/en/posts/2026-02-06/', noindex)).toBe(false);
  });
});
