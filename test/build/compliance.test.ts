import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Parser from 'rss-parser';
import { describe, expect, test } from 'vitest';
import { getPlacedCharts } from '../../src/lib/body-components.ts';
import { planPostCharts } from '../../src/lib/charts.ts';
import { describePublisher, getCitedIndices, paragraphsOf } from '../../src/lib/notices.ts';
import { getFeedPages } from '../../src/lib/feed.ts';
import { getPostPages, type PostPage } from '../../src/lib/post-views.ts';
import type { SiteModel } from '../../src/lib/site-model.ts';
import { buildSite, FIXTURE_CONTENT, FIXTURE_DIST, ROOT, SAMPLE_DIST, TMP } from '../helpers/build-site.ts';
import { readSiteModel } from '../helpers/model.ts';
import { getAttribute, listFiles, parseElements, textContent, type Element } from '../helpers/dist.ts';

/*
 * What content/compliance.json asks of every place a post goes: its page (and so its print view) and
 * its feed items carry the profile's disclosures and the notice of every index the page cites; the
 * disclosures page carries all of it. Expected values come from the site model and the profile, never
 * from the markup under test.
 */

const SITES = [
  ['sample', SAMPLE_DIST, path.join(ROOT, 'content')],
  ['fixture', FIXTURE_DIST, FIXTURE_CONTENT],
] as const;

