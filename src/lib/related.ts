import type { SitePost } from './site-model.ts';
import { getPostTopics } from './topics.ts';

/** How many related posts a post page shows. */
export const RELATED_POST_COUNT = 3;

/** A candidate as the ranking needs it: its topics and its date as a day number, worked out once per list. */
interface Candidate {
  post: SitePost;
  topics: readonly string[];
  time: number;
}

interface RelatedIndex {
  candidates: Candidate[];
  /** Both language pages of a post ask for the same list: computed once per post and limit. */
  byPost: Map<string, SitePost[]>;
}

const indexes = new WeakMap<readonly SitePost[], RelatedIndex>();

function indexOf(posts: readonly SitePost[]): RelatedIndex {
  let index = indexes.get(posts);
  if (!index) {
    // Dates are validated YYYY-MM-DD strings; their UTC times order them by distance.
    const candidates = posts.map((post) => ({ post, topics: getPostTopics(post), time: Date.parse(`${post.date}T00:00:00Z`) }));
    index = { candidates, byPost: new Map() };
    indexes.set(posts, index);
  }
  return index;
}

/**
 * Other posts that share topics with `post`: the most shared topics first, then the nearest in time
 * (a commentary is most relevant to the weeks around it), then the newer. Posts sharing nothing are left out.
 */
export function getRelatedPosts(posts: readonly SitePost[], post: SitePost, limit: number = RELATED_POST_COUNT): SitePost[] {
  const { candidates, byPost } = indexOf(posts);
  const key = `${post.id}|${limit}`;
  const known = byPost.get(key);
  if (known) return known;
  const topics = new Set(getPostTopics(post));
  const time = Date.parse(`${post.date}T00:00:00Z`);
  const ranked: { candidate: Candidate; shared: number; distance: number }[] = [];
  for (const candidate of candidates) {
    if (candidate.post.id === post.id) continue;
    let shared = 0;
    for (const topic of candidate.topics) if (topics.has(topic)) shared += 1;
    if (shared > 0) ranked.push({ candidate, shared, distance: Math.abs(candidate.time - time) });
  }
  const related = ranked
    .sort((a, b) => b.shared - a.shared || a.distance - b.distance
      || b.candidate.post.date.localeCompare(a.candidate.post.date) || a.candidate.post.slug.localeCompare(b.candidate.post.slug))
    .slice(0, limit)
    .map(({ candidate }) => candidate.post);
  byPost.set(key, related);
  return related;
}
