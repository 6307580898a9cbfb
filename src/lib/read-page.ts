import { z } from 'zod';
import { classifyPostPath, normaliseText, type PageContentFile } from './content-files.ts';
import { CalendarDateSchema } from './frontmatter.ts';
import { readPostBody, type ProseBlock } from './post-body.ts';
import type { Problem } from './problems.ts';
import { readFrontmatterBlock } from './read-post.ts';
import { issuesToProblems } from './zod-problems.ts';
import type { Locale } from '../i18n/locale.ts';

/**
 * The standing pages a site can have, in the order they are listed, each at /<lang>/<name>/. The set is
 * closed: every name has its route, and a page of another name could take a URL a listing already has.
 */
export const STANDING_PAGES = ['about', 'disclosures', 'data-sources'] as const;
/** The name of a standing page, its file name without `.mdx` and its URL segment. */
export type StandingPageName = (typeof STANDING_PAGES)[number];

const TextSchema = z.string().trim().min(1, { error: 'expected a non-empty text' });

/** The frontmatter of a standing page: what its head and heading need, and nothing a post states. */
export const PageFrontmatterSchema = z.strictObject({
  title: TextSchema,
  description: TextSchema,
  updated: CalendarDateSchema.optional(),
  draft: z.boolean().default(false),
});
/** A standing page's validated frontmatter. */
export type PageFrontmatter = z.infer<typeof PageFrontmatterSchema>;

const PAGE_KEYS = Object.keys(PageFrontmatterSchema.shape);

/** Components a standing page may use: `<Quote>` needs nothing but its text; the others read a post's figures. */
const PAGE_COMPONENTS = ['Quote'];

/** One standing page file after validation. */
export interface PageFile {
  file: string;
  /** The Astro content-collection id: the path below content/pages without `.mdx`, e.g. `en/about`. */
  entryId: string;
  locale: Locale;
  name: StandingPageName;
  frontmatter: PageFrontmatter;
}

/** A standing page file as read: its validated frontmatter, its text and what its MDX body says. */
export interface ParsedPage extends PageFile {
  /** The normalised file text, for line numbers in messages. */
  source: string;
  /** The body's text from its syntax tree, for the wording checks. */
  prose: readonly ProseBlock[];
}

const PAGE_PATH = new RegExp(`^(ja|en)/(${STANDING_PAGES.join('|')})\\.mdx$`);

const PLACE_HINT = `Standing pages live at content/pages/<ja|en>/<name>.mdx, where the name is ${STANDING_PAGES.join(', ')}.`;

/**
 * Reads one standing page file: its place (language folder and one of the known names), its frontmatter
 * against the schema, and its MDX body, read as a post's is (src/lib/post-body.ts) so what the build
 * would refuse is refused here. Problems are pushed; undefined when the page cannot be used.
 */
export function readPage(file: PageContentFile, problems: Problem[]): ParsedPage | undefined {
  const relativePath = file.relativePath.replaceAll('\\', '/');
  if (classifyPostPath(relativePath) === 'misnamed') {
    problems.push({ file: file.path, message: `ends in ${/\.[^.]+$/.exec(relativePath)?.[0] ?? ''}, so the build would leave it out.`, hint: `A page's file name ends in .mdx, in lower case: rename it to ${relativePath.split('/').at(-1)?.replace(/\.[^.]+$/, '.mdx')}.` });
    return undefined;
  }
  const match = PAGE_PATH.exec(relativePath);
  if (!match) {
    problems.push({ file: file.path, message: 'is not a standing page Shūhō knows.', hint: PLACE_HINT });
    return undefined;
  }
  const [, locale, name] = match as unknown as [string, Locale, StandingPageName];
  const text = normaliseText(file.text);
  const read = readFrontmatterBlock(file.path, text, { noun: 'page', emptyHint: 'Write its frontmatter (title, description) and its text.' }, problems);
  if (!read) return undefined;
  const result = PageFrontmatterSchema.safeParse(read.data, { reportInput: true });
  if (!result.success) {
    problems.push(...issuesToProblems(file.path, result.error.issues, { source: text, knownKeys: (path) => (path === '' ? PAGE_KEYS : []) }));
    return undefined;
  }
  const body = readPostBody(file.path, text);
  const before = problems.length;
  problems.push(...body.problems);
  for (const use of body.components) {
    if (PAGE_COMPONENTS.includes(use.name)) continue;
    problems.push({
      file: file.path,
      field: 'body',
      line: use.line,
      message: `uses <${use.name} />; a standing page can use ${PAGE_COMPONENTS.map((component) => `<${component}>`).join(', ')} only.`,
      hint: 'Figures, charts, risk watches and fund notices belong in posts: write it as text, or link to the post.',
    });
  }
  if (problems.length > before) return undefined;
  return { file: file.path, entryId: relativePath.replace(/\.mdx$/, ''), locale, name, frontmatter: result.data, source: text, prose: body.prose };
}
