import { describe, expect, test } from 'vitest';
import { checkBodyComponents, getPlacedCharts, type BodyContext } from '../../src/lib/body-components.ts';
import { computeIndexFigures, computeRelativeFigures, ratioSeries } from '../../src/lib/metrics.ts';
import { readPostBody } from '../../src/lib/post-body.ts';
import type { Observation } from '../../src/lib/series.ts';

const FILE = 'content/posts/ja/2026/2026-02-13.mdx';
const HEAD = '---\nkind: weekly\ntitle: 週報\n---\n';
const week = (date: string, close: number): Observation => ({ date, week: date, close });
const small = [week('2026-02-06', 100), week('2026-02-13', 98)];
const large = [week('2026-02-06', 400), week('2026-02-13', 400)];

/** A weekly post of 2026-02-13 with two indices and a two-week moving average of their ratio. */
const weekly: BodyContext = {
  kind: 'weekly',
  date: '2026-02-13',
  charts: [],
  indexIds: ['small', 'large', 'other'],
  productIds: ['house-fund'],
  figures: {
    date: '2026-02-13',
    week: '2026-02-13',
    indices: { small: computeIndexFigures('small', small, '2026-02-13')!, large: computeIndexFigures('large', large, '2026-02-13')! },
    relative: computeRelativeFigures(ratioSeries(small, large, 2), '2026-02-13', 2),
  },
};
const feature: BodyContext = { kind: 'feature', date: '2025-10-10', charts: [], indexIds: ['small'], productIds: [], figures: undefined };

function check(body: string, context: BodyContext = weekly) {
  const read = readPostBody(FILE, `${HEAD}${body}`);
  expect(read.problems).toEqual([]);
  return checkBodyComponents(FILE, read.components, context).map((problem) => `${problem.line}: ${problem.message}`);
}

describe('checkBodyComponents', () => {
  test('accepts figures and charts the post has', () => {
    expect(check('終値は<Figure index="small" field="close" />、比率は<Figure field="ratio" decimals={1} />。\n\n<Chart name="relative-strength" />\n<KeyFigures only={["small"]} />\n<RiskWatch />')).toEqual([]);
  });

  test('reports an unknown field with its line and the fields that exist', () => {
    expect(check('一行目。\n\n<Figure index="small" field="chang" />')).toEqual([
      '7: <Figure index="small" field="chang" />: unknown field; expected one of close, change, changePercent, ytdChangePercent, ratio, deviation, relativeDeviation, movingAverage.',
    ]);
  });

  test('reports a per-index field without index, an index the week lacks, a missing field', () => {
    expect(check('<Figure field="close" />\n<Figure index="nasdaq" field="close" />\n<Figure index="small" />')).toEqual([
      '5: <Figure field="close" />: needs index="…" for this field.',
      '6: <Figure index="nasdaq" field="close" />: no figures for index "nasdaq"; this post has small, large.',
      '7: <Figure index="small" />: needs field="…".',
    ]);
  });

  test('reports a bad decimals value, an unknown attribute and a value of the wrong type', () => {
    expect(check('<Figure field="ratio" decimals={-1} />\n<Chart name="rebased" size="big" />\n<Chart name={2} />\n<KeyFigures only={["nikkei"]} />')).toEqual([
      '5: <Figure field="ratio" decimals={-1} />: expected a whole number from 0 to 6, written decimals={2}; received -1.',
      '6: <Chart name="rebased" size="big" />: unknown attribute "size"; <Chart> takes name.',
      '7: <Chart name={2} />: expected text in quotes, received 2.',
      '8: <KeyFigures only={["nikkei"]} />: unknown index "nikkei"; expected small, large, other.',
    ]);
  });

  test('reports an unknown component, which MDX would only fail on while rendering', () => {
    expect(check('<Chartt name="rebased" />')).toEqual(['5: <Chartt name="rebased" />: unknown component; posts can use <Chart>, <Figure>, <KeyFigures>, <RiskWatch>, <ProductNotice>, <Quote>.']);
  });

  test('reports a chart the post does not have, naming those it has', () => {
    expect(check('\n<Chart name="forward-pe" />')).toEqual(['6: <Chart name="forward-pe" />: no such chart; this post has relative-strength, rebased, weekly-change.']);
  });

  test('a feature without market data can cite no figure and place no built-in chart', () => {
    expect(check('<Figure field="ratio" />\n<Chart name="rebased" />', feature)).toEqual([
      '5: <Figure field="ratio" />: needs market data, and this post has none.',
      '6: <Chart name="rebased" />: no such chart; this post has none.',
    ]);
  });

  test('components in comments and code are text: nothing to check, nothing placed', () => {
    expect(check('{/* <Figure field="bogus" /> */}\n\n`<Chart name="x" />`\n\n```mdx\n<Figure field="bogus" />\n```\n')).toEqual([]);
    expect(getPlacedCharts(readPostBody(FILE, `${HEAD}{/* <Chart name="a" /> */}\n\n<Chart name="b" />\n`).components)).toEqual(['b']);
  });
});

describe('<Figure as="…">', () => {
  test('accepts number, absolute and words where the field has a direction', () => {
    expect(check('<Figure index="small" field="change" as="words" />、<Figure field="deviation" as="words" />、<Figure index="small" field="close" as="absolute" />')).toEqual([]);
  });
  test('refuses an unknown style and words for a figure without a direction', () => {
    expect(check('<Figure index="small" field="close" as="words" />\n<Figure field="ratio" as="prose" />')).toEqual([
      '5: <Figure index="small" field="close" as="words" />: as="words" describes change, changePercent, ytdChangePercent, deviation, relativeDeviation; write close as a number.',
      '6: <Figure field="ratio" as="prose" />: expected one of "number", "absolute", "words".',
    ]);
  });
});
