import type { SitePost } from './site-model.ts';
import { getPostTopics } from './topics.ts';

/** How many related posts a post page shows. */
export const RELATED_POST_COUNT = 3;

/** A candidate as the ranking needs it: its topics and its date as a UTC time, worked out once per list. */
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

interface Ranked {
  candidate: Candidate;
  shared: number;
  distance: number;
}

/** Most shared topics first, then nearest in time, then newer; the slug settles the rest. */
function compareRanked(a: Ranked, b: Ranked): number {
  return b.shared - a.shared || a.distance - b.distance
    || b.candidate.post.date.localeCompare(a.candidate.post.date) || a.candidate.post.slug.localeCompare(b.candidate.post.slug);
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
  if (limit < 1) return [];
  const { candidates, byPost } = indexOf(posts);
  const key = `${post.id}|${limit}`;
  const known = byPost.get(key);
  if (known) return known;
  const topics = new Set(getPostTopics(post));
  const time = Date.parse(`${post.date}T00:00:00Z`);
  // The best `limit` so far, best first: one pass over the list instead of sorting all of it for every post.
  const best: Ranked[] = [];
  for (const candidate of candidates) {
    if (candidate.post.id === post.id) continue;
    let shared = 0;
    for (const topic of candidate.topics) if (topics.has(topic)) shared += 1;
    if (shared === 0) continue;
    const ranked = { candidate, shared, distance: Math.abs(candidate.time - time) };
    if (best.length === limit && compareRanked(ranked, best[limit - 1] as Ranked) >= 0) continue;
    let at = best.length;
    while (at > 0 && compareRanked(ranked, best[at - 1] as Ranked) < 0) at -= 1;
    best.splice(at, 0, ranked);
    if (best.length > limit) best.pop();
  }
  const related = best.map(({ candidate }) => candidate.post);
  byPost.set(key, related);
  return related;
}
