import { describe, expect, test } from 'vitest';
import { formatProblems, type Problem } from '../../src/lib/problems.ts';
import { readPage } from '../../src/lib/read-page.ts';
import { makePageFile } from '../helpers/content.ts';

/** Reads one page file; the problems formatted as the check prints them. */
function read(relativePath: string, options: Parameters<typeof makePageFile>[1] = {}) {
  const problems: Problem[] = [];
  const page = readPage(makePageFile(relativePath, options), problems);
  return { page, report: formatProblems(problems) };
}

/** Reads a page file of the given text, as an author saved it. */
function readText(relativePath: string, text: string): string {
  const problems: Problem[] = [];
  readPage({ path: `content/pages/${relativePath}`, relativePath, text }, problems);
  return formatProblems(problems);
}

describe('readPage', () => {
  test('reads a page: its name and language from its place, its frontmatter with defaults, its entry id', () => {
    const { page, report } = read('en/data-sources.mdx', { frontmatter: ['title: Data sources', 'description: Where the closes come from.', 'updated: 2026-08-28'] });
    expect(report).toBe('');
    expect(page).toMatchObject({
      file: 'content/pages/en/data-sources.mdx',
      entryId: 'en/data-sources',
      locale: 'en',
      name: 'data-sources',
      frontmatter: { title: 'Data sources', description: 'Where the closes come from.', updated: '2026-08-28', draft: false },
    });
  });

  test('refuses a name without a route, and a page outside a language folder, naming the places it can be', () => {
    expect(read('ja/faq.mdx').report).toMatchInlineSnapshot(`
      "content/pages/ja/faq.mdx has a problem:
        - is not a standing page Shūhō knows. Standing pages live at content/pages/<ja|en>/<name>.mdx, where the name is about, disclosures, data-sources."
    `);
    expect(read('about.mdx').report).toContain('content/pages/about.mdx has a problem:\n  - is not a standing page Shūhō knows.');
    expect(read('fr/about.mdx').page).toBeUndefined();
  });

  test('refuses an extension the build would skip, naming the file name to use', () => {
    expect(read('ja/about.MDX').report).toMatchInlineSnapshot(`
      "content/pages/ja/about.MDX has a problem:
        - ends in .MDX, so the build would leave it out. A page's file name ends in .mdx, in lower case: rename it to about.mdx."
    `);
  });

  test('an empty file and a file without frontmatter say what a page starts with', () => {
    expect(readText('ja/about.mdx', '')).toContain('- is empty. Write its frontmatter (title, description) and its text.');
    expect(readText('ja/about.mdx', '# About\n')).toContain('- (line 1): has no frontmatter. A page starts with a line "---", its frontmatter, and another "---".');
    expect(readText('ja/about.mdx', '---\ntitle: [unclosed\n---\n')).toMatch(/- \(line \d+\): has frontmatter that is not valid YAML/);
  });

  test('names the field, its line and what was expected for frontmatter the schema refuses', () => {
    expect(read('ja/about.mdx', { frontmatter: ['titel: 筆者について', 'description: 説明。', 'updated: 2026-02-30'] }).report).toMatchInlineSnapshot(`
      "content/pages/ja/about.mdx has 3 problems:
        - title: is required (expected text).
        - updated (line 4): expected a real date written YYYY-MM-DD, received "2026-02-30" (a string).
        - titel (line 2): unknown field. Did you mean "title"?"
    `);
    expect(read('ja/about.mdx', { frontmatter: ['title: "  "', 'description: 説明。', 'draft: "yes"'] }).report).toMatchInlineSnapshot(`
      "content/pages/ja/about.mdx has 2 problems:
        - title (line 2): expected a non-empty text, received "" (a string).
        - draft (line 4): expected true or false, received "yes" (a string)."
    `);
  });

  test('lets a page quote with <Quote> and refuses the components that need a post, on their line', () => {
    expect(read('ja/about.mdx', { body: '<Quote reason="the index provider\'s wording">A quotation.</Quote>' }).report).toBe('');
    const { page, report } = read('ja/about.mdx', { body: 'Text.\n\n<Chart name="relative-strength" />\n\n<ProductNotice product="test-fund" />' });
    expect(page).toBeUndefined();
    expect(report).toMatchInlineSnapshot(`
      "content/pages/ja/about.mdx has 2 problems:
        - body (line 8): uses <Chart />; a standing page can use <Quote> only. Figures, charts, risk watches and fund notices belong in posts: write it as text, or link to the post.
        - body (line 10): uses <ProductNotice />; a standing page can use <Quote> only. Figures, charts, risk watches and fund notices belong in posts: write it as text, or link to the post."
    `);
  });

  test('reports MDX the build could not compile, on its line', () => {
    expect(read('en/about.mdx', { body: 'Text.\n\n<div>unclosed' }).report).toMatch(/content\/pages\/en\/about\.mdx has a problem:\n {2}- body \(line \d+\): is not valid MDX/);
  });
});
