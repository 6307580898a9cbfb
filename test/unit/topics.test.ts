import { describe, expect, test } from 'vitest';
import { getTopicPosts, summarizeTopics, topicPagePath } from '../../src/lib/topics.ts';
import { makeModel } from '../helpers/model.ts';

const model = makeModel([
  { date: '2026-02-13', topics: ['private-credit', 'china'] },
  { date: '2026-02-06', topics: ['china'] },
  { date: '2026-01-30', topics: ['valuations', 'china'] },
  { date: '2026-01-23', topics: ['private-credit'], locales: ['ja'] },
  { date: '2026-01-16', topics: ['ukraine'], draft: true },
]);

describe('getTopicPosts', () => {
  test('lists the posts filed under a topic, newest first, untranslated ones included', () => {
    expect(getTopicPosts(model.visiblePosts, 'private-credit').map((post) => post.date)).toEqual(['2026-02-13', '2026-01-23']);
  });
  test('is empty for a topic nobody wrote about', () => {
    expect(getTopicPosts(model.visiblePosts, 'middle-east')).toEqual([]);
  });
});

describe('summarizeTopics', () => {
  test('lists topics with posts, the most used first, ties in registry order', () => {
    const summary = summarizeTopics(model.registry, model.visiblePosts);
    expect(summary.map((item) => [item.topic.id, item.count, item.latest])).toEqual([
      ['china', 3, '2026-02-13'],
      ['private-credit', 2, '2026-02-13'],
      ['valuations', 1, '2026-01-30'],
    ]);
  });
  test('leaves out topics only drafts use', () => {
    expect(summarizeTopics(model.registry, model.visiblePosts).map((item) => item.topic.id)).not.toContain('ukraine');
  });
});

describe('topicPagePath', () => {
  test('puts the first page at the topic and later pages below it, with trailing slashes', () => {
    expect(topicPagePath('ja', 'china', 1)).toBe('/ja/topics/china/');
    expect(topicPagePath('en', 'china', 3)).toBe('/en/topics/china/3/');
  });
});