/** The indices a page must name: the site model's reading of its figures, components and charts. */
function expectedIndices(model: SiteModel, page: PostPage): string[] {
  const charts = planPostCharts(page.post, getPlacedCharts(page.file.components), page.file.file).map((chart) => chart.name);
  return getCitedIndices(model, page.post, page.file.components, charts);
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/** What the disclosures of a post say, read from its HTML: the index ids noticed, their texts, and all text. */
function readNotices(html: string): { ids: string[]; notices: string[]; text: string } {
  const elements = parseElements(html);
  const footer = elements.find((element) => getAttribute(element, 'data-disclosures') !== undefined);
  if (!footer) return { ids: [], notices: [], text: '' };
  const items = collect(footer).filter((element) => getAttribute(element, 'data-index-notice') !== undefined);
  return { ids: items.map((item) => getAttribute(item, 'data-index-notice') ?? ''), notices: items.map((item) => normalise(textContent(item))), text: normalise(textContent(footer)) };
}

function collect(element: Element): Element[] {
  return element.childNodes.filter((child): child is Element => 'tagName' in child).flatMap((child) => [child, ...collect(child)]);
}

/** Every text of the profile a post's disclosures must show in `locale`. */
function disclosureTexts(model: SiteModel, locale: 'ja' | 'en'): string[] {
  const publisher = describePublisher(model.compliance, locale);
  return [
    ...model.compliance.disclosures.flatMap((block) => [block.heading[locale], ...paragraphsOf(block.text[locale])]),
    publisher.name,
    ...publisher.lines,
  ].map(normalise);
}

describe.each(SITES)('the %s site', (_, dist, contentDir) => {
  const model = readSiteModel(contentDir);
  const pages = getPostPages(model.visiblePosts);

  test('every post page carries the disclosures of the profile, in its language', () => {
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const html = readFileSync(path.join(dist, page.locale, 'posts', page.post.slug, 'index.html'), 'utf8');
      const { text } = readNotices(html);
      for (const expected of disclosureTexts(model, page.locale)) expect(text, `${page.locale}/${page.post.slug}`).toContain(expected);
    }
  });

  test('every post page carries the trademark and source notice of each index it cites, once, and of no other', () => {
    for (const page of pages) {
      const html = readFileSync(path.join(dist, page.locale, 'posts', page.post.slug, 'index.html'), 'utf8');
      const { ids, notices } = readNotices(html);
      const expected = expectedIndices(model, page);
      expect(ids, `${page.locale}/${page.post.slug}`).toEqual(expected);
      for (const [i, id] of expected.entries()) {
        const index = model.registry.indices.find((candidate) => candidate.id === id);
        expect(notices[i]).toContain(normalise(index?.trademark?.[page.locale] ?? index?.name[page.locale] ?? ''));
        expect(notices[i]).toContain(normalise(index?.source[page.locale] ?? ''));
      }
    }
  });

  test.each(['ja', 'en'] as const)('every %s feed item carries the disclosures and the index notices of its page', async (locale) => {
    const feed = await new Parser<Record<string, unknown>, { 'content:encoded'?: string }>().parseString(readFileSync(path.join(dist, locale, 'rss.xml'), 'utf8'));
    const feedPages = getFeedPages(model.visiblePosts, locale);
    expect(feed.items.map((item) => item.link?.split('/').at(-2))).toEqual(feedPages.map((page) => page.post.slug));
    for (const [i, item] of feed.items.entries()) {
      const page = feedPages[i] as PostPage;
      const { ids, text } = readNotices(item['content:encoded'] ?? '');
      expect(ids, item.link).toEqual(expectedIndices(model, page));
      for (const expected of disclosureTexts(model, locale)) expect(text, item.link).toContain(expected);
    }
  });

  test('print keeps the disclosures, corrections and product notices: no print rule hides them', () => {
    const css = listFiles(dist).filter((file) => file.endsWith('.css')).map((file) => readFileSync(path.join(dist, file), 'utf8')).join('\n');
    expect(printRules(css).length, 'the stylesheet has print rules to read').toBeGreaterThan(0);
    const hidden = printRules(css).filter((rule) => /display:\s*none|visibility:\s*hidden/.test(rule.declarations)).map((rule) => rule.selector);
    expect(hidden.filter((selector) => /disclaimer|disclos|corrections|product-notice|footer\b/.test(selector) && !selector.includes('site-footer'))).toEqual([]);
  });

  test('every page’s footer carries the site notice, the publisher and every index’s trademark, in its language, as one block that prints', () => {
    const pages = listFiles(dist).filter((file) => /^(ja|en)\/.*index\.html$/.test(file));
    expect(pages.length).toBeGreaterThan(10);
    for (const file of pages) {
      const locale = file.slice(0, 2) as 'ja' | 'en';
      const blocks = parseElements(readFileSync(path.join(dist, file), 'utf8')).filter((element) => getAttribute(element, 'data-footer-notices') !== undefined);
      expect(blocks, file).toHaveLength(1);
      const text = normalise(textContent(blocks[0] as Element));
      const publisher = describePublisher(model.compliance, locale);
      const expected = [model.compliance.siteNotice?.[locale] ?? '', publisher.name, ...publisher.lines, model.registry.site.dataCredit[locale], ...model.registry.indices.flatMap((index) => index.trademark?.[locale] ?? [])];
      for (const part of expected) expect(text, file).toContain(normalise(part));
    }
    const css = listFiles(dist).filter((name) => name.endsWith('.css')).map((name) => readFileSync(path.join(dist, name), 'utf8')).join('\n');
    const hidden = printRules(css).filter((rule) => /display:\s*none|visibility:\s*hidden/.test(rule.declarations)).map((rule) => rule.selector);
    expect(hidden.filter((selector) => /footer-notices|site-footer(?![\w-]*\s+nav)/.test(selector))).toEqual([]);
  });

  test.each(['ja', 'en'] as const)('the %s disclosures page has the publisher, every disclosure, every product with its fees and risks, and every index notice', (locale) => {
    const text = normalise(textContent(parseElements(readFileSync(path.join(dist, locale, 'disclosures', 'index.html'), 'utf8'))[0] as Element));
    for (const expected of disclosureTexts(model, locale)) expect(text).toContain(expected);
    for (const product of model.compliance.products) {
      for (const expected of [product.name[locale], product.fees[locale], product.risks[locale]]) expect(text).toContain(normalise(expected));
    }
    for (const index of model.registry.indices) expect(text).toContain(normalise(index.trademark?.[locale] ?? index.name[locale]));
  });
});

