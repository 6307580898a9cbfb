import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { FIXTURE_DIST, SAMPLE_DIST } from '../helpers/build-site.ts';
import { getAttribute, readPages, readSitemap, resolveUrlPath, textContent, type Page } from '../helpers/dist.ts';

const ORIGIN = 'https://shuho.example';
const SITES = [['sample', SAMPLE_DIST], ['fixture', FIXTURE_DIST]] as const;

function isNoindex(page: Page): boolean {
  return page.elements.some((element) => element.tagName === 'meta' && getAttribute(element, 'name') === 'robots' && /noindex/.test(getAttribute(element, 'content') ?? ''));
}

function metaContent(page: Page, key: string): string[] {
  return page.elements
    .filter((element) => element.tagName === 'meta' && (getAttribute(element, 'property') ?? getAttribute(element, 'name')) === key)
    .map((element) => getAttribute(element, 'content') ?? '');
}

describe.each(SITES)('sitemap and robots.txt of the %s site', (_, dist) => {
  const entries = readSitemap(dist);
  const pages = readPages(dist);

  test('lists every indexable page and nothing else: each listed page exists and has no noindex', () => {
    const listed = new Set(entries.map((entry) => entry.loc));
    for (const entry of entries) {
      const file = resolveUrlPath(dist, new URL(entry.loc).pathname);
      expect(file, entry.loc).toBeDefined();
      expect(file?.endsWith('.html')).toBe(true);
    }
    for (const page of pages) {
      const url = `${ORIGIN}${page.url}`;
      expect(listed.has(url), `${url} (noindex: ${isNoindex(page)})`).toBe(!isNoindex(page) && !/(^|\/)404(\/|\.html$)/.test(page.url) && !page.url.startsWith('/pagefind/'));
    }
  });

  test('hreflang alternates are reciprocal and point only at listed pages', () => {
    const byLoc = new Map(entries.map((entry) => [entry.loc, entry]));
    for (const entry of entries) {
      for (const [lang, href] of entry.alternates) {
        const other = byLoc.get(href);
        expect(other, `${entry.loc} → ${lang} ${href}`).toBeDefined();
        expect([...(other?.alternates.values() ?? [])], `${href} does not point back at ${entry.loc}`).toContain(entry.loc);
        expect(new URL(href).pathname.startsWith(`/${lang}/`)).toBe(true);
      }
    }
    expect(entries.filter((entry) => entry.alternates.size === 2).length).toBeGreaterThan(0);
  });

  test('robots.txt points at the sitemap index', () => {
    const robots = readFileSync(path.join(dist, 'robots.txt'), 'utf8');
    expect(robots).toContain(`Sitemap: ${ORIGIN}/sitemap-index.xml`);
    expect(resolveUrlPath(dist, '/sitemap-index.xml')).toBeDefined();
  });
});

describe('the fixture’s untranslated week in the sitemap', () => {
  test('the Japanese page is listed without alternates; its English fallback is not listed', () => {
    const entries = readSitemap(FIXTURE_DIST);
    const ja = entries.find((entry) => entry.loc === `${ORIGIN}/ja/posts/2026-02-06/`);
    expect(ja?.alternates.size ?? 0).toBe(0);
    expect(entries.some((entry) => entry.loc === `${ORIGIN}/en/posts/2026-02-06/`)).toBe(false);
    const translated = entries.find((entry) => entry.loc === `${ORIGIN}/ja/posts/2026-02-13/`);
    expect(Object.fromEntries(translated?.alternates ?? [])).toEqual({ ja: `${ORIGIN}/ja/posts/2026-02-13/`, en: `${ORIGIN}/en/posts/2026-02-13/` });
  });
});

describe.each(SITES)('social metadata of the %s site', (_, dist) => {
  const postPages = readPages(dist).filter((page) => /^(ja|en)\/posts\/[^/]+\/index\.html$/.test(page.file));

  test('every post page has Open Graph and Twitter tags with its own 1200×630 PNG card', () => {
    expect(postPages.length).toBeGreaterThan(0);
    for (const page of postPages) {
      const [locale, , slug] = page.file.split('/');
      const canonical = `${ORIGIN}${page.url}`;
      expect(metaContent(page, 'og:type'), page.file).toEqual(['article']);
      expect(metaContent(page, 'og:url')).toEqual([canonical]);
      expect(metaContent(page, 'og:title')).toEqual([textContent(page.elements.find((element) => element.tagName === 'title')!)]);
      expect(metaContent(page, 'twitter:card')).toEqual(['summary_large_image']);
      const image = `${ORIGIN}/og/${locale}/${slug}.png`;
      expect(metaContent(page, 'og:image')).toEqual([image]);
      expect(metaContent(page, 'twitter:image')).toEqual([image]);
      const png = readFileSync(path.join(dist, 'og', locale ?? '', `${slug}.png`));
      expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    }
  });

  test('every post page has NewsArticle JSON-LD matching the page', () => {
    for (const page of postPages) {
      const scripts = page.elements.filter((element) => element.tagName === 'script' && getAttribute(element, 'type') === 'application/ld+json');
      expect(scripts, page.file).toHaveLength(1);
      const data = JSON.parse(textContent(scripts[0]!)) as Record<string, unknown>;
      const fallback = page.elements.some((element) => getAttribute(element, 'data-translation-notice') !== undefined);
      expect(data).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: metaContent(page, 'og:title')[0]?.replace(/ \| [^|]+$/, ''),
        inLanguage: fallback ? 'ja' : page.file.slice(0, 2),
        image: metaContent(page, 'og:image'),
        url: `${ORIGIN}${page.url}`,
      });
      for (const key of ['datePublished', 'dateModified']) expect(Number.isNaN(Date.parse(String(data[key])))).toBe(false);
      expect((data['author'] as { name: string }[])[0]?.name).toBeTruthy();
    }
  });

  test('other pages are plain websites without an article card', () => {
    const home = readPages(dist).find((page) => page.file === 'en/index.html')!;
    expect(metaContent(home, 'og:type')).toEqual(['website']);
    expect(metaContent(home, 'og:image')).toEqual([]);
    expect(home.elements.some((element) => getAttribute(element, 'type') === 'application/ld+json')).toBe(false);
  });
});
