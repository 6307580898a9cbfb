import { describe, expect, test } from 'vitest';
import { countReadingUnits, estimateReadingMinutes, extractReadableText } from '../../src/lib/reading-time.ts';

/** An MDX post around `prose`, with markup that is not read: frontmatter, an import, components, a URL. */
const post = (prose: string) => [
  '---',
  'title: 小型成長株は反落した、割安さは変わらず',
  'description: A description that is not part of the body, written out at some length.',
  'topics: [small-cap-growth, valuations]',
  '---',
  "import Note from '../../components/Note.astro';",
  '',
  '<KeyFigures only={["russell2000growth", "sp500"]} />',
  '',
  prose,
  '',
  '<Chart name="relative-strength" />',
  'https://example.com/a/very/long/url/that/is/not/read',
  '',
].join('\n');

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
  test('times a post by its prose alone: a minute\'s worth stays one minute whatever markup surrounds it', () => {
    // 500 characters and 220 words are exactly one minute; anything else counted would make it two.
    const ja = post('小型成長株は反落した。割安さは変わらず。'.repeat(25));
    const en = post('Small caps fell again this week on worries about rates. '.repeat(22));
    expect(countReadingUnits(extractReadableText(ja), 'ja')).toBe(500);
    expect(estimateReadingMinutes(ja, 'ja')).toBe(1);
    expect(countReadingUnits(extractReadableText(en), 'en')).toBe(220);
    expect(estimateReadingMinutes(en, 'en')).toBe(1);
  });
  test('rounds up and never says zero minutes', () => {
    expect(estimateReadingMinutes('', 'en')).toBe(1);
    expect(estimateReadingMinutes('word '.repeat(221), 'en')).toBe(2);
    expect(estimateReadingMinutes('字'.repeat(500), 'ja')).toBe(1);
    expect(estimateReadingMinutes('字'.repeat(501), 'ja')).toBe(2);
  });
});
