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

/** Whether a standing page may be shown: it has no date to wait for, so only `draft` holds it back. */
export function isPageShown(frontmatter: { draft: boolean }, visibility: Visibility): boolean {
  return visibility.includeDrafts || !frontmatter.draft;
}

/** What the dev preview marks on a post a production build would leave out. */
export type PreviewState = 'draft' | 'scheduled';

/**
 * Why the dev preview shows a post that a production build at `now` would not, or undefined when it
 * would show it: a draft if any of `frontmatters` (a page's source and the file the page shows) is one,
 * else scheduled if any waits for its date or `publishAt`.
 */
export function getPreviewState(frontmatters: readonly Pick<Frontmatter, 'draft' | 'date' | 'publishAt'>[], now: Date): PreviewState | undefined {
  if (frontmatters.some((frontmatter) => frontmatter.draft)) return 'draft';
  return frontmatters.every((frontmatter) => isPublished(frontmatter, { now, includeDrafts: false })) ? undefined : 'scheduled';
}
