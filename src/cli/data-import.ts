import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { TradingCalendar } from '../lib/calendar.ts';
import {
  CLOSES_HEADER, checkMergedWeekDays, checkStoredCloses, describeMergeByWeek, mergeCloses, parseClosesCsv, parseWideCsv,
  reduceImportedCloses, serializeClosesCsv,
} from '../lib/closes.ts';
import { formatProblems, type Problem } from '../lib/problems.ts';
import { describePlace, type CalendarOf, type SourcedClose } from '../lib/series.ts';
import { parseRegistry } from '../lib/read-registry.ts';
import { displayPath } from '../site/environment.ts';
import { readContentFiles } from '../site/read-content.ts';
import { FileChangedError, writeFileAtomic, type AtomicWriteOptions } from './atomic-write.ts';
import { resolveInput, resolveIo, type CliIo } from './cli-io.ts';

const HELP = `Usage: npm run data:import -- <file.csv> [<file.csv> …] [--index <id>] [--replace] [--dry-run]

Merges index closes into content/data/closes.csv, one close per index per week (the week's last
trading day, so a daily file is reduced to weeks).

  <file.csv>     a wide file (date column, then one column per index, named as in
                 content/data/indices.json "importColumns"), or with --index a plain "date,close" file
  --index <id>   the index a two-column date,close file holds
  --replace      overwrite stored closes that disagree with the file's (otherwise they are refused)
  --dry-run      list week by week what would be added, replaced or refused; write nothing
  --help         show this help

Refused, with the file, line and date, and nothing written:
  - a malformed row, an unmapped column, a directory or a missing file;
  - a close dated on a weekend or a day the index's exchange is closed (its "calendar");
  - one date given twice for one index with different values (the same value twice is one close);
  - indices of one exchange closing a week on different days (a daily file where one index has no
    Friday value, or an imported Thursday beside stored Fridays);
  - two disagreeing rows for one index and week already in content/data/closes.csv, or a stored row
    misdated against the others of its week: fix the file by hand first; --replace never chooses.

Exit codes: 0 done (or nothing to do), 1 refused and nothing written, 2 usage error. A dry run exits
with the code the import itself would.`;

