import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeFileAtomic } from '../../src/cli/atomic-write.ts';
import { runDataImport } from '../../src/cli/data-import.ts';
import { ROOT, TEST_NOW } from '../helpers/build-site.ts';
import { copyContent, runCli, shown } from '../helpers/cli.ts';

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
    // The file lists 2026-04-03 before 2026-02-13: the output is sorted by date whatever the input order.
    const file = csv('weekly.csv', `${WIDE_HEADER}\n2026-04-03,1601.25,6401.50,45001.75\n2026-02-13,1709.95,6836.17,49500.93\n`);
    const result = await runCli('data-import', [file], { contentDir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('3 added, 3 unchanged, 0 replaced, 0 conflicting');
    const after = readFileSync(closes, 'utf8');
    expect(after).toBe(`${before}2026-04-03,djia,45001.75\n2026-04-03,russell2000growth,1601.25\n2026-04-03,sp500,6401.50\n`);
  });

  test('is idempotent: importing the same file twice leaves a byte-identical file', async () => {
    const { contentDir, closes, csv } = setup();
    const file = csv('weekly.csv', `${WIDE_HEADER}\n2026-04-03,1601.25,6401.50,45001.75\n`);
    expect((await runCli('data-import', [file], { contentDir })).code).toBe(0);
    const once = readFileSync(closes);
    const again = await runCli('data-import', [file], { contentDir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 added, 3 unchanged, 0 replaced, 0 conflicting');
    expect(again.stdout).toContain('is already up to date');
    expect(readFileSync(closes).equals(once)).toBe(true);
  });

  test('reduces a daily file to the last trading day of each week', async () => {
    const { contentDir, closes, csv } = setup();
    const days = ['2026-03-30', '2026-03-31', '2026-04-01', '2026-04-02'].map((date, i) => `${date},${1600 + i},${6400 + i},${45000 + i}`);
    const file = csv('daily.csv', `${WIDE_HEADER}\n${days.join('\n')}\n`);
    const result = await runCli('data-import', [file], { contentDir });
    expect(result.stdout).toContain('3 added');
    const text = readFileSync(closes, 'utf8');
    expect(text).toContain('2026-04-02,russell2000growth,1603.00\n');
    expect(text).not.toContain('2026-03-31,');
  });

  test('refuses conflicting closes, naming both values, and leaves the file untouched', async () => {
    const { contentDir, closes, csv } = setup();
    const before = readFileSync(closes, 'utf8');
    const file = csv('conflict.csv', `${WIDE_HEADER}\n2026-02-13,1709.90,6836.17,49500.93\n2026-04-03,1601.25,6401.50,45001.75\n`);
    const result = await runCli('data-import', [file], { contentDir });
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
    const result = await runCli('data-import', [file, '--replace'], { contentDir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('0 added, 2 unchanged, 1 replaced, 0 conflicting');
    expect(readFileSync(closes, 'utf8')).toBe(before.replace('2026-02-13,russell2000growth,1709.95', '2026-02-13,russell2000growth,1709.90'));
  });

  test('--dry-run reports without writing', async () => {
    const { contentDir, closes, csv } = setup();
    const before = readFileSync(closes, 'utf8');
    const result = await runCli('data-import', [csv('weekly.csv', `${WIDE_HEADER}\n2026-04-03,1601.25,6401.50,45001.75\n`), '--dry-run'], { contentDir });
    expect(result.stdout).toContain('3 added');
    expect(result.stdout).toContain('Dry run: nothing written.');
    expect(readFileSync(closes, 'utf8')).toBe(before);
  });

  test('imports a plain date,close file for the index given with --index', async () => {
    const { contentDir, closes, csv } = setup();
    const file = csv('sp500.csv', 'date,close\n2026-04-03,6401.5\n2026-04-10,6450\n');
    const result = await runCli('data-import', [file, '--index', 'sp500'], { contentDir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2 added');
    expect(readFileSync(closes, 'utf8')).toMatch(/2026-04-03,sp500,6401\.50\n2026-04-10,sp500,6450\.00\n$/);
    const withoutIndex = await runCli('data-import', [file], { contentDir });
    expect(withoutIndex.code).toBe(1);
    expect(withoutIndex.stderr).toContain('no index is mapped to column "close"');
    const unknown = await runCli('data-import', [file, '--index', 'nasdaq'], { contentDir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--index: unknown index "nasdaq"; expected one of russell2000growth, sp500, djia.');
  });

  test('refuses malformed rows with file, line and field, and writes nothing', async () => {
    const { contentDir, closes, csv } = setup();
    const before = readFileSync(closes, 'utf8');
    const file = csv('bad.csv', [WIDE_HEADER, '2026-04-03,1601.25,6401.50,45001.75', '2026-04-10,1,601.25,6401.50,45001.75', '2026-13-01,1601.25,6401.50,45001.75', '2026-04-17,1601.25,-5,45001.75', ''].join('\n'));
    const result = await runCli('data-import', [file], { contentDir });
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
    const result = await runCli('data-import', [empty, headerOnly], { contentDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${shown(empty)} has a problem:\n  - (line 1): is empty.`);
    expect(result.stderr).toContain(`${shown(headerOnly)} has a problem:\n  - (line 2): has a header but no rows.`);
    expect(readFileSync(closes, 'utf8')).toBe(before);
  });

  test('--help explains the command; no file is a usage error', async () => {
    const { contentDir } = setup();
    expect((await runCli('data-import', ['--help'], { contentDir })).stdout).toContain('Usage: npm run data:import');
    expect((await runCli('data-import', [], { contentDir })).code).toBe(2);
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
    writeFileSync(file, `${WIDE_HEADER}\n2026-04-03,1601.25,6401.50,45001.75\n`);
    const failing = (temporary: string, text: string) => {
      writeFileSync(temporary, text.slice(0, text.length / 2));
      throw new Error('ENOSPC: no space left on device');
    };
    expect(() => runDataImport([file], { ...silent, environment: env }, { write: failing })).toThrow('ENOSPC');
    expect(readFileSync(closes, 'utf8')).toBe(before);
    expect(temporaryFiles(path.dirname(closes))).toEqual([]);
  });

  test('a closes file changed by someone else during the import is not replaced', () => {
    const env = environment();
    const closes = path.join(env.contentDir, 'data', 'closes.csv');
    const edited = `${readFileSync(closes, 'utf8')}2026-04-10,sp500,6450.00\n`;
    const file = path.join(path.dirname(env.contentDir), 'weekly.csv');
    writeFileSync(file, `${WIDE_HEADER}\n2026-04-03,1601.25,6401.50,45001.75\n`);
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
