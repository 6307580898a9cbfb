import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import Parser from 'rss-parser';
import { describe, expect, test } from 'vitest';
import { t } from '../../src/i18n/ui.ts';
import { STANDING_PAGES } from '../../src/lib/read-page.ts';
import { getStandingPageViews, type StandingPageView } from '../../src/lib/standing-pages.ts';
import { FIXTURE_CONTENT, FIXTURE_DIST, ROOT, SAMPLE_DIST } from '../helpers/build-site.ts';
import { readSiteModel } from '../helpers/model.ts';
import { getAttribute, readPages, readSitemap, textContent, type Element, type Page } from '../helpers/dist.ts';

/*
 * The standing pages of content/pages as built: each in both languages, an untranslated one falling
 * back on its Japanese text as a post does, with hreflang alternates and sitemap entries, and kept
 * apart from the commentary: no feed item, archive or topic entry, or search result. What each page
 * should show comes from the site model, never from the markup under test.
 */

const ORIGIN = 'https://shuho.example';
const SITES = [
  ['sample', SAMPLE_DIST, path.join(ROOT, 'content')],
  ['fixture', FIXTURE_DIST, FIXTURE_CONTENT],
] as const;

const urlOf = (view: StandingPageView) => `/${view.locale}/${view.page.name}/`;
const byAttribute = (page: Page, name: string) => page.elements.filter((element) => getAttribute(element, name) !== undefined);
const isNoindex = (page: Page) => page.elements.some((element) => element.tagName === 'meta' && getAttribute(element, 'name') === 'robots' && /noindex/.test(getAttribute(element, 'content') ?? ''));

/** The elements below `element`, in document order. */
function descendants(element: Element): Element[] {
  return element.childNodes.filter((child): child is Element => 'tagName' in child).flatMap((child) => [child, ...descendants(child)]);
}

