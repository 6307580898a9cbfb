import type { z } from 'zod';
import { describeValue, findFieldLine, type Problem } from './problems.ts';

/** Joins a zod issue path into the dotted form authors see in their YAML. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function closestKey(key: string, candidates: readonly string[]): string | undefined {
  const distance = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0] ?? 0;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const current = row[j] ?? 0;
        row[j] = Math.min(current + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = current;
      }
    }
    return row[b.length] ?? Infinity;
  };
  const ranked = candidates.map((candidate) => ({ candidate, d: distance(key, candidate) })).sort((x, y) => x.d - y.d);
  const best = ranked[0];
  return best && best.d <= Math.max(2, Math.floor(key.length / 3)) ? best.candidate : undefined;
}

/** A number written as text ("1,709.95", "25.01"): YAML reads it as a string, so say how to write it. */
function numberHint(expected: string, input: unknown): { hint?: string } {
  if (expected !== 'number' || typeof input !== 'string' || !/^[+-]?[\d,]+(\.\d+)?$/.test(input.trim())) return {};
  const plain = input.trim().replaceAll(',', '');
  return { hint: input.includes(',') ? `Write ${plain} without the comma.` : `Write ${plain} without quotes.` };
}

/** Zod's type names in the words of someone writing YAML. */
const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of keys to values',
};

/** Expected/received wording for one zod issue (parse with `reportInput: true` to get received values). */
function describeIssue(issue: z.core.$ZodIssue): { message: string; hint?: string; path: PropertyKey[] } {
  const path = [...issue.path];
  const received = describeValue(issue.input);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return { path, message: `is required (expected ${TYPE_NAMES[issue.expected] ?? issue.expected}).` };
      return {
        path,
        message: `expected ${issue.message.startsWith('expected ') ? issue.message.slice(9) : (TYPE_NAMES[issue.expected] ?? issue.expected)}, received ${received}.`,
        ...numberHint(issue.expected, issue.input),
      };
    case 'unrecognized_keys': {
      const [key] = issue.keys;
      return { path: [...path, key ?? ''], message: `unknown field${issue.keys.length > 1 ? `s ${issue.keys.join(', ')}` : ''}.` };
    }
    case 'invalid_value':
      return {
        path,
        message: `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}, received ${received}.`,
      };
    default: {
      // Custom messages that already quote what was written need no "received" after them.
      const written = typeof issue.input === 'string' || typeof issue.input === 'number' ? String(issue.input) : '';
      const isQuoted = written !== '' && (issue.message.includes(`"${written}"`) || issue.message.includes(`received ${written}`));
      return { path, message: `${issue.message.replace(/\.$/, '')}${isQuoted ? '' : `, received ${received}`}.` };
    }
  }
}

/** Turns zod issues into Problems naming file, field, line, expected and received. */
export function issuesToProblems(
  file: string,
  issues: readonly z.core.$ZodIssue[],
  options: {
    source?: string;
    fieldPrefix?: string;
    knownKeys?: (path: string) => readonly string[];
    /** Finds a field's line where `source` is not YAML (a JSON data file). */
    findLine?: (path: readonly PropertyKey[]) => number | undefined;
  } = {},
): Problem[] {
  return issues.map((issue) => {
    const described = describeIssue(issue);
    const field = [options.fieldPrefix, fieldPath(described.path)].filter(Boolean).join('.');
    const problem: Problem = { file, field, message: described.message };
    if (described.hint !== undefined) problem.hint = described.hint;
    if (issue.code === 'unrecognized_keys' && options.knownKeys) {
      const suggestion = closestKey(issue.keys[0] ?? '', options.knownKeys(fieldPath(issue.path)));
      problem.hint = suggestion ? `Did you mean "${suggestion}"?` : 'Remove it or check its spelling.';
    }
    const line = options.findLine?.(described.path) ?? (options.source === undefined ? undefined : findFieldLine(options.source, fieldPath(described.path)));
    if (line !== undefined) problem.line = line;
    return problem;
  });
}
