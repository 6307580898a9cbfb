import { readFileSync } from 'node:fs';
import path from 'node:path';
import Parser from 'rss-parser';
import { describe, expect, test } from 'vitest';
import { FIXTURE_DIST, SAMPLE_DIST } from '../helpers/build-site.ts';
import { getAttribute, parseElements, readPages, resolveUrlPath, textContent, type Element } from '../helpers/dist.ts';

const ORIGIN = 'https://shuho.example';
const SITES = [['sample', SAMPLE_DIST], ['fixture', FIXTURE_DIST]] as const;
const LOCALES = ['ja', 'en'] as const;

type Item = Parser.Item & { 'content:encoded'?: string };

async function readRss(dist: string, locale: string) {
  return new Parser<Record<string, unknown>, { 'content:encoded'?: string }>().parseString(readFileSync(path.join(dist, locale, 'rss.xml'), 'utf8'));
}

interface JsonFeed {
  version: string;
  feed_url: string;
  language: string;
  items: { id: string; url: string; title: string; content_html: string; date_published: string; image?: string }[];
}

function readJsonFeed(dist: string, locale: string): JsonFeed {
  return JSON.parse(readFileSync(path.join(dist, locale, 'feed.json'), 'utf8')) as JsonFeed;
}

/** Every URL in an item's HTML (href, src, srcset), for the absolute-URL and existence checks. */
function urlsIn(html: string): string[] {
  return parseElements(html).flatMap((element) => [
    ...['href', 'src'].flatMap((name) => getAttribute(element, name) ?? []),
    ...(getAttribute(element, 'srcset')?.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '') ?? []),
  ]);
}

/** Whether an element is a table a feed item shows as a list (src/lib/feed-html.ts). */
const isFeedList = (element: Element) => element.tagName === 'table' && getAttribute(element, 'data-feed-list') !== undefined;

/** Every element below `node`, in document order, leaving out those `skip` matches and what is inside them. */
function below(node: Element, skip: (element: Element) => boolean = () => false): Element[] {
  return node.childNodes
    .filter((child): child is Element => 'tagName' in child && !skip(child))
    .flatMap((child) => [child, ...below(child, skip)]);
}

/** The elements inside the post body (`.prose`) of a page, but for the tables a feed shows as lists. */
function proseOf(elements: readonly Element[]): Element[] {
  const prose = elements.find((element) => element.tagName === 'div' && getAttribute(element, 'class') === 'prose');
  if (!prose) throw new Error('no .prose on the page');
  // A chart's data table stays on the page: the feed carries the chart's image, alt text and CSV link instead.
  const isChartData = (element: Element) => element.tagName === 'details' && getAttribute(element, 'class') === 'chart-data';
  return below(prose, (element) => isChartData(element) || isFeedList(element));
}

/** Text without any white space, to compare a table cell with the list item it became. */
const squeezed = (element: Element) => textContent(element).replace(/\s+/g, '');

/** The text of each paragraph, list item and table cell, whitespace collapsed. */
function blockTexts(elements: readonly Element[]): string[] {
  return elements
    .filter((element) => ['p', 'li', 'td', 'th', 'h2', 'h3'].includes(element.tagName))
    .map((element) => textContent(element).replace(/\s+/g, ' ').trim())
    .filter((text) => text !== '');
}

/** The file in dist a URL on the site points at, or undefined for URLs elsewhere or missing files. */
function fileOnSite(dist: string, url: string): string | undefined {
  const parsed = new URL(url);
  return parsed.origin === ORIGIN ? resolveUrlPath(dist, parsed.pathname) : undefined;
}

