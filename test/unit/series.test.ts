import { describe, expect, test } from 'vitest';
import { formatProblems } from '../../src/lib/problems.ts';
import { buildSeries, type SourcedClose } from '../../src/lib/series.ts';

const NEW_YORK = () => 'XNYS' as const;
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
    ], NEW_YORK);
    expect(problems).toEqual([]);
    expect(series.get('sp500')).toEqual([
      { date: '2026-02-06', week: '2026-02-06', close: 6932.3 },
      { date: '2026-02-13', week: '2026-02-13', close: 6836.17 },
      { date: '2026-02-20', week: '2026-02-20', close: 6900 },
    ]);
    expect(series.get('djia')).toEqual([{ date: '2026-02-06', week: '2026-02-06', close: 50115.67 }]);
  });

  test('a post close that disagrees with closes.csv names both places', () => {
    const { problems } = buildSeries([csv('2026-02-13', 'russell2000growth', 1709.95, 5), post('2026-02-13', 'russell2000growth', 1709.59, 9)], NEW_YORK);
    expect(formatProblems(problems)).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has a problem:
        - indices.russell2000growth.close (line 9): russell2000growth closes at 1709.59 on 2026-02-13 here, but at 1709.95 in content/data/closes.csv line 5. One close per index per week: correct one of the two."
    `);
  });

  test('two closes for one index in one week name both days and places', () => {
    const { series, problems } = buildSeries([csv('2026-02-13', 'sp500', 6836.17, 3), post('2026-02-12', 'sp500', 6832.76, 8)], NEW_YORK);
    expect(formatProblems(problems)).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-12.mdx has a problem:
        - indices.sp500.close (line 8): sp500 has a close on 2026-02-12 here and another on 2026-02-13 in content/data/closes.csv line 3, in the same week. One close per index per week: correct one of the two."
    `);
    // The first close stands; the series never holds two closes in a week.
    expect(series.get('sp500')).toEqual([{ date: '2026-02-13', week: '2026-02-13', close: 6836.17 }]);
  });

  test('two rows of closes.csv for one week conflict too', () => {
    const { problems } = buildSeries([csv('2026-02-09', 'djia', 1, 2), csv('2026-02-13', 'djia', 2, 3)], NEW_YORK);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'content/data/closes.csv', line: 3 });
    expect(problems[0]?.message).toContain('line 2');
  });
});

describe('the calendar rules', () => {
  test('a close on a weekend or an exchange holiday is refused, naming the row and the day', () => {
    const { series, problems } = buildSeries([csv('2026-02-14', 'sp500', 1, 4), csv('2026-04-03', 'djia', 2, 5), csv('2026-04-02', 'djia', 3, 6)], NEW_YORK);
    expect(formatProblems(problems)).toMatchInlineSnapshot(`
      "content/data/closes.csv has 2 problems:
        - (line 4): sp500 has a close dated 2026-02-14, a Saturday. Markets close on trading days only: correct the date, or remove the row.
        - (line 5): djia has a close dated 2026-04-03, Good Friday, when the exchange (XNYS) is closed. Markets close on trading days only: correct the date, or remove the row."
    `);
    expect(series.get('djia')).toEqual([{ date: '2026-04-02', week: '2026-04-03', close: 3 }]);
  });

  test('indices of one exchange close a week on the same day: a close dated a day early is refused, naming both rows', () => {
    const { problems } = buildSeries([csv('2026-02-13', 'sp500', 6836.17, 2), csv('2026-02-12', 'russell2000growth', 1709.95, 3)], NEW_YORK);
    expect(formatProblems(problems)).toMatchInlineSnapshot(`
      "content/data/closes.csv has a problem:
        - (line 3): russell2000growth closes the week ending 2026-02-13 on 2026-02-12, but sp500 closes it on 2026-02-13 (content/data/closes.csv line 2). Indices of one exchange (XNYS) close a week on the same day: correct the date of one of the two."
    `);
  });

  test('a holiday week closes on Thursday for every index of the exchange alike', () => {
    const { series, problems } = buildSeries([csv('2026-04-02', 'sp500', 1, 2), csv('2026-04-02', 'djia', 2, 3)], NEW_YORK);
    expect(problems).toEqual([]);
    expect(series.get('sp500')?.[0]?.week).toBe('2026-04-03');
  });

  test('indices of different calendars pair by week, whatever their days', () => {
    const calendars = (index: string) => (index === 'nikkei' ? 'XTKS' : 'XNYS') as 'XNYS';
    const { problems } = buildSeries([csv('2026-02-13', 'sp500', 1, 2), csv('2026-02-12', 'nikkei', 2, 3)], calendars);
    expect(problems).toEqual([]);
  });

  test('shuffling the rows or repeating identical ones changes nothing', () => {
    const rows = Array.from({ length: 60 }, (_, i) => {
      const date = new Date(Date.parse('2025-01-10T00:00:00Z') + i * 7 * 86_400_000).toISOString().slice(0, 10);
      return [csv(date, 'sp500', 5000 + i, 2 + 2 * i), csv(date, 'djia', 40000 - i, 3 + 2 * i)];
    }).flat().filter((row) => !['2025-04-18', '2025-07-04', '2025-12-26'].includes(row.date) || row.date === '2025-12-26');
    const reference = buildSeries(rows, NEW_YORK);
    expect(reference.problems).toEqual([]);
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 20; round++) {
      const shuffled = [...rows, ...rows.filter(() => random() < 0.3)].sort(() => random() - 0.5);
      const result = buildSeries(shuffled, NEW_YORK);
      expect(result.problems).toEqual([]);
      expect(result.series).toEqual(reference.series);
    }
  });
});