describe.each(SITES)('the standing pages of the %s site', (_, dist, contentDir) => {
  const model = readSiteModel(contentDir);
  const views = getStandingPageViews(model.pages);
  const pages = new Map(readPages(dist).map((page) => [page.url, page]));
  const pageAt = (url: string): Page => {
    const found = pages.get(url);
    if (!found) throw new Error(`${url} was not built`);
    return found;
  };

  test('every page of the model is built in both languages: its title, its text, and a notice where the text is the Japanese source', () => {
    expect(views.length).toBeGreaterThanOrEqual(6);
    for (const view of views) {
      const page = pageAt(urlOf(view));
      const html = page.elements.find((element) => element.tagName === 'html');
      expect(html && getAttribute(html, 'lang'), urlOf(view)).toBe(view.locale);
      const [article] = page.elements.filter((element) => getAttribute(element, 'data-standing-page') === view.page.name);
      expect(article, urlOf(view)).toBeDefined();
      const inside = descendants(article as Element);
      const h1 = inside.find((element) => element.tagName === 'h1');
      expect(h1 && textContent(h1)).toBe(view.file.frontmatter.title);
      const prose = inside.find((element) => getAttribute(element, 'class') === 'prose');
      expect(prose && descendants(prose).length, `${urlOf(view)} has its text`).toBeGreaterThan(0);
      // The text is in the language of the file shown; only a fallback says so, on the h1 and the text.
      expect([h1, prose].map((element) => element && getAttribute(element, 'lang'))).toEqual(view.isFallback ? ['ja', 'ja'] : [undefined, undefined]);
      const notices = byAttribute(page, 'data-translation-notice').map((element) => textContent(element));
      expect(notices, urlOf(view)).toEqual(view.isFallback ? [`${t('en', 'page.translationMissing')} ${t('en', 'translation.original')}`] : []);
      expect(isNoindex(page), urlOf(view)).toBe(view.isNoindex);
    }
  });

  test('every page links its counterpart in the other language with hreflang, x-default on the Japanese', () => {
    for (const view of views) {
      const alternates = pageAt(urlOf(view)).elements
        .filter((element) => element.tagName === 'link' && getAttribute(element, 'rel') === 'alternate' && getAttribute(element, 'type') === undefined)
        .map((element) => [getAttribute(element, 'hreflang'), getAttribute(element, 'href')]);
      const name = view.page.name;
      expect(alternates, urlOf(view)).toEqual([['ja', `${ORIGIN}/ja/${name}/`], ['en', `${ORIGIN}/en/${name}/`], ['x-default', `${ORIGIN}/ja/${name}/`]]);
    }
  });

  test('the sitemap lists every page search engines may index, with the other language as its alternate when that one is listed too', () => {
    const entries = new Map(readSitemap(dist).map((entry) => [entry.loc, entry]));
    for (const view of views) {
      const entry = entries.get(`${ORIGIN}${urlOf(view)}`);
      expect(entry !== undefined, urlOf(view)).toBe(!view.isNoindex);
      const other = views.find((candidate) => candidate.page === view.page && candidate !== view) as StandingPageView;
      if (entry) expect(entry.alternates.get(other.locale), urlOf(view)).toBe(other.isNoindex ? undefined : `${ORIGIN}${urlOf(other)}`);
    }
  });

  test('no feed has an item for a page', async () => {
    const urls = new Set(views.map((view) => `${ORIGIN}${urlOf(view)}`));
    const titles = new Set(views.map((view) => view.file.frontmatter.title));
    for (const locale of ['ja', 'en']) {
      const rss = await new Parser().parseString(readFileSync(path.join(dist, locale, 'rss.xml'), 'utf8'));
      const items = rss.items.map((item) => ({ url: item.link ?? '', title: item.title ?? '' }));
      const json = (JSON.parse(readFileSync(path.join(dist, locale, 'feed.json'), 'utf8')) as { items: { url: string; title: string }[] }).items;
      expect(items.length, `${locale}/rss.xml has items`).toBeGreaterThan(0);
      expect(json.length, `${locale}/feed.json has items`).toBeGreaterThan(0);
      for (const item of [...items, ...json]) {
        expect(urls.has(item.url), item.url).toBe(false);
        expect(titles.has(item.title), item.title).toBe(false);
      }
    }
  });

  test('no archive or topic listing lists a page: the site footer links them, the listings do not', () => {
    const listings = [...pages.values()].filter((page) => /^\/(ja|en)\/(archive|topics)\//.test(page.url));
    expect(listings.length).toBeGreaterThan(2);
    const paths = new Set(views.map(urlOf));
    for (const listing of listings) {
      const main = listing.elements.find((element) => element.tagName === 'main');
      const links = descendants(main as Element).flatMap((element) => (element.tagName === 'a' ? [getAttribute(element, 'href') ?? ''] : []));
      expect(links.filter((href) => paths.has(href)), listing.url).toEqual([]);
    }
  });

  test('search does not index them: it finds commentary', () => {
    const fragments = path.join(dist, 'pagefind', 'fragment');
    expect(existsSync(fragments)).toBe(true);
    // A fragment is gzipped JSON after a short signature.
    const indexed = readdirSync(fragments).map((name) => {
      const text = gunzipSync(readFileSync(path.join(fragments, name))).toString('utf8');
      return (JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url;
    });
    expect(indexed.length).toBeGreaterThan(0);
    expect(indexed.filter((url) => views.some((view) => url.startsWith(urlOf(view))))).toEqual([]);
  });
});

describe('what the sample and the fixture show', () => {
  test('the sample has every standing page, each translated: both languages show their own text', () => {
    const model = readSiteModel(path.join(ROOT, 'content'));
    expect(model.pages.map((page) => [page.name, page.translation?.locale])).toEqual(STANDING_PAGES.map((name) => [name, 'en']));
  });

  test('the fixture leaves the data sources and disclosures untranslated: English fallbacks, the disclosures one still indexed', () => {
    const model = readSiteModel(FIXTURE_CONTENT);
    const fallbacks = getStandingPageViews(model.pages).filter((view) => view.isFallback).map((view) => [urlOf(view), view.isNoindex]);
    expect(fallbacks).toEqual([['/en/disclosures/', false], ['/en/data-sources/', true]]);
  });

  test('the disclosures page puts the author\'s text first, then the profile\'s disclosures, funds and index notices, in the page\'s language', () => {
    for (const [dist, locale] of [[SAMPLE_DIST, 'ja'], [SAMPLE_DIST, 'en'], [FIXTURE_DIST, 'en']] as const) {
      const page = readPages(dist).find((candidate) => candidate.url === `/${locale}/disclosures/`) as Page;
      const order = page.elements.flatMap((element) => {
        const marker = ['data-standing-page', 'data-disclosures', 'data-index-notices'].find((name) => getAttribute(element, name) !== undefined);
        return marker === undefined ? [] : [marker];
      });
      expect(order, `${dist} ${locale}`).toEqual(['data-standing-page', 'data-disclosures', 'data-index-notices']);
    }
  });
});
