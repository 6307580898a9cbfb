import { describe, expect, test } from 'vitest';
import { formatClose, mergeCloses, parseClosesCsv, parseWideCsv, serializeClosesCsv, toWeeklyCloses, type CloseRow } from '../../src/lib/closes.ts';

const IDS = ['russell2000growth', 'sp500', 'djia'];
const FILE = 'content/data/closes.csv';

describe('parseClosesCsv', () => {
  test('reads date,index,close rows with their line numbers', () => {
    const { rows, problems } = parseClosesCsv(FILE, 'date,index,close\n2026-02-13,russell2000growth,1709.95\n2026-02-13,sp500,6836.17\n', IDS);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { date: '2026-02-13', index: 'russell2000growth', close: 1709.95, line: 2 },
      { date: '2026-02-13', index: 'sp500', close: 6836.17, line: 3 },
    ]);
  });

  test('reads a file saved with a BOM and Windows line endings the same', () => {
    const { rows, problems } = parseClosesCsv(FILE, '\uFEFFdate,index,close\r\n2026-02-13,sp500,6836.17\r\n\r\n', IDS);
    expect(problems).toEqual([]);
    expect(rows).toEqual([{ date: '2026-02-13', index: 'sp500', close: 6836.17, line: 2 }]);
  });

  test('reports every bad row with line, column, expected and received', () => {
    const text = [
      'date,index,close',
      '2026-02-13,russell2000growth,"1,709.95"',
      '2026-02-13,sp500,1709,95',
      '13/02/2026,djia,49500.93',
      '2026-02-13,russell2000,1709.95',
      '2026-02-13,djia,-5',
      '2026-02-13,djia,0',
      '2026-02-13,djia,',
      '2026-02-06,djia,50115.67',
    ].join('\n');
    const { rows, problems } = parseClosesCsv(FILE, text, IDS);
    expect(rows).toEqual([{ date: '2026-02-06', index: 'djia', close: 50115.67, line: 9 }]);
    expect(problems).toMatchInlineSnapshot(`
      [
        {
          "file": "content/data/closes.csv",
          "hint": "Write closes without thousands separators: 1709.95, not 1,709.95.",
          "line": 2,
          "message": "expected 3 columns (date,index,close), received 4.",
        },
        {
          "file": "content/data/closes.csv",
          "hint": "Write closes without thousands separators: 1709.95, not 1,709.95.",
          "line": 3,
          "message": "expected 3 columns (date,index,close), received 4.",
        },
        {
          "field": "date",
          "file": "content/data/closes.csv",
          "line": 4,
          "message": "expected a date written YYYY-MM-DD, received "13/02/2026".",
        },
        {
          "field": "index",
          "file": "content/data/closes.csv",
          "hint": "Add it to content/data/indices.json first.",
          "line": 5,
          "message": "unknown index "russell2000"; expected one of russell2000growth, sp500, djia.",
        },
        {
          "field": "close",
          "file": "content/data/closes.csv",
          "hint": "Check the row.",
          "line": 6,
          "message": "expected a positive number, received "-5".",
        },
        {
          "field": "close",
          "file": "content/data/closes.csv",
          "hint": "Check the row.",
          "line": 7,
          "message": "expected a positive number, received "0".",
        },
        {
          "field": "close",
          "file": "content/data/closes.csv",
          "hint": "Check the row.",
          "line": 8,
          "message": "expected a positive number, received "".",
        },
      ]
    `);
  });

  test('refuses a file without the header', () => {
    expect(parseClosesCsv(FILE, '2026-02-13,sp500,6836.17\n', IDS).problems).toEqual([
      { file: FILE, line: 1, message: 'expected the header "date,index,close", received "2026-02-13,sp500,6836.17".' },
    ]);
  });
});

