import { describe, expect, test } from 'vitest';
import { getPostPair, setTranslatedFrom } from '../../src/lib/translation-status.ts';
import { readFrontmatter } from '../../src/lib/read-post.ts';

const POST = ['---', 'kind: weekly', 'title: Small caps', 'date: 2026-02-13', 'author: Shūhō editors', 'topics: [small-cap-growth]', '---', '', 'Body: date: not frontmatter.', ''].join('\n');

describe('getPostPair', () => {
  test('gives the source and translation paths from either one', () => {
    const pair = { source: 'ja/2026/2026-02-13.mdx', translation: 'en/2026/2026-02-13.mdx' };
    expect(getPostPair('en/2026/2026-02-13.mdx')).toEqual(pair);
    expect(getPostPair('ja/2026/2026-02-13.mdx')).toEqual(pair);
    expect(getPostPair('ja/2025/2025-10-10-q3-small-caps.mdx')).toEqual({ source: 'ja/2025/2025-10-10-q3-small-caps.mdx', translation: 'en/2025/2025-10-10-q3-small-caps.mdx' });
  });

  test('rejects paths that are not a post', () => {
    expect(getPostPair('fr/2026/2026-02-13.mdx')).toBeUndefined();
    expect(getPostPair('../en/2026/2026-02-13.mdx')).toBeUndefined();
    expect(getPostPair('en/2026-02-13.mdx')).toBeUndefined();
    expect(getPostPair('en/2026/2026-02-13.md')).toBeUndefined();
  });
});

describe('setTranslatedFrom', () => {
  test('inserts the hash after date: and changes nothing else', () => {
    const updated = setTranslatedFrom(POST, '0a1b2c3d4e5f');
    expect(updated).toBe(POST.replace('date: 2026-02-13\n', 'date: 2026-02-13\ntranslatedFrom: "0a1b2c3d4e5f"\n'));
  });

  test('replaces an existing line in place', () => {
    const once = setTranslatedFrom(POST, '0a1b2c3d4e5f');
    const twice = setTranslatedFrom(once, 'ffffffffffff');
    expect(twice).toBe(POST.replace('date: 2026-02-13\n', 'date: 2026-02-13\ntranslatedFrom: "ffffffffffff"\n'));
    expect(setTranslatedFrom(twice, 'ffffffffffff')).toBe(twice);
  });

  test('quotes the hash, so one made of digits stays a string', () => {
    const data = readFrontmatter(setTranslatedFrom(POST, '123456789012')) as Record<string, unknown>;
    expect(data['translatedFrom']).toBe('123456789012');
    const scientific = readFrontmatter(setTranslatedFrom(POST, '1234567890e1')) as Record<string, unknown>;
    expect(scientific['translatedFrom']).toBe('1234567890e1');
  });

  test('keeps CRLF line endings', () => {
    const crlf = POST.replaceAll('\n', '\r\n');
    expect(setTranslatedFrom(crlf, '0a1b2c3d4e5f')).toBe(crlf.replace('date: 2026-02-13\r\n', 'date: 2026-02-13\r\ntranslatedFrom: "0a1b2c3d4e5f"\r\n'));
  });

  test('adds the line at the end of the frontmatter when there is no date', () => {
    expect(setTranslatedFrom('---\ntitle: x\n---\nbody\n', '0a1b2c3d4e5f')).toBe('---\ntitle: x\ntranslatedFrom: "0a1b2c3d4e5f"\n---\nbody\n');
  });

  test('refuses a file without frontmatter', () => {
    expect(() => setTranslatedFrom('just text\n', '0a1b2c3d4e5f')).toThrow('has no frontmatter');
    expect(() => setTranslatedFrom('---\ntitle: x\n', '0a1b2c3d4e5f')).toThrow('has no frontmatter');
  });
});
