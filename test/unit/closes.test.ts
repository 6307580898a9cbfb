import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  checkImportedDays, checkMergedWeekDays, checkStoredCloses, describeMergeByWeek, formatClose, mergeCloses, parseClosesCsv,
  parseWideCsv, reduceImportedCloses, serializeClosesCsv, toWeeklyCloses, type CloseRow,
} from '../../src/lib/closes.ts';
import type { Problem } from '../../src/lib/problems.ts';
import type { CalendarOf, SourcedClose } from '../../src/lib/series.ts';
import { parseRegistry } from '../../src/lib/read-registry.ts';
import { FIXTURE_CONTENT } from '../helpers/build-site.ts';

const IDS = ['russell2000growth', 'sp500', 'djia'];
const FILE = 'content/data/closes.csv';
const VENDOR = 'vendor.csv';
const nyse: CalendarOf = () => 'XNYS';

/** A close read from the vendor file at `line`, column `<index>_col`. */
function vendorRow(date: string, index: string, close: number, line: number): SourcedClose {
  return { date, index, close, file: VENDOR, line, field: `${index}_col` };
}

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
        { date: '2026-02-13', index: 'russell2000growth', close: 1709.95, file: 'vendor.csv', line: 2, field: 'russell_2000_growth_RUO' },
        { date: '2026-02-13', index: 'sp500', close: 6836.17, file: 'vendor.csv', line: 2, field: 'sp500_GSPC' },
      ],
      problems: [],
    });
  });
  test('names an unmapped column and a bad cell by its header', () => {
    expect(parseWideCsv('vendor.csv', 'date,nasdaq\n2026-02-13,1\n', columns).problems[0]).toMatchObject({ field: 'nasdaq', line: 1 });
    const bad = parseWideCsv('vendor.csv', 'date,sp500_GSPC\n2026-02-13,n/a\n', columns);
    expect(bad.problems).toEqual([{ file: 'vendor.csv', line: 2, field: 'sp500_GSPC', message: 'expected a positive number, received "n/a".', hint: 'Check the row.' }]);
  });
  test('a column named like an object property is not mapped by accident', () => {
    expect(parseWideCsv('vendor.csv', 'date,constructor\n2026-02-13,1\n', columns).problems).toEqual([
      expect.objectContaining({ field: 'constructor', message: 'no index is mapped to column "constructor".' }),
    ]);
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

describe('checkImportedDays', () => {
  const hint = 'Markets close on trading days only: correct the date, or remove the row.';
  test('refuses a weekend row, naming the file, the line, the column and the date', () => {
    const { rows, problems } = checkImportedDays([vendorRow('2026-02-13', 'sp500', 6836.17, 2), vendorRow('2026-02-14', 'sp500', 6840, 3)], nyse);
    expect(rows.map((row) => row.date)).toEqual(['2026-02-13']);
    expect(problems).toEqual([{ file: VENDOR, line: 3, field: 'sp500_col', message: 'sp500 has a close dated 2026-02-14, a Saturday.', hint }]);
  });
  test('refuses a row on an exchange holiday of the index\'s calendar', () => {
    const { rows, problems } = checkImportedDays([vendorRow('2026-04-02', 'djia', 45000, 2), vendorRow('2026-04-03', 'djia', 45001.75, 3)], nyse);
    expect(rows.map((row) => row.date)).toEqual(['2026-04-02']);
    expect(problems).toEqual([
      { file: VENDOR, line: 3, field: 'djia_col', message: 'djia has a close dated 2026-04-03, Good Friday, when the exchange (XNYS) is closed.', hint },
    ]);
  });
  test('refuses one date given twice with different values, naming both lines', () => {
    const { rows, problems } = checkImportedDays([
      vendorRow('2026-02-13', 'sp500', 6836.17, 2),
      vendorRow('2026-02-13', 'djia', 49500.93, 2),
      vendorRow('2026-02-13', 'sp500', 6836.71, 5),
    ], nyse);
    expect(rows).toHaveLength(2);
    expect(problems).toEqual([{
      file: VENDOR,
      line: 5,
      field: 'sp500_col',
      message: 'sp500 closes at 6836.71 on 2026-02-13 here, but at 6836.17 in vendor.csv line 2 sp500_col.',
      hint: 'One close per index per day: correct or remove one of the two rows.',
    }]);
  });
  test('accepts the same close given twice, in one file or two, as one close', () => {
    const { rows, problems } = checkImportedDays([
      vendorRow('2026-02-13', 'sp500', 6836.17, 2),
      vendorRow('2026-02-13', 'sp500', 6836.17, 3),
      { ...vendorRow('2026-02-13', 'sp500', 6836.17, 2), file: 'other.csv' },
    ], nyse);
    expect(problems).toEqual([]);
    expect(rows).toEqual([vendorRow('2026-02-13', 'sp500', 6836.17, 2)]);
  });
});

describe('reduceImportedCloses', () => {
  test('refuses a week that indices of one exchange close on different days, naming both rows', () => {
    // A daily file where djia has no Friday value: its last day would be Thursday, beside sp500's Friday.
    const { problems } = reduceImportedCloses([
      vendorRow('2026-02-12', 'sp500', 6832.76, 2),
      vendorRow('2026-02-12', 'djia', 49451.98, 2),
      vendorRow('2026-02-13', 'sp500', 6836.17, 3),
    ], nyse);
    expect(problems).toEqual([{
      file: VENDOR,
      line: 2,
      field: 'djia_col',
      message: 'djia closes the week ending 2026-02-13 on 2026-02-12, but sp500 closes it on 2026-02-13 (vendor.csv line 3 sp500_col).',
      hint: 'Indices of one exchange (XNYS) close a week on the same day: correct the date of one of the two.',
    }]);
  });
  test('closes a holiday week on its Thursday for every index', () => {
    const daily = ['2026-03-30', '2026-03-31', '2026-04-01', '2026-04-02'].flatMap((date, i) => [
      vendorRow(date, 'sp500', 6400 + i, i + 2),
      vendorRow(date, 'djia', 45000 + i, i + 2),
    ]);
    const { rows, problems } = reduceImportedCloses(daily, nyse);
    expect(problems).toEqual([]);
    expect(rows.map((row) => `${row.index} ${row.date} ${row.close}`)).toEqual(['sp500 2026-04-02 6403', 'djia 2026-04-02 45003']);
  });
  test('a stray weekend row is refused before the reduction, so it never becomes the week\'s close', () => {
    const { rows, problems } = reduceImportedCloses([vendorRow('2026-02-13', 'sp500', 6836.17, 2), vendorRow('2026-02-15', 'sp500', 1, 3)], nyse);
    expect(problems.map((problem) => problem.message)).toEqual(['sp500 has a close dated 2026-02-15, a Sunday.']);
    expect(rows.map((row) => row.date)).toEqual(['2026-02-13']);
  });
});

describe('checkStoredCloses', () => {
  const stored = (...rows: string[]) => parseClosesCsv(FILE, ['date,index,close', ...rows, ''].join('\n'), IDS).rows;
  test('names both rows of two disagreeing closes for one index and week (a hand edit, a merge)', () => {
    const problems = checkStoredCloses(FILE, stored('2026-02-13,djia,49500.93', '2026-02-13,sp500,6836.17', '2026-02-13,sp500,6800.00'), nyse);
    expect(problems).toEqual([{
      file: FILE,
      line: 4,
      message: 'sp500 closes at 6800 on 2026-02-13 here, but at 6836.17 in content/data/closes.csv line 3.',
      hint: 'One close per index per week: correct one of the two.',
    }]);
  });
  test('names a row misdated against the other indices of its week', () => {
    const problems = checkStoredCloses(FILE, stored('2026-02-13,djia,49500.93', '2026-02-12,sp500,6832.76'), nyse);
    expect(problems.map((problem: Problem) => [problem.line, problem.message])).toEqual([
      [3, 'sp500 closes the week ending 2026-02-13 on 2026-02-12, but djia closes it on 2026-02-13 (content/data/closes.csv line 2).'],
    ]);
  });
  test('accepts a row written twice, and the shipped closes', () => {
    expect(checkStoredCloses(FILE, stored('2026-02-13,sp500,6836.17', '2026-02-13,sp500,6836.17'), nyse)).toEqual([]);
    const fixture = readFileSync(path.join(FIXTURE_CONTENT, 'data', 'closes.csv'), 'utf8');
    expect(checkStoredCloses(FILE, parseClosesCsv(FILE, fixture, IDS).rows, nyse)).toEqual([]);
  });
});

describe('checkMergedWeekDays', () => {
  const storedRow = (date: string, index: string, close: number, line: number): SourcedClose => ({ date, index, close, file: FILE, line });
  const existing = [storedRow('2026-02-13', 'sp500', 6836.17, 2), storedRow('2026-02-13', 'djia', 49500.93, 3)];
  test('names an imported Thursday beside stored Fridays, and the stored row', () => {
    const result = mergeCloses(existing, [vendorRow('2026-02-12', 'russell2000growth', 1709.95, 2)]);
    expect(checkMergedWeekDays(result, nyse).map((problem) => [problem.file, problem.line, problem.message])).toEqual([
      [VENDOR, 2, 'russell2000growth closes the week ending 2026-02-13 on 2026-02-12, but djia closes it on 2026-02-13 (content/data/closes.csv line 3).'],
    ]);
  });
  test('accepts an import that closes the week on the stored day', () => {
    expect(checkMergedWeekDays(mergeCloses(existing, [vendorRow('2026-02-13', 'russell2000growth', 1709.95, 2)]), nyse)).toEqual([]);
  });
});

describe('describeMergeByWeek', () => {
  test('lists each week that would change: additions, replacements and refusals', () => {
    const existing: CloseRow[] = [
      { date: '2026-02-13', index: 'sp500', close: 6836.17 },
      { date: '2026-02-13', index: 'djia', close: 49500.93 },
      { date: '2026-02-20', index: 'djia', close: 49625.97 },
    ];
    const incoming: CloseRow[] = [
      { date: '2026-02-13', index: 'sp500', close: 6836.17 },
      { date: '2026-02-13', index: 'djia', close: 49500.9 },
      { date: '2026-02-20', index: 'sp500', close: 6909.51 },
      { date: '2026-02-20', index: 'russell2000growth', close: 1712.34 },
      { date: '2026-02-20', index: 'djia', close: 49625.97 },
    ];
    expect(describeMergeByWeek(mergeCloses(existing, incoming))).toEqual([
      'week ending 2026-02-13: refuse djia 49500.90 (2026-02-13), stored 49500.93 (2026-02-13)',
      'week ending 2026-02-20: add russell2000growth 1712.34 (2026-02-20), sp500 6909.51 (2026-02-20)',
    ]);
    expect(describeMergeByWeek(mergeCloses(existing, incoming, true))[0]).toBe('week ending 2026-02-13: replace djia 49500.93 (2026-02-13) with 49500.90 (2026-02-13)');
  });
});

describe('import columns', () => {
  test('a column mapped to two indices is refused by parseRegistry, naming both', () => {
    const read = (name: string) => ({ path: `content/${name}`, text: readFileSync(path.join(FIXTURE_CONTENT, name), 'utf8') });
    const indices = read('data/indices.json');
    const twice = indices.text.replace('"importColumns": ["djia_DJI"]', '"importColumns": ["djia_DJI", "sp500_GSPC"]');
    expect(twice).not.toBe(indices.text);
    const problems: Problem[] = [];
    parseRegistry({ site: read('site.json'), indices: { ...indices, text: twice }, topics: read('data/topics.json'), risks: read('data/risks.json') }, problems);
    expect(problems).toEqual([{
      file: 'content/data/indices.json',
      field: 'djia.importColumns',
      message: 'maps the column "sp500_GSPC", which sp500 maps too.',
      hint: 'A vendor column holds one index: remove it from one of the two.',
    }]);
  });
});
