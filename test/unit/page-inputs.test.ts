import { describe, expect, test } from 'vitest';
import { cacheKeyOf, compareInputs, describeInputChanges, postPageInputs, type PostPageInputs } from '../../src/lib/page-inputs.ts';
import { getPostPage } from '../../src/lib/post-views.ts';
import type { SiteModel } from '../../src/lib/site-model.ts';
import { TEST_TOPICS } from '../helpers/content.ts';
import { makeModel, type PostSpec } from '../helpers/model.ts';

const topic = TEST_TOPICS[0]?.id ?? 'small-cap-growth';
const WEEKS = ['2026-01-16', '2026-01-23', '2026-01-30', '2026-02-06', '2026-02-13'];
const posts = (change: (spec: PostSpec) => PostSpec = (spec) => spec): PostSpec[] => WEEKS.map((date) => change({ date, topics: [topic] }));

/** The inputs of every post page of a model, by `<locale>/<slug>`. */
function inputsOf(model: SiteModel): Record<string, PostPageInputs> {
  const pages: Record<string, PostPageInputs> = {};
  for (const post of model.visiblePosts) {
    for (const locale of ['ja', 'en'] as const) pages[`${locale}/${post.slug}`] = postPageInputs(model, getPostPage(post, locale), []);
  }
  return pages;
}

/** Pages whose cache key differs between two models, with the inputs that changed. */
function changedPages(before: SiteModel, after: SiteModel): string[] {
  const changes = compareInputs(inputsOf(before), inputsOf(after));
  return [...changes.added.map((page) => `${page}: new`), ...changes.changed.map(({ page, inputs }) => `${page}: ${inputs.join(', ')}`)].sort();
}

describe('postPageInputs', () => {
  const base = makeModel(posts());

  test('the same content gives the same key', () => {
    const again = makeModel(posts());
    expect(changedPages(base, again)).toEqual([]);
    const page = (model: SiteModel) => getPostPage(model.visiblePosts[0] as NonNullable<SiteModel['visiblePosts'][0]>, 'ja');
    expect(cacheKeyOf(postPageInputs(again, page(again), ['a']))).toBe(cacheKeyOf(postPageInputs(base, page(base), ['a'])));
  });

  test('next week\'s post changes only last week\'s pages, through their pager and related list', () => {
    const published = makeModel([...posts(), { date: '2026-02-20', topics: [topic] }]);
    expect(changedPages(base, published)).toEqual([
      'en/2026-02-06: related',
      'en/2026-02-13: neighbours, related',
      'en/2026-02-20: new',
      'ja/2026-02-06: related',
      'ja/2026-02-13: neighbours, related',
      'ja/2026-02-20: new',
    ]);
  });

  test('a title changes the post\'s own pages and the pages that show it, by pager or related list', () => {
    const retitled = makeModel(posts((spec) => (spec.date === '2026-01-30' ? { ...spec, title: 'Renamed' } : spec)));
    const changed = changedPages(base, retitled);
    expect(changed).toContain('ja/2026-01-30: post');
    expect(changed).toContain('en/2026-01-30: post');
    expect(changed.filter((line) => line.startsWith('ja/2026-01-23:'))).toEqual(['ja/2026-01-23: neighbours, related']);
  });

  test('a missing translation changes both pages of the post, and the English pages that link it', () => {
    const untranslated = makeModel(posts((spec) => (spec.date === '2026-01-30' ? { ...spec, locales: ['ja'] } : spec)));
    const changed = changedPages(base, untranslated);
    // The English page becomes a fallback with the Japanese title; the Japanese page loses its switch target.
    expect(changed.filter((line) => line.includes('2026-01-30'))).toEqual(['en/2026-01-30: post', 'ja/2026-01-30: post']);
    expect(changed).toContain('en/2026-01-23: neighbours, related');
    expect(changed.filter((line) => line.startsWith('ja/') && !line.includes('2026-01-30'))).toEqual([]);
  });

  test('a chart\'s content hash changes only the page that draws it', () => {
    const post = base.visiblePosts[0];
    if (!post) throw new Error('no post');
    const before = postPageInputs(base, getPostPage(post, 'en'), ['chart-a']);
    const after = postPageInputs(base, getPostPage(post, 'en'), ['chart-b']);
    expect(compareInputs({ page: before }, { page: after }).changed).toEqual([{ page: 'page', inputs: ['charts'] }]);
  });

  test('the registry is an input of every page', () => {
    const renamed = makeModel(posts(), undefined, { site: { title: { ja: '別の題', en: 'Another title' } } });
    const changed = changedPages(base, renamed);
    expect(changed).toHaveLength(WEEKS.length * 2);
    expect(changed.every((line) => line.endsWith(': site'))).toBe(true);
  });
});

describe('describeInputChanges', () => {
  test('counts new, changed (by input) and unchanged pages', () => {
    expect(describeInputChanges({
      added: ['/ja/posts/b/', '/en/posts/b/'],
      changed: [{ page: '/ja/posts/a/', inputs: ['neighbours', 'related'] }, { page: '/en/posts/a/', inputs: ['neighbours'] }],
      removed: [],
      unchanged: 1272,
    })).toBe('2 new, 2 with changed inputs (neighbours 2, related 1), 1272 unchanged');
  });
});
