import { describe, expect, test } from 'vitest';
import { checkMdxSyntax } from '../../src/lib/mdx-syntax.ts';

const FILE = 'content/posts/ja/2026/2026-02-13.mdx';
const frontmatter = '---\nkind: weekly\ntitle: 週報\n---\n';

describe('checkMdxSyntax', () => {
  test('accepts prose, headings and self-closing components', () => {
    expect(checkMdxSyntax(FILE, `${frontmatter}\n## 今週\n\n本文です。\n\n<KeyFigures />\n<Chart name="rebased" />\n`)).toBeUndefined();
  });

  test('accepts CRLF line endings and a byte-order mark', () => {
    expect(checkMdxSyntax(FILE, `\uFEFF${frontmatter.replaceAll('\n', '\r\n')}\r\n本文。\r\n\r\n<KeyFigures />\r\n`)).toBeUndefined();
  });

  test('reports an unclosed component with its line in the file, not in the body', () => {
    expect(checkMdxSyntax(FILE, `${frontmatter}\n本文。\n\n<Chart name="rebased">\n`)).toMatchInlineSnapshot(`
      {
        "field": "body",
        "file": "content/posts/ja/2026/2026-02-13.mdx",
        "hint": "MDX reads \`<\` and \`{\` as the start of a component or an expression: close the tag, or write a literal \`<\` as \`&lt;\` and \`{\` as \`\\{\`.",
        "line": 8,
        "message": "is not valid MDX at column 1: Expected a closing tag for \`<Chart>\`.",
      }
    `);
  });

  test('reports a stray < in prose', () => {
    const problem = checkMdxSyntax(FILE, `${frontmatter}\nPER < 20 and <Foo bar=">\n`);
    expect(problem?.line).toBe(6);
    expect(problem?.message).toMatch(/^is not valid MDX at column \d+: /);
  });

  test('reports a broken expression', () => {
    expect(checkMdxSyntax(FILE, `${frontmatter}\n{1 +}\n`)).toMatchObject({ field: 'body', line: 6 });
  });
});
