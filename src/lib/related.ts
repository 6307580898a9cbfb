import { toUtcDate } from './dates.ts';
import type { SitePost } from './site-model.ts';
import { getPostTopics } from './topics.ts';

/** How many related posts a post page shows. */
export const RELATED_POST_COUNT = 3;

/**
 * Other posts that share topics with `post`: the most shared topics first, then the nearest in time
 * (a commentary is most relevant to the weeks around it), then the newer. Posts sharing nothing are left out.
 */
export function getRelatedPosts(posts: readonly SitePost[], post: SitePost, limit: number = RELATED_POST_COUNT): SitePost[] {
  const topics = new Set(getPostTopics(post));
  const time = toUtcDate(post.date).getTime();
  return posts
    .filter((candidate) => candidate.id !== post.id)
    .map((candidate) => ({
      candidate,
      shared: getPostTopics(candidate).filter((topic) => topics.has(topic)).length,
      distance: Math.abs(toUtcDate(candidate.date).getTime() - time),
    }))
    .filter(({ shared }) => shared > 0)
    .sort((a, b) => b.shared - a.shared || a.distance - b.distance || b.candidate.date.localeCompare(a.candidate.date) || a.candidate.slug.localeCompare(b.candidate.slug))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}
