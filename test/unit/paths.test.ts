import { describe, expect, test } from 'vitest';
import { absoluteUrl, getLocaleStaticPaths, isLocale, localePath, otherLocale, postPath, switchLocalePath } from '../../src/i18n/paths.ts';

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
  test('otherLocale and isLocale', () => {
    expect(otherLocale('ja')).toBe('en');
    expect(otherLocale('en')).toBe('ja');
    expect(isLocale('ja')).toBe(true);
    expect(isLocale('fr')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
  test('absolute URLs with or without a trailing slash on the site', () => {
    expect(absoluteUrl('https://shuho.example', '/en/posts/2026-02-13/')).toBe('https://shuho.example/en/posts/2026-02-13/');
    expect(absoluteUrl('https://shuho.example/', '/ja/')).toBe('https://shuho.example/ja/');
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
