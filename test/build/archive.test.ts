import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, FIXTURE_CONTENT, FIXTURE_DIST, SAMPLE_DIST, TMP } from '../helpers/build-site.ts';
import { getAttribute, parseElements, resolveUrlPath, textContent, type Element } from '../helpers/dist.ts';

/** The elements of a built page. */
function readPage(dist: string, pathname: string): Element[] {
  const file = resolveUrlPath(dist, pathname);
  if (!file) throw new Error(`${pathname} was not built in ${dist}`);
  return parseElements(readFileSync(path.join(dist, file), 'utf8'));
}

function withAttribute(elements: readonly Element[], name: string): Element[] {
  return elements.filter((element) => getAttribute(element, name) !== undefined);
}

/** Every element below `root`, in document order. */
function descendants(root: Element): Element[] {
  return root.childNodes.filter((node): node is Element => 'tagName' in node).flatMap((child) => [child, ...descendants(child)]);
}

/** The archive as built: each month (a row group) with its heading row and rows (post slug, kind and the cells' text). */
function readArchive(dist: string, locale: 'ja' | 'en') {
  return withAttribute(readPage(dist, `/${locale}/archive/`), 'data-archive-month').map((month) => {
    const inside = descendants(month);
    return {
      month: getAttribute(month, 'data-archive-month'),
      heading: textContent(inside.find((element) => element.tagName === 'th' && getAttribute(element, 'scope') === 'rowgroup') as Element),
      rows: withAttribute(inside, 'data-archive-entry').map((row) => ({
        slug: getAttribute(row, 'data-archive-entry'),
        kind: getAttribute(row, 'data-kind'),
        cells: row.childNodes.filter((node): node is Element => 'tagName' in node).map((cell) => textContent(cell).trim()),
      })),
    };
  });
}

describe('archive', () => {
  test('the sample archive lists months newest first with the as-of date, title and the week’s figures', () => {
    const ja = readArchive(SAMPLE_DIST, 'ja');
    expect(ja.map((month) => [month.month, month.heading])).toEqual([
      ['2026-02', '2026年2月'],
      ['2025-10', '2025年10月'],
    ]);
    expect(ja[0]?.rows).toEqual([
      { slug: '2026-02-13', kind: 'weekly', cells: ['2026年2月13日', 'AI懸念で小型成長株も反落、割安さは変わらず', '1,709.95', '−24.27 (−1.40%)', '25.01%'] },
    ]);
    expect(ja[1]?.rows[0]?.kind).toBe('feature');
    expect(ja[1]?.rows[0]?.cells[1]).toContain('特集');

    const en = readArchive(SAMPLE_DIST, 'en');
    expect(en.map((month) => month.heading)).toEqual(['February 2026', 'October 2025']);
    expect(en[0]?.rows[0]?.cells).toEqual(['Feb 13, 2026', 'Small-cap growth slips with the market on AI jitters, but stays cheap', '1,709.95', '−24.27 (−1.40%)', '25.01%']);
    expect(en[1]?.rows[0]?.cells[1]).toContain('Feature');
  });

  test('the fixture archive groups by year and month, marks untranslated posts, and leaves out drafts and future posts', () => {
    for (const locale of ['ja', 'en'] as const) {
      const months = readArchive(FIXTURE_DIST, locale);
      expect(months.map((month) => month.month)).toEqual(['2026-02', '2025-12']);
      expect(months.map((month) => month.rows.map((row) => row.slug))).toEqual([['2026-02-13', '2026-02-06'], ['2025-12-05-fixture-charts']]);
    }
    const en = readArchive(FIXTURE_DIST, 'en');
    expect(en[0]?.rows[1]?.cells[1]).toContain('Japanese only');
    expect(en[0]?.rows[0]?.cells[1]).not.toContain('Japanese only');
    const years = withAttribute(readPage(FIXTURE_DIST, '/ja/archive/'), 'data-archive-year').map((year) => getAttribute(year, 'data-archive-year'));
    expect(years).toEqual(['2026', '2025']);
  });

  test('months share their year’s table, and every year’s table has the same columns', () => {
    for (const dist of [SAMPLE_DIST, FIXTURE_DIST]) {
      for (const locale of ['ja', 'en'] as const) {
        const years = withAttribute(readPage(dist, `/${locale}/archive/`), 'data-archive-year');
        expect(years.length).toBeGreaterThan(1);
        const layouts = years.map((year) => {
          const tables = descendants(year).filter((element) => element.tagName === 'table');
          expect(tables).toHaveLength(1);
          const table = tables[0] as Element;
          const months = withAttribute(descendants(table), 'data-archive-month');
          expect(months.length).toBeGreaterThan(0);
          expect(months.every((month) => month.tagName === 'tbody')).toBe(true);
          return descendants(table).filter((element) => element.tagName === 'col').map((col) => getAttribute(col, 'class') ?? '');
        });
        expect(layouts[0]).toHaveLength(5);
        for (const layout of layouts) expect(layout).toEqual(layouts[0]);
      }
    }
  });

  test('a year counts its posts in words: "1 post", "2 posts", and with a counter in Japanese', () => {
    const count = (dist: string, locale: string) => withAttribute(readPage(dist, `/${locale}/archive/`), 'data-archive-year')
      .map((year) => textContent(descendants(year).find((element) => element.tagName === 'small') as Element));
    expect(count(FIXTURE_DIST, 'en')).toEqual(['2 posts', '1 post']);
    expect(count(FIXTURE_DIST, 'ja')).toEqual(['2件', '1件']);
  });

  test('every archive row links to a built post page', () => {
    for (const dist of [SAMPLE_DIST, FIXTURE_DIST]) {
      for (const locale of ['ja', 'en']) {
        const links = readPage(dist, `/${locale}/archive/`).filter((element) => element.tagName === 'a' && getAttribute(element, 'href')?.includes('/posts/'));
        expect(links.length).toBeGreaterThan(0);
        for (const link of links) expect(resolveUrlPath(dist, getAttribute(link, 'href') ?? '')).toBeDefined();
      }
    }
  });
});

