import { describe, expect, test } from 'vitest';
import { LOCALES, type Locale } from '../../src/i18n/locale.ts';
import { COUNT_KEYS, formatCount, t, translator, UI_KEYS, type UiKey } from '../../src/i18n/ui.ts';

/** Renders a string with every placeholder filled by its own name, recording which were asked for. */
function placeholders(locale: Locale, key: UiKey): { text: string; names: string[] } {
  const names: string[] = [];
  const vars = new Proxy({} as Record<string, string>, {
    get: (_, name) => {
      names.push(String(name));
      return `<${String(name)}>`;
    },
  });
  return { text: t(locale, key, vars), names: names.sort() };
}

describe('the dictionaries', () => {
  test('have the same keys in both languages, none empty', () => {
    expect(UI_KEYS.length).toBeGreaterThan(50);
    for (const locale of LOCALES) {
      for (const key of UI_KEYS) expect(placeholders(locale, key).text.trim(), `${locale} ${key}`).not.toBe('');
    }
  });

  test('use the same placeholders in Japanese and English', () => {
    const mismatches = UI_KEYS.filter((key) => placeholders('ja', key).names.join() !== placeholders('en', key).names.join());
    expect(mismatches).toEqual([]);
  });

  test('leave no braces after filling', () => {
    for (const locale of LOCALES) {
      for (const key of UI_KEYS) expect(placeholders(locale, key).text, `${locale} ${key}`).not.toMatch(/[{}]/);
    }
  });

  test('English strings are English (only the switch to Japanese is written in Japanese)', () => {
    const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;
    expect(UI_KEYS.filter((key) => japanese.test(t('en', key, placeholders('en', key).names.reduce((vars, name) => ({ ...vars, [name]: 'x' }), {}))))).toEqual(['lang.switch']);
  });

  test('differ between the languages where they should', () => {
    expect(t('ja', 'nav.home')).toBe('ホーム');
    expect(t('en', 'nav.home')).toBe('Home');
    expect(t('ja', 'translation.missing')).not.toBe(t('en', 'translation.missing'));
  });
});

describe('t', () => {
  test('fills placeholders', () => {
    expect(t('ja', 'post.asOf', { date: '2026年2月13日' })).toBe('2026年2月13日終値');
    expect(t('en', 'post.asOf', { date: 'February 13, 2026' })).toBe('Closes as of February 13, 2026');
    expect(t('en', 'figures.deviation', { weeks: 26 })).toBe('Deviation from 26-week average');
  });
  test('throws on a missing value rather than print an empty string', () => {
    expect(() => t('en', 'post.asOf')).toThrowErrorMatchingInlineSnapshot(`[Error: UI string "post.asOf" (en) needs {date}]`);
    expect(() => t('ja', 'post.by', { author: undefined as unknown as string })).toThrow('needs {author}');
  });
  test('ignores values a string does not use', () => {
    expect(t('en', 'nav.home', { unused: 1 })).toBe('Home');
  });
  test('translator binds a locale', () => {
    const tr = translator('ja');
    expect(tr('nav.risks')).toBe('リスク・ウォッチ');
    expect(tr('post.by', { author: '週報編集部' })).toBe('執筆: 週報編集部');
  });
});

describe('formatCount', () => {
  test('English says "1 post" and "2 posts"; Japanese counts with a counter, one form for every number', () => {
    expect([0, 1, 2, 11, 21].map((count) => formatCount('en', 'count.posts', count))).toEqual(['0 posts', '1 post', '2 posts', '11 posts', '21 posts']);
    expect([0, 1, 2].map((count) => formatCount('ja', 'count.posts', count))).toEqual(['0件', '1件', '2件']);
  });

  test('formats the number as the language writes it', () => {
    expect(formatCount('en', 'count.posts', 1200)).toBe('1,200 posts');
    expect(formatCount('ja', 'count.posts', 1200)).toBe('1,200件');
  });

  test('every counted phrase has the form the plural rules choose for any count a page can show', () => {
    for (const locale of LOCALES) {
      for (const key of COUNT_KEYS) {
        for (let count = 0; count <= 1000; count++) {
          const text = formatCount(locale, key, count);
          expect(text, `${locale} ${key} ${count}`).not.toMatch(/[{}]/);
        }
      }
    }
  });
});
