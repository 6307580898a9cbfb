import { describe, expect, test } from 'vitest';
import { escapeXml, linkRel } from '../../src/lib/markup.ts';

describe('escapeXml', () => {
  test('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});

describe('linkRel', () => {
  test('another site\'s page gets noopener noreferrer', () => {
    expect(linkRel('https://github.com/DeanFinancials/deanfi-data', 'https://shuho.example')).toBe('noopener noreferrer');
    expect(linkRel('HTTP://research.example/x', 'https://shuho.example/')).toBe('noopener noreferrer');
  });
  test('a link within the site gets none', () => {
    expect(linkRel('/ja/posts/2026-02-13/', 'https://shuho.example')).toBeUndefined();
    expect(linkRel('https://shuho.example/en/', 'https://shuho.example/')).toBeUndefined();
    expect(linkRel('#private-credit', 'https://shuho.example')).toBeUndefined();
    expect(linkRel(undefined, 'https://shuho.example')).toBeUndefined();
  });
});
