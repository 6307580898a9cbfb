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
});
