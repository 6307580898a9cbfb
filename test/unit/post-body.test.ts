import { describe, expect, test } from 'vitest';
import { readPostBody } from '../../src/lib/post-body.ts';

const FILE = 'content/posts/ja/2026/2026-02-13.mdx';
const HEAD = '---\nkind: weekly\ntitle: 週報\n---\n';
const read = (body: string) => readPostBody(FILE, `${HEAD}${body}`);

describe('readPostBody', () => {
  test('takes component uses from the syntax tree, with their lines in the file and literal attributes', () => {
    const body = read('\n## 今週\n\n本文 <Figure index="sp500" field="close" decimals={1} />。\n\n<KeyFigures only={["sp500", "djia"]} />\n<Chart name=\'rebased\' />\n');
    expect(body.problems).toEqual([]);
    expect(body.components).toEqual([
      { name: 'Figure', line: 8, attributes: { index: 'sp500', field: 'close', decimals: 1 } },
      { name: 'KeyFigures', line: 10, attributes: { only: ['sp500', 'djia'] } },
      { name: 'Chart', line: 11, attributes: { name: 'rebased' } },
    ]);
  });

  test('comments, fenced code and inline code are text, not components', () => {
    const body = read('{/* <Chart name="a" /> */}\n\n`<Chart name="b" />`\n\n```mdx\n<Chart name="c" />\n```\n\n~~~\n<Figure field="x" />\n~~~\n');
    expect(body).toEqual({ components: [], prose: [], problems: [] });
  });

  test('reads the text a reader sees, block by block, with lines; components stand as their names and quotations are marked', () => {
    const body = read('\n## 見出し\n\n一行目、\n<Figure index="sp500" field="close" />で**終了**。`code`\n\n<Quote reason="引用">必ず</Quote>と述べた。\n\n<Quote reason="broker">\n\nSure to rise.\n\n</Quote>\n\n```\nguaranteed\n```\n\n| a |\n| - |\n| セル |\n');
    expect(body.problems).toEqual([]);
    expect(body.prose.map((block) => block.spans.map((span) => `${span.line}:${span.text}${span.quote ? `[${span.quote.reason}@${span.quote.line}]` : ''}`).join('|'))).toEqual([
      '6:見出し',
      '8:一行目、\n|9:<Figure />|9:で|9:終了|9:。',
      '11:必ず[引用@11]|11:と述べた。',
      '15:Sure to rise.[broker@13]',
      '23:a',
      '25:セル',
    ]);
  });

  test('a boolean attribute is true; HTML elements are left alone', () => {
    expect(read('<RiskWatch compact />\n\n<div class="note">x</div>\n').components).toEqual([{ name: 'RiskWatch', line: 5, attributes: { compact: true } }]);
  });

  test('an attribute computed by code is refused with the literal to write', () => {
    expect(read('<Chart name={"rel" + "ative"} />\n').problems).toMatchInlineSnapshot(`
      [
        {
          "field": "body",
          "file": "content/posts/ja/2026/2026-02-13.mdx",
          "hint": "Write it literally: name="text", or name={2}, {true} or {["a", "b"]}.",
          "line": 5,
          "message": "<Chart name={"rel" + "ative"} />: the attribute is computed.",
        },
      ]
    `);
    expect(read('<Chart {...props} />\n').problems[0]?.message).toContain('spread attributes are not supported');
  });

  test('expressions, imports and exports in the text are refused: a post is written, not computed', () => {
    expect(read('Total {1 + 1}.\n\nimport X from "y";\n').problems.map((problem) => [problem.line, problem.message])).toEqual([
      [5, 'has the expression {1 + 1}; a post\'s text is written, not computed.'],
      [7, 'has an import or export; posts use the built-in components without importing anything.'],
    ]);
  });

  test('accepts CRLF line endings once normalised, as the site model reads every post', () => {
    expect(readPostBody(FILE, `${HEAD}\n<KeyFigures />\n`).components[0]?.line).toBe(6);
  });

  test('reports an unclosed component with its line in the file, not in the body', () => {
    expect(read('\n本文。\n\n<Chart name="rebased">\n')).toMatchInlineSnapshot(`
      {
        "components": [],
        "problems": [
          {
            "field": "body",
            "file": "content/posts/ja/2026/2026-02-13.mdx",
            "hint": "MDX reads \`<\` and \`{\` as the start of a component or an expression: close the tag, or write a literal \`<\` as \`&lt;\` and \`{\` as \`\\{\`.",
            "line": 8,
            "message": "is not valid MDX at column 1: Expected a closing tag for \`<Chart>\`.",
          },
        ],
        "prose": [],
      }
    `);
  });

  test('reports a stray < in prose and a broken expression, with their lines', () => {
    expect(read('\nPER < 20 and <Foo bar=">\n').problems[0]).toMatchObject({ line: 6, message: expect.stringMatching(/^is not valid MDX at column \d+: /) });
    expect(read('\n{1 +}\n').problems[0]).toMatchObject({ field: 'body', line: 6 });
  });
});
