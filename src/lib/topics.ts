import { localePath } from '../i18n/paths.ts';
import type { Topic, Registry } from './registry.ts';
import type { Locale } from '../i18n/locale.ts';
import type { SitePost } from './site-model.ts';

/** A topic as the topics index lists it. */
export interface TopicSummary {
  topic: Topic;
  /** Posts filed under the topic. */
  count: number;
  /** As-of date of its newest post. */
  latest: string;
}

/** The topics a post is filed under: its Japanese source decides, so both languages agree. */
export function getPostTopics(post: SitePost): readonly string[] {
  return post.source.frontmatter.topics;
}

/** Posts filed under a topic, in the order given (the site's newest first). */
export function getTopicPosts(posts: readonly SitePost[], topicId: string): SitePost[] {
  return posts.filter((post) => getPostTopics(post).includes(topicId));
}

/**
 * Topics that have at least one post, the most written-about first; ties keep the registry's
 * editorial order. Topics with no post are left out: their page would be empty.
 */
export function summarizeTopics(registry: Registry, posts: readonly SitePost[]): TopicSummary[] {
  return registry.topics
    .map((topic) => {
      const tagged = getTopicPosts(posts, topic.id);
      const latest = tagged.reduce((newest, post) => (post.date > newest ? post.date : newest), '');
      return { topic, count: tagged.length, latest };
    })
    .filter((summary) => summary.count > 0)
    .sort((a, b) => b.count - a.count);
}

/** The URL of page `pageNumber` (1-based) of a topic, as Astro's `paginate()` routes it: /en/topics/china/, /en/topics/china/2/. */
export function topicPagePath(locale: Locale, topicId: string, pageNumber: number): string {
  return localePath(locale, 'topics', topicId, pageNumber > 1 ? String(pageNumber) : '');
}
