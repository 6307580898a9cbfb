import { describe, expect, test } from 'vitest';
import { filesByLocale } from '../../src/i18n/locale.ts';

describe('filesByLocale', () => {
  test('each language shows its own file when there is a translation', () => {
    expect(filesByLocale('ja.mdx', 'en.mdx')).toEqual([
      { locale: 'ja', file: 'ja.mdx', isFallback: false },
      { locale: 'en', file: 'en.mdx', isFallback: false },
    ]);
  });
  test('without one, the English page shows the Japanese source and says it falls back', () => {
    expect(filesByLocale('ja.mdx', undefined)).toEqual([
      { locale: 'ja', file: 'ja.mdx', isFallback: false },
      { locale: 'en', file: 'ja.mdx', isFallback: true },
    ]);
  });
});
