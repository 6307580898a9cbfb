import { describe, expect, test } from 'vitest';
import { buildHead } from '../../src/lib/page-head.ts';

const site = { siteUrl: 'https://shuho.example', siteTitle: 'Shūhō' };

describe('buildHead', () => {
  test('a post page: title, canonical, both hreflang alternates and x-default on Japanese', () => {
    expect(buildHead({ ...site, locale: 'en', pathname: '/en/posts/2026-02-13/', title: 'Small caps slip', description: 'd' })).toEqual({
      title: 'Small caps slip | Shūhō',
      description: 'd',
      canonical: 'https://shuho.example/en/posts/2026-02-13/',
      noindex: false,
      alternates: [
        { hreflang: 'ja', href: 'https://shuho.example/ja/posts/2026-02-13/' },
        { hreflang: 'en', href: 'https://shuho.example/en/posts/2026-02-13/' },
        { hreflang: 'x-default', href: 'https://shuho.example/ja/posts/2026-02-13/' },
      ],
      switchHref: '/ja/posts/2026-02-13/',
    });
  });
  test('the Japanese page links to the same alternates, so the pair is reciprocal', () => {
    const ja = buildHead({ ...site, locale: 'ja', pathname: '/ja/posts/2026-02-13/', description: 'd' });
    const en = buildHead({ ...site, locale: 'en', pathname: '/en/posts/2026-02-13/', description: 'd' });
    expect(ja.alternates).toEqual(en.alternates);
    expect(ja.switchHref).toBe('/en/posts/2026-02-13/');
  });
  test('a site under a path: absolute links and the language switch carry the path', () => {
    const head = buildHead({ siteUrl: 'https://example.org/shuho/', siteTitle: 'Shūhō', locale: 'ja', pathname: '/ja/posts/2026-02-13/', description: 'd' });
    expect(head.canonical).toBe('https://example.org/shuho/ja/posts/2026-02-13/');
    expect(head.alternates[1]).toEqual({ hreflang: 'en', href: 'https://example.org/shuho/en/posts/2026-02-13/' });
    expect(head.switchHref).toBe('/shuho/en/posts/2026-02-13/');
  });
  test('the home page has the site title alone; a fallback page is noindex', () => {
    expect(buildHead({ ...site, locale: 'ja', pathname: '/ja/', description: 'd' }).title).toBe('Shūhō');
    expect(buildHead({ ...site, locale: 'en', pathname: '/en/posts/2026-02-06/', description: 'd', noindex: true }).noindex).toBe(true);
  });
});
