import type { Frontmatter } from './frontmatter.ts';
import type { SitePost } from './site-model.ts';
import type { TranslationStatus } from './translations.ts';
import { isPublished } from './visibility.ts';
import type { Allowance } from './wording.ts';

/** Whether a reader can see a post now, or why not. */
export type PublicationState = 'published' | 'draft' | 'scheduled';

/** The translation status order of the report: what needs work first. */
export const TRANSLATION_STATUSES: readonly TranslationStatus[] = ['stale', 'untracked', 'missing', 'translated'];

/** One line of the translation status table. */
export interface TranslationRow {
  date: string;
  slug: string;
  state: PublicationState;
  status: TranslationStatus;
  /** The English file, existing or to be created, as shown to the author. */
  translationFile: string;
  /** What the author should do; empty when the translation is up to date. */
  action: string;
}

/** Published, a draft, or scheduled (a future date or `publishAt`), as a production build at `now` sees it. */
export function getPublicationState(frontmatter: Pick<Frontmatter, 'draft' | 'date' | 'publishAt'>, now: Date): PublicationState {
  if (frontmatter.draft) return 'draft';
  return isPublished(frontmatter, { now, includeDrafts: false }) ? 'published' : 'scheduled';
}

/** The English path of a post, from its source's path and content-collection id (`ja/2026/2026-02-13`). */
function translationPath(post: SitePost): string {
  if (post.translation) return post.translation.file;
  const { file, entryId } = post.source;
  const prefix = file.slice(0, file.length - `${entryId}.mdx`.length);
  return `${prefix}en/${post.id}.mdx`;
}

function describeAction(post: SitePost, status: TranslationStatus, file: string): string {
  switch (status) {
    case 'stale':
      return `the Japanese source changed after translation: update it, then npm run translated -- ${file}`;
    case 'untracked':
      return `once it matches the source: npm run translated -- ${file}`;
    case 'missing':
      return `npm run new -- ${post.kind} ${post.date}${post.kind === 'feature' ? ` ${post.slug.slice(post.date.length + 1)}` : ''} --en`;
    case 'translated':
      return '';
  }
}

/** One row per source post, newest first, with the state of its translation. */
export function getTranslationRows(posts: readonly SitePost[], now: Date): TranslationRow[] {
  return [...posts]
    .sort((a, b) => b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug))
    .map((post) => {
      const translationFile = translationPath(post);
      return {
        date: post.date,
        slug: post.slug,
        state: getPublicationState(post.source.frontmatter, now),
        status: post.translationStatus,
        translationFile,
        action: describeAction(post, post.translationStatus, translationFile),
      };
    });
}

/** How many posts have each translation status. */
export function countStatuses(rows: readonly TranslationRow[]): Record<TranslationStatus, number> {
  const counts: Record<TranslationStatus, number> = { stale: 0, untracked: 0, missing: 0, translated: 0 };
  for (const row of rows) counts[row.status] += 1;
  return counts;
}

/**
 * The translation status table: a count per status, then a row for every post that needs work
 * (every post with `all`), each with what to do.
 */
export function formatTranslationTable(rows: readonly TranslationRow[], options: { all: boolean }): string {
  const counts = countStatuses(rows);
  const summary = `Translations of ${rows.length} post${rows.length === 1 ? '' : 's'}: ${TRANSLATION_STATUSES.map((status) => `${counts[status]} ${status}`).join(', ')}`;
  const shown = rows.filter((row) => options.all || row.status !== 'translated');
  if (shown.length === 0) return rows.length === 0 ? summary : `${summary}\nEvery translation is up to date.`;
  const header = ['status', 'post', 'state', 'what to do'];
  const cells = shown.map((row) => [row.status, row.slug, row.state, row.action]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((cell) => (cell[column] ?? '').length)));
  const line = (cell: readonly string[]) =>
    cell.map((text, column) => (column === cell.length - 1 ? text : text.padEnd(widths[column] ?? 0))).join('  ').trimEnd();
  return [summary, '', line(header), ...cells.map(line)].join('\n');
}

/**
 * The record of wording let through: each listed phrase an author quoted with `<Quote reason="…">`,
 * where it is and why, so whoever reviews the posts sees every exception with its reason.
 */
export function formatAllowances(allowances: readonly Allowance[]): string {
  const lines = allowances.map((allowance) => `  - ${allowance.file} ${allowance.field} (line ${allowance.line}): "${allowance.phrase}" (${allowance.kind}), quoted because: ${allowance.reason}`);
  return [`Quoted with a reason (${allowances.length}):`, ...lines].join('\n');
}
