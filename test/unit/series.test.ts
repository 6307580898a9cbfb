import { describe, expect, test } from 'vitest';
import { formatProblems } from '../../src/lib/problems.ts';
import { buildSeries, type SourcedClose } from '../../src/lib/series.ts';

const csv = (date: string, index: string, close: number, line: number): SourcedClose => ({ date, index, close, file: 'content/data/closes.csv', line });
const post = (date: string, index: string, close: number, line: number): SourcedClose => ({
  date, index, close, file: `content/posts/ja/2026/${date}.mdx`, field: `indices.${index}.close`, line,
});

describe('buildSeries', () => {
  test('merges imported closes and post closes into one sorted series per index', () => {
    const { series, problems } = buildSeries([
      csv('2026-02-13', 'sp500', 6836.17, 3),
      csv('2026-02-06', 'sp500', 6932.3, 2),
      post('2026-02-13', 'sp500', 6836.17, 9),
      post('2026-02-20', 'sp500', 6900, 9),
      csv('2026-02-06', 'djia', 50115.67, 4),
    ]);
    expect(problems).toEqual([]);
    expect(series.get('sp500')).toEqual([
      { date: '2026-02-06', close: 6932.3 },
      { date: '2026-02-13', close: 6836.17 },
      { date: '2026-02-20', close: 6900 },
    ]);
    expect(series.get('djia')).toEqual([{ date: '2026-02-06', close: 50115.67 }]);
  });

  test('a post close that disagrees with closes.csv names both places', () => {
    const { problems } = buildSeries([csv('2026-02-13', 'russell2000growth', 1709.95, 5), post('2026-02-13', 'russell2000growth', 1709.59, 9)]);
    expect(formatProblems(problems)).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has a problem:
        - indices.russell2000growth.close (line 9): russell2000growth closes at 1709.59 on 2026-02-13 here, but at 1709.95 in content/data/closes.csv line 5. One close per index per week: correct one of the two."
    `);
  });

  test('two closes for one index in one week name both days and places', () => {
    const { series, problems } = buildSeries([csv('2026-02-13', 'sp500', 6836.17, 3), post('2026-02-12', 'sp500', 6832.76, 8)]);
    expect(formatProblems(problems)).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-12.mdx has a problem:
        - indices.sp500.close (line 8): sp500 has a close on 2026-02-12 here and another on 2026-02-13 in content/data/closes.csv line 3, in the same week. One close per index per week: correct one of the two."
    `);
    // The first close stands; the series never holds two closes in a week.
    expect(series.get('sp500')).toEqual([{ date: '2026-02-13', close: 6836.17 }]);
  });

  test('two rows of closes.csv for one week conflict too', () => {
    const { problems } = buildSeries([csv('2026-02-09', 'djia', 1, 2), csv('2026-02-13', 'djia', 2, 3)]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'content/data/closes.csv', line: 3 });
    expect(problems[0]?.message).toContain('line 2');
  });
});
