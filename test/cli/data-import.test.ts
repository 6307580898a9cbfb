import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeFileAtomic } from '../../src/cli/atomic-write.ts';
import { runDataImport } from '../../src/cli/data-import.ts';
import { whyNotTradingDay } from '../../src/lib/calendar.ts';
import { addDays, weekOf } from '../../src/lib/dates.ts';
import { ROOT, TEST_NOW } from '../helpers/build-site.ts';
import { copyContent, editFile, runCli, shown } from '../helpers/cli.ts';

const WIDE_HEADER = 'date,russell_2000_growth_RUO,sp500_GSPC,djia_DJI';

/** A site copy, its closes file, and a place for the CSV files to import. */
function setup() {
  const contentDir = copyContent();
  const closes = path.join(contentDir, 'data', 'closes.csv');
  const csv = (name: string, text: string) => {
    const file = path.join(path.dirname(contentDir), name);
    writeFileSync(file, text);
    return file;
  };
  return { contentDir, closes, csv };
}

function temporaryFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.tmp'));
}

describe('npm run data:import', () => {
  test('reports added and unchanged closes and keeps the file sorted', async () => {
    const { contentDir, closes, csv } = setup();
    const before = readFileSync(closes, 'utf8');
    expect(before).toContain('2026-02-13,russell2000growth,1709.95\n');
    // The file lists 2026-04-10 before 2026-02-13: the output is sorted by date whatever the input order.
    const file = csv('weekly.csv', `${WIDE_HEADER}\n2026-04-10,1601.25,6401.50,45001.75\n2026-02-13,1709.95,6836.17,49500.93\n`);
    const result = await runCli('data:import', [file], { contentDir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('3 added, 3 unchanged, 0 replaced, 0 conflicting');
    const after = readFileSync(closes, 'utf8');
    expect(after).toBe(`${before}2026-04-10,djia,45001.75\n2026-04-10,russell2000growth,1601.25\n2026-04-10,sp500,6401.50\n`);
  });

  test('is idempotent: importing the same file twice leaves a byte-identical file', async () => {
    const { contentDir, closes, csv } = setup();
    const file = csv('weekly.csv', `${WIDE_HEADER}\n2026-04-10,1601.25,6401.50,45001.75\n`);
    expect((await runCli('data:import', [file], { contentDir })).code).toBe(0);
    const once = readFileSync(closes);
    const again = await runCli('data:import', [file], { contentDir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 added, 3 unchanged, 0 replaced, 0 conflicting');
    expect(again.stdout).toContain('is already up to date');
    expect(readFileSync(closes).equals(once)).toBe(true);
  });

  test('reduces a daily file to the last trading day of each week', async () => {
    const { contentDir, closes, csv } = setup();
    const days = ['2026-03-30', '2026-03-31', '2026-04-01', '2026-04-02'].map((date, i) => `${date},${1600 + i},${6400 + i},${45000 + i}`);
    const file = csv('daily.csv', `${WIDE_HEADER}\n${days.join('\n')}\n`);
    const result = await runCli('data:import', [file], { contentDir });
    expect(result.stdout).toContain('3 added');
    const text = readFileSync(closes, 'utf8');
    expect(text).toContain('2026-04-02,russell2000growth,1603.00\n');
    expect(text).not.toContain('2026-03-31,');
  });

  test('refuses conflicting closes, naming both values, and leaves the file untouched', async () => {
    const { contentDir, closes, csv } = setup();
    const before = readFileSync(closes, 'utf8');
    const file = csv('conflict.csv', `${WIDE_HEADER}\n2026-02-13,1709.90,6836.17,49500.93\n2026-04-10,1601.25,6401.50,45001.75\n`);
    const result = await runCli('data:import', [file], { contentDir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('3 added, 2 unchanged, 0 replaced, 1 conflicting');
    expect(result.stderr).toContain('russell2000growth week of 2026-02-13: stored 2026-02-13 1709.95, file has 2026-02-13 1709.9');
    expect(result.stderr).toContain('Re-run with --replace');
    expect(readFileSync(closes, 'utf8')).toBe(before);
  });

  test('--replace takes the file values', async () => {
    const { contentDir, closes, csv } = setup();
    const before = readFileSync(closes, 'utf8');
    const file = csv('conflict.csv', `${WIDE_HEADER}\n2026-02-13,1709.90,6836.17,49500.93\n`);
    const result = await runCli('data:import', [file, '--replace'], { contentDir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('0 added, 2 unchanged, 1 replaced, 0 conflicting');
    expect(readFileSync(closes, 'utf8')).toBe(before.replace('2026-02-13,russell2000growth,1709.95', '2026-02-13,russell2000growth,1709.90'));
  });

  test('--dry-run reports without writing', async () => {
    const { contentDir, closes, csv } = setup();
    const before = readFileSync(closes, 'utf8');
    const result = await runCli('data:import', [csv('weekly.csv', `${WIDE_HEADER}\n2026-04-10,1601.25,6401.50,45001.75\n`), '--dry-run'], { contentDir });
    expect(result.stdout).toContain('3 added');
    expect(result.stdout).toContain('Dry run: nothing written.');
    expect(readFileSync(closes, 'utf8')).toBe(before);
  });

  test('imports a plain date,close file for the index given with --index', async () => {
    const { contentDir, closes, csv } = setup();
    const file = csv('sp500.csv', 'date,close\n2026-04-10,6401.5\n2026-04-17,6450\n');
    const result = await runCli('data:import', [file, '--index', 'sp500'], { contentDir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2 added');
    expect(readFileSync(closes, 'utf8')).toMatch(/2026-04-10,sp500,6401\.50\n2026-04-17,sp500,6450\.00\n$/);
    const withoutIndex = await runCli('data:import', [file], { contentDir });
    expect(withoutIndex.code).toBe(1);
    expect(withoutIndex.stderr).toContain('no index is mapped to column "close"');
    const unknown = await runCli('data:import', [file, '--index', 'nasdaq'], { contentDir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--index: unknown index "nasdaq"; expected one of russell2000growth, sp500, djia.');
  });

  test('refuses malformed rows with file, line and field, and writes nothing', async () => {
    const { contentDir, closes, csv } = setup();
    const before = readFileSync(closes, 'utf8');
    const file = csv('bad.csv', [WIDE_HEADER, '2026-04-10,1601.25,6401.50,45001.75', '2026-04-17,1,601.25,6401.50,45001.75', '2026-13-01,1601.25,6401.50,45001.75', '2026-04-24,1601.25,-5,45001.75', ''].join('\n'));
    const result = await runCli('data:import', [file], { contentDir });
    expect(result.code).toBe(1);
    const where = shown(file);
    expect(result.stderr).toContain(`${where} has 3 problems:`);
    expect(result.stderr).toContain('  - (line 3): expected 4 columns, received 5.');
    expect(result.stderr).toContain('  - date (line 4): expected a date written YYYY-MM-DD, received "2026-13-01".');
    expect(result.stderr).toContain('  - sp500_GSPC (line 5): expected a positive number, received "-5".');
    expect(result.stderr).toContain('Nothing was written.');
    expect(readFileSync(closes, 'utf8')).toBe(before);
  });

  test('refuses an empty file and a file with only a header', async () => {
    const { contentDir, closes, csv } = setup();
    const before = readFileSync(closes, 'utf8');
    const empty = csv('empty.csv', '');
    const headerOnly = csv('header.csv', `${WIDE_HEADER}\n`);
    const result = await runCli('data:import', [empty, headerOnly], { contentDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${shown(empty)} has a problem:\n  - (line 1): is empty.`);
    expect(result.stderr).toContain(`${shown(headerOnly)} has a problem:\n  - (line 2): has a header but no rows.`);
    expect(readFileSync(closes, 'utf8')).toBe(before);
  });

  test('--help explains the command; no file is a usage error', async () => {
    const { contentDir } = setup();
    expect((await runCli('data:import', ['--help'], { contentDir })).stdout).toContain('Usage: npm run data:import');
    expect((await runCli('data:import', [], { contentDir })).code).toBe(2);
  });
});

describe('what an import refuses', () => {
  test('a stored conflict stops an unrelated import before anything is written; the correct close survives', async () => {
    // A hand edit or a merge left a second, wrong sp500 close for 2026-02-13 at the end of the file.
    // Rewriting the file would keep one of the two: before this was refused, importing an unrelated
    // week exited 0 and deleted the correct close.
    const { contentDir, closes, csv } = setup();
    writeFileSync(closes, `${readFileSync(closes, 'utf8')}2026-02-13,sp500,6800.00\n`);
    const before = readFileSync(closes, 'utf8');
    const file = csv('weekly.csv', `${WIDE_HEADER}\n2026-04-10,1601.25,6401.50,45001.75\n`);
    for (const args of [[file], [file, '--replace'], [file, '--dry-run']]) {
      const result = await runCli('data:import', args, { contentDir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`${shown(closes)} has a problem:\n  - (line 131): sp500 closes at 6800 on 2026-02-13 here, but at 6836.17 in ${shown(closes)} line 112. One close per index per week: correct one of the two.`);
      expect(result.stderr).toContain(`Nothing was written. Correct ${shown(closes)} by hand first: an import never chooses between stored closes, even with --replace.`);
      expect(result.stdout).not.toContain('added');
      expect(readFileSync(closes, 'utf8')).toBe(before);
    }
    expect(readFileSync(closes, 'utf8')).toContain('2026-02-13,sp500,6836.17\n');
  });

  test('a stored row misdated against the other indices of its week stops the import, naming both rows', async () => {
    const { contentDir, closes, csv } = setup();
    editFile(closes, '2026-03-27,djia,45166.64', '2026-03-26,djia,45166.64');
    const before = readFileSync(closes, 'utf8');
    const result = await runCli('data:import', [csv('weekly.csv', `${WIDE_HEADER}\n2026-04-10,1601.25,6401.50,45001.75\n`)], { contentDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`(line 128): djia closes the week ending 2026-03-27 on 2026-03-26, but russell2000growth closes it on 2026-03-27 (${shown(closes)} line 129).`);
    expect(readFileSync(closes, 'utf8')).toBe(before);
  });

  test('a weekend or holiday row is refused with the file, the line and the date', async () => {
    const { contentDir, closes, csv } = setup();
    const before = readFileSync(closes, 'utf8');
    const file = csv('daily.csv', `${WIDE_HEADER}\n2026-04-10,1601.25,6401.50,45001.75\n2026-04-11,1601.30,6401.60,45001.80\n2026-04-03,1600,6400,45000\n`);
    const result = await runCli('data:import', [file], { contentDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${shown(file)} has 6 problems:`);
    expect(result.stderr).toContain('  - sp500_GSPC (line 3): sp500 has a close dated 2026-04-11, a Saturday. Markets close on trading days only');
    expect(result.stderr).toContain('  - djia_DJI (line 4): djia has a close dated 2026-04-03, Good Friday, when the exchange (XNYS) is closed.');
    expect(readFileSync(closes, 'utf8')).toBe(before);
  });

  test('one date with two different values, in two files, is refused naming both lines; the same value twice is fine', async () => {
    const { contentDir, closes, csv } = setup();
    const before = readFileSync(closes, 'utf8');
    const first = csv('first.csv', `${WIDE_HEADER}\n2026-04-09,1600.00,6400.00,45000.00\n2026-04-10,1601.25,6401.50,45001.75\n`);
    const second = csv('second.csv', 'date,sp500_GSPC\n2026-04-10,6401.50\n2026-04-09,6400.50\n');
    const result = await runCli('data:import', [first, second], { contentDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${shown(second)} has a problem:\n  - sp500_GSPC (line 3): sp500 closes at 6400.5 on 2026-04-09 here, but at 6400 in ${shown(first)} line 2 sp500_GSPC.`);
    expect(readFileSync(closes, 'utf8')).toBe(before);
    const same = csv('same.csv', 'date,sp500_GSPC\n2026-04-10,6401.50\n');
    const accepted = await runCli('data:import', [first, same], { contentDir });
    expect(accepted.stderr).toBe('');
    expect(accepted.stdout).toContain('3 added, 0 unchanged');
  });

  test('a daily file where one index has no Friday value is refused, naming both rows', async () => {
    const { contentDir, closes, csv } = setup();
    const before = readFileSync(closes, 'utf8');
    const file = csv('daily.csv', `${WIDE_HEADER}\n2026-04-09,1600.00,6400.00,45000.00\n2026-04-10,1601.25,6401.50,\n`);
    const result = await runCli('data:import', [file], { contentDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`  - djia_DJI (line 2): djia closes the week ending 2026-04-10 on 2026-04-09, but russell2000growth closes it on 2026-04-10 (${shown(file)} line 3 russell_2000_growth_RUO).`);
    expect(readFileSync(closes, 'utf8')).toBe(before);
  });

  test('an imported Thursday beside stored Fridays of the same week is refused, even with --replace', async () => {
    const { contentDir, closes, csv } = setup();
    const complete = readFileSync(closes, 'utf8');
    const file = csv('sp500.csv', 'date,close\n2026-03-26,6400.00\n');
    // Whether the week's sp500 close is missing (an addition) or stored on the Friday (a replacement).
    editFile(closes, '2026-03-27,sp500,6368.85\n', '');
    const incomplete = readFileSync(closes, 'utf8');
    for (const [before, args] of [[incomplete, [file, '--index', 'sp500']], [incomplete, [file, '--index', 'sp500', '--replace']], [complete, [file, '--index', 'sp500', '--replace']]] as const) {
      writeFileSync(closes, before);
      const result = await runCli('data:import', args, { contentDir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`sp500 closes the week ending 2026-03-27 on 2026-03-26, but djia closes it on 2026-03-27 (${shown(closes)} line 128).`);
      expect(result.stderr).toContain(`Refused: ${shown(closes)} was not changed.`);
      expect(readFileSync(closes, 'utf8')).toBe(before);
    }
  });

  test('a column mapped to two indices in indices.json refuses the import', async () => {
    const { contentDir, closes, csv } = setup();
    const before = readFileSync(closes, 'utf8');
    const indices = path.join(contentDir, 'data', 'indices.json');
    editFile(indices, '"importColumns": ["djia_DJI"]', '"importColumns": ["djia_DJI", "sp500_GSPC"]');
    const result = await runCli('data:import', [csv('weekly.csv', `${WIDE_HEADER}\n2026-04-10,1601.25,6401.50,45001.75\n`)], { contentDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${shown(indices)} has a problem:\n  - djia.importColumns: maps the column "sp500_GSPC", which sp500 maps too.`);
    expect(readFileSync(closes, 'utf8')).toBe(before);
  });

  test('a directory or a missing file is a problem, not a crash', async () => {
    const { contentDir, closes } = setup();
    const before = readFileSync(closes, 'utf8');
    const directory = path.join(path.dirname(contentDir), 'downloads');
    mkdirSync(directory);
    const missing = path.join(path.dirname(contentDir), 'missing.csv');
    const result = await runCli('data:import', [directory, missing], { contentDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${shown(directory)} has a problem:\n  - is a directory; expected a CSV file. Give the path of a CSV file.\n\n${shown(missing)} has a problem:\n  - does not exist.\n\nNothing was written.\n`);
    expect(readFileSync(closes, 'utf8')).toBe(before);
  });
});

describe('--dry-run', () => {
  test('lists week by week what would be added and replaced, then writes nothing', async () => {
    const { contentDir, closes, csv } = setup();
    const before = readFileSync(closes, 'utf8');
    const file = csv('weekly.csv', `${WIDE_HEADER}\n2026-02-13,1709.90,6836.17,49500.93\n2026-04-10,1601.25,6401.50,45001.75\n2026-04-17,1612.34,,45100\n`);
    const result = await runCli('data:import', [file, '--replace', '--dry-run'], { contentDir });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe([
      'week ending 2026-02-13: replace russell2000growth 1709.95 (2026-02-13) with 1709.90 (2026-02-13)',
      'week ending 2026-04-10: add djia 45001.75 (2026-04-10), russell2000growth 1601.25 (2026-04-10), sp500 6401.50 (2026-04-10)',
      'week ending 2026-04-17: add djia 45100.00 (2026-04-17), russell2000growth 1612.34 (2026-04-17)',
      '5 added, 2 unchanged, 1 replaced, 0 conflicting',
      'Dry run: nothing written.',
      '',
    ].join('\n'));
    expect(readFileSync(closes, 'utf8')).toBe(before);
  });

  test('lists what would be refused and exits as the import would', async () => {
    const { contentDir, closes, csv } = setup();
    const before = readFileSync(closes, 'utf8');
    const file = csv('weekly.csv', `${WIDE_HEADER}\n2026-02-13,1709.90,6836.17,49500.93\n2026-04-10,1601.25,6401.50,45001.75\n`);
    const result = await runCli('data:import', [file, '--dry-run'], { contentDir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('week ending 2026-02-13: refuse russell2000growth 1709.90 (2026-02-13), stored 1709.95 (2026-02-13)\n');
    expect(result.stdout).toContain('3 added, 2 unchanged, 0 replaced, 1 conflicting');
    expect(result.stderr).toContain(`russell2000growth week of 2026-02-13: stored 2026-02-13 1709.95, file has 2026-02-13 1709.9 (${shown(file)} line 2 russell_2000_growth_RUO)`);
    expect(readFileSync(closes, 'utf8')).toBe(before);
  });
});

/** Every trading day (XNYS) from `from` to `to`, as the calendar's rules have them. */
function tradingDays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) if (whyNotTradingDay('XNYS', day) === undefined) days.push(day);
  return days;
}

/**
 * A site copy with `count` more indices (`extra-0`…, column `EXTRA-0_CLOSE`…) and a wide file of their
 * daily closes from 1986 to 2025, every trading day of the calendar.
 */
function largeImport(count: number) {
  const { contentDir, closes, csv } = setup();
  const indices = path.join(contentDir, 'data', 'indices.json');
  const ids = Array.from({ length: count }, (_, i) => `extra-${i}`);
  const registry = JSON.parse(readFileSync(indices, 'utf8')) as unknown[];
  for (const id of ids) {
    const text = { ja: id, en: id };
    registry.push({ id, name: text, shortName: text, color: '#123456', source: text, importColumns: [`${id.toUpperCase()}_CLOSE`] });
  }
  writeFileSync(indices, JSON.stringify(registry, null, 2));
  // Ends on a Friday: a week cut short would be misdated against the stored closes of its week.
  const days = tradingDays('1986-01-01', '2025-12-26');
  const rows = days.map((day, i) => `${day},${ids.map((_, j) => (1000 + j * 10 + (i % 997) / 100).toFixed(2)).join(',')}`);
  const file = csv('forty-years.csv', `date,${ids.map((id) => `${id.toUpperCase()}_CLOSE`).join(',')}\n${rows.join('\n')}\n`);
  return { contentDir, closes, file, days, weeks: new Set(days.map((day) => weekOf(day))).size };
}

describe('a large import', () => {
  test('forty years of daily closes of ten indices import, and re-import byte-identically', async () => {
    const { contentDir, closes, file, days, weeks } = largeImport(10);
    const before = readFileSync(closes, 'utf8');
    const result = await runCli('data:import', [file], { contentDir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${weeks * 10} added, 0 unchanged, 0 replaced, 0 conflicting`);
    const after = readFileSync(closes, 'utf8');
    expect(after.split('\n')).toHaveLength(before.split('\n').length + weeks * 10);
    // The first week of 1986 closed on Friday the 3rd; the last day of a holiday week is its Thursday.
    expect(after).toContain('\n1986-01-03,extra-0,1000.01\n');
    expect(after).toContain(`\n2025-07-03,extra-9,${(1090 + (days.indexOf('2025-07-03') % 997) / 100).toFixed(2)}\n`);
    expect(after).not.toContain('2025-07-02,extra');
    for (const line of before.split('\n')) expect(after).toContain(`${line}\n`);

    const again = await runCli('data:import', [file], { contentDir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`0 added, ${weeks * 10} unchanged, 0 replaced, 0 conflicting`);
    expect(readFileSync(closes, 'utf8')).toBe(after);
  });

  test('a quarter of a million closes do not overflow the call stack', async () => {
    // Spreading a file's rows into push() used to throw "Maximum call stack size exceeded" from about
    // 125,000 closes; twenty-five indices over forty years is twice that.
    const { contentDir, closes, file, weeks } = largeImport(25);
    const result = await runCli('data:import', [file], { contentDir });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`${weeks * 25} added, 0 unchanged, 0 replaced, 0 conflicting`);
    expect(readFileSync(closes, 'utf8')).toContain('\n2025-12-26,extra-24,');
  });
});

describe('atomic write', () => {
  const environment = () => ({ root: ROOT, contentDir: setup().contentDir, now: new Date(TEST_NOW) });
  const silent = { log: () => {}, error: () => {} };

  test('a writer that dies half-way leaves the original closes file intact and no temporary file', () => {
    const env = environment();
    const closes = path.join(env.contentDir, 'data', 'closes.csv');
    const before = readFileSync(closes, 'utf8');
    const file = path.join(path.dirname(env.contentDir), 'weekly.csv');
    writeFileSync(file, `${WIDE_HEADER}\n2026-04-10,1601.25,6401.50,45001.75\n`);
    const failing = (temporary: string, text: string) => {
      writeFileSync(temporary, text.slice(0, text.length / 2));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    const errors: string[] = [];
    expect(runDataImport([file], { log: () => {}, error: (line) => errors.push(line), environment: env }, { write: failing })).toBe(1);
    expect(errors.join('\n')).toMatch(/closes\.csv could not be written \(ENOSPC: no space left on device, write\); it was left as it was\.$/);
    expect(readFileSync(closes, 'utf8')).toBe(before);
    expect(temporaryFiles(path.dirname(closes))).toEqual([]);
  });

  test('a closes file changed by someone else during the import is not replaced', () => {
    const env = environment();
    const closes = path.join(env.contentDir, 'data', 'closes.csv');
    const edited = `${readFileSync(closes, 'utf8')}2026-04-17,sp500,6450.00\n`;
    const file = path.join(path.dirname(env.contentDir), 'weekly.csv');
    writeFileSync(file, `${WIDE_HEADER}\n2026-04-10,1601.25,6401.50,45001.75\n`);
    const errors: string[] = [];
    const code = runDataImport([file], { log: () => {}, error: (line) => errors.push(line), environment: env }, {
      write: (temporary, text) => {
        writeFileSync(temporary, text);
        writeFileSync(closes, edited);
      },
    });
    expect(code).toBe(1);
    expect(errors.join('\n')).toContain('closes.csv changed while it was being updated; nothing was written.');
    expect(readFileSync(closes, 'utf8')).toBe(edited);
    expect(temporaryFiles(path.dirname(closes))).toEqual([]);
  });

  test('temporary files left by a killed run, even under this pid, never break the next run and are left alone', async () => {
    const env = environment();
    const dir = path.join(env.contentDir, 'data');
    const closes = path.join(dir, 'closes.csv');
    // A killed run whose pid this process now has left a directory; another left read-only garbage.
    const samePid = path.join(dir, `closes.csv.${process.pid}.tmp`);
    mkdirSync(samePid);
    writeFileSync(path.join(samePid, 'junk'), 'junk');
    const readOnly = path.join(dir, 'closes.csv.12345.tmp');
    writeFileSync(readOnly, 'date,index,close\n2026-0');
    chmodSync(readOnly, 0o444);
    const file = path.join(path.dirname(env.contentDir), 'weekly.csv');
    writeFileSync(file, `${WIDE_HEADER}\n2026-04-10,1601.25,6401.50,45001.75\n`);
    const before = readFileSync(closes, 'utf8');
    expect(runDataImport([file], { ...silent, environment: env })).toBe(0);
    const after = readFileSync(closes, 'utf8');
    expect(after).toBe(`${before}2026-04-10,djia,45001.75\n2026-04-10,russell2000growth,1601.25\n2026-04-10,sp500,6401.50\n`);
    expect(existsSync(path.join(samePid, 'junk'))).toBe(true);
    expect(readFileSync(readOnly, 'utf8')).toBe('date,index,close\n2026-0');
    expect(temporaryFiles(dir).sort()).toEqual([path.basename(readOnly), path.basename(samePid)].sort());
    // The command as the author runs it, in another process, with the leftovers still there.
    const next = path.join(path.dirname(env.contentDir), 'next.csv');
    writeFileSync(next, 'date,close\n2026-04-17,6450\n');
    const second = await runCli('data:import', [next, '--index', 'sp500'], { contentDir: env.contentDir });
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect(readFileSync(closes, 'utf8')).toBe(`${after}2026-04-17,sp500,6450.00\n`);
  });

  test('writeFileAtomic replaces the file in one step and cleans up after a failure', () => {
    const dir = path.dirname(setup().contentDir);
    const target = path.join(dir, 'target.txt');
    writeFileSync(target, 'old');
    writeFileAtomic(target, 'new', { expected: 'old' });
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(() => writeFileAtomic(target, 'newer', { expected: 'old' })).toThrow('changed while it was being updated');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(() => writeFileAtomic(target, 'newest', { write: () => { throw new Error('crash'); } })).toThrow('crash');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(temporaryFiles(dir)).toEqual([]);
  });
});
