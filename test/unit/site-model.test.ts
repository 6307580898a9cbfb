import { describe, expect, test } from 'vitest';
import { formatProblems } from '../../src/lib/problems.ts';
import { hashSource, normaliseText, type ContentFiles } from '../../src/lib/content-files.ts';
import { buildSiteModel } from '../../src/lib/site-model.ts';
import { isPublished, type Visibility } from '../../src/lib/visibility.ts';
import { readEnvironment } from '../../src/site/environment.ts';
import { readContentFiles } from '../../src/site/read-content.ts';
import { FIXTURE_CONTENT, ROOT, TEST_NOW } from '../helpers/build-site.ts';

const FIXTURE = readContentFiles(readEnvironment({ SHUHO_CONTENT_DIR: FIXTURE_CONTENT }, ROOT));
const PRODUCTION: Visibility = { now: new Date(TEST_NOW), includeDrafts: false };
const POSTS = 'test/fixtures/site/content/posts';

/** The fixture with posts added or replaced (by path below posts/) and others removed. */
function edit(changes: Record<string, string | null>, base: ContentFiles = FIXTURE): ContentFiles {
  const kept = base.posts.filter((post) => !(post.relativePath in changes));
  const added = Object.entries(changes).flatMap(([relativePath, text]) =>
    text === null ? [] : [{ path: `${POSTS}/${relativePath}`, relativePath, text }],
  );
  return { ...base, posts: [...kept, ...added] };
}

/** The text of a fixture post with `from` replaced by `to` (which must occur). */
function rewrite(relativePath: string, from: string, to: string): string {
  const text = FIXTURE.posts.find((post) => post.relativePath === relativePath)?.text ?? '';
  if (!text.includes(from)) throw new Error(`${relativePath} does not contain ${from}`);
  return text.replace(from, to);
}

function problemsOf(files: ContentFiles): string {
  const { model, problems } = buildSiteModel(files, PRODUCTION);
  if (problems.length === 0) throw new Error('expected problems');
  expect(model).toBeUndefined();
  return formatProblems(problems);
}

const WEEKLY = (date: string, extra = '') => `---
kind: weekly
title: 週報
description: 説明
date: ${date}
author: 編集部
topics: [small-cap-growth]
${extra}---

本文
`;

describe('buildSiteModel on the fixture site', () => {
  const { model, problems } = buildSiteModel(FIXTURE, PRODUCTION);

  test('validates without problems', () => {
    expect(formatProblems(problems)).toBe('');
    expect(model).toBeDefined();
  });

  test('lists every source post newest first, with its translation and status', () => {
    expect(model?.posts.map((post) => [post.id, post.slug, post.kind, post.translationStatus, post.isVisible])).toEqual([
      ['2026/2026-09-04-future-outlook', '2026-09-04-future-outlook', 'feature', 'missing', false],
      ['2026/2026-02-13', '2026-02-13', 'weekly', 'untracked', true],
      ['2026/2026-02-06', '2026-02-06', 'weekly', 'missing', true],
      ['2026/2026-01-30', '2026-01-30', 'weekly', 'missing', false],
      ['2025/2025-12-05-fixture-charts', '2025-12-05-fixture-charts', 'feature', 'untracked', true],
    ]);
  });

  test('hides drafts and posts dated after now', () => {
    expect(model?.visiblePosts.map((post) => post.slug)).toEqual(['2026-02-13', '2026-02-06', '2025-12-05-fixture-charts']);
  });

  test('a dev build shows drafts and future posts', () => {
    const dev = buildSiteModel(FIXTURE, { ...PRODUCTION, includeDrafts: true });
    expect(dev.model?.visiblePosts).toHaveLength(5);
  });

  test('computes the week\'s figures once, from data up to the post\'s date', () => {
    const post = model?.posts.find((candidate) => candidate.slug === '2026-02-13');
    const r2g = post?.figures?.indices['russell2000growth'];
    expect(r2g?.close).toBe(1709.95);
    expect(r2g?.change.toFixed(2)).toBe('-24.27');
    expect(r2g?.changePercent.toFixed(2)).toBe('-1.40');
    expect(post?.figures?.indices['sp500']?.changePercent.toFixed(2)).toBe('-1.39');
    expect(post?.figures?.indices['djia']?.changePercent.toFixed(2)).toBe('-1.23');
    expect(post?.figures?.relative?.ratio.toFixed(2)).toBe('25.01');
    expect(post?.figures?.relative?.deviation?.toFixed(2)).toBe('0.37');
  });

  test('features without market data have no figures; their charts and risks are carried', () => {
    const feature = model?.posts.find((post) => post.kind === 'feature' && post.isVisible);
    expect(feature?.figures).toBeUndefined();
    expect(feature?.charts.map((chart) => chart.id)).toEqual(['fixture-bars']);
    expect(model?.posts.find((post) => post.slug === '2026-02-13')?.risks.map((risk) => risk.topic)).toEqual(['china-economy', 'ukraine']);
  });

  test('the series merges closes.csv and post closes', () => {
    expect(model?.series.get('sp500')?.find((o) => o.date === '2026-02-13')?.close).toBe(6836.17);
    expect(model?.ratio.find((point) => point.date === '2026-02-13')?.ratio.toFixed(2)).toBe('25.01');
  });
});

