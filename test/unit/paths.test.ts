import { describe, expect, test } from 'vitest';
import { absoluteUrl, basePath, getLocaleStaticPaths, localePath, otherLocale, pathOnSite, postPath, siteHref, sitePath, switchLocalePath } from '../../src/i18n/paths.ts';

describe('locale paths', () => {
  test('pages get a trailing slash, files do not', () => {
    expect(localePath('ja')).toBe('/ja/');
    expect(localePath('en', 'risks')).toBe('/en/risks/');
    expect(localePath('en', 'topics', 'china')).toBe('/en/topics/china/');
    expect(localePath('ja', 'rss.xml')).toBe('/ja/rss.xml');
    expect(localePath('en', '', 'risks', '')).toBe('/en/risks/');
  });
  test('post URLs use the slug', () => {
    expect(postPath('ja', '2026-02-13')).toBe('/ja/posts/2026-02-13/');
    expect(postPath('en', '2025-10-10-q3-small-caps')).toBe('/en/posts/2025-10-10-q3-small-caps/');
  });
  test('switching language swaps only the leading locale', () => {
    expect(switchLocalePath('/ja/posts/2026-02-13/', 'en')).toBe('/en/posts/2026-02-13/');
    expect(switchLocalePath('/en/', 'ja')).toBe('/ja/');
    expect(switchLocalePath('/en', 'ja')).toBe('/ja');
    expect(switchLocalePath('/en/topics/ja/', 'ja')).toBe('/ja/topics/ja/');
    expect(switchLocalePath('/english/', 'ja')).toBe('/english/');
  });
  test('otherLocale', () => {
    expect(otherLocale('ja')).toBe('en');
    expect(otherLocale('en')).toBe('ja');
  });
  test('absolute URLs with or without a trailing slash on the site', () => {
    expect(absoluteUrl('https://shuho.example', '/en/posts/2026-02-13/')).toBe('https://shuho.example/en/posts/2026-02-13/');
    expect(absoluteUrl('https://shuho.example/', '/ja/')).toBe('https://shuho.example/ja/');
  });
  test('files beside the languages follow the same form', () => {
    expect(sitePath('charts', '0123456789abcdef.png')).toBe('/charts/0123456789abcdef.png');
    expect(sitePath('og', 'ja', '2026-02-13.png')).toBe('/og/ja/2026-02-13.png');
    expect(sitePath()).toBe('/');
  });
});

describe('a site published under a path', () => {
  const site = 'https://example.org/shuho';
  test('every page and file lives below the site URL\'s path, with or without its trailing slash', () => {
    expect(basePath(site)).toBe('/shuho/');
    expect(basePath(`${site}/`)).toBe('/shuho/');
    expect(basePath('https://shuho.example')).toBe('/');
    expect(siteHref(site, localePath('ja', 'archive'))).toBe('/shuho/ja/archive/');
    expect(siteHref(site, sitePath('charts', 'a.png'))).toBe('/shuho/charts/a.png');
    expect(siteHref('https://shuho.example', '/ja/')).toBe('/ja/');
    expect(absoluteUrl(site, '/ja/')).toBe('https://example.org/shuho/ja/');
    expect(absoluteUrl(`${site}/`, '/sitemap-index.xml')).toBe('https://example.org/shuho/sitemap-index.xml');
  });
  test('a request path maps back to the path on the site, or to nothing outside the base', () => {
    expect(pathOnSite(site, '/shuho/charts/a.png')).toBe('/charts/a.png');
    expect(pathOnSite(site, '/shuho/')).toBe('/');
    expect(pathOnSite(site, '/shuho')).toBe('/');
    expect(pathOnSite(site, '/charts/a.png')).toBeUndefined();
    expect(pathOnSite(site, '/shuhox/ja/')).toBeUndefined();
    expect(pathOnSite('https://shuho.example', '/og/ja/x.png')).toBe('/og/ja/x.png');
  });
});

describe('getLocaleStaticPaths', () => {
  test('gives one path per language, the locale passed as a prop', () => {
    expect(getLocaleStaticPaths()).toEqual([
      { params: { lang: 'ja' }, props: { locale: 'ja' } },
      { params: { lang: 'en' }, props: { locale: 'en' } },
    ]);
  });
});