describe('serializeClosesCsv and formatClose', () => {
  test('sorts by date then index and writes cents, so a round trip is byte-identical', () => {
    const rows: CloseRow[] = [
      { date: '2026-02-13', index: 'sp500', close: 6836.17 },
      { date: '2026-02-06', index: 'sp500', close: 6932.3 },
      { date: '2026-02-13', index: 'djia', close: 49500.93 },
    ];
    const text = serializeClosesCsv(rows);
    expect(text).toBe('date,index,close\n2026-02-06,sp500,6932.30\n2026-02-13,djia,49500.93\n2026-02-13,sp500,6836.17\n');
    expect(serializeClosesCsv(parseClosesCsv(FILE, text, IDS).rows)).toBe(text);
  });
  test('keeps every digit where two decimals would lose some', () => {
    expect(formatClose(1709.95)).toBe('1709.95');
    expect(formatClose(6932.3)).toBe('6932.30');
    expect(formatClose(1709.955)).toBe('1709.955');
  });
});

describe('parseWideCsv', () => {
  const columns = { russell_2000_growth_RUO: 'russell2000growth', sp500_GSPC: 'sp500', djia_DJI: 'djia' };
  test('reads the vendor\'s wide format into rows, skipping empty cells', () => {
    const text = 'date,russell_2000_growth_RUO,sp500_GSPC,djia_DJI\n2026-02-13,1709.95,6836.17,\n';
    expect(parseWideCsv('vendor.csv', text, columns)).toEqual({
      rows: [
        { date: '2026-02-13', index: 'russell2000growth', close: 1709.95 },
        { date: '2026-02-13', index: 'sp500', close: 6836.17 },
      ],
      problems: [],
    });
  });
  test('names an unmapped column and a bad cell by its header', () => {
    expect(parseWideCsv('vendor.csv', 'date,nasdaq\n2026-02-13,1\n', columns).problems[0]).toMatchObject({ field: 'nasdaq', line: 1 });
    const bad = parseWideCsv('vendor.csv', 'date,sp500_GSPC\n2026-02-13,n/a\n', columns);
    expect(bad.problems).toEqual([{ file: 'vendor.csv', line: 2, field: 'sp500_GSPC', message: 'expected a positive number, received "n/a".', hint: 'Check the row.' }]);
  });
});

describe('toWeeklyCloses', () => {
  test('keeps the last trading day of each week, a Thursday in a holiday week', () => {
    const daily: CloseRow[] = [
      { date: '2025-04-14', index: 'sp500', close: 1 },
      { date: '2025-04-17', index: 'sp500', close: 2 },
      { date: '2025-04-21', index: 'sp500', close: 3 },
      { date: '2025-04-25', index: 'sp500', close: 4 },
      { date: '2025-04-24', index: 'sp500', close: 5 },
    ];
    expect(toWeeklyCloses(daily).map((row) => row.date).sort()).toEqual(['2025-04-17', '2025-04-25']);
  });
});

describe('mergeCloses', () => {
  const existing: CloseRow[] = [{ date: '2026-02-06', index: 'sp500', close: 6932.3 }];
  test('adds new weeks and recognises identical rows', () => {
    const result = mergeCloses(existing, [
      { date: '2026-02-06', index: 'sp500', close: 6932.3 },
      { date: '2026-02-13', index: 'sp500', close: 6836.17 },
    ]);
    expect(result.added).toHaveLength(1);
    expect(result.unchanged).toHaveLength(1);
    expect(result.conflicts).toEqual([]);
    expect(result.rows.map((row) => row.date)).toEqual(['2026-02-06', '2026-02-13']);
  });
  test('a different value or another day of the same week is a conflict unless replacing', () => {
    const incoming = [{ date: '2026-02-05', index: 'sp500', close: 6900 }];
    const kept = mergeCloses(existing, incoming);
    expect(kept.conflicts).toEqual([{ existing: existing[0], incoming: incoming[0] }]);
    expect(kept.rows).toEqual(existing);
    const replaced = mergeCloses(existing, incoming, true);
    expect(replaced.replaced).toHaveLength(1);
    expect(replaced.rows).toEqual(incoming);
  });
});
