import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { countReadingUnits, estimateReadingMinutes, extractReadableText } from '../../src/lib/reading-time.ts';
import { ROOT } from '../helpers/build-site.ts';

const body = (file: string) => readFileSync(path.join(ROOT, 'content/posts', file), 'utf8');

describe('extractReadableText', () => {
  test('drops frontmatter, imports, components, expressions, comments and Markdown syntax', () => {
    const mdx = [
      '---',
      'title: Not counted',
      '---',
      "import Thing from './thing.astro';",
      '',
      '## A heading',
      '',
      'The index fell <Figure index="russell2000growth" field="changePercent" /> this week, see [the chart](https://example.com/x).',
      '',
      '<Chart name="relative-strength" />',
      '{/* a note to self */}',
      '<!-- hidden -->',
      '- **bold** item',
      '',
      '| A | B |',
      '| --- | --- |',
      '| one | two |',
    ].join('\n');
    expect(extractReadableText(mdx)).toBe('A heading The index fell this week, see the chart. bold item A B one two');
  });

  test('keeps the text between a component’s tags', () => {
    expect(extractReadableText('<Aside type="note">Keep this</Aside>')).toBe('Keep this');
  });
});

describe('countReadingUnits', () => {
  test('counts Japanese by characters, ignoring spaces', () => {
    expect(countReadingUnits('小型 成長株。', 'ja')).toBe(6);
  });
  test('counts English by words, ignoring stray punctuation', () => {
    expect(countReadingUnits('Small caps fell 1.40% — again.', 'en')).toBe(5);
  });
});

describe('estimateReadingMinutes', () => {
  test('gives the sample weekly post a few minutes in each language', () => {
    const ja = estimateReadingMinutes(body('ja/2026/2026-02-13.mdx'), 'ja');
    const en = estimateReadingMinutes(body('en/2026/2026-02-13.mdx'), 'en');
    // About 1,400 characters at 500 a minute, and about 600 words at 220 a minute.
    expect(ja).toBeGreaterThanOrEqual(3);
    expect(ja).toBeLessThanOrEqual(4);
    expect(en).toBeGreaterThanOrEqual(3);
    expect(en).toBeLessThanOrEqual(4);
  });
  test('rounds up and never says zero minutes', () => {
    expect(estimateReadingMinutes('', 'en')).toBe(1);
    expect(estimateReadingMinutes('word '.repeat(221), 'en')).toBe(2);
    expect(estimateReadingMinutes('字'.repeat(500), 'ja')).toBe(1);
    expect(estimateReadingMinutes('字'.repeat(501), 'ja')).toBe(2);
  });
});
