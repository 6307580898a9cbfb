import matter from 'gray-matter';
import { CORE_SCHEMA, load } from 'js-yaml';
import { classifyPostPath, hashSource, normaliseText, type PostContentFile } from './content-files.ts';
import { yearOf } from './dates.ts';
import { createFrontmatterSchema, knownFrontmatterKeys } from './frontmatter.ts';
import { readPostBody, type ProseBlock } from './post-body.ts';
import { findFieldLine, type Problem } from './problems.ts';
import type { Locale } from '../i18n/locale.ts';
import type { PostFile } from './site-model.ts';
import { issuesToProblems } from './zod-problems.ts';

const POST_PATH = /^(ja|en)\/(\d{4})\/((\d{4}-\d{2}-\d{2})(?:-([a-z0-9]+(?:-[a-z0-9]+)*))?)\.mdx$/;

/**
 * gray-matter with YAML's core schema: no timestamps, so `date: 2026-02-30` reaches the schema as the
 * text written instead of becoming 2 March. (An options object also keeps gray-matter's cache, which
 * keys on the text alone, out of the way.)
 */
const FRONTMATTER_OPTIONS = {
  language: 'yaml',
  engines: { yaml: (text: string): object => (load(text, { schema: CORE_SCHEMA }) ?? {}) as object },
};

/** The frontmatter of a post's text, as every reader of a post sees it; throws js-yaml's error on bad YAML. */
export function readFrontmatter(text: string): unknown {
  return matter(text, FRONTMATTER_OPTIONS).data;
}

/**
 * The frontmatter of a file's normalised text, for a post or a standing page alike: undefined, with the
 * problem pushed, when the file is empty, has no frontmatter, or its YAML does not parse.
 */
export function readFrontmatterBlock(
  file: string,
  text: string,
  { noun, emptyHint }: { noun: string; emptyHint: string },
  problems: Problem[],
): { data: unknown } | undefined {
  if (text.trim() === '') {
    problems.push({ file, message: 'is empty.', hint: emptyHint });
    return undefined;
  }
  if (!text.startsWith('---\n')) {
    problems.push({ file, line: 1, message: 'has no frontmatter.', hint: `A ${noun} starts with a line "---", its frontmatter, and another "---".` });
    return undefined;
  }
  try {
    return { data: readFrontmatter(text) };
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message.split('\n')[0];
    problems.push({
      file,
      // js-yaml counts from 0 and gray-matter hands it the text after the opening "---", newline included.
      ...(mark?.line === undefined ? {} : { line: mark.line + 1 }),
      message: `has frontmatter that is not valid YAML: ${reason}.`,
      hint: 'Check indentation, colons and quotes on that line.',
    });
    return undefined;
  }
}

/** A post file as read: its validated frontmatter, its text and what its MDX body uses. */
export interface ParsedPost extends PostFile {
  /** The normalised file text, for line numbers in messages. */
  source: string;
  relativePath: string;
  /** Path below the language folder without extension, e.g. `2026/2026-02-13`. */
  id: string;
  slug: string;
}

/** A post as read, with its body's text from the syntax tree for the wording and product checks. */
export interface PostWithProse extends ParsedPost {
  prose: readonly ProseBlock[];
}

/**
 * Reads one post file: its place (language, year folder, date and slug in the name), its frontmatter
 * (YAML's core schema, so dates stay the text written) against the schema, and its MDX body into the
 * component uses of its syntax tree. Problems are pushed; undefined when the post cannot be used.
 */
export function readPost(
  file: PostContentFile,
  schema: ReturnType<typeof createFrontmatterSchema>,
  problems: Problem[],
): PostWithProse | undefined {
  const relativePath = file.relativePath.replaceAll('\\', '/');
  if (classifyPostPath(relativePath) === 'misnamed') {
    const extension = /\.[^.]+$/.exec(relativePath)?.[0] ?? '';
    problems.push({ file: file.path, message: `ends in ${extension}, so the build would leave it out.`, hint: `A post's file name ends in .mdx, in lower case: rename it to ${relativePath.split('/').at(-1)?.replace(/\.[^.]+$/, '.mdx')}.` });
    return undefined;
  }
  const match = POST_PATH.exec(relativePath);
  if (!match) {
    problems.push({
      file: file.path,
      message: 'is not where a post can be.',
      hint: 'Posts live at content/posts/<ja|en>/<YYYY>/<YYYY-MM-DD>.mdx (weekly) or <YYYY-MM-DD>-<slug>.mdx (feature).',
    });
    return undefined;
  }
  const [, locale, year, slug, fileDate, featureSlug] = match as unknown as [string, Locale, string, string, string, string | undefined];
  const text = normaliseText(file.text);
  const read = readFrontmatterBlock(file.path, text, { noun: 'post', emptyHint: 'Start a post with `npm run new`.' }, problems);
  if (!read) return undefined;
  const result = schema.safeParse(read.data, { reportInput: true });
  if (!result.success) {
    problems.push(...issuesToProblems(file.path, result.error.issues, { source: text, knownKeys: knownFrontmatterKeys }));
    return undefined;
  }
  const frontmatter = result.data;
  const before = problems.length;
  if (frontmatter.date !== fileDate) {
    problems.push({ file: file.path, field: 'date', line: findFieldLine(text, 'date') ?? 1, message: `is ${frontmatter.date}, but the file name says ${fileDate}.`, hint: 'Rename the file or correct the date.' });
  }
  if (String(yearOf(fileDate)) !== year) {
    problems.push({ file: file.path, message: `is in the folder ${year} but dated ${fileDate}.`, hint: `Move it to the ${fileDate.slice(0, 4)} folder.` });
  }
  if ((frontmatter.kind === 'weekly') !== (featureSlug === undefined)) {
    problems.push({
      file: file.path,
      field: 'kind',
      line: findFieldLine(text, 'kind') ?? 1,
      message: frontmatter.kind === 'weekly' ? 'is "weekly", but the file name has a slug after the date.' : 'is "feature", but the file name has no slug after the date.',
      hint: 'Weekly posts are named <date>.mdx, features <date>-<slug>.mdx.',
    });
  }
  const body = readPostBody(file.path, text);
  problems.push(...body.problems);
  if (problems.length > before) return undefined;
  return {
    file: file.path,
    entryId: relativePath.replace(/\.mdx$/, ''),
    locale,
    frontmatter,
    hash: hashSource(text),
    components: body.components,
    source: text,
    prose: body.prose,
    relativePath,
    id: `${year}/${slug}`,
    slug,
  };
}
