/** One thing wrong with the author's content, precise enough to fix without reading code. */
export interface Problem {
  /** Path relative to the project root, e.g. `content/posts/ja/2026/2026-02-13.mdx`. */
  file: string;
  /** Dotted path of the frontmatter field or data column, when there is one. */
  field?: string;
  /** 1-based line in `file`, when it can be found. */
  line?: number;
  /** What was expected and what was received. */
  message: string;
  /** What to do about it. */
  hint?: string;
  /**
   * A warning is worth a second look but stops nothing (`npm run check --strict` makes it fail);
   * without a severity a problem is an error, which stops the check and the build.
   */
  severity?: 'warning';
}

/** Whether a problem stops the check and the build: every problem that is not a warning. */
export function isError(problem: Problem): boolean {
  return problem.severity !== 'warning';
}

/** Thrown when content cannot be built; carries every problem found, not just the first. */
export class ContentError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(formatProblems(problems));
    this.name = 'ContentError';
    this.problems = problems;
  }
}

/** Renders problems grouped by file, one line each: `field (line N): message. hint`. */
export function formatProblems(problems: readonly Problem[]): string {
  return formatGrouped(problems, ['a problem', 'problems']);
}

/** Renders warnings as `formatProblems` renders errors, each file's block saying "warning". */
export function formatWarnings(warnings: readonly Problem[]): string {
  return formatGrouped(warnings, ['a warning', 'warnings']);
}

function formatGrouped(problems: readonly Problem[], [one, many]: readonly [string, string]): string {
  const byFile = new Map<string, Problem[]>();
  for (const problem of problems) {
    const list = byFile.get(problem.file) ?? [];
    list.push(problem);
    byFile.set(problem.file, list);
  }
  const blocks = [...byFile].map(([file, list]) => {
    const lines = list.map((problem) => {
      const where = [problem.field, problem.line === undefined ? undefined : `(line ${problem.line})`]
        .filter(Boolean)
        .join(' ');
      const text = [problem.message, problem.hint].filter(Boolean).join(' ');
      return `  - ${where ? `${where}: ` : ''}${text}`;
    });
    return `${file} has ${list.length === 1 ? one : `${list.length} ${many}`}:\n${lines.join('\n')}`;
  });
  return blocks.join('\n\n');
}

/** Describes a received value for an error message: its text and, where it helps, its type. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return `"${value.length > 80 ? `${value.slice(0, 77)}…` : value}" (a string)`;
  if (value instanceof Date) return `${Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString().slice(0, 10)} (a date)`;
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return `${String(value)} (a ${typeof value})`;
}

let linesSource: string | undefined;
let linesOfSource: readonly string[] = [];

/**
 * The lines a field can be on: the frontmatter block when the source has one (a key missing from it
 * is never searched for through the body). Checks ask for many fields of one file in a row, so the
 * last file's lines are kept.
 */
function frontmatterLines(source: string): readonly string[] {
  if (source !== linesSource) {
    const end = source.startsWith('---') ? source.search(/\r?\n---[ \t]*(?:\r?\n|$)/) : -1;
    linesSource = source;
    linesOfSource = (end === -1 ? source : source.slice(0, end)).split(/\r?\n/);
  }
  return linesOfSource;
}

/** The text of a 1-based frontmatter line, as `findFieldLine` numbers them. */
export function frontmatterLineText(source: string, line: number): string {
  return frontmatterLines(source)[line - 1] ?? '';
}

const keyPatterns = new Map<string, RegExp>();

function keyPattern(key: string): RegExp {
  let pattern = keyPatterns.get(key);
  if (!pattern) {
    pattern = new RegExp(`^(\\s*)(- )?["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*:`);
    keyPatterns.set(key, pattern);
  }
  return pattern;
}

/**
 * The 1-based line of a dotted frontmatter field in a file's source, found by walking YAML keys
 * by indentation. Good enough for block-style YAML, which is what authors write; undefined otherwise.
 */
export function findFieldLine(source: string, field: string): number | undefined {
  const lines = frontmatterLines(source);
  const keys = field.split('.').filter((key) => !/^\d+$/.test(key));
  let from = 0;
  let minIndent = -1;
  let found: number | undefined;
  for (const key of keys) {
    const pattern = keyPattern(key);
    let hit: number | undefined;
    for (let i = from; i < lines.length; i++) {
      const match = pattern.exec(lines[i] ?? '');
      if (match && (match[1] ?? '').length > minIndent) {
        hit = i;
        minIndent = (match[1] ?? '').length;
        break;
      }
    }
    if (hit === undefined) return found;
    found = hit + 1;
    from = hit + 1;
  }
  return found;
}
