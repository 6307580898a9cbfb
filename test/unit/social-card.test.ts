import { describe, expect, test } from 'vitest';
import { getPostPage } from '../../src/lib/post-views.ts';
import { buildSocialCardContent, socialCardPath, wrapText } from '../../src/lib/social-card.ts';
import { TEST_NOW } from '../helpers/build-site.ts';
import { makeModel } from '../helpers/model.ts';

// Every character is 10 units wide: line widths are easy to reason about.
const measure = (text: string) => [...text].length * 10;

describe('wrapText', () => {
  test('breaks English between words', () => {
    expect(wrapText('Small caps fell again this week', 'en', 120, 3, measure)).toEqual(['Small caps', 'fell again', 'this week']);
  });

  test('never splits a Japanese word the dictionary knows, nor starts a line with a closing mark', () => {
    const lines = wrapText('小型成長株も反落した。割安さは変わらず', 'ja', 70, 4, measure);
    expect(lines.every((line) => measure(line) <= 70)).toBe(true);
    expect(lines.some((line) => /^[、。]/.test(line))).toBe(false);
    expect(lines.join('')).toBe('小型成長株も反落した。割安さは変わらず');
    expect(lines.some((line) => line.endsWith('小') || line.startsWith('型'))).toBe(false);
  });

  test('prefers to break a Japanese line after a comma when the line is half full', () => {
    expect(wrapText('AI懸念で小型成長株も反落、割安さは変わらず', 'ja', 200, 3, measure)).toEqual(['AI懸念で小型成長株も反落、', '割安さは変わらず']);
  });

  test('ends with an ellipsis when the text is longer than the lines allowed', () => {
    const lines = wrapText('one two three four five six seven eight', 'en', 100, 2, measure);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith('…')).toBe(true);
    expect(lines.every((line) => measure(line) <= 100)).toBe(true);
  });

  test('breaks a word longer than a line by characters', () => {
    expect(wrapText('Supercalifragilistic', 'en', 100, 3, measure)).toEqual(['Supercalif', 'ragilistic']);
  });
});

describe('buildSocialCardContent', () => {
  const model = makeModel([
    { date: '2026-02-13', topics: ['china'] },
    { date: '2025-10-10', slug: 'q3', topics: ['valuations'], locales: ['ja'] },
  ], TEST_NOW, {
    closes: {
      '2026-02-06': { russell2000growth: 1734.22, sp500: 6932.3, djia: 50115.67 },
      '2026-02-13': { russell2000growth: 1709.95, sp500: 6836.17, djia: 49500.93 },
    },
  });
  const weekly = model.posts.find((post) => post.kind === 'weekly')!;
  const feature = model.posts.find((post) => post.kind === 'feature')!;

  test('a weekly card carries the as-of date and the Russell 2000 Growth close and move, formatted per language', () => {
    const ja = buildSocialCardContent(getPostPage(weekly, 'ja'), model.registry);
    expect(ja.dateLine).toBe('2026年2月13日終値');
    expect(ja.figure).toEqual({ label: 'ラッセル2000グロース指数', value: '1,709.95', change: '−24.27 (−1.40%)', direction: 'down' });
    expect(ja.description).toBeUndefined();
    const en = buildSocialCardContent(getPostPage(weekly, 'en'), model.registry);
    expect(en.dateLine).toBe('Closes as of February 13, 2026');
    expect(en.figure?.label).toBe('Russell 2000 Growth Index');
    expect(en.kindLabel).toBe('Weekly');
  });

  test('a feature card shows the description instead; a fallback page keeps the Japanese text', () => {
    const content = buildSocialCardContent(getPostPage(feature, 'en'), model.registry);
    expect(content.figure).toBeUndefined();
    expect(content.description).toBe('Description of 2025-10-10-q3.');
    expect(content.textLang).toBe('ja');
    expect(content.title).toContain('(ja)');
    expect(content.kindLabel).toBe('Feature');
  });

  test('lives at /og/<lang>/<slug>.png', () => {
    expect(socialCardPath('en', '2026-02-13')).toBe('/og/en/2026-02-13.png');
  });
});
