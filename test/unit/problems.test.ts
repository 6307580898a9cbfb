import { describe, expect, test } from 'vitest';
import { ContentError, describeValue, findFieldLine, formatProblems } from '../../src/lib/problems.ts';

const SOURCE = [
  '---',
  'kind: weekly',
  'title: 週報',
  'indices:',
  '  russell2000growth:',
  '    close: 1709.95',
  '    changePercent: -1.40',
  '  sp500:',
  '    close: 6836.17',
  '    changePercent: -1.39',
  'relative:',
  '  ratio: 25.01',
  'risks:',
  '  - topic: ukraine',
  '    level: high',
  '---',
  'close: this line is prose, not frontmatter',
].join('\n');

describe('findFieldLine', () => {
  test('finds top-level and nested keys by indentation', () => {
    expect(findFieldLine(SOURCE, 'title')).toBe(3);
    expect(findFieldLine(SOURCE, 'indices.russell2000growth.close')).toBe(6);
    expect(findFieldLine(SOURCE, 'indices.sp500.changePercent')).toBe(10);
    expect(findFieldLine(SOURCE, 'relative.ratio')).toBe(12);
  });
  test('skips list indices, so risks.0.level is the first risk\'s level', () => {
    expect(findFieldLine(SOURCE, 'risks.0.topic')).toBe(14);
    expect(findFieldLine(SOURCE, 'risks.0.level')).toBe(15);
  });
  test('falls back to the deepest parent found when a key is absent', () => {
    expect(findFieldLine(SOURCE, 'indices.djia.close')).toBe(4);
    expect(findFieldLine(SOURCE, 'relative.deviation')).toBe(11);
    expect(findFieldLine(SOURCE, 'nowhere')).toBeUndefined();
  });
  test('reads Windows line endings the same', () => {
    expect(findFieldLine(SOURCE.replaceAll('\n', '\r\n'), 'indices.sp500.close')).toBe(9);
  });
});

describe('describeValue', () => {
  test('quotes strings and names the type of what was received', () => {
    expect(describeValue('1,709.95')).toBe('"1,709.95" (a string)');
    expect(describeValue(-5)).toBe('-5 (a number)');
    expect(describeValue(true)).toBe('true (a boolean)');
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue(null)).toBe('null');
    expect(describeValue([1, 2, 3])).toBe('a list of 3');
    expect(describeValue({ a: 1 })).toBe('an object');
    expect(describeValue(new Date('2026-02-14T00:00:00Z'))).toBe('2026-02-14 (a date)');
  });
  test('shortens long strings', () => {
    const described = describeValue('x'.repeat(200));
    expect(described.length).toBeLessThan(100);
    expect(described).toContain('…');
  });
});

describe('formatProblems', () => {
  test('groups by file, one line per problem with field, line, message and hint', () => {
    expect(
      formatProblems([
        { file: 'content/posts/en/2026/2026-02-13.mdx', field: 'indices.russell2000growth.close', line: 9, message: 'expected a positive number, received "1,709.95" (a string).', hint: 'Write 1709.95 without the comma.' },
        { file: 'content/data/closes.csv', line: 4, field: 'close', message: 'expected a positive number, received "".' },
        { file: 'content/posts/en/2026/2026-02-13.mdx', field: 'relative.ratio', message: 'states 25.1%, computed 25.01%.' },
        { file: 'content/posts/ja/2026/2026-02-20.mdx', message: 'is empty.' },
      ]),
    ).toMatchInlineSnapshot(`
      "content/posts/en/2026/2026-02-13.mdx has 2 problems:
        - indices.russell2000growth.close (line 9): expected a positive number, received "1,709.95" (a string). Write 1709.95 without the comma.
        - relative.ratio: states 25.1%, computed 25.01%.

      content/data/closes.csv has a problem:
        - close (line 4): expected a positive number, received "".

      content/posts/ja/2026/2026-02-20.mdx has a problem:
        - is empty."
    `);
  });
});

describe('ContentError', () => {
  test('carries every problem and prints them all', () => {
    const problems = [
      { file: 'a.mdx', message: 'is empty.' },
      { file: 'b.mdx', field: 'date', message: 'is wrong.' },
    ];
    const error = new ContentError(problems);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ContentError');
    expect(error.problems).toEqual(problems);
    expect(error.message).toContain('a.mdx has a problem');
    expect(error.message).toContain('b.mdx has a problem:\n  - date: is wrong.');
  });
});
