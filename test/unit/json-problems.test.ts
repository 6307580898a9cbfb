import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { findJsonFieldLine, jsonIssueHint, jsonSyntaxProblem, schemaKeys } from '../../src/lib/json-problems.ts';

const FILE = 'content/data/indices.json';

/** The problem JSON.parse's own error leads to. */
function syntaxProblem(text: string) {
  try {
    JSON.parse(text);
  } catch (error) {
    return jsonSyntaxProblem(FILE, text, error as Error);
  }
  throw new Error('the text is valid JSON');
}

describe('jsonSyntaxProblem', () => {
  test('a file cut off names the line it ends on and says so', () => {
    expect(syntaxProblem('{\n  "title": { "ja": "週報",\n')).toEqual({
      file: FILE,
      line: 2,
      message: 'is not valid JSON: the file ends before every { and [ in it is closed.',
      hint: 'It looks cut off: restore its end (git diff shows what changed since the last commit).',
    });
  });
  test('an empty file, which is what a missing one reads as, is not called cut off', () => {
    expect(syntaxProblem('\n')).toEqual({ file: FILE, message: 'is missing or empty.', hint: `Restore it from git (git restore ${FILE}); docs/data.md describes what it holds.` });
  });
  test('a comma after the last item, which JSON.parse reports without a position, is found and named', () => {
    expect(syntaxProblem('[\n  { "id": "a" },\n]\n')).toMatchObject({
      line: 3,
      message: 'is not valid JSON: unexpected "]" at column 1.',
      hint: 'Remove the comma before the "]": the last item of a list or object has none after it.',
    });
  });
  test('JSON.parse\'s own reason, without its position, for other faults', () => {
    expect(syntaxProblem('{\n  "url" "https://shuho.example"\n}')).toMatchObject({
      line: 2,
      message: 'is not valid JSON: expected \':\' after property name at column 9.',
      hint: 'Write keys and text in double quotes, and separate items with commas, with none after the last.',
    });
    expect(syntaxProblem("{\n  'url': 1\n}")).toMatchObject({ line: 2, message: 'is not valid JSON: expected property name or \'}\' at column 3.' });
  });
});

describe('findJsonFieldLine', () => {
  const text = ['[', '  {', '    "id": "a",', '    "name": { "ja": "A", "en": "A" }', '  },', '  {', '    "id": "b",', '    "name": { "ja": "B", "en": "B" },', '    "colour": "#000000"', '  }', ']'].join('\n');
  const data: unknown = JSON.parse(text);
  test('finds an item by its id, then each key at or after its parent\'s line', () => {
    expect(findJsonFieldLine(text, data, [1, 'name', 'en'])).toBe(8);
    expect(findJsonFieldLine(text, data, [1, 'colour'])).toBe(9);
    expect(findJsonFieldLine(text, data, [0, 'name'])).toBe(4);
  });
  test('a missing field is shown at its item, not at the same key of a later item', () => {
    expect(findJsonFieldLine(text, data, [0, 'colour'])).toBe(3);
  });
});

describe('schemaKeys and jsonIssueHint', () => {
  const Schema = z.strictObject({ url: z.url(), items: z.array(z.strictObject({ id: z.string(), color: z.string().default('#000000') })).min(1) });
  test('the keys allowed at each level, through lists and defaults', () => {
    const keys = schemaKeys(Schema);
    expect(keys('')).toEqual(['url', 'items']);
    expect(keys('items.0')).toEqual(['id', 'color']);
    expect(keys('items.0.color')).toEqual([]);
  });
  test('says how to write a missing field, text written as a number, and the site\'s address', () => {
    const issues = Schema.safeParse({ url: 'not an address', items: [{ color: 12 }] }, { reportInput: true }).error?.issues ?? [];
    expect(issues.map((issue) => [issue.path.join('.'), jsonIssueHint(issue)])).toEqual([
      ['url', 'Write the whole address the site is published at, in double quotes and starting https://, e.g. "https://example.org/shuho/".'],
      ['items.0.id', 'Add the field "id".'],
      ['items.0.color', 'Write it as text, in double quotes: "12".'],
    ]);
  });
});
