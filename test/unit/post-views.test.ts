import { describe, expect, test } from 'vitest';
import { getAdjacentPosts, getBrokenPostPages, getPostPage, getPostPages, getPostText } from '../../src/lib/post-views.ts';
import { formatProblems } from '../../src/lib/problems.ts';
import { buildSiteModel, type SitePost } from '../../src/lib/site-model.ts';
import { readEnvironment } from '../../src/site/environment.ts';
import { readContentFiles } from '../../src/site/read-content.ts';
import { FIXTURE_CONTENT, ROOT, TEST_NOW } from '../helpers/build-site.ts';

const { model, problems } = buildSiteModel(readContentFiles(readEnvironment({ SHUHO_CONTENT_DIR: FIXTURE_CONTENT }, ROOT)), { now: new Date(TEST_NOW), includeDrafts: false });
if (!model) throw new Error(formatProblems(problems));
const bySlug = (slug: string): SitePost => {
  const post = model.posts.find((candidate) => candidate.slug === slug);
  if (!post) throw new Error(`no post ${slug}`);
  return post;
};

describe('getPostPages', () => {
  test('every visible post gets a page in both languages', () => {
    const pages = getPostPages(model.visiblePosts);
    expect(pages.map((page) => `${page.locale}/${page.post.slug}${page.isFallback ? ' (fallback)' : ''}`)).toEqual([
      'ja/2026-02-13',
      'en/2026-02-13',
      'ja/2026-02-06',
      'en/2026-02-06 (fallback)',
      'ja/2025-12-05-fixture-charts',
      'en/2025-12-05-fixture-charts',
    ]);
  });
  test('a fallback page shows the Japanese source file', () => {
    const page = getPostPage(bySlug('2026-02-06'), 'en');
    expect(page.isFallback).toBe(true);
    expect(page.file.locale).toBe('ja');
    expect(page.file.entryId).toBe('ja/2026/2026-02-06');
  });
  test('a translated page shows the translation', () => {
    const page = getPostPage(bySlug('2026-02-13'), 'en');
    expect(page.isFallback).toBe(false);
    expect(page.file.entryId).toBe('en/2026/2026-02-13');
  });
});

describe('getPostText', () => {
  test('gives the title in the page language, or the Japanese one marked ja', () => {
    expect(getPostText(bySlug('2026-02-13'), 'en')).toMatchObject({ title: 'Fixture weekly, February 13', lang: 'en' });
    expect(getPostText(bySlug('2026-02-06'), 'en')).toMatchObject({ title: 'フィクスチャ週報 2月6日(日本語のみ)', lang: 'ja' });
  });
});

describe('getAdjacentPosts', () => {
  test('links posts of the same kind, older as previous', () => {
    const { previous, next } = getAdjacentPosts(model.visiblePosts, bySlug('2026-02-13'));
    expect(previous?.slug).toBe('2026-02-06');
    expect(next).toBeUndefined();
    const older = getAdjacentPosts(model.visiblePosts, bySlug('2026-02-06'));
    expect(older.previous).toBeUndefined();
    expect(older.next?.slug).toBe('2026-02-13');
  });
  test('never links a draft or a future post', () => {
    const slugs = model.visiblePosts.flatMap((post) => {
      const { previous, next } = getAdjacentPosts(model.visiblePosts, post);
      return [previous?.slug, next?.slug];
    });
    expect(slugs).not.toContain('2026-01-30');
    expect(slugs).not.toContain('2026-09-04-future-outlook');
  });
});

describe('getBrokenPostPages', () => {
  const problem = (file: string, message: string) => ({ file, message });
  test('a source\'s problems break both its pages, a translation\'s only its own, a data file\'s none', () => {
    const pages = getBrokenPostPages([
      problem('content/posts/ja/2026/2026-02-13.mdx', 'a'),
      problem('content/posts/en/2026/2026-02-13.mdx', 'b'),
      problem('content/posts/en/2025/2025-10-10-q3.mdx', 'c'),
      problem('content/data/closes.csv', 'd'),
    ]);
    expect(pages.map((page) => `${page.locale}/${page.slug}: ${page.problems.map((item) => item.message).join(' ')}`)).toEqual([
      'ja/2026-02-13: a',
      'en/2026-02-13: a b',
      'en/2025-10-10-q3: c',
    ]);
  });
});
