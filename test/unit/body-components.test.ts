import { describe, expect, test } from 'vitest';
import { checkBodyComponents } from '../../src/lib/body-components.ts';
import type { SitePost } from '../../src/lib/site-model.ts';
import { makeModel } from '../helpers/model.ts';

const model = makeModel([
  { date: '2026-02-13', topics: ['small-cap-growth'] },
  { date: '2025-10-10', slug: 'q3', topics: ['valuations'] },
]);
const weekly = model.posts.find((post) => post.kind === 'weekly') as SitePost;
const feature = model.posts.find((post) => post.kind === 'feature') as SitePost;
const FILE = 'content/posts/ja/2026/2026-02-13.mdx';
const HEAD = '---\nkind: weekly\ntitle: 週報\n---\n';

function check(body: string, post: SitePost = weekly) {
  return checkBodyComponents(FILE, `${HEAD}${body}`, post);
}

describe('checkBodyComponents', () => {
  test('accepts figures and charts the post has', () => {
    expect(check([
      '終値は<Figure index="russell2000growth" field="close" />、比率は<Figure field="ratio" decimals={1} />。',
      '',
      '<Chart name="relative-strength" />',
      "<Chart name='weekly-change' />",
    ].join('\n'))).toEqual([]);
  });

  test('reports an unknown field with its line and the fields that exist, as the page would', () => {
    expect(check('一行目。\n\n<Figure index="russell2000growth" field="chang" />')).toEqual([{
      file: FILE,
      field: 'body',
      line: 7,
      message: '<Figure field="chang" index="russell2000growth" />: unknown field; expected one of close, change, changePercent, ytdChangePercent, ratio, deviation, relativeDeviation, movingAverage.',
    }]);
  });

  test('reports a per-index field without index, an index the week lacks, a missing field', () => {
    const problems = check('<Figure field="close" />\n<Figure index="nasdaq" field="close" />\n<Figure index="sp500" />');
    expect(problems.map((problem) => [problem.line, problem.message])).toEqual([
      [5, '<Figure field="close" />: needs index="…" for this field.'],
      [6, '<Figure field="close" index="nasdaq" />: no figures for index "nasdaq"; this post has russell2000growth, sp500, djia.'],
      [7, '<Figure index="sp500" />: needs field="…".'],
    ]);
  });

  test('reports a chart the post does not have, naming those it has', () => {
    expect(check('\n<Chart name="forward-pe" />')).toEqual([{
      file: FILE,
      field: 'body',
      line: 6,
      message: '<Chart name="forward-pe" />: no such chart; this post has relative-strength, rebased, weekly-change.',
    }]);
  });

  test('a feature without market data can cite no figure and place no built-in chart', () => {
    expect(check('<Figure field="ratio" />\n<Chart name="rebased" />', feature).map((problem) => problem.message)).toEqual([
      '<Figure field="ratio" />: needs market data, and this post has none.',
      '<Chart name="rebased" />: no such chart; this post has none.',
    ]);
  });

  test('ignores components in comments and code, and counts lines across CRLF', () => {
    expect(check('{/* <Figure field="bogus" /> */}\n\n`<Chart name="x" />`\n\n```mdx\n<Figure field="bogus" />\n```\n')).toEqual([]);
    const crlf = checkBodyComponents(FILE, `${HEAD}\n<Figure field="bogus" />\n`.replaceAll('\n', '\r\n'), weekly);
    expect(crlf.map((problem) => problem.line)).toEqual([6]);
  });
});
