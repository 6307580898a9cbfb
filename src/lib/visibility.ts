import type { Frontmatter } from './frontmatter.ts';

/** When "now" is and whether drafts and scheduled posts count as visible (dev) or not (production). */
export interface Visibility {
  now: Date;
  includeDrafts: boolean;
}

/**
 * Whether a post may be shown at `now`: drafts, future as-of dates and future `publishAt` times wait.
 * `publishAt` is already an instant (the schema resolves it in the site's time zone).
 */
export function isPublished(frontmatter: Pick<Frontmatter, 'draft' | 'date' | 'publishAt'>, visibility: Visibility): boolean {
  if (visibility.includeDrafts) return true;
  if (frontmatter.draft) return false;
  if (frontmatter.publishAt !== undefined) return new Date(frontmatter.publishAt).getTime() <= visibility.now.getTime();
  return frontmatter.date <= visibility.now.toISOString().slice(0, 10);
}
