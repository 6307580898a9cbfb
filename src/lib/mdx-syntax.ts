import { mdxToMdast } from 'satteri';
import type { Problem } from './problems.ts';

/** satteri reports `line:column: reason (line:column) (rule-id)`, positions relative to the text it parsed. */
const SATTERI_ERROR = /^(\d+):(\d+):\s*(.*?)(?:\s*\(\d+:\d+\))?(?:\s*\([\w:-]+\))?\s*$/s;

/** The frontmatter block at the top of a post, which MDX must not see. */
const FRONTMATTER = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Parses a post's MDX body with satteri, the compiler Astro's MDX integration uses, so a syntax
 * error (an unclosed tag, a stray `<` or `{`) is reported by `npm run check` as it would stop the
 * build. `source` is the whole file; the frontmatter is blanked line for line so the reported line
 * is the line in the file. Returns undefined when the body parses.
 */
export function checkMdxSyntax(file: string, source: string): Problem | undefined {
  const text = source.replace(/^\uFEFF/, '');
  const body = text.replace(FRONTMATTER, (block) => block.replace(/[^\r\n]/g, ''));
  try {
    mdxToMdast(body);
    return undefined;
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const match = SATTERI_ERROR.exec(raw);
    const reason = (match?.[3] ?? raw).trim();
    return {
      file,
      field: 'body',
      ...(match ? { line: Number(match[1]) } : {}),
      message: `is not valid MDX${match ? ` at column ${match[2]}` : ''}: ${reason}.`,
      hint: 'MDX reads `<` and `{` as the start of a component or an expression: close the tag, or write a literal `<` as `&lt;` and `{` as `\\{`.',
    };
  }
}
