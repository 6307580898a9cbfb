import { z } from 'zod';
import { describe, expect, test } from 'vitest';
import { fieldPath, issuesToProblems } from '../../src/lib/zod-problems.ts';

const Schema = z.strictObject({
  name: z.string(),
  count: z.number(),
  level: z.enum(['low', 'high']),
  nested: z.strictObject({ close: z.number().positive({ error: 'expected a positive number' }) }).optional(),
});

function problemsFor(input: unknown, source?: string) {
  const result = Schema.safeParse(input, { reportInput: true });
  if (result.success) throw new Error('expected the input to be invalid');
  return issuesToProblems('data.yaml', result.error.issues, {
    knownKeys: (path) => (path === '' ? ['name', 'count', 'level', 'nested'] : path === 'nested' ? ['close'] : []),
    ...(source === undefined ? {} : { source }),
  });
}

describe('fieldPath', () => {
  test('joins a path with dots, numbers included', () => {
    expect(fieldPath(['sources', 0, 'url'])).toBe('sources.0.url');
    expect(fieldPath([])).toBe('');
  });
});

describe('issuesToProblems', () => {
  test('names field, expected and received for each kind of issue', () => {
    expect(problemsFor({ name: 3, count: '1,234', level: 'mid', nested: { close: -1 }, extra: true })).toMatchInlineSnapshot(`
      [
        {
          "field": "name",
          "file": "data.yaml",
          "message": "expected text, received 3 (a number).",
        },
        {
          "field": "count",
          "file": "data.yaml",
          "hint": "Write 1234 without the comma.",
          "message": "expected a number, received "1,234" (a string).",
        },
        {
          "field": "level",
          "file": "data.yaml",
          "message": "expected one of "low", "high", received "mid" (a string).",
        },
        {
          "field": "nested.close",
          "file": "data.yaml",
          "message": "expected a positive number, received -1 (a number).",
        },
        {
          "field": "extra",
          "file": "data.yaml",
          "hint": "Remove it or check its spelling.",
          "message": "unknown field.",
        },
      ]
    `);
  });

  test('a missing field is "required", with the type in plain words', () => {
    expect(problemsFor({ count: 1, level: 'low' })).toEqual([{ file: 'data.yaml', field: 'name', message: 'is required (expected text).' }]);
  });

  test('suggests the closest known key for a typo, at the typo\'s own level', () => {
    const [top] = problemsFor({ name: 'a', count: 1, level: 'low', cuont: 2 });
    expect(top).toMatchObject({ field: 'cuont', message: 'unknown field.', hint: 'Did you mean "count"?' });
    const [nested] = problemsFor({ name: 'a', count: 1, level: 'low', nested: { close: 1, clsoe: 2 } });
    expect(nested).toMatchObject({ field: 'nested.clsoe', hint: 'Did you mean "close"?' });
  });

  test('adds the line when given the source', () => {
    const source = ['name: a', 'count: 1', 'level: low', 'nested:', '  close: 0'].join('\n');
    const [problem] = problemsFor({ name: 'a', count: 1, level: 'low', nested: { close: 0 } }, source);
    expect(problem).toEqual({ file: 'data.yaml', field: 'nested.close', line: 5, message: 'expected a positive number, received 0 (a number).' });
  });

  test('prefixes fields when the data sits below a key of a larger file', () => {
    const result = z.object({ id: z.string() }).safeParse({ id: 1 }, { reportInput: true });
    const problems = issuesToProblems('content/data/indices.json', result.error?.issues ?? [], { fieldPrefix: '2' });
    expect(problems[0]?.field).toBe('2.id');
  });
});
