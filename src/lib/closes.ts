import { isIsoDate, weekStart, type IsoDate } from './dates.ts';
import type { Problem } from './problems.ts';

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

/** Parses the project's `date,index,close` file, reporting every malformed row. */
export function parseClosesCsv(file: string, text: string, knownIndices: readonly string[]): ParsedCloses {
  const lines = splitLines(text);
  const rows: CloseRow[] = [];
  const problems: Problem[] = [];
  if ((lines[0] ?? '').trim() !== CLOSES_HEADER) {
    return {
      rows,
      problems: [{ file, line: 1, message: `expected the header "${CLOSES_HEADER}", received "${lines[0] ?? ''}".` }],
    };
  }
  lines.slice(1).forEach((text, i) => {
    const line = i + 2;
    if (text.trim() === '') return;
    const cells = text.split(',');
    const [date = '', index = '', raw = ''] = cells;
    if (cells.length !== 3) {
      problems.push({
        file,
        line,
        message: `expected 3 columns (${CLOSES_HEADER}), received ${cells.length}.`,
        ...(cells.length > 3 ? { hint: 'Write closes without thousands separators: 1709.95, not 1,709.95.' } : {}),
      });
      return;
    }
    if (!isIsoDate(date)) {
      problems.push({ file, line, field: 'date', message: `expected a date written YYYY-MM-DD, received "${date}".` });
      return;
    }
    if (!knownIndices.includes(index)) {
      problems.push({
        file,
        line,
        field: 'index',
        message: `unknown index "${index}"; expected one of ${knownIndices.join(', ')}.`,
        hint: 'Add it to content/data/indices.json first.',
      });
      return;
    }
    const close = parseClose(raw);
    if (close === undefined) {
      problems.push(badClose(file, line, 'close', raw));
      return;
    }
    rows.push({ date, index, close, line });
  });
  return { rows, problems };
}

/** Writes closes sorted by date then index, two decimals, so re-imports give byte-identical files. */
export function serializeClosesCsv(rows: readonly CloseRow[]): string {
  const sorted = [...rows].sort((a, b) => a.date.localeCompare(b.date) || a.index.localeCompare(b.index));
  const body = sorted.map((row) => `${row.date},${row.index},${formatClose(row.close)}`);
  return `${[CLOSES_HEADER, ...body].join('\n')}\n`;
}

/** Two decimals where that loses nothing (index levels are quoted to the cent), else every digit. */
export function formatClose(close: number): string {
  const fixed = close.toFixed(2);
  return Number(fixed) === close ? fixed : String(close);
}

/**
 * Parses a wide CSV: a date column then one column per index. `columns` maps a header to an index id
 * (the vendor file names columns like `russell_2000_growth_RUO`); unmapped columns are reported.
 */
export function parseWideCsv(
  file: string,
  text: string,
  columns: Readonly<Record<string, string>>,
): ParsedCloses {
  const lines = splitLines(text);
  const header = (lines[0] ?? '').split(',').map((cell) => cell.trim());
  const rows: CloseRow[] = [];
  const problems: Problem[] = [];
  const ids = header.slice(1).map((name) => columns[name]);
  header.slice(1).forEach((name, i) => {
    if (ids[i] === undefined) {
      problems.push({ file, line: 1, field: name, message: `no index is mapped to column "${name}".`, hint: 'Pass --index <id> for a one-index file, or map the column in content/data/indices.json (importColumns).' });
    }
  });
  if (problems.length > 0) return { rows, problems };
  lines.slice(1).forEach((text, i) => {
    const line = i + 2;
    if (text.trim() === '') return;
    const cells = text.split(',').map((cell) => cell.trim());
    const date = cells[0] ?? '';
    if (cells.length !== header.length) {
      problems.push({ file, line, message: `expected ${header.length} columns, received ${cells.length}.` });
      return;
    }
    if (!isIsoDate(date)) {
      problems.push({ file, line, field: header[0] ?? 'date', message: `expected a date written YYYY-MM-DD, received "${date}".` });
      return;
    }
    cells.slice(1).forEach((raw, j) => {
      const index = ids[j];
      if (index === undefined || raw === '') return;
      const close = parseClose(raw);
      if (close === undefined) problems.push(badClose(file, line, header[j + 1] ?? index, raw));
      else rows.push({ date, index, close });
    });
  });
  return { rows, problems };
}

/** Keeps the last trading day of each week per index: daily data becomes the weekly series the site uses. */
export function toWeeklyCloses(rows: readonly CloseRow[]): CloseRow[] {
  const last = new Map<string, CloseRow>();
  for (const row of rows) {
    const key = `${row.index}|${weekStart(row.date)}`;
    const kept = last.get(key);
    if (!kept || kept.date < row.date) last.set(key, row);
  }
  return [...last.values()];
}

/** What merging incoming closes into existing ones did. */
export interface MergeResult {
  rows: CloseRow[];
  added: CloseRow[];
  unchanged: CloseRow[];
  replaced: { before: CloseRow; after: CloseRow }[];
  conflicts: { existing: CloseRow; incoming: CloseRow }[];
}

/**
 * Merges closes by (index, week). A different value, or another day in the same week, is a conflict
 * unless `replace` is set; conflicts leave the existing row untouched.
 */
export function mergeCloses(existing: readonly CloseRow[], incoming: readonly CloseRow[], replace = false): MergeResult {
  const byWeek = new Map<string, CloseRow>();
  for (const row of existing) byWeek.set(`${row.index}|${weekStart(row.date)}`, row);
  const result: MergeResult = { rows: [], added: [], unchanged: [], replaced: [], conflicts: [] };
  for (const row of incoming) {
    const key = `${row.index}|${weekStart(row.date)}`;
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
  result.rows = [...byWeek.values()].sort((a, b) => a.date.localeCompare(b.date) || a.index.localeCompare(b.index));
  return result;
}
