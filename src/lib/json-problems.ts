import type { z } from 'zod';
import type { Problem } from './problems.ts';

/** Whether JSON.parse reads `prefix` without meeting a fault: it parses, or stops only because the text ends. */
function isSoundSoFar(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message)?.[1];
    return message === 'Unexpected end of JSON input' || (position !== undefined && Number(position) >= prefix.length);
  }
}

/**
 * The offset of the first character JSON.parse cannot accept, or the text's length when the text
 * ends early. JSON.parse names a position for some faults only ("Unexpected token ']'" has none), so
 * it is found as the shortest prefix with a fault: a sound prefix stays sound when shortened.
 */
function faultOffset(text: string): number {
  let sound = 0;
  let faulty = text.length + 1;
  while (faulty - sound > 1) {
    const middle = Math.floor((sound + faulty) / 2);
    if (isSoundSoFar(text.slice(0, middle))) sound = middle;
    else faulty = middle;
  }
  return faulty - 1;
}

/** JSON.parse's reason without its position, in the words of the rest of the message: "expected ':' after property name". */
function describeReason(message: string, character: string): string {
  if (/^Unexpected token/.test(message)) return `unexpected ${JSON.stringify(character)}`;
  const reason = message.replace(/ in JSON at position \d+.*$/, '');
  return reason.charAt(0).toLowerCase() + reason.slice(1);
}

/**
 * The problem of a data file that is not JSON, with the line and column JSON.parse stopped at and
 * the fix: a file that ends early was most likely cut off; a comma before a closing bracket is the
 * commonest slip of hand-edited JSON; an empty file is most likely a missing one.
 */
export function jsonSyntaxProblem(file: string, text: string, error: Error): Problem {
  // A missing file reads as empty: neither has anything to cut off.
  if (text.trim() === '') return { file, message: 'is missing or empty.', hint: `Restore it from git (git restore ${file}); docs/data.md describes what it holds.` };
  const offset = faultOffset(text);
  if (offset >= text.trimEnd().length) {
    return {
      file,
      line: text.trimEnd().split('\n').length,
      message: 'is not valid JSON: the file ends before every { and [ in it is closed.',
      hint: 'It looks cut off: restore its end (git diff shows what changed since the last commit).',
    };
  }
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  const character = text.charAt(offset);
  const isTrailingComma = (character === '}' || character === ']') && before.trimEnd().endsWith(',');
  return {
    file,
    line,
    message: `is not valid JSON: ${describeReason(error.message, character)} at column ${column}.`,
    hint: isTrailingComma
      ? `Remove the comma before the ${JSON.stringify(character)}: the last item of a list or object has none after it.`
      : 'Write keys and text in double quotes, and separate items with commas, with none after the last.',
  };
}

/** The first line at or after `from` on which `"key":` appears, as an index. */
function findKeyLine(lines: readonly string[], key: string, from: number): number | undefined {
  const pattern = new RegExp(`"${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*:`);
  const index = lines.findIndex((line, i) => i >= from && pattern.test(line));
  return index === -1 ? undefined : index;
}

/**
 * The 1-based line of a field of a JSON data file, found by walking its path through the parsed
 * value: an item of a list by the line of its `"id"`, then each key at or after the line of its parent
 * (a small object may sit on its parent's line); a missing field at its parent's line. Undefined when
 * not even the first step is found.
 */
export function findJsonFieldLine(text: string, data: unknown, path: readonly PropertyKey[]): number | undefined {
  const lines = text.split('\n');
  let value = data;
  let from = 0;
  let found: number | undefined;
  for (const key of path) {
    let hit: number | undefined;
    if (typeof key === 'number') {
      const item: unknown = Array.isArray(value) ? value[key] : undefined;
      // The id as written, whatever its type: an id written as a number is itself a fault to find.
      const id = typeof item === 'object' && item !== null && 'id' in item && ['string', 'number', 'boolean'].includes(typeof item.id) ? JSON.stringify(item.id) : undefined;
      hit = id === undefined ? undefined : lines.findIndex((line, i) => i >= from && line.includes('"id"') && line.includes(id));
      value = item;
    } else {
      // A missing field (one that is required) is shown at its parent's line, not at the same key further down.
      if (typeof value !== 'object' || value === null || !(key in value)) return found;
      hit = findKeyLine(lines, String(key), from);
      value = (value as Record<string, unknown>)[String(key)];
    }
    if (hit === undefined || hit === -1) return found;
    found = hit + 1;
    from = hit;
  }
  return found;
}

type SchemaDef = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; in?: z.ZodType };

/** The object schema at a dotted path of `schema` (list items by their index), through optional and default wrappers. */
function schemaAt(schema: z.ZodType, path: readonly string[]): z.ZodType | undefined {
  const def = schema._zod.def as SchemaDef;
  if (def.innerType) return schemaAt(def.innerType, path);
  if (def.in) return schemaAt(def.in, path);
  const [key, ...rest] = path;
  if (key === undefined) return schema;
  if (def.element && /^\d+$/.test(key)) return schemaAt(def.element, rest);
  const child = def.shape?.[key];
  return child === undefined ? undefined : schemaAt(child, rest);
}

/** The keys an object of `schema` allows at a dotted path, for "Did you mean" hints on unknown fields. */
export function schemaKeys(schema: z.ZodType): (path: string) => readonly string[] {
  return (path) => {
    const found = schemaAt(schema, path === '' ? [] : path.split('.'));
    const shape = found === undefined ? undefined : (found._zod.def as SchemaDef).shape;
    return shape === undefined ? [] : Object.keys(shape);
  };
}

/** The fix for a schema issue of a JSON data file, where a value's type is a matter of quotes; undefined when the message says it already. */
export function jsonIssueHint(issue: z.core.$ZodIssue): string | undefined {
  const key = issue.path.at(-1);
  if (issue.code === 'invalid_type' && issue.input === undefined && typeof key === 'string') return `Add the field "${key}".`;
  // The site's address (site.json), which sets where every page and file is published.
  const isUrl = key === 'url' && (issue.code === 'invalid_type' || (issue.code === 'invalid_format' && issue.format === 'url'));
  if (isUrl) return 'Write the whole address the site is published at, in double quotes and starting https://, e.g. "https://example.org/shuho/".';
  if (issue.code === 'invalid_type' && issue.expected === 'string' && (typeof issue.input === 'number' || typeof issue.input === 'boolean')) {
    return `Write it as text, in double quotes: "${String(issue.input)}".`;
  }
  return undefined;
}