describe('topic pages', () => {
  // The fixture plus three ja-only weeklies on small-cap growth, two posts a page: five posts, three pages.
  const root = path.join(TMP, 'issue5-topics');
  const content = path.join(root, 'content');
  const dist = path.join(root, 'dist');
  const expected = ['2026-02-13', '2026-02-06', '2026-01-23', '2026-01-16', '2026-01-09'];

  beforeAll(async () => {
    rmSync(root, { recursive: true, force: true });
    cpSync(FIXTURE_CONTENT, content, { recursive: true });
    const siteFile = path.join(content, 'site.json');
    writeFileSync(siteFile, JSON.stringify({ ...JSON.parse(readFileSync(siteFile, 'utf8')), postsPerPage: 2 }, null, 2));
    for (const date of ['2026-01-23', '2026-01-16', '2026-01-09']) {
      writeFileSync(
        path.join(content, 'posts', 'ja', '2026', `${date}.mdx`),
        ['---', 'kind: weekly', `title: 週報 ${date}`, 'description: ページ送りの確認用。', `date: ${date}`, 'author: テスト', 'topics: [small-cap-growth]', '---', '', '本文。', ''].join('\n'),
      );
    }
    const result = await buildSite({ contentDir: content, outDir: dist });
    if (result.code !== 0) throw new Error(`building the topic-paging site failed:\n${result.stdout}\n${result.stderr}`);
  });

  function readTopicPage(pathname: string) {
    const elements = readPage(dist, pathname);
    const list = withAttribute(elements, 'data-topic-posts')[0];
    const hrefOf = (rel: string) => {
      const link = elements.find((element) => element.tagName === 'a' && getAttribute(element, 'rel') === rel);
      return link && getAttribute(link, 'href');
    };
    return {
      posts: (list ? descendants(list) : [])
        .filter((element) => element.tagName === 'a' && /^\/(ja|en)\/posts\//.test(getAttribute(element, 'href') ?? ''))
        .map((link) => (getAttribute(link, 'href') ?? '').split('/')[3]),
      prev: hrefOf('prev'),
      next: hrefOf('next'),
      alternates: elements
        .filter((element) => element.tagName === 'link' && getAttribute(element, 'hreflang') !== undefined && getAttribute(element, 'type') === undefined)
        .map((element) => [getAttribute(element, 'hreflang'), getAttribute(element, 'href')]),
      title: textContent(elements.find((element) => element.tagName === 'title') as Element),
    };
  }

  test('a topic is paginated postsPerPage at a time, newest first, each post on exactly one page', () => {
    for (const locale of ['ja', 'en']) {
      const base = `/${locale}/topics/small-cap-growth/`;
      const pages = [base, `${base}2/`, `${base}3/`].map(readTopicPage);
      expect(pages.map((page) => page.posts.length)).toEqual([2, 2, 1]);
      expect(pages.flatMap((page) => page.posts)).toEqual(expected);
      expect(pages.map((page) => [page.prev, page.next])).toEqual([
        [undefined, `${base}2/`],
        [base, `${base}3/`],
        [`${base}2/`, undefined],
      ]);
      expect(resolveUrlPath(dist, `${base}4/`)).toBeUndefined();
    }
  });

  test('later pages have their own title and hreflang alternates that point at the same page in the other language', () => {
    const page = readTopicPage('/en/topics/small-cap-growth/2/');
    expect(page.title).toBe('Topic: Small-cap growth (Page 2 of 3) | Shūhō: US Small-Cap Growth Weekly');
    expect(page.alternates).toEqual([
      ['ja', 'https://shuho.example/ja/topics/small-cap-growth/2/'],
      ['en', 'https://shuho.example/en/topics/small-cap-growth/2/'],
      ['x-default', 'https://shuho.example/ja/topics/small-cap-growth/2/'],
    ]);
    expect(resolveUrlPath(dist, '/ja/topics/small-cap-growth/2/')).toBeDefined();
  });

  test('a topic with fewer posts than a page has one page and no pager', () => {
    const page = readTopicPage('/ja/topics/china/');
    expect(page.posts).toEqual(['2026-02-13']);
    expect([page.prev, page.next]).toEqual([undefined, undefined]);
  });

  test('the topics index lists topics with posts, the most used first (ties in registry order), linking to their pages', () => {
    const elements = readPage(dist, '/en/topics/');
    const topics = withAttribute(elements, 'data-topic').map((item) => getAttribute(item, 'data-topic'));
    expect(topics).toEqual(['small-cap-growth', 'china', 'valuations']);
    const counts = (locale: string) => withAttribute(readPage(dist, `/${locale}/topics/`), 'data-topic')
      .map((item) => textContent(descendants(descendants(item).find((element) => getAttribute(element, 'class') === 'meta') as Element)[0] as Element));
    expect(counts('en')).toEqual(['5 posts', '1 post', '1 post']);
    expect(counts('ja')).toEqual(['5件', '1件', '1件']);
    for (const topic of topics) expect(resolveUrlPath(dist, `/en/topics/${topic}/`)).toBeDefined();
    expect(resolveUrlPath(dist, '/en/topics/ukraine/')).toBeUndefined();
  });
});
