import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { t, UI_KEYS } from '../../src/i18n/ui.ts';
import { buildSiteModel } from '../../src/lib/site-model.ts';
import { readEnvironment } from '../../src/site/environment.ts';
import { readContentFiles } from '../../src/site/read-content.ts';
import { FIXTURE_CONTENT, FIXTURE_DIST, ROOT, SAMPLE_DIST, TEST_NOW } from '../helpers/build-site.ts';
import { getAttribute, readPages, readSiteOrigin, resolveUrlPath, textContent, type Element, type Page } from '../helpers/dist.ts';

// Both sites globalSetup built: the fixture (ja-only post, draft, future post) and the shipped sample.
const SITES = [
  { name: 'fixture', dist: FIXTURE_DIST, content: FIXTURE_CONTENT },
  { name: 'sample', dist: SAMPLE_DIST, content: path.join(ROOT, 'content') },
].map((site) => ({ ...site, pages: readPages(site.dist), origin: readSiteOrigin(site.content) }));
const [FIXTURE, SAMPLE] = SITES as [(typeof SITES)[number], (typeof SITES)[number]];

function page(site: (typeof SITES)[number], url: string): Page {
  const found = site.pages.find((candidate) => candidate.url === url);
  if (!found) throw new Error(`${site.name}: no page at ${url}; built: ${site.pages.map((p) => p.url).join(', ')}`);
  return found;
}
const all = (p: Page, tag: string): Element[] => p.elements.filter((element) => element.tagName === tag);
const one = (p: Page, predicate: (element: Element) => boolean, what: string): Element => {
  const found = p.elements.find(predicate);
  if (!found) throw new Error(`${p.url}: no ${what}`);
  return found;
};
const has = (name: string) => (element: Element) => getAttribute(element, name) !== undefined;
/** Pages of a language, as opposed to the root redirect and the host's catch-all 404.html. */
const localised = (site: (typeof SITES)[number]) => site.pages.filter((p) => /^\/(ja|en)\//.test(p.url));
/** hreflang links to pages (feeds also carry hreflang, but with a type). */
const alternates = (p: Page) =>
  all(p, 'link').filter((link) => getAttribute(link, 'rel') === 'alternate' && getAttribute(link, 'type') === undefined && has('hreflang')(link));

/** Visible text and attribute values, without scripts' contents (a chart's JSON data is not prose). */
function readableText(p: Page): string {
  const parts: string[] = [];
  for (const element of p.elements) {
    for (const attribute of element.attrs) parts.push(attribute.value);
    if (element.tagName === 'script' || element.tagName === 'style') continue;
    for (const child of element.childNodes) if (child.nodeName === '#text') parts.push(textContent(child));
  }
  return parts.join('\n');
}

const fixtureModel = buildSiteModel(readContentFiles(readEnvironment({ SHUHO_CONTENT_DIR: FIXTURE_CONTENT }, ROOT)), {
  now: new Date(TEST_NOW),
  includeDrafts: false,
}).model;

describe('posts in both languages', () => {
  test('every visible fixture post has a page under /ja/ and /en/', () => {
    const slugs = fixtureModel?.visiblePosts.map((post) => post.slug) ?? [];
    expect(slugs).toEqual(['2026-02-13', '2026-02-06', '2025-12-05-fixture-charts']);
    for (const slug of slugs) {
      for (const locale of ['ja', 'en']) expect(existsSync(path.join(FIXTURE_DIST, locale, 'posts', slug, 'index.html')), `${locale}/${slug}`).toBe(true);
    }
  });
  test('the sample\'s weekly post and feature exist in both languages', () => {
    for (const url of ['/ja/posts/2026-02-13/', '/en/posts/2026-02-13/', '/ja/posts/2025-10-10-q3-small-caps/', '/en/posts/2025-10-10-q3-small-caps/']) {
      expect(page(SAMPLE, url).url).toBe(url);
    }
  });
  test('drafts and posts dated after now are neither built nor linked', () => {
    for (const slug of ['2026-01-30', '2026-09-04-future-outlook']) {
      expect(FIXTURE.pages.filter((p) => p.url.includes(slug)).map((p) => p.url)).toEqual([]);
      const linking = FIXTURE.pages.filter((p) => p.elements.some((element) => (getAttribute(element, 'href') ?? '').includes(slug)));
      expect(linking.map((p) => p.url), slug).toEqual([]);
      expect(FIXTURE.pages.filter((p) => p.html.includes(slug === '2026-01-30' ? '下書きの週報' : '未来の特集')).map((p) => p.url)).toEqual([]);
    }
  });
});

describe.each(SITES)('$name site: what only the dev preview shows', (site) => {
  test('no page of a production build marks a post as a draft or scheduled', () => {
    expect(site.pages.filter((p) => p.elements.some(has('data-preview'))).map((p) => p.url)).toEqual([]);
  });
});

describe.each(SITES)('$name site: languages and alternates', (site) => {
  test('<html lang> matches the URL\'s language; the root and catch-all 404 are Japanese', () => {
    for (const p of site.pages) {
      const expected = p.url.startsWith('/en/') ? 'en' : 'ja';
      expect(getAttribute(one(p, (element) => element.tagName === 'html', '<html>'), 'lang'), p.url).toBe(expected);
    }
  });

  test('every page lists ja, en and x-default alternates that exist in dist', () => {
    for (const p of [...localised(site), page(site, '/')]) {
      const links = alternates(p);
      expect(links.map((link) => getAttribute(link, 'hreflang')).sort(), p.url).toEqual(['en', 'ja', 'x-default']);
      for (const link of links) {
        const href = new URL(getAttribute(link, 'href') ?? '');
        expect(href.origin, p.url).toBe(site.origin);
        expect(resolveUrlPath(site.dist, href.pathname), `${p.url} → ${href.pathname}`).toBeDefined();
      }
    }
  });

  test('alternates are reciprocal: each page lists itself, and its counterpart lists the same set', () => {
    const set = (p: Page) => alternates(p).map((link) => `${getAttribute(link, 'hreflang')} ${getAttribute(link, 'href')}`).sort();
    for (const p of localised(site)) {
      const locale = p.url.slice(1, 3);
      const hrefOf = (lang: string) => {
        const link = alternates(p).find((candidate) => getAttribute(candidate, 'hreflang') === lang);
        return link && getAttribute(link, 'href');
      };
      expect(new URL(hrefOf(locale) ?? '').pathname, `${p.url} lists itself`).toBe(p.url);
      for (const lang of ['ja', 'en']) {
        const other = page(site, new URL(hrefOf(lang) ?? '').pathname);
        expect(set(other), `${other.url} ↔ ${p.url}`).toEqual(set(p));
      }
      expect(hrefOf('x-default'), `${p.url} x-default`).toBe(hrefOf('ja'));
    }
  });

  test('the canonical URL is the page itself', () => {
    for (const p of localised(site)) {
      const canonical = one(p, (element) => element.tagName === 'link' && getAttribute(element, 'rel') === 'canonical', 'canonical link');
      expect(getAttribute(canonical, 'href'), p.url).toBe(`${site.origin}${p.url}`);
    }
  });

  test('the language switch lands on the same page in the other language, which exists', () => {
    for (const p of localised(site)) {
      const other = p.url.startsWith('/ja/') ? 'en' : 'ja';
      const link = one(p, has('data-lang-switch'), 'language switch');
      expect(getAttribute(link, 'href'), p.url).toBe(`/${other}/${p.url.slice(4)}`);
      expect(getAttribute(link, 'hreflang')).toBe(other);
      expect(resolveUrlPath(site.dist, getAttribute(link, 'href') ?? ''), p.url).toBeDefined();
    }
  });

  test('no interface key and no {placeholder} leaks into a page', () => {
    const keys = new RegExp(`(?:^|[^\\w.-])(${UI_KEYS.map((key) => key.replaceAll('.', '\\.')).join('|')})(?![\\w.-])`);
    for (const p of site.pages) {
      const text = readableText(p);
      expect(text.match(keys)?.[1], p.url).toBeUndefined();
      expect(text.match(/\{[A-Za-z]\w*\}/)?.[0], p.url).toBeUndefined();
      expect(text, p.url).not.toMatch(/\bundefined\b|\bNaN\b|\[object Object\]/);
    }
  });

  test('pages without charts ship no JavaScript (the search page runs Pagefind; the root its redirect)', () => {
    const executable = (element: Element) => element.tagName === 'script' && ['', 'module', 'text/javascript', 'application/javascript'].includes(getAttribute(element, 'type') ?? '');
    for (const p of site.pages) {
      if (p.elements.some(has('data-chart')) || /^\/(ja|en)\/search\/$/.test(p.url)) continue;
      const scripts = p.elements.filter(executable).map((script) => getAttribute(script, 'src') ?? 'inline');
      expect(scripts, p.url).toEqual(p.url === '/' ? ['/lang-redirect.js'] : []);
    }
  });

  test('only fallback pages, 404 pages and the root chooser are noindex', () => {
    const noindex = site.pages
      .filter((p) => all(p, 'meta').some((meta) => getAttribute(meta, 'name') === 'robots' && /noindex/.test(getAttribute(meta, 'content') ?? '')))
      .map((p) => p.url)
      .sort();
    // The fixture's untranslated post and data-sources page fall back to Japanese; its disclosures page
    // stays indexed, as everything below the author's text is already English (standing-pages.ts).
    const expected = ['/', '/404.html', '/en/404/', '/ja/404/', ...(site.name === 'fixture' ? ['/en/posts/2026-02-06/', '/en/data-sources/'] : [])].sort();
    expect(noindex).toEqual(expected);
  });
});

describe('the English fallback of a post with no translation', () => {
  const fallback = page(FIXTURE, '/en/posts/2026-02-06/');
  const source = page(FIXTURE, '/ja/posts/2026-02-06/');

  test('shows a visible "not yet translated" notice in English', () => {
    const notice = one(fallback, has('data-translation-notice'), 'translation notice');
    expect(textContent(notice)).toContain(t('en', 'translation.missing'));
    expect(getAttribute(notice, 'hidden')).toBeUndefined();
    expect(getAttribute(notice, 'lang')).toBeUndefined();
    expect(all(source, 'p').some(has('data-translation-notice'))).toBe(false);
  });

  test('keeps the English chrome and marks the Japanese content lang="ja"', () => {
    expect(getAttribute(one(fallback, (element) => element.tagName === 'html', '<html>'), 'lang')).toBe('en');
    const prose = one(fallback, (element) => (getAttribute(element, 'class') ?? '').split(' ').includes('prose'), 'post body');
    expect(getAttribute(prose, 'lang')).toBe('ja');
    expect(textContent(prose)).toContain('英訳はまだありません');
    const h1 = one(fallback, (element) => element.tagName === 'h1', 'h1');
    expect(getAttribute(h1, 'lang')).toBe('ja');
    expect(textContent(one(fallback, (element) => element.tagName === 'nav', 'nav'))).toContain('Home');
  });

  test('is noindex', () => {
    expect(all(fallback, 'meta').find((meta) => getAttribute(meta, 'name') === 'robots')?.attrs).toContainEqual({ name: 'content', value: 'noindex' });
    expect(all(source, 'meta').some((meta) => getAttribute(meta, 'name') === 'robots')).toBe(false);
  });

  test('its language switch points to the Japanese post, and the Japanese post\'s to it', () => {
    expect(getAttribute(one(fallback, has('data-lang-switch'), 'switch'), 'href')).toBe('/ja/posts/2026-02-06/');
    expect(getAttribute(one(source, has('data-lang-switch'), 'switch'), 'href')).toBe('/en/posts/2026-02-06/');
  });

  test('a translated post is neither noindex nor carries the notice', () => {
    const translated = page(FIXTURE, '/en/posts/2026-02-13/');
    expect(translated.elements.some(has('data-translation-notice'))).toBe(false);
    expect(getAttribute(one(translated, (element) => (getAttribute(element, 'class') ?? '').split(' ').includes('prose'), 'post body'), 'lang')).toBeUndefined();
  });
});

describe('the root page works without JavaScript', () => {
  test.each(SITES)('$name: the reader chooses a language with a plain link to each home, each in its own language; no refresh chooses for them', (site) => {
    const root = page(site, '/');
    expect(all(root, 'meta').filter((element) => getAttribute(element, 'http-equiv') === 'refresh')).toEqual([]);
    const choices = root.elements.filter(has('data-language-choice')).map((a) => [getAttribute(a, 'href'), getAttribute(a, 'hreflang'), getAttribute(a, 'lang'), textContent(a)]);
    expect(choices).toEqual([
      ['/ja/', 'ja', 'ja', expect.stringContaining('日本語')],
      ['/en/', 'en', 'en', expect.stringContaining('English')],
    ]);
    expect(resolveUrlPath(site.dist, '/ja/')).toBe('ja/index.html');
    expect(resolveUrlPath(site.dist, '/en/')).toBe('en/index.html');
  });
});

describe('dates read the same everywhere', () => {
  test.each(SITES)('$name: the 2026-02-13 post reads 2026年2月13日 / February 13, 2026', (site) => {
    const ja = page(site, '/ja/posts/2026-02-13/');
    const en = page(site, '/en/posts/2026-02-13/');
    const timeText = (p: Page) => all(p, 'time').filter((time) => getAttribute(time, 'datetime') === '2026-02-13').map((time) => textContent(time));
    expect(timeText(ja).join('|')).toContain('2026年2月13日');
    expect(timeText(en).join('|')).toContain('February 13, 2026');
    expect(ja.html).not.toContain('2026年2月12日');
    expect(en.html).not.toContain('February 12, 2026');
  });
  test('every <time datetime> agrees with its text', () => {
    for (const site of SITES) {
      for (const p of site.pages) {
        for (const time of all(p, 'time')) {
          const datetime = getAttribute(time, 'datetime') ?? '';
          if (!/^\d{4}-\d{2}-\d{2}$/.test(datetime)) continue;
          const [year, month, day] = datetime.split('-').map(Number) as [number, number, number];
          const text = textContent(time);
          const en = new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, day));
          expect(text.includes(`${year}年${month}月${day}日`) || (text.includes(String(year)) && text.includes(en.slice(0, 3)) && new RegExp(`\\b${day}\\b`).test(text)), `${p.url}: ${datetime} → ${text}`).toBe(true);
        }
      }
    }
  });
});
