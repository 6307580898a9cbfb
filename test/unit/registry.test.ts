import { describe, expect, test } from 'vitest';
import type { Problem } from '../../src/lib/problems.ts';
import { parseRegistry } from '../../src/lib/read-registry.ts';
import { getIndex, getRiskTopic, getTopic, IndexSchema, SiteConfigSchema } from '../../src/lib/registry.ts';
import { LOCALES, SOURCE_LOCALE } from '../../src/i18n/locale.ts';
import { makeContentFiles, makeRegistry, TEST_INDICES, TEST_SITE } from '../helpers/content.ts';

const registry = makeRegistry();

describe('parseRegistry', () => {
  test('fills in what an author may leave out: the calendar, import columns and the time zone', () => {
    const indices = TEST_INDICES.map(({ calendar: _calendar, ...index }) => index);
    const { timeZone: _timeZone, ...site } = TEST_SITE;
    const files = makeContentFiles({ indices });
    const problems: Problem[] = [];
    const parsed = parseRegistry({ ...files, site: { ...files.site, text: JSON.stringify(site) } }, problems);
    expect(problems).toEqual([]);
    expect(parsed?.indices.map((index) => [index.id, index.calendar, index.importColumns])).toEqual([
      ['russell2000growth', 'XNYS', []],
      ['sp500', 'XNYS', []],
      ['djia', 'XNYS', []],
    ]);
    expect(parsed?.site.timeZone).toBe('Asia/Tokyo');
  });
  test('reports every broken file at once, naming each', () => {
    const files = makeContentFiles({ topics: [], risks: [{ id: 'x' }] });
    const problems: Problem[] = [];
    expect(parseRegistry({ ...files, site: { ...files.site, text: '{ "title": ' } }, problems)).toBeUndefined();
    expect(problems.map((problem) => problem.file)).toEqual(['content/site.json', 'content/data/topics.json', 'content/data/risks.json', 'content/data/risks.json']);
  });
});

describe('locales', () => {
  test('Japanese is the source language', () => {
    expect(LOCALES).toEqual(['ja', 'en']);
    expect(SOURCE_LOCALE).toBe('ja');
  });
});

describe('schemas', () => {
  test('an index needs both languages and a #rrggbb colour; importColumns defaults to none', () => {
    const index = { id: 'nasdaq', name: { ja: 'ナスダック', en: 'Nasdaq' }, shortName: { ja: 'NQ', en: 'NQ' }, color: '#123abc', source: { ja: 'N', en: 'N' } };
    expect(IndexSchema.parse(index).importColumns).toEqual([]);
    expect(IndexSchema.safeParse({ ...index, color: 'red' }).error?.issues[0]?.message).toBe('expected a colour written #rrggbb');
    expect(IndexSchema.safeParse({ ...index, name: { ja: 'ナスダック' } }).success).toBe(false);
    expect(IndexSchema.safeParse({ ...index, id: 'Nasdaq 100' }).error?.issues[0]?.message).toBe('expected an id in lower-case letters, digits and hyphens');
  });
  test('site.json is strict and bounded', () => {
    expect(SiteConfigSchema.safeParse(TEST_SITE).success).toBe(true);
    expect(SiteConfigSchema.safeParse({ ...TEST_SITE, movingAverageWeeks: 1 }).success).toBe(false);
    expect(SiteConfigSchema.safeParse({ ...TEST_SITE, derivedTolerance: -0.1 }).success).toBe(false);
    expect(SiteConfigSchema.safeParse({ ...TEST_SITE, titel: 'x' }).success).toBe(false);
    expect(SiteConfigSchema.safeParse({ ...TEST_SITE, url: 'shuho.example' }).success).toBe(false);
  });
});

describe('lookups', () => {
  test('find by id', () => {
    expect(getIndex(registry, 'sp500').name.en).toBe('S&P 500');
    expect(getTopic(registry, 'china').label.en).toBe('China');
    expect(getRiskTopic(registry, 'ukraine').group.en).toBe('External factors');
  });
  test('throw for an unknown id, naming it', () => {
    expect(() => getIndex(registry, 'nasdaq')).toThrowErrorMatchingInlineSnapshot(`[RangeError: unknown index "nasdaq"; known: russell2000growth, sp500, djia]`);
    expect(() => getTopic(registry, 'crypto')).toThrow('unknown topic "crypto"');
    expect(() => getRiskTopic(registry, 'aliens')).toThrow('unknown risk "aliens"');
  });
});