describe('what the sample and the fixture show', () => {
  test('the sample weekly cites its three indices; the sample feature, whose charts are its own, cites none', () => {
    const model = readSiteModel(path.join(ROOT, 'content'));
    const ids = (slug: string) => readNotices(readFileSync(path.join(SAMPLE_DIST, 'ja', 'posts', slug, 'index.html'), 'utf8')).ids;
    expect(ids('2026-02-13')).toEqual(['russell2000growth', 'sp500', 'djia']);
    expect(ids('2025-10-10-q3-small-caps')).toEqual([]);
    expect(model.compliance.sample).toBe(true);
  });

  test('the sample profile says it is a sample where readers see it', () => {
    const ja = readNotices(readFileSync(path.join(SAMPLE_DIST, 'ja', 'posts', '2026-02-13', 'index.html'), 'utf8')).text;
    const en = readNotices(readFileSync(path.join(SAMPLE_DIST, 'en', 'posts', '2026-02-13', 'index.html'), 'utf8')).text;
    expect(ja).toContain('【見本】');
    expect(en).toContain('[SAMPLE]');
  });

  test('a correction is dated at the top of the page and at the end of the feed item, and dates the item modified', () => {
    const page = readFileSync(path.join(FIXTURE_DIST, 'ja', 'posts', '2025-12-05-fixture-charts', 'index.html'), 'utf8');
    const article = page.slice(page.indexOf('<article'));
    expect(article.indexOf('data-corrections')).toBeLessThan(article.indexOf('class="prose"'));
    expect(article).toContain('<time datetime="2025-12-08">2025年12月8日</time>: グラフの出典名を訂正しました。');
    const feed = JSON.parse(readFileSync(path.join(FIXTURE_DIST, 'en', 'feed.json'), 'utf8')) as { items: { url: string; content_html: string; date_modified?: string }[] };
    const item = feed.items.find((candidate) => candidate.url.endsWith('/2025-12-05-fixture-charts/'));
    expect(item?.date_modified).toBe('2025-12-08T12:00:00.000Z');
    const html = item?.content_html ?? '';
    expect(html.indexOf('data-corrections')).toBeGreaterThan(html.indexOf('data-chart='));
    expect(html).toContain("Corrected the name of the chart's source.");
  });

  test('a quotation renders as a quotation, inline or as a block, and its reason stays off the page', () => {
    const inline = readFileSync(path.join(FIXTURE_DIST, 'ja', 'posts', '2026-02-06', 'index.html'), 'utf8');
    expect(inline).toContain('ある市場参加者は<q>必ず反発する</q>と話していました。');
    const block = readFileSync(path.join(FIXTURE_DIST, 'en', 'posts', '2025-12-05-fixture-charts', 'index.html'), 'utf8');
    expect(block).toMatch(/<blockquote class="quote">\s*<p>Small caps are a risk-free bet this winter\.<\/p>\s*<\/blockquote>/);
    expect(inline + block).not.toContain('の引用');
    expect(block).not.toContain('we disagree with');
  });

  test('a post naming the firm\'s fund shows its fees and risks beside it, on the page and in the feed', () => {
    const page = readFileSync(path.join(FIXTURE_DIST, 'ja', 'posts', '2025-12-05-fixture-charts', 'index.html'), 'utf8');
    expect(page).toMatch(/data-product-notice="test-fund".*テスト手数料: 年1\.0%。.*テストリスク: 元本は保証されていません。/s);
    const feed = JSON.parse(readFileSync(path.join(FIXTURE_DIST, 'en', 'feed.json'), 'utf8')) as { items: { content_html: string }[] };
    expect(feed.items.some((item) => /data-product-notice="test-fund".*Test fee: 1\.0% a year\./s.test(item.content_html))).toBe(true);
  });
});

describe('a warning in a build', () => {
  test('is printed once, as npm run check prints it, and the build goes on', async () => {
    const work = path.join(TMP, 'compliance-warning');
    rmSync(work, { recursive: true, force: true });
    const contentDir = path.join(work, 'content');
    cpSync(FIXTURE_CONTENT, contentDir, { recursive: true });
    const file = path.join(contentDir, 'posts', 'ja', '2026', '2026-02-06.mdx');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n来年、小型株は上昇します。\n`);
    const build = await buildSite({ contentDir, outDir: path.join(work, 'dist') });
    const output = `${build.stdout}\n${build.stderr}`;
    expect(build.code, output).toBe(0);
    const warning = 'has a warning:\n  - body (line 17): states a forecast without a hedge ("上昇します"): "来年、小型株は上昇します。".';
    expect(output.split(warning).length - 1, output).toBe(1);
  }, 300_000);
});

/** The rules inside `@media print` blocks of a stylesheet: selector and declarations. */
function printRules(css: string): { selector: string; declarations: string }[] {
  const rules: { selector: string; declarations: string }[] = [];
  for (const match of css.matchAll(/@media\s+print\s*\{/g)) {
    let depth = 1;
    let i = match.index + match[0].length;
    const start = i;
    while (depth > 0 && i < css.length) {
      if (css[i] === '{') depth += 1;
      if (css[i] === '}') depth -= 1;
      i += 1;
    }
    for (const rule of css.slice(start, i - 1).matchAll(/([^{}]+)\{([^{}]*)\}/g)) rules.push({ selector: (rule[1] ?? '').trim(), declarations: rule[2] ?? '' });
  }
  return rules;
}
