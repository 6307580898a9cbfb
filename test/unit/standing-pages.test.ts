import { describe, expect, test } from 'vitest';
import { DEFAULT_WORDING } from '../../src/lib/compliance.ts';
import type { PageContentFile } from '../../src/lib/content-files.ts';
import { formatProblems, isError } from '../../src/lib/problems.ts';
import { buildStandingPages, getStandingPageView, getStandingPageViews } from '../../src/lib/standing-pages.ts';
import type { Visibility } from '../../src/lib/visibility.ts';
import { makePageFile, TEST_COMPLIANCE } from '../helpers/content.ts';

const PRODUCTION: Visibility = { now: new Date('2026-08-31T00:00:00Z'), includeDrafts: false };
const DEV: Visibility = { ...PRODUCTION, includeDrafts: true };
const PROFILE = { wording: DEFAULT_WORDING, products: TEST_COMPLIANCE.products.map((product) => ({ ...product, aliases: [] })) };

function build(files: readonly PageContentFile[], visibility: Visibility = PRODUCTION) {
  return buildStandingPages(files, PROFILE, visibility);
}

describe('buildStandingPages', () => {
  test('pairs each translation with its source by name, and lists the pages in their fixed order', () => {
    const { pages, problems } = build([makePageFile('ja/data-sources.mdx'), makePageFile('en/about.mdx'), makePageFile('ja/about.mdx')]);
    expect(problems).toEqual([]);
    expect(pages.map((page) => [page.name, page.source.file, page.translation?.file])).toEqual([
      ['about', 'content/pages/ja/about.mdx', 'content/pages/en/about.mdx'],
      ['data-sources', 'content/pages/ja/data-sources.mdx', undefined],
    ]);
  });

  test('refuses a translation without a Japanese source, naming the file expected', () => {
    const { pages, problems } = build([makePageFile('en/about.mdx')]);
    expect(pages).toEqual([]);
    expect(formatProblems(problems)).toMatchInlineSnapshot(`
      "content/pages/en/about.mdx has a problem:
        - is a translation with no Japanese source (expected content/pages/ja/about.mdx). Rename the file to match its source, or add the source."
    `);
  });

  test('a source with problems of its own is reported for those, not its translation as an orphan', () => {
    const { problems } = build([makePageFile('ja/about.mdx', { frontmatter: ['title: 筆者について'] }), makePageFile('en/about.mdx')]);
    expect(problems.map((problem) => [problem.file, problem.field])).toEqual([['content/pages/ja/about.mdx', 'description']]);
  });

  test('a draft page waits for production; a draft translation leaves the English page to fall back, as a post does', () => {
    const files = [
      makePageFile('ja/about.mdx', { frontmatter: ['title: 筆者について', 'description: 説明。', 'draft: true'] }),
      makePageFile('ja/data-sources.mdx'),
      makePageFile('en/data-sources.mdx', { frontmatter: ['title: Data sources', 'description: Where the data comes from.', 'draft: true'] }),
    ];
    expect(build(files).pages.map((page) => [page.name, page.translation?.file])).toEqual([['data-sources', undefined]]);
    expect(build(files, DEV).pages.map((page) => [page.name, page.translation?.file])).toEqual([
      ['about', undefined],
      ['data-sources', 'content/pages/en/data-sources.mdx'],
    ]);
  });

  test('reads a page for the wording of financial advertising as it reads a post, title and description included', () => {
    const { problems } = build([
      makePageFile('ja/about.mdx', { frontmatter: ['title: 必ず儲かる週報', 'description: 説明。'] }),
      makePageFile('en/about.mdx', { body: 'Small caps will rise next year.' }),
    ]);
    expect(formatProblems(problems)).toMatchInlineSnapshot(`
      "content/pages/ja/about.mdx has a problem:
        - title (line 2): says "必ず", which guarantees an outcome: "必ず儲かる週報". Commentary must not promise a result or deny a risk: rephrase it. If you are quoting someone, wrap the quotation in <Quote reason="why it is quoted">…</Quote>.

      content/pages/en/about.mdx has a problem:
        - body (line 6): states a forecast without a hedge ("will rise"): "Small caps will rise next year.". Present it as a view that may not come true (…とみています, …可能性があります; we think, may, could), or quote it with <Quote reason="…">…</Quote>."
    `);
    expect(problems.map(isError)).toEqual([true, false]);
  });

  test('a fund named on the about page is refused; on the disclosures page, which lists its fees and risks, it is not', () => {
    const body = 'I manage the Test Growth Fund.';
    const { problems } = build([makePageFile('ja/about.mdx'), makePageFile('en/about.mdx', { body }), makePageFile('ja/disclosures.mdx', { body })]);
    expect(formatProblems(problems)).toMatchInlineSnapshot(`
      "content/pages/en/about.mdx has a problem:
        - body (line 6): names the fund "Test Growth Fund", but this page cannot show its fees and risks. Name the fund on the disclosures page, which shows the fees and risks of every fund, or in a post beside <ProductNotice />."
    `);
  });
});

describe('getStandingPageViews', () => {
  const { pages } = build([makePageFile('ja/about.mdx'), makePageFile('en/about.mdx'), makePageFile('ja/data-sources.mdx'), makePageFile('ja/disclosures.mdx')]);
  const views = getStandingPageViews(pages);

  test('gives every page both languages: a translated page its translation, an untranslated one a fallback on its source', () => {
    expect(views.map((view) => [view.locale, view.page.name, view.file.file, view.isFallback])).toEqual([
      ['ja', 'about', 'content/pages/ja/about.mdx', false],
      ['en', 'about', 'content/pages/en/about.mdx', false],
      ['ja', 'disclosures', 'content/pages/ja/disclosures.mdx', false],
      ['en', 'disclosures', 'content/pages/ja/disclosures.mdx', true],
      ['ja', 'data-sources', 'content/pages/ja/data-sources.mdx', false],
      ['en', 'data-sources', 'content/pages/ja/data-sources.mdx', true],
    ]);
  });

  test('a fallback is kept from search engines, except the disclosures page, whose profile text is in its own language', () => {
    expect(views.filter((view) => view.isNoindex).map((view) => `${view.locale}/${view.page.name}`)).toEqual(['en/data-sources']);
  });

  test('finds one page in one language, and nothing for a page the site does not have', () => {
    expect(getStandingPageView(pages, 'data-sources', 'en')?.file.locale).toBe('ja');
    expect(getStandingPageView([], 'about', 'ja')).toBeUndefined();
  });
});
