import { describe, expect, test } from 'vitest';
import { getRelatedPosts } from '../../src/lib/related.ts';
import type { SitePost } from '../../src/lib/site-model.ts';
import { makeModel } from '../helpers/model.ts';

const model = makeModel([
  { date: '2026-02-13', topics: ['private-credit', 'china', 'valuations'] },
  { date: '2026-02-06', topics: ['china'] },
  { date: '2026-01-30', topics: ['private-credit', 'china'] },
  { date: '2025-12-05', topics: ['private-credit', 'china'] },
  { date: '2026-01-23', topics: ['ukraine'] },
  { date: '2026-02-20', topics: ['valuations'] },
]);
const find = (date: string): SitePost => model.posts.find((post) => post.date === date)!;

describe('getRelatedPosts', () => {
  test('ranks by shared topics, then by nearness in time', () => {
    const related = getRelatedPosts(model.visiblePosts, find('2026-02-13'));
    // Two shared topics for 01-30 and 12-05 (01-30 is nearer), then one shared with 02-06 and 02-20 (both a week away; the newer wins).
    expect(related.map((post) => post.date)).toEqual(['2026-01-30', '2025-12-05', '2026-02-20']);
  });
  test('never lists the post itself or posts sharing no topic', () => {
    const related = getRelatedPosts(model.visiblePosts, find('2026-02-13'), 10);
    expect(related.map((post) => post.date)).not.toContain('2026-02-13');
    expect(related.map((post) => post.date)).not.toContain('2026-01-23');
    expect(getRelatedPosts(model.visiblePosts, find('2026-01-23'))).toEqual([]);
  });
  test('keeps the best few of a long list in full ranking order, and none for a limit of 0', () => {
    const topics = ['private-credit', 'china', 'valuations', 'ukraine'];
    // Sixty Fridays of 2025 and 2026 that are trading days (Good Friday and Independence Day closed the market).
    const fridays = Array.from({ length: 62 }, (_, i) => new Date(Date.UTC(2025, 0, 3 + 7 * i)).toISOString().slice(0, 10))
      .filter((date) => date !== '2025-04-18' && date !== '2025-07-04');
    const many = makeModel(fridays.map((date, i) => ({ date, topics: topics.filter((_, t) => (i * 7 + t * 3) % 5 < 2 + (t % 2)) })));
    const all = many.visiblePosts;
    const post = all[17]!;
    const full = getRelatedPosts(all, post, all.length);
    // The ranking worked out independently: a full sort by shared topics, distance, then the newer.
    const days = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
    const shared = (other: SitePost) => other.source.frontmatter.topics.filter((topic) => post.source.frontmatter.topics.includes(topic)).length;
    const expected = all.filter((other) => other !== post && shared(other) > 0)
      .sort((a, b) => shared(b) - shared(a) || Math.abs(days(a.date) - days(post.date)) - Math.abs(days(b.date) - days(post.date)) || b.date.localeCompare(a.date));
    expect(full.map((other) => other.date)).toEqual(expected.map((other) => other.date));
    expect(full.length).toBeGreaterThan(10);
    expect(getRelatedPosts(all, post, 5)).toEqual(full.slice(0, 5));
    expect(getRelatedPosts(all, post, 0)).toEqual([]);
  });
});
