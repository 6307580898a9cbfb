import { isIsoDate, weekOf, type IsoDate, type WeekKey } from './dates.ts';
import type { Problem } from './problems.ts';
import { buildSeries, checkTradingDay, checkWeekDays, describePlace, type CalendarOf, type SourcedClose } from './series.ts';

/** One index's close on one trading day, as stored in content/data/closes.csv. */
export interface CloseRow {
  date: IsoDate;
  index: string;
  close: number;
  /** The line it was read from, for messages; not written back. */
  line?: number;
}

/** The header of the project's own closes file: one row per index per week, long format for small diffs. */
export const CLOSES_HEADER = 'date,index,close';

/** A parsed CSV: rows that passed and problems with their line numbers. */
export interface ParsedCloses {
  rows: CloseRow[];
  problems: Problem[];
}

/** A parsed vendor file: each close knows its file, line and column, so a refusal can name the row. */
export interface ParsedImport {
  rows: SourcedClose[];
  problems: Problem[];
}

// Same order as `a.localeCompare(b)` (the order files were always written in), without its per-call set-up.
const collator = new Intl.Collator();

function compareRows(a: CloseRow, b: CloseRow): number {
  return collator.compare(a.date, b.date) || collator.compare(a.index, b.index);
}

function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/);
}

function parseClose(raw: string): number | undefined {
  const trimmed = raw.trim();
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

function badClose(file: string, line: number, field: string, raw: string): Problem {
  return {
    file,
    line,
    field,
    message: `expected a positive number, received "${raw}".`,
    hint: /,/.test(raw) ? 'Write it without thousands separators.' : 'Check the row.',
  };
}

/**
 * The week of a date, remembered: a daily file repeats each date once per index, and forty years of
 * them would otherwise parse the same date hundreds of thousands of times.
 */
function weekCache(): (date: IsoDate) => WeekKey {
  const weeks = new Map<IsoDate, WeekKey>();
  return (date) => {
    let week = weeks.get(date);
    if (week === undefined) {
      week = weekOf(date);
      weeks.set(date, week);
    }
    return week;
  };
}

/** Parses the project's `date,index,close` file, reporting every malformed row. */
export function parseClosesCsv(file: string, text: string, knownIndices: readonly string[]): ParsedCloses {
  const lines = splitLines(text);
  const known = new Set(knownIndices);
  const rows: CloseRow[] = [];
  const problems: Problem[] = [];
  if ((lines[0] ?? '').trim() !== CLOSES_HEADER) {
    return {
      rows,
      problems: [{ file, line: 1, message: `expected the header "${CLOSES_HEADER}", received "${lines[0] ?? ''}".` }],
    };
  }
  for (let i = 1; i < lines.length; i++) {
    const content = lines[i] ?? '';
    const line = i + 1;
    if (content.trim() === '') continue;
    const cells = content.split(',');
    const [date = '', index = '', raw = ''] = cells;
    if (cells.length !== 3) {
      problems.push({
        file,
        line,
        message: `expected 3 columns (${CLOSES_HEADER}), received ${cells.length}.`,
        ...(cells.length > 3 ? { hint: 'Write closes without thousands separators: 1709.95, not 1,709.95.' } : {}),
      });
      continue;
    }
    if (!isIsoDate(date)) {
      problems.push({ file, line, field: 'date', message: `expected a date written YYYY-MM-DD, received "${date}".` });
      continue;
    }
    if (!known.has(index)) {
      problems.push({
        file,
        line,
        field: 'index',
        message: `unknown index "${index}"; expected one of ${knownIndices.join(', ')}.`,
        hint: 'Add it to content/data/indices.json first.',
      });
      continue;
    }
    const close = parseClose(raw);
    if (close === undefined) {
      problems.push(badClose(file, line, 'close', raw));
      continue;
    }
    rows.push({ date, index, close, line });
  }
  return { rows, problems };
}

/** Writes closes sorted by date then index, two decimals, so re-imports give byte-identical files. */
export function serializeClosesCsv(rows: readonly CloseRow[]): string {
  const sorted = [...rows].sort(compareRows);
  let text = `${CLOSES_HEADER}\n`;
  for (const row of sorted) text += `${row.date},${row.index},${formatClose(row.close)}\n`;
  return text;
}

/** Two decimals where that loses nothing (index levels are quoted to the cent), else every digit. */
export function formatClose(close: number): string {
  const fixed = close.toFixed(2);
  return Number(fixed) === close ? fixed : String(close);
}

/**
 * Parses a wide CSV: a date column then one column per index. `columns` maps a header to an index id
 * (the vendor file names columns like `russell_2000_growth_RUO`); unmapped columns are reported. Each
 * close keeps its line and column, so later checks can name the row.
 */
export function parseWideCsv(
  file: string,
  text: string,
  columns: Readonly<Record<string, string>>,
): ParsedImport {
  const lines = splitLines(text);
  const header = (lines[0] ?? '').split(',').map((cell) => cell.trim());
  const rows: SourcedClose[] = [];
  const problems: Problem[] = [];
  const names = header.slice(1);
  const ids = names.map((name) => (Object.hasOwn(columns, name) ? columns[name] : undefined));
  names.forEach((name, i) => {
    if (ids[i] === undefined) {
      problems.push({ file, line: 1, field: name, message: `no index is mapped to column "${name}".`, hint: 'Pass --index <id> for a one-index file, or map the column in content/data/indices.json (importColumns).' });
    }
  });
  if (problems.length > 0) return { rows, problems };
  for (let i = 1; i < lines.length; i++) {
    const line = i + 1;
    const content = lines[i] ?? '';
    if (content.trim() === '') continue;
    const cells = content.split(',').map((cell) => cell.trim());
    const date = cells[0] ?? '';
    if (cells.length !== header.length) {
      problems.push({ file, line, message: `expected ${header.length} columns, received ${cells.length}.` });
      continue;
    }
    if (!isIsoDate(date)) {
      problems.push({ file, line, field: header[0] ?? 'date', message: `expected a date written YYYY-MM-DD, received "${date}".` });
      continue;
    }
    for (let j = 1; j < cells.length; j++) {
      const index = ids[j - 1];
      const raw = cells[j] ?? '';
      const field = header[j] ?? '';
      if (index === undefined || raw === '') continue;
      const close = parseClose(raw);
      if (close === undefined) problems.push(badClose(file, line, field, raw));
      else rows.push({ date, index, close, file, line, field });
    }
  }
  return { rows, problems };
}

/**
 * Checks the stored closes the way the site reads them (`buildSeries`): two disagreeing rows for one
 * index and week, a close on a day the exchange was shut, or a row misdated against the other indices
 * of its week. Any of these stops an import before it writes, because rewriting the file would keep
 * one row and silently drop the other: the author decides which is right, the tool never does.
 */
export function checkStoredCloses(file: string, rows: readonly CloseRow[], calendarOf: CalendarOf): Problem[] {
  return buildSeries(rows.map((row) => ({ ...row, file })), calendarOf).problems;
}

/**
 * Checks imported rows before they are reduced to weeks: a weekend or holiday row is refused (else it
 * could become a week's close), and one date given twice for one index with different values is
 * refused naming both rows. The same close given twice is one close. Returns the rows that passed.
 */
export function checkImportedDays(rows: readonly SourcedClose[], calendarOf: CalendarOf): ParsedImport {
  const byDay = new Map<string, SourcedClose>();
  const kept: SourcedClose[] = [];
  const problems: Problem[] = [];
  for (const row of rows) {
    const notTrading = checkTradingDay(row, calendarOf(row.index));
    if (notTrading) {
      problems.push(notTrading);
      continue;
    }
    const key = `${row.index}|${row.date}`;
    const first = byDay.get(key);
    if (!first) {
      byDay.set(key, row);
      kept.push(row);
    } else if (first.close !== row.close) {
      problems.push({
        file: row.file,
        ...(row.line === undefined ? {} : { line: row.line }),
        ...(row.field === undefined ? {} : { field: row.field }),
        message: `${row.index} closes at ${row.close} on ${row.date} here, but at ${first.close} in ${describePlace(first)}.`,
        hint: 'One close per index per day: correct or remove one of the two rows.',
      });
    }
  }
  return { rows: kept, problems };
}

/** Keeps the last trading day of each week per index: daily data becomes the weekly series the site uses. */
export function toWeeklyCloses<T extends CloseRow>(rows: readonly T[]): T[] {
  const weekOfDate = weekCache();
  const last = new Map<string, T>();
  for (const row of rows) {
    const key = `${row.index}|${weekOfDate(row.date)}`;
    const kept = last.get(key);
    if (!kept || kept.date < row.date) last.set(key, row);
  }
  return [...last.values()];
}

/**
 * Turns imported rows (daily or weekly, from one file or several) into one close per index per week,
 * refusing what `checkImportedDays` refuses and, after the reduction, indices of one exchange closing
 * a week on different days (a daily file where one index has no Friday value), naming both rows.
 */
export function reduceImportedCloses(rows: readonly SourcedClose[], calendarOf: CalendarOf): ParsedImport {
  const days = checkImportedDays(rows, calendarOf);
  const weekly = toWeeklyCloses(days.rows);
  const problems = days.problems;
  for (const problem of checkWeekDays(weekly, calendarOf)) problems.push(problem);
  return { rows: weekly, problems };
}

/** What merging incoming closes into existing ones did. */
export interface MergeResult<T extends CloseRow = CloseRow> {
  /** Every close after the merge, sorted by date then index. */
  rows: T[];
  added: T[];
  unchanged: T[];
  replaced: { before: T; after: T }[];
  conflicts: { existing: T; incoming: T }[];
}

/**
 * Merges closes by (index, week). A different value, or another day in the same week, is a conflict
 * unless `replace` is set; conflicts leave the existing row untouched. `existing` must hold one close
 * per index and week (`checkStoredCloses`): a second one would be lost here.
 */
export function mergeCloses<T extends CloseRow>(existing: readonly T[], incoming: readonly T[], replace = false): MergeResult<T> {
  const weekOfDate = weekCache();
  const byWeek = new Map<string, T>();
  for (const row of existing) byWeek.set(`${row.index}|${weekOfDate(row.date)}`, row);
  const result: MergeResult<T> = { rows: [], added: [], unchanged: [], replaced: [], conflicts: [] };
  for (const row of incoming) {
    const key = `${row.index}|${weekOfDate(row.date)}`;
    const current = byWeek.get(key);
    if (!current) {
      byWeek.set(key, row);
      result.added.push(row);
    } else if (current.date === row.date && current.close === row.close) {
      result.unchanged.push(row);
    } else if (replace) {
      byWeek.set(key, row);
      result.replaced.push({ before: current, after: row });
    } else {
      result.conflicts.push({ existing: current, incoming: row });
    }
  }
  result.rows = [...byWeek.values()].sort(compareRows);
  return result;
}

/**
 * After a merge, indices of one exchange must still close each week on one day: an imported Thursday
 * beside stored Fridays is a misdated row. Stored rows are the reference, so each problem names the
 * imported row and the stored one it disagrees with.
 */
export function checkMergedWeekDays(result: MergeResult<SourcedClose>, calendarOf: CalendarOf): Problem[] {
  const imported = new Set<SourcedClose>(result.added);
  for (const { after } of result.replaced) imported.add(after);
  const stored = result.rows.filter((row) => !imported.has(row));
  const fresh = result.rows.filter((row) => imported.has(row));
  return checkWeekDays(stored.concat(fresh), calendarOf);
}

function describeClose(row: CloseRow): string {
  return `${formatClose(row.close)} (${row.date})`;
}

/**
 * What a merge would do, one line per week that would change, oldest first, for `--dry-run`:
 * `week ending 2026-02-20: add russell2000growth 1712.34 (2026-02-20), sp500 6836.17 (2026-02-20)`.
 * Weeks where every close is already stored are left out; the summary line counts them.
 */
export function describeMergeByWeek(result: MergeResult): string[] {
  const weekOfDate = weekCache();
  const weeks = new Map<WeekKey, { add: string[]; replace: string[]; refuse: string[] }>();
  const entry = (row: CloseRow) => {
    const week = weekOfDate(row.date);
    let found = weeks.get(week);
    if (!found) {
      found = { add: [], replace: [], refuse: [] };
      weeks.set(week, found);
    }
    return found;
  };
  for (const row of result.added) entry(row).add.push(`${row.index} ${describeClose(row)}`);
  for (const { before, after } of result.replaced) entry(after).replace.push(`${after.index} ${describeClose(before)} with ${describeClose(after)}`);
  for (const { existing, incoming } of result.conflicts) {
    entry(incoming).refuse.push(`${incoming.index} ${describeClose(incoming)}, stored ${describeClose(existing)}`);
  }
  return [...weeks.keys()].sort().map((week) => {
    const { add, replace, refuse } = weeks.get(week) ?? { add: [], replace: [], refuse: [] };
    const parts = [
      add.length > 0 ? `add ${add.sort().join(', ')}` : undefined,
      replace.length > 0 ? `replace ${replace.sort().join(', ')}` : undefined,
      refuse.length > 0 ? `refuse ${refuse.sort().join(', ')}` : undefined,
    ].filter(Boolean);
    return `week ending ${week}: ${parts.join('; ')}`;
  });
}
