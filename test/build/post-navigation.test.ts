import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatPercent } from '../../src/i18n/format.ts';
import { getLeadFigures } from '../../src/lib/archive.ts';
import { estimateReadingMinutes } from '../../src/lib/reading-time.ts';
import { readEnvironment } from '../../src/site/environment.ts';
import { loadSite } from '../../src/site/read-content.ts';
import { FIXTURE_CONTENT, FIXTURE_DIST, ROOT, TEST_NOW } from '../helpers/build-site.ts';
import { getAttribute, parseElements, textContent, type Element } from '../helpers/dist.ts';

const site = loadSite(readEnvironment({ SHUHO_CONTENT_DIR: FIXTURE_CONTENT, SHUHO_NOW: TEST_NOW }, ROOT));

function readPost(locale: string, slug: string): Element[] {
  return parseElements(readFileSync(path.join(FIXTURE_DIST, locale, 'posts', slug, 'index.html'), 'utf8'));
}

function below(element: Element): Element[] {
  return element.childNodes.filter((node): node is Element => 'tagName' in node).flatMap((child) => [child, ...below(child)]);
}

describe('post pages of the fixture', () => {
  test('the previous week links with its date, title and the lead index’s weekly change', () => {
    const previous = site.visiblePosts.find((post) => post.slug === '2026-02-06')!;
    const change = formatPercent('en', getLeadFigures(previous, site.registry)!.changePercent, { signed: true });
    const link = readPost('en', '2026-02-13').find((element) => element.tagName === 'a' && getAttribute(element, 'rel') === 'prev')!;
    expect(getAttribute(link, 'href')).toBe('/en/posts/2026-02-06/');
    const parts = link.childNodes.filter((node): node is Element => 'tagName' in node).map((part) => textContent(part).replace(/\s+/g, ' ').trim());
    expect(parts).toEqual(['Previous · February 6, 2026', 'フィクスチャ週報 2月6日(日本語のみ)', `R2000G ${change}`]);
  });

  test('the reading time is computed from the body shown, in its language', () => {
    for (const [locale, file] of [['ja', 'ja/2026/2026-02-13.mdx'], ['en', 'en/2026/2026-02-13.mdx']] as const) {
      const minutes = estimateReadingMinutes(readFileSync(path.join(FIXTURE_CONTENT, 'posts', file), 'utf8'), locale);
      const shown = readPost(locale, '2026-02-13').find((element) => getAttribute(element, 'data-reading-time') !== undefined);
      expect(textContent(shown!)).toBe(locale === 'ja' ? `約${minutes}分で読めます` : `${minutes} min read`);
    }
  });

  test('related posts share a topic: the 2026-02-13 week lists the 2026-02-06 week and not the valuation feature', () => {
    const section = readPost('en', '2026-02-13').find((element) => element.tagName === 'section' && getAttribute(element, 'class') === 'related')!;
    const links = below(section).filter((element) => element.tagName === 'a').map((element) => getAttribute(element, 'href'));
    expect(links).toEqual(['/en/posts/2026-02-06/']);
  });
});
