import { describe, expect, test } from 'vitest';
import { countStatuses, formatTranslationTable, getPublicationState, getTranslationRows } from '../../src/lib/check-report.ts';
import type { SitePost } from '../../src/lib/site-model.ts';
import type { TranslationStatus } from '../../src/lib/translations.ts';
import { makeModel } from '../helpers/model.ts';

const NOW = new Date('2026-02-14T00:00:00Z');

function withStatus(post: SitePost, translationStatus: TranslationStatus, drop = false): SitePost {
  return { ...post, translationStatus, ...(drop ? { translation: undefined } : {}) };
}

describe('getPublicationState', () => {
  test('tells drafts, scheduled and published posts apart at a given now', () => {
    expect(getPublicationState({ draft: true, date: '2026-02-13' }, NOW)).toBe('draft');
    expect(getPublicationState({ draft: false, date: '2026-02-20' }, NOW)).toBe('scheduled');
    expect(getPublicationState({ draft: false, date: '2026-02-13', publishAt: '2026-02-14T09:00:00+09:00' }, NOW)).toBe('published');
    expect(getPublicationState({ draft: false, date: '2026-02-13', publishAt: '2026-02-14T09:00:01+09:00' }, NOW)).toBe('scheduled');
    expect(getPublicationState({ draft: false, date: '2026-02-13' }, NOW)).toBe('published');
  });
});

describe('translation table', () => {
  const model = makeModel([
    { date: '2026-02-13', topics: ['small-cap-growth'] },
    { date: '2026-02-06', topics: ['small-cap-growth'] },
    { date: '2026-01-30', topics: ['small-cap-growth'], locales: ['ja'] },
    { date: '2025-10-10', slug: 'q3-small-caps', topics: ['valuations'], locales: ['ja'], draft: true },
  ]);
  const [latest, previous, january, feature] = model.posts as [SitePost, SitePost, SitePost, SitePost];
  const posts = [withStatus(latest, 'stale'), withStatus(previous, 'translated'), january, feature];
  const rows = getTranslationRows(posts, NOW);

  test('has a row per source post, newest first, with what to do', () => {
    expect(rows.map((row) => [row.slug, row.status, row.state])).toEqual([
      ['2026-02-13', 'stale', 'published'],
      ['2026-02-06', 'translated', 'published'],
      ['2026-01-30', 'missing', 'published'],
      ['2025-10-10-q3-small-caps', 'missing', 'draft'],
    ]);
    expect(rows[0]?.action).toBe('the Japanese source changed after translation: update it, then npm run translated -- content/posts/en/2026/2026-02-13.mdx');
    expect(rows[1]?.action).toBe('');
    expect(rows[2]?.action).toBe('npm run new -- weekly 2026-01-30 --en');
    expect(rows[3]?.action).toBe('npm run new -- feature 2025-10-10 q3-small-caps --en');
    expect(rows[2]?.translationFile).toBe('content/posts/en/2026/2026-01-30.mdx');
  });

  test('counts each status', () => {
    expect(countStatuses(rows)).toEqual({ stale: 1, untracked: 0, missing: 2, translated: 1 });
  });

  test('lists only the posts that need work, or every post with all', () => {
    expect(formatTranslationTable(rows, { all: false })).toMatchInlineSnapshot(`
      "Translations of 4 posts: 1 stale, 0 untracked, 2 missing, 1 translated

      status   post                      state      what to do
      stale    2026-02-13                published  the Japanese source changed after translation: update it, then npm run translated -- content/posts/en/2026/2026-02-13.mdx
      missing  2026-01-30                published  npm run new -- weekly 2026-01-30 --en
      missing  2025-10-10-q3-small-caps  draft      npm run new -- feature 2025-10-10 q3-small-caps --en"
    `);
    expect(formatTranslationTable(rows, { all: true }).split('\n')).toHaveLength(3 + 4);
  });

  test('says so when every translation is up to date', () => {
    expect(formatTranslationTable(rows.slice(1, 2), { all: false })).toBe('Translations of 1 post: 0 stale, 0 untracked, 0 missing, 1 translated\nEvery translation is up to date.');
    expect(formatTranslationTable([], { all: false })).toBe('Translations of 0 posts: 0 stale, 0 untracked, 0 missing, 0 translated');
  });
});
