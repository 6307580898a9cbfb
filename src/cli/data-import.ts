import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { mergeCloses, parseClosesCsv, parseWideCsv, serializeClosesCsv, toWeeklyCloses, type CloseRow } from '../lib/closes.ts';
import { formatProblems, type Problem } from '../lib/problems.ts';
import { parseRegistry } from '../lib/site-model.ts';
import { displayPath } from '../site/environment.ts';
import { readContentFiles } from '../site/read-content.ts';
import { FileChangedError, writeFileAtomic, type AtomicWriteOptions } from './atomic-write.ts';
import { resolveInput, resolveIo, runMain, type CliIo } from './cli-io.ts';

const HELP = `Usage: npm run data:import -- <file.csv> [<file.csv> …] [--index <id>] [--replace] [--dry-run]

Merges index closes into content/data/closes.csv, one close per index per week (the week's last
trading day, so a daily file is reduced to weeks).

  <file.csv>     a wide file (date column, then one column per index, named as in
                 content/data/indices.json "importColumns"), or with --index a plain "date,close" file
  --index <id>   the index a two-column date,close file holds
  --replace      overwrite closes that disagree with the ones already stored (otherwise refused)
  --dry-run      report what would change without writing
  --help         show this help

Exits 1 on a malformed row or a conflict; the data file is then left untouched.`;

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
  if (!registry) {
    error(formatProblems(problems));
    return 1;
  }
  const ids = registry.indices.map((index) => index.id);
  if (values.index !== undefined && !ids.includes(values.index)) {
    error(`--index: unknown index "${values.index}"; expected one of ${ids.join(', ')}.`);
    return 2;
  }
  const existing = parseClosesCsv(files.closes.path, files.closes.text || 'date,index,close\n', ids);
  problems.push(...existing.problems);
  const columns = Object.fromEntries(registry.indices.flatMap((index) => index.importColumns.map((column) => [column, index.id])));
  const incoming: CloseRow[] = [];
  for (const input of positionals) {
    const file = resolveInput(input, environment);
    const shown = displayPath(environment.root, file);
    if (!existsSync(file)) {
      problems.push({ file: shown, message: 'does not exist.' });
      continue;
    }
    const text = readFileSync(file, 'utf8');
    if (text.trim() === '') {
      problems.push({ file: shown, line: 1, message: 'is empty.', hint: 'Expected a header line and one row per date.' });
      continue;
    }
    if (text.split(/\r?\n/).slice(1).every((row) => row.trim() === '')) {
      problems.push({ file: shown, line: 2, message: 'has a header but no rows.', hint: 'Expected one row per date after the header.' });
      continue;
    }
    const header = (text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '').split(',');
    const mapping = values.index === undefined ? columns : { [header[1] ?? 'close']: values.index };
    const parsed = parseWideCsv(shown, text, mapping);
    problems.push(...parsed.problems);
    incoming.push(...parsed.rows);
  }
  if (problems.length > 0) {
    error(formatProblems(problems));
    error('\nNothing was written.');
    return 1;
  }
  const weekly = toWeeklyCloses(incoming);
  const result = mergeCloses(existing.rows, weekly, values.replace);
  log(`${result.added.length} added, ${result.unchanged.length} unchanged, ${result.replaced.length} replaced, ${result.conflicts.length} conflicting`);
  if (result.conflicts.length > 0) {
    for (const { existing: kept, incoming: offered } of result.conflicts.slice(0, 20)) {
      error(`  ${offered.index} week of ${offered.date}: stored ${kept.date} ${kept.close}, file has ${offered.date} ${offered.close}`);
    }
    if (result.conflicts.length > 20) error(`  … and ${result.conflicts.length - 20} more`);
    error(`Refused: ${files.closes.path} was not changed. Re-run with --replace to take the file's values.`);
    return 1;
  }
  const output = serializeClosesCsv(result.rows);
  const target = path.join(environment.contentDir, 'data', 'closes.csv');
  if (values['dry-run']) log('Dry run: nothing written.');
  else if (output !== files.closes.text) {
    try {
      writeFileAtomic(target, output, { ...writeOptions, expected: files.closes.text });
    } catch (failure) {
      if (!(failure instanceof FileChangedError)) throw failure;
      error(failure.message);
      return 1;
    }
    log(`Wrote ${files.closes.path} (${result.rows.length} closes).`);
  } else log(`${files.closes.path} is already up to date.`);
  return 0;
}

if (import.meta.main) runMain(runDataImport);
