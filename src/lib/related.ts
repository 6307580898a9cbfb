import type { SitePost } from './site-model.ts';
import { getPostTopics } from './topics.ts';

/** How many related posts a post page shows. */
export const RELATED_POST_COUNT = 3;

// Both language pages of a post ask for the same list: compute it once per list of posts.
const memo = new WeakMap<readonly SitePost[], Map<string, SitePost[]>>();

/**
 * Other posts that share topics with `post`: the most shared topics first, then the nearest in time
 * (a commentary is most relevant to the weeks around it), then the newer. Posts sharing nothing are left out.
 */
export function getRelatedPosts(posts: readonly SitePost[], post: SitePost, limit: number = RELATED_POST_COUNT): SitePost[] {
  let byPost = memo.get(posts);
  if (!byPost) {
    byPost = new Map();
    memo.set(posts, byPost);
  }
  const key = `${post.id}|${limit}`;
  const known = byPost.get(key);
  if (known) return known;
  const topics = new Set(getPostTopics(post));
  // Dates are validated YYYY-MM-DD strings; their UTC day numbers order them by distance.
  const time = Date.parse(`${post.date}T00:00:00Z`);
  const related = posts
    .filter((candidate) => candidate.id !== post.id)
    .map((candidate) => ({
      candidate,
      shared: getPostTopics(candidate).filter((topic) => topics.has(topic)).length,
      distance: Math.abs(Date.parse(`${candidate.date}T00:00:00Z`) - time),
    }))
    .filter(({ shared }) => shared > 0)
    .sort((a, b) => b.shared - a.shared || a.distance - b.distance || b.candidate.date.localeCompare(a.candidate.date) || a.candidate.slug.localeCompare(b.candidate.slug))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
  byPost.set(key, related);
  return related;
}