describe('content problems, each naming file and field', () => {
  test('a post close that disagrees with closes.csv names both places', () => {
    const files = edit({ 'ja/2026/2026-02-13.mdx': rewrite('ja/2026/2026-02-13.mdx', 'close: 6836.17', 'close: 6863.17') });
    expect(problemsOf(files)).toContain(
      'test/fixtures/site/content/posts/ja/2026/2026-02-13.mdx has',
    );
    expect(problemsOf(files)).toMatch(
      /indices\.sp500\.close \(line 13\): sp500 closes at 6863\.17 on 2026-02-13 here, but at 6836\.17 in test\/fixtures\/site\/content\/data\/closes\.csv line \d+\./,
    );
  });

  test('a stated figure that disagrees fails with stated, computed and formula', () => {
    const files = edit({ 'ja/2026/2026-02-13.mdx': rewrite('ja/2026/2026-02-13.mdx', 'ratio: 25.01', 'ratio: 25.10') });
    expect(problemsOf(files)).toMatchInlineSnapshot(`
      "test/fixtures/site/content/posts/ja/2026/2026-02-13.mdx has a problem:
        - relative.ratio (line 15): states 25.10%, computed 25.01% (1709.95 / 6836.17 × 100 = 25.0133%). Fix the closes or the stated figure."
    `);
  });

  test('a translation whose figures differ from its source fails', () => {
    const files = edit({
      'en/2026/2026-02-13.mdx': rewrite('en/2026/2026-02-13.mdx', 'topics: [small-cap-growth, china]\n', 'topics: [small-cap-growth, china]\nindices:\n  russell2000growth:\n    changePercent: -1.39\nrelative:\n  ratio: 25.0\n'),
    });
    expect(problemsOf(files)).toMatchInlineSnapshot(`
      "test/fixtures/site/content/posts/en/2026/2026-02-13.mdx has 3 problems:
        - indices.russell2000growth.changePercent (line 10): states -1.39, but its source test/fixtures/site/content/posts/ja/2026/2026-02-13.mdx states -1.4. A translation inherits its figures: remove this one or make it identical.
        - relative.ratio (line 12): states 25, but its source test/fixtures/site/content/posts/ja/2026/2026-02-13.mdx states 25.01. A translation inherits its figures: remove this one or make it identical.
        - indices.russell2000growth.changePercent (line 10): states -1.39%, computed -1.40% ((1709.95 − 1734.22) / 1734.22 × 100 = -1.3995%). Fix the closes or the stated figure."
    `);
  });

  test('a translation stating a close its source leaves to closes.csv must match the series', () => {
    const withClose = (close: string) => edit({
      'en/2026/2026-02-13.mdx': rewrite('en/2026/2026-02-13.mdx', 'topics: [small-cap-growth, china]\n', `topics: [small-cap-growth, china]\nindices:\n  djia:\n    close: ${close}\n`),
    });
    expect(problemsOf(withClose('49500.39'))).toContain('indices.djia.close (line 10): states 49500.39, but the close of djia on 2026-02-13 is 49500.93.');
    expect(buildSiteModel(withClose('49500.93'), PRODUCTION).problems).toEqual([]);
  });

  test('a translation may repeat its source\'s figures exactly', () => {
    const files = edit({
      'en/2026/2026-02-13.mdx': rewrite('en/2026/2026-02-13.mdx', 'topics: [small-cap-growth, china]\n', 'topics: [small-cap-growth, china]\nindices:\n  russell2000growth:\n    changePercent: -1.40\n'),
    });
    expect(buildSiteModel(files, PRODUCTION).problems).toEqual([]);
  });

  test('a translation with its own date, risks or charts fails', () => {
    const files = edit({
      'en/2025/2025-12-05-fixture-charts.mdx': rewrite('en/2025/2025-12-05-fixture-charts.mdx', 'topics: [valuations]\n', 'topics: [valuations]\nrisks:\n  - topic: ukraine\n    level: high\n    trend: unchanged\n    note: { ja: x }\n'),
    });
    expect(problemsOf(files)).toContain('risks (line 8): is set in a translation. The risk watch lives in the source');
  });

  test('a translation without a Japanese source is an orphan', () => {
    const files = edit({ 'en/2026/2026-02-20.mdx': WEEKLY('2026-02-20') });
    expect(problemsOf(files)).toMatchInlineSnapshot(`
      "test/fixtures/site/content/posts/en/2026/2026-02-20.mdx has a problem:
        - is a translation with no Japanese source (expected test/fixtures/site/content/posts/ja/2026/2026-02-20.mdx). Rename the file to match its source, or add the source."
    `);
  });

  test('two weekly posts in one week fail', () => {
    const files = edit({ 'ja/2026/2026-02-12.mdx': WEEKLY('2026-02-12') });
    expect(problemsOf(files)).toMatchInlineSnapshot(`
      "test/fixtures/site/content/posts/ja/2026/2026-02-12.mdx has 3 problems:
        - date (line 5): 2026-02-12 is in the same week as test/fixtures/site/content/posts/ja/2026/2026-02-13.mdx. One weekly post per week: merge them or change the date.
        - date (line 5): is 2026-02-12, but the russell2000growth close of that week is dated 2026-02-13. A weekly post is dated on the day of the last close it discusses: correct the date or the close.
        - date (line 5): is 2026-02-12, but the sp500 close of that week is dated 2026-02-13. A weekly post is dated on the day of the last close it discusses: correct the date or the close."
    `);
  });

  test('a date that disagrees with the file name, or a file in the wrong year folder, fails', () => {
    expect(problemsOf(edit({ 'ja/2026/2026-02-20.mdx': WEEKLY('2026-02-19') }))).toMatchInlineSnapshot(`
      "test/fixtures/site/content/posts/ja/2026/2026-02-20.mdx has a problem:
        - date (line 5): is 2026-02-19, but the file name says 2026-02-20. Rename the file or correct the date."
    `);
    expect(problemsOf(edit({ 'ja/2025/2026-02-20.mdx': WEEKLY('2026-02-20') }))).toContain('is in the folder 2025 but dated 2026-02-20. Move it to the 2026 folder.');
  });

  test('a weekly post named like a feature, and the reverse, fail', () => {
    expect(problemsOf(edit({ 'ja/2026/2026-02-20-outlook.mdx': WEEKLY('2026-02-20') }))).toContain('kind (line 2): is "weekly", but the file name has a slug after the date.');
  });

  test('a file outside the post layout, an empty file and a file without frontmatter fail', () => {
    expect(problemsOf(edit({ 'ja/2026/feb-20.mdx': WEEKLY('2026-02-20') }))).toContain('is not where a post can be.');
    expect(problemsOf(edit({ 'ja/2026/2026-02-20.mdx': '' }))).toContain('is empty.');
    expect(problemsOf(edit({ 'ja/2026/2026-02-20.mdx': '# no frontmatter\n' }))).toContain('(line 1): has no frontmatter.');
  });

  test('invalid YAML gives the line', () => {
    expect(problemsOf(edit({ 'ja/2026/2026-02-20.mdx': '---\nkind: weekly\ntitle: [unclosed\n---\n' }))).toMatch(/\(line \d\): has frontmatter that is not valid YAML/);
  });

  test('a weekly post needs the ratio\'s closes in its week', () => {
    // 2026-04-10 is after the fixture's closes end (2026-03-27).
    expect(problemsOf(edit({ 'ja/2026/2026-04-10.mdx': WEEKLY('2026-04-10') }))).toContain('indices: has no russell2000growth close for the week ending 2026-04-10 (the post is dated 2026-04-10)');
  });

  test('a schema problem in a post names the file, field and line', () => {
    const files = edit({ 'ja/2026/2026-02-13.mdx': rewrite('ja/2026/2026-02-13.mdx', 'close: 1709.95', 'close: "1,709.95"') });
    expect(problemsOf(files)).toContain('indices.russell2000growth.close (line 10): expected a positive number, received "1,709.95" (a string). Write 1709.95 without the comma.');
  });

  test('every problem across files is reported at once', () => {
    const files = edit({
      'ja/2026/2026-02-13.mdx': rewrite('ja/2026/2026-02-13.mdx', 'ratio: 25.01', 'ratio: 25.10'),
      'en/2026/2026-02-20.mdx': WEEKLY('2026-02-20'),
    });
    const { problems } = buildSiteModel(files, PRODUCTION);
    expect(new Set(problems.map((problem) => problem.file)).size).toBe(2);
  });

  test('registry problems: unknown ratio index and duplicate ids', () => {
    const site = { ...FIXTURE.site, text: FIXTURE.site.text.replace('"numerator": "russell2000growth"', '"numerator": "russell2000"') };
    const topics = { ...FIXTURE.topics, text: FIXTURE.topics.text.replace('"id": "china"', '"id": "ukraine"') };
    const text = problemsOf({ ...FIXTURE, site, topics });
    expect(text).toContain('ratio.numerator: unknown index "russell2000"; expected one of russell2000growth, sp500, djia.');
    expect(text).toContain('ukraine: id "ukraine" is listed twice.');
  });

  test('invalid JSON in a data file is reported with the file', () => {
    expect(problemsOf({ ...FIXTURE, indices: { ...FIXTURE.indices, text: '[{' } })).toMatch(/indices\.json has a problem:\n {2}- \(line 1\): is not valid JSON: the file ends before every { and \[ in it is closed/);
  });
});

describe('line endings and byte-order marks', () => {
  test('a post saved with CRLF and a BOM parses like the original', () => {
    const original = FIXTURE.posts.find((post) => post.relativePath === 'ja/2026/2026-02-13.mdx')?.text ?? '';
    const windows = `\uFEFF${original.replaceAll('\n', '\r\n')}`;
    const { model, problems } = buildSiteModel(edit({ 'ja/2026/2026-02-13.mdx': windows }), PRODUCTION);
    expect(problems).toEqual([]);
    const post = model?.posts.find((candidate) => candidate.slug === '2026-02-13');
    expect(post?.source.frontmatter.title).toBe('フィクスチャ週報 2月13日');
    expect(post?.source.hash).toBe(hashSource(original));
  });
  test('a CRLF closes.csv parses', () => {
    const closes = { ...FIXTURE.closes, text: `\uFEFF${FIXTURE.closes.text.replaceAll('\n', '\r\n')}` };
    expect(buildSiteModel({ ...FIXTURE, closes }, PRODUCTION).problems).toEqual([]);
  });
  test('normaliseText strips the BOM and turns CRLF and CR into LF', () => {
    expect(normaliseText('\uFEFFa\r\nb\rc\n')).toBe('a\nb\nc\n');
  });
});

describe('translation status', () => {
  test('a translation that records its source\'s hash is translated; an edited source makes it stale', () => {
    const source = FIXTURE.posts.find((post) => post.relativePath === 'ja/2026/2026-02-13.mdx')?.text ?? '';
    const withHash = rewrite('en/2026/2026-02-13.mdx', 'author: Test desk\n', `author: Test desk\ntranslatedFrom: ${hashSource(source)}\n`);
    const fresh = buildSiteModel(edit({ 'en/2026/2026-02-13.mdx': withHash }), PRODUCTION);
    expect(fresh.model?.posts.find((post) => post.slug === '2026-02-13')?.translationStatus).toBe('translated');
    const edited = edit({ 'en/2026/2026-02-13.mdx': withHash, 'ja/2026/2026-02-13.mdx': `${source}\n追記。\n` });
    expect(buildSiteModel(edited, PRODUCTION).model?.posts.find((post) => post.slug === '2026-02-13')?.translationStatus).toBe('stale');
  });
  test('a draft translation is not shown: the English page falls back to the source', () => {
    const draft = rewrite('en/2026/2026-02-13.mdx', 'author: Test desk\n', 'author: Test desk\ndraft: true\n');
    const post = buildSiteModel(edit({ 'en/2026/2026-02-13.mdx': draft }), PRODUCTION).model?.posts.find((candidate) => candidate.slug === '2026-02-13');
    expect(post?.translation).toBeUndefined();
    expect(post?.isVisible).toBe(true);
  });
});

describe('isPublished', () => {
  const now = new Date('2026-02-14T00:30:00Z');
  test('drafts wait; a post dated today or earlier is out', () => {
    expect(isPublished({ draft: true, date: '2026-02-13', publishAt: undefined }, { now, includeDrafts: false })).toBe(false);
    expect(isPublished({ draft: false, date: '2026-02-13', publishAt: undefined }, { now, includeDrafts: false })).toBe(true);
    expect(isPublished({ draft: false, date: '2026-02-16', publishAt: undefined }, { now, includeDrafts: false })).toBe(false);
  });
  test('publishAt is an instant, compared in UTC', () => {
    // 09:00 in Tokyo on the 14th is 00:00 UTC: published at 00:30 UTC.
    expect(isPublished({ draft: false, date: '2026-02-13', publishAt: '2026-02-14T09:00:00+09:00' }, { now, includeDrafts: false })).toBe(true);
    expect(isPublished({ draft: false, date: '2026-02-13', publishAt: '2026-02-14T10:00:00+09:00' }, { now, includeDrafts: false })).toBe(false);
  });
  test('dev shows everything', () => {
    expect(isPublished({ draft: true, date: '2099-01-02', publishAt: undefined }, { now, includeDrafts: true })).toBe(true);
  });
});

/** The fixture with closes.csv rows of the given weeks removed. */
function withoutWeeks(files: ContentFiles, weeks: readonly string[]): ContentFiles {
  const text = files.closes.text.split('\n').filter((line) => !weeks.some((week) => line.startsWith(`${week},`))).join('\n');
  return { ...files, closes: { ...files.closes, text } };
}

describe('figures follow the calendar', () => {
  test('a missing previous week fails the weekly post, naming the index, the week and the fix', () => {
    // The post of 2026-02-06 states two of its closes; its sp500 close lives in closes.csv only.
    const problems = problemsOf(withoutWeeks(FIXTURE, ['2026-02-06']));
    expect(problems).toContain('indices.sp500 (line 12): has no sp500 close for the previous week, ending 2026-02-06, so the change on the week cannot be computed. Import that week with npm run data:import (the change is never taken from an older week).');
    expect(problems).toContain('1 of them have none (the week ending 2026-02-06)');
  });

  test('a gap far from any post builds, and the moving average says which weeks it lacks', () => {
    const { model, problems } = buildSiteModel(withoutWeeks(FIXTURE, ['2025-06-06']), PRODUCTION);
    expect(problems).toEqual([]);
    expect(model?.series.get('sp500')?.some((observation) => observation.week === '2025-06-06')).toBe(false);
    expect(model?.ratio.find((point) => point.week === '2025-06-13')?.movingAverage).toBeUndefined();
  });

  test('a close dated a day early in an ordinary week is refused, naming both rows', () => {
    const files = { ...FIXTURE, closes: { ...FIXTURE.closes, text: FIXTURE.closes.text.replace(/^2025-06-06,sp500,/m, '2025-06-05,sp500,') } };
    expect(problemsOf(files)).toMatch(/\(line \d+\): sp500 closes the week ending 2025-06-06 on 2025-06-05, but djia closes it on 2025-06-06 \(test\/fixtures\/site\/content\/data\/closes\.csv line \d+\)/);
  });

  test('a post dated on another day than its week\'s closes is refused', () => {
    expect(problemsOf(edit({ 'ja/2026/2026-03-26.mdx': WEEKLY('2026-03-26') }))).toContain('date (line 5): is 2026-03-26, but the russell2000growth close of that week is dated 2026-03-27.');
  });
});

describe('dates are checked as written', () => {
  test('an impossible date is refused, never turned into another day', () => {
    expect(problemsOf(edit({ 'ja/2026/2026-02-20.mdx': WEEKLY('2026-02-20', 'updated: 2026-02-30\n') }))).toContain('updated (line 8): expected a real date written YYYY-MM-DD, received "2026-02-30" (a string).');
  });

  test('an unquoted publishAt without an offset is read in the site\'s time zone', () => {
    const { model } = buildSiteModel(edit({ 'ja/2026/2026-02-13.mdx': rewrite('ja/2026/2026-02-13.mdx', 'topics:', 'publishAt: 2026-02-14 09:00\ntopics:') }), PRODUCTION);
    expect(model?.posts.find((post) => post.slug === '2026-02-13')?.source.frontmatter.publishAt).toBe('2026-02-14T00:00:00.000Z');
  });
});

describe('what is and is not a post', () => {
  test('a post with an upper-case extension is refused with the name to use', () => {
    expect(problemsOf(edit({ 'ja/2026/2026-02-20.MDX': WEEKLY('2026-02-20') }))).toContain('ends in .MDX, so the build would leave it out. A post\'s file name ends in .mdx, in lower case: rename it to 2026-02-20.mdx.');
  });

  test('editor and system files are ignored with a note', () => {
    const { problems, notes } = buildSiteModel({ ...FIXTURE, otherPostFiles: [{ relativePath: 'ja/2026/.#2026-02-13.mdx', path: `${POSTS}/ja/2026/.#2026-02-13.mdx` }] }, PRODUCTION);
    expect(problems).toEqual([]);
    expect(notes.map((note) => `${note.file} ${note.message}`)).toEqual([`${POSTS}/ja/2026/.#2026-02-13.mdx is not a post (an editor, system or other file) and was ignored.`]);
  });

  test('a component named in a comment, code or inline code is text: the weekly post keeps its automatic charts', () => {
    const body = '{/* <Chart name="rebased" /> */}\n\n`<Chart name="rebased" />`\n';
    const { model } = buildSiteModel(edit({ 'ja/2026/2026-02-13.mdx': `${FIXTURE.posts.find((post) => post.relativePath === 'ja/2026/2026-02-13.mdx')?.text ?? ''}\n${body}` }), PRODUCTION);
    expect(model?.posts.find((post) => post.slug === '2026-02-13')?.source.components.filter((use) => use.name === 'Chart')).toEqual([]);
  });

  test('a bad component in a body fails the model, as in the build', () => {
    expect(problemsOf(edit({ 'ja/2026/2026-03-20.mdx': `${WEEKLY('2026-03-20')}\n<Chart name="nope" />\n` })))
      .toContain('body (line 12): <Chart name="nope" />: no such chart; this post has relative-strength, rebased, weekly-change.');
    expect(problemsOf(edit({ 'ja/2026/2026-03-20.mdx': `${WEEKLY('2026-03-20')}\n<Chart name={chart} />\n` })))
      .toContain('body (line 12): <Chart name={chart} />: the attribute is computed.');
  });
});

describe('the site without its broken posts, for the dev server', () => {
  test('leaves out a post with problems of its own and keeps the rest', () => {
    const files = edit({ 'ja/2026/2026-02-13.mdx': rewrite('ja/2026/2026-02-13.mdx', 'ratio: 25.01', 'ratio: 25.10') });
    const { model, soundModel } = buildSiteModel(files, PRODUCTION);
    expect(model).toBeUndefined();
    expect(soundModel?.posts.map((post) => post.slug)).not.toContain('2026-02-13');
    expect(soundModel?.posts.map((post) => post.slug)).toContain('2026-02-06');
  });

  test('is undefined when a data file has a problem: every page depends on it', () => {
    const files = { ...FIXTURE, closes: { ...FIXTURE.closes, text: FIXTURE.closes.text.replace('2026-02-13,sp500,6836.17', '2026-02-13,sp500,x') } };
    expect(buildSiteModel(files, PRODUCTION).soundModel).toBeUndefined();
  });
});

describe('standing pages in the model', () => {
  test('the fixture\'s pages, read from content/pages: about translated, disclosures and data sources in Japanese only', () => {
    const { model } = buildSiteModel(FIXTURE, PRODUCTION);
    expect(model?.pages.map((page) => [page.name, page.source.file, page.translation?.file])).toEqual([
      ['about', 'test/fixtures/site/content/pages/ja/about.mdx', 'test/fixtures/site/content/pages/en/about.mdx'],
      ['disclosures', 'test/fixtures/site/content/pages/ja/disclosures.mdx', undefined],
      ['data-sources', 'test/fixtures/site/content/pages/ja/data-sources.mdx', undefined],
    ]);
  });

  test('a site without content/pages has none', () => {
    const { pages: _, ...withoutPages } = FIXTURE;
    expect(buildSiteModel(withoutPages, PRODUCTION).model?.pages).toEqual([]);
  });

  test('a page with a problem stops the build, and the dev server too: every footer links it', () => {
    const pages = (FIXTURE.pages ?? []).map((page) => (page.relativePath === 'en/about.mdx' ? { ...page, text: page.text.replace(/^description: .*$/m, '') } : page));
    const { model, soundModel, problems } = buildSiteModel({ ...FIXTURE, pages }, PRODUCTION);
    expect(formatProblems(problems)).toBe('test/fixtures/site/content/pages/en/about.mdx has a problem:\n  - description: is required (expected text).');
    expect([model, soundModel]).toEqual([undefined, undefined]);
  });

  test('editor and system files beside the pages are ignored with a note', () => {
    const { problems, notes } = buildSiteModel({ ...FIXTURE, otherPageFiles: [{ relativePath: 'ja/about.mdx~', path: 'test/fixtures/site/content/pages/ja/about.mdx~' }] }, PRODUCTION);
    expect(problems).toEqual([]);
    expect(notes.map((note) => `${note.file} ${note.message}`)).toEqual(['test/fixtures/site/content/pages/ja/about.mdx~ is not a standing page (an editor, system or other file) and was ignored.']);
  });
});