describe.each(SITES)('feeds of the %s site', (_, dist) => {
  test.each(LOCALES)('the %s RSS feed parses, with language, self link, permalink GUIDs and dates', async (locale) => {
    const xml = readFileSync(path.join(dist, locale, 'rss.xml'), 'utf8');
    const feed = await readRss(dist, locale);
    expect(feed.language).toBe(locale);
    expect(feed.link).toBe(`${ORIGIN}/${locale}/`);
    expect(xml).toContain(`<atom:link href="${ORIGIN}/${locale}/rss.xml" rel="self" type="application/rss+xml"/>`);
    expect(feed.items.length).toBeGreaterThan(0);
    for (const item of feed.items) {
      expect(item.guid).toBe(item.link);
      expect(xml).toContain(`<guid isPermaLink="true">${item.link}</guid>`);
      expect(item.link).toMatch(new RegExp(`^${ORIGIN}/${locale}/posts/[^/]+/$`));
      expect(fileOnSite(dist, item.link ?? '')).toBeDefined();
      expect(Number.isNaN(Date.parse(item.pubDate ?? ''))).toBe(false);
    }
  });

  test.each(LOCALES)('every %s item carries the whole post: body, key figures of weekly posts, charts as PNGs and CSV links that exist (no data table), only absolute URLs, no script', async (locale) => {
    const feed = await readRss(dist, locale);
    for (const item of feed.items as Item[]) {
      const html = item['content:encoded'] ?? '';
      const slug = item.link?.split('/').at(-2) ?? '';
      const page = readFileSync(path.join(dist, locale, 'posts', slug, 'index.html'), 'utf8');
      // Read from the markup: a browser (and parse5) parses <noscript> content as text, yet that is where the PNGs are.
      const pageImages = [...page.matchAll(/<img\b[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1] ?? '');
      const feedImages = parseElements(html).filter((element) => element.tagName === 'img').map((element) => getAttribute(element, 'src') ?? '');
      // Every chart on the page (its no-JS PNG) is in the item, as an absolute URL.
      expect(feedImages).toEqual(pageImages.map((src) => new URL(src, ORIGIN).href));
      if (/^\d{4}-\d{2}-\d{2}$/.test(slug)) expect(html).toContain('data-key-figures');
      // Every paragraph, list item and table cell of the body as the page shows it is in the item.
      const pageText = blockTexts(proseOf(parseElements(page)));
      expect(pageText.length).toBeGreaterThan(0);
      const feedText = new Set(blockTexts(parseElements(html)));
      expect(pageText.filter((text) => !feedText.has(text)), item.link).toEqual([]);
      // A table the item shows as a list: each body row is one item holding every cell's text, header first.
      const feedItems = parseElements(html).filter((element) => element.tagName === 'li').map(squeezed);
      for (const table of parseElements(page).filter(isFeedList)) {
        const rows = below(table).filter((element) => element.tagName === 'tr' && !below(element).some((cell) => getAttribute(cell, 'scope') === 'col'));
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows) {
          const cells = below(row).filter((cell) => cell.tagName === 'th' || cell.tagName === 'td').map(squeezed);
          expect(feedItems.some((text) => text.startsWith(cells[0] ?? '') && cells.every((cell) => text.includes(cell))), `${item.link}: ${cells.join(' | ')}`).toBe(true);
        }
      }
      expect(html).not.toMatch(/<script|<canvas|<noscript|\son\w+=/i);
      expect(html).not.toContain('class="chart-data"');
      const csvLinks = (markup: string) => [...markup.matchAll(/href="([^"]+\.csv)"/g)].map((match) => new URL(match[1] ?? '', ORIGIN).href);
      expect(csvLinks(html)).toEqual(csvLinks(page));
      for (const url of urlsIn(html)) {
        expect(url, `${item.link}: ${url}`).toMatch(/^https?:\/\//);
        if (new URL(url).origin === ORIGIN) expect(fileOnSite(dist, url), `${item.link}: ${url} is not in dist`).toBeDefined();
      }
    }
  });

  test.each(LOCALES)('a chart in a %s item keeps its title, its as-of date and unit, and its source (once an item) as lines of their own', async (locale) => {
    const items = (await readRss(dist, locale)).items.map((item: Item) => parseElements(item['content:encoded'] ?? '')
      .filter((element) => element.tagName === 'figcaption' && getAttribute(element, 'class') === 'chart-caption'));
    expect(items.flat().length).toBeGreaterThan(0);
    for (const captions of items.filter((item) => item.length > 0)) {
      const sources: string[] = [];
      for (const caption of captions) {
        // A reader applies no stylesheet: each line must be a block element of its own, not a span.
        const lines = caption.childNodes.filter((child): child is Element => 'tagName' in child);
        expect(lines.map((line) => line.tagName)).toEqual(lines.length === 3 ? ['p', 'p', 'p'] : ['p', 'p']);
        const [, asOf, source] = lines.map((line) => textContent(line));
        expect(asOf).toMatch(locale === 'ja' ? /時点 · 単位: / : /^As of .+ · Unit: /);
        if (source !== undefined) sources.push(source);
      }
      // Each source is credited once, under the last chart drawn from it; the item's last chart always carries one.
      expect(sources.length).toBeGreaterThan(0);
      expect(new Set(sources).size).toBe(sources.length);
      expect(captions.at(-1)?.childNodes.filter((child) => 'tagName' in child)).toHaveLength(3);
      for (const source of sources) expect(source).toMatch(locale === 'ja' ? /出典: / : /^Source/);
    }
  });

  test.each(LOCALES)('in a %s item the key figures and the risk watch are lists a reader’s narrow column holds, each level in words', async (locale) => {
    const items = (await readRss(dist, locale)).items as Item[];
    const blocks = items.flatMap((item) => parseElements(item['content:encoded'] ?? '').filter((element) => ['data-key-figures', 'data-risk-watch'].some((name) => getAttribute(element, name) !== undefined)));
    expect(blocks.map((block) => getAttribute(block, 'data-risk-watch') === undefined ? 'figures' : 'risks')).toEqual(expect.arrayContaining(['figures', 'risks']));
    for (const block of blocks) {
      expect(below(block).filter((element) => element.tagName === 'table')).toEqual([]);
      expect(below(block).filter((element) => element.tagName === 'li').length).toBeGreaterThan(0);
    }
    const level = locale === 'ja' ? /水準: (低|中|やや高|高) · 方向: (改善|横ばい|悪化)/ : /Level: (Low|Moderate|Elevated|High) · Trend: (Improving|Unchanged|Worsening)/;
    for (const block of blocks.filter((element) => getAttribute(element, 'data-risk-watch') !== undefined)) {
      for (const risk of below(block).filter((element) => element.tagName === 'li')) expect(textContent(risk)).toMatch(level);
    }
  });

  test.each(LOCALES)('the %s JSON Feed is valid and carries the same posts as the RSS feed', async (locale) => {
    const json = readJsonFeed(dist, locale);
    const rss = await readRss(dist, locale);
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.feed_url).toBe(`${ORIGIN}/${locale}/feed.json`);
    expect(json.language).toBe(locale);
    expect(json.items.map((item) => item.id)).toEqual(rss.items.map((item) => item.link));
    expect(json.items.map((item) => item.content_html)).toEqual((rss.items as Item[]).map((item) => item['content:encoded']));
    for (const item of json.items) {
      expect(new Date(item.date_published).toISOString()).toBe(item.date_published);
      expect(fileOnSite(dist, item.image ?? '')).toBeDefined();
    }
  });

  test('every page announces both languages’ RSS feeds and its own JSON Feed', () => {
    for (const page of readPages(dist).filter((candidate) => /^(ja|en)\//.test(candidate.file))) {
      const locale = page.file.slice(0, 2);
      const feeds = page.elements
        .filter((element) => element.tagName === 'link' && getAttribute(element, 'rel') === 'alternate' && getAttribute(element, 'type') !== undefined)
        .map((element) => `${getAttribute(element, 'type')} ${getAttribute(element, 'href')}`);
      expect(feeds, page.file).toEqual([
        `application/rss+xml ${ORIGIN}/${locale}/rss.xml`,
        `application/rss+xml ${ORIGIN}/${locale === 'ja' ? 'en' : 'ja'}/rss.xml`,
        `application/feed+json ${ORIGIN}/${locale}/feed.json`,
      ]);
    }
  });
});

describe('what the fixture feeds leave out', () => {
  test('the English feed has translated posts only; the untranslated week is in the Japanese feed alone', async () => {
    const ja = (await readRss(FIXTURE_DIST, 'ja')).items.map((item) => item.link);
    const en = (await readRss(FIXTURE_DIST, 'en')).items.map((item) => item.link);
    expect(ja).toEqual([`${ORIGIN}/ja/posts/2026-02-13/`, `${ORIGIN}/ja/posts/2026-02-06/`, `${ORIGIN}/ja/posts/2025-12-05-fixture-charts/`]);
    expect(en).toEqual([`${ORIGIN}/en/posts/2026-02-13/`, `${ORIGIN}/en/posts/2025-12-05-fixture-charts/`]);
  });

  test('neither the draft nor the future post appears in any feed', () => {
    for (const locale of LOCALES) {
      for (const file of ['rss.xml', 'feed.json']) {
        const text = readFileSync(path.join(FIXTURE_DIST, locale, file), 'utf8');
        expect(text).not.toContain('2026-01-30');
        expect(text).not.toContain('future-outlook');
        expect(text).not.toContain('下書き');
      }
    }
  });
});
