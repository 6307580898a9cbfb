import { otherLocale } from '../i18n/paths.ts';
import { SOURCE_LOCALE } from '../i18n/locale.ts';

const POST = /^(ja|en)\/(\d{4}\/[^/]+\.mdx)$/;

/** A post's Japanese source and English translation, as paths below content/posts. */
export interface PostPair {
  source: string;
  translation: string;
}

/**
 * The source and translation paths of a post given either one (below content/posts, forward
 * slashes); undefined for a path that is not a post's.
 */
export function getPostPair(relativePath: string): PostPair | undefined {
  const match = POST.exec(relativePath);
  if (!match) return undefined;
  const rest = match[2] ?? '';
  return { source: `${SOURCE_LOCALE}/${rest}`, translation: `${otherLocale(SOURCE_LOCALE)}/${rest}` };
}

/**
 * Records `translatedFrom: "<hash>"` in a post's frontmatter: replaces the line if there is one,
 * otherwise inserts it after `date:`. Every other byte of the file is kept, line endings included.
 */
export function setTranslatedFrom(text: string, hash: string): string {
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const start = lines[0]?.replace(/^\uFEFF/, '');
  const end = lines.indexOf('---', 1);
  if (start !== '---' || end === -1) throw new Error('has no frontmatter: a post starts with a line "---", its frontmatter, and another "---".');
  // Quoted: YAML would read a hash made only of digits, or like 12e4, as a number.
  const line = `translatedFrom: "${hash}"`;
  const existing = lines.findIndex((candidate, i) => i > 0 && i < end && /^translatedFrom\s*:/.test(candidate));
  if (existing !== -1) lines[existing] = line;
  else {
    const date = lines.findIndex((candidate, i) => i > 0 && i < end && /^date\s*:/.test(candidate));
    lines.splice(date === -1 ? end : date + 1, 0, line);
  }
  return lines.join(newline);
}