/** Reads one input file, or says in a Problem why it cannot be read: no stack trace for a typo'd path. */
function readInput(file: string, shown: string): { text: string } | { problem: Problem } {
  try {
    if (statSync(file).isDirectory()) {
      return { problem: { file: shown, message: 'is a directory; expected a CSV file.', hint: 'Give the path of a CSV file.' } };
    }
    return { text: readFileSync(file, 'utf8') };
  } catch (failure) {
    const code = (failure as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { problem: { file: shown, message: 'does not exist.' } };
    return { problem: { file: shown, message: `could not be read (${code ?? (failure as Error).message}).` } };
  }
}

/** Prints problems and the promise that nothing was written; returns the exit code for a refusal. */
function refuse(problems: readonly Problem[], error: (line: string) => void, note?: string): number {
  error(formatProblems(problems));
  error(`\nNothing was written.${note === undefined ? '' : ` ${note}`}`);
  return 1;
}

/** Runs the import; returns the exit code. */
export function runDataImport(argv: readonly string[], options: Partial<CliIo> = {}, writeOptions: Pick<AtomicWriteOptions, 'write'> = {}): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { index: { type: 'string' }, replace: { type: 'boolean', default: false }, 'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  });
  const { log, error, environment } = resolveIo(options);
  if (values.help) {
    log(HELP);
    return 0;
  }
  if (positionals.length === 0) {
    error(`data:import needs at least one CSV file.\n\n${HELP}`);
    return 2;
  }
  const files = readContentFiles(environment);
  const problems: Problem[] = [];
  const registry = parseRegistry(files, problems);
  // A broken registry (a column mapped to two indices) would send closes to the wrong index: stop here.
  if (!registry || problems.length > 0) return refuse(problems, error);
  const ids = registry.indices.map((index) => index.id);
  if (values.index !== undefined && !ids.includes(values.index)) {
    error(`--index: unknown index "${values.index}"; expected one of ${ids.join(', ')}.`);
    return 2;
  }
  const calendars = new Map<string, TradingCalendar>(registry.indices.map((index) => [index.id, index.calendar]));
  const calendarOf: CalendarOf = (id) => {
    const calendar = calendars.get(id);
    if (calendar === undefined) throw new Error(`no calendar for index "${id}"`);
    return calendar;
  };

  // The stored file is checked the way the site reads it, before anything else: a merge would keep one
  // of two disagreeing rows and drop the other, so the author must choose first.
  const stored = parseClosesCsv(files.closes.path, files.closes.text || `${CLOSES_HEADER}\n`, ids);
  for (const problem of stored.problems) problems.push(problem);
  for (const problem of checkStoredCloses(files.closes.path, stored.rows, calendarOf)) problems.push(problem);
  const storedNote = problems.length > 0 ? `Correct ${files.closes.path} by hand first: an import never chooses between stored closes, even with --replace.` : undefined;

  const columns = Object.fromEntries(registry.indices.flatMap((index) => index.importColumns.map((column) => [column, index.id])));
  // Pushed one by one: spreading a forty-year file into push() overflows the call stack.
  const incoming: SourcedClose[] = [];
  for (const input of positionals) {
    const file = resolveInput(input, environment);
    const shown = displayPath(environment.root, file);
    const read = readInput(file, shown);
    if ('problem' in read) {
      problems.push(read.problem);
      continue;
    }
    const lines = read.text.replace(/^\uFEFF/, '').split(/\r?\n/);
    if (read.text.trim() === '') {
      problems.push({ file: shown, line: 1, message: 'is empty.', hint: 'Expected a header line and one row per date.' });
      continue;
    }
    if (lines.every((row, i) => i === 0 || row.trim() === '')) {
      problems.push({ file: shown, line: 2, message: 'has a header but no rows.', hint: 'Expected one row per date after the header.' });
      continue;
    }
    const header = (lines[0] ?? '').split(',').map((cell) => cell.trim());
    const mapping = values.index === undefined ? columns : { [header[1] ?? 'close']: values.index };
    const parsed = parseWideCsv(shown, read.text, mapping);
    for (const problem of parsed.problems) problems.push(problem);
    for (const row of parsed.rows) incoming.push(row);
  }
  if (problems.length > 0) return refuse(problems, error, storedNote);

  const weekly = reduceImportedCloses(incoming, calendarOf);
  if (weekly.problems.length > 0) return refuse(weekly.problems, error);
  const storedRows: SourcedClose[] = stored.rows.map((row) => ({ ...row, file: files.closes.path }));
  const result = mergeCloses(storedRows, weekly.rows, values.replace);
  const misdated = checkMergedWeekDays(result, calendarOf);

  if (values['dry-run']) for (const line of describeMergeByWeek(result)) log(line);
  log(`${result.added.length} added, ${result.unchanged.length} unchanged, ${result.replaced.length} replaced, ${result.conflicts.length} conflicting`);
  if (result.conflicts.length > 0 || misdated.length > 0) {
    for (const { existing: kept, incoming: offered } of result.conflicts.slice(0, 20)) {
      error(`  ${offered.index} week of ${offered.date}: stored ${kept.date} ${kept.close}, file has ${offered.date} ${offered.close} (${describePlace(offered)})`);
    }
    if (result.conflicts.length > 20) error(`  … and ${result.conflicts.length - 20} more`);
    if (misdated.length > 0) error(formatProblems(misdated));
    error(`Refused: ${files.closes.path} was not changed.${result.conflicts.length > 0 ? " Re-run with --replace to take the file's values." : ''}`);
    return 1;
  }
  if (values['dry-run']) {
    log('Dry run: nothing written.');
    return 0;
  }
  const output = serializeClosesCsv(result.rows);
  if (output === files.closes.text) {
    log(`${files.closes.path} is already up to date.`);
    return 0;
  }
  const target = path.join(environment.contentDir, 'data', 'closes.csv');
  try {
    writeFileAtomic(target, output, { ...writeOptions, expected: files.closes.text });
  } catch (failure) {
    if (failure instanceof FileChangedError) {
      error(failure.message);
      return 1;
    }
    // A system error (a full disk, no permission) is the machine's, not a bug: say so without a stack trace.
    if ((failure as NodeJS.ErrnoException).code === undefined) throw failure;
    error(`${files.closes.path} could not be written (${(failure as Error).message}); it was left as it was.`);
    return 1;
  }
  log(`Wrote ${files.closes.path} (${result.rows.length} closes).`);
  return 0;
}
