import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { describe, expect, test } from 'vitest';
import { getIndex, getRiskTopic, getTopic, IndexSchema, RiskTopicSchema, SiteConfigSchema, TopicSchema, type Registry } from '../../src/lib/registry.ts';
import { LOCALES, SOURCE_LOCALE } from '../../src/i18n/locale.ts';
import { ROOT } from '../helpers/build-site.ts';

const read = (file: string): unknown => JSON.parse(readFileSync(path.join(ROOT, 'content', file), 'utf8'));

const registry: Registry = {
  site: SiteConfigSchema.parse(read('site.json')),
  indices: z.array(IndexSchema).parse(read('data/indices.json')),
  topics: z.array(TopicSchema).parse(read('data/topics.json')),
  risks: z.array(RiskTopicSchema).parse(read('data/risks.json')),
};

describe('the shipped registry', () => {
  test('has the three indices with names in both languages, a colour and a source', () => {
    expect(registry.indices.map((index) => index.id)).toEqual(['russell2000growth', 'sp500', 'djia']);
    for (const index of registry.indices) {
      expect(index.name.ja).not.toBe('');
      expect(index.name.en).not.toBe('');
      expect(index.color).toMatch(/^#[0-9a-f]{6}$/i);
    }
  });
  test('computes the ratio Russell 2000 Growth / S&P 500 over 26 weeks with a 0.05-point tolerance', () => {
    expect(registry.site.ratio).toEqual({ numerator: 'russell2000growth', denominator: 'sp500' });
    expect(registry.site.movingAverageWeeks).toBe(26);
    expect(registry.site.derivedTolerance).toBe(0.05);
  });
  test('has the controlled topics and the watched risks', () => {
    expect(registry.topics.map((topic) => topic.id)).toEqual(expect.arrayContaining(['small-cap-growth', 'large-cap-tech', 'private-credit', 'fed-rates', 'china', 'european-politics', 'middle-east', 'ukraine', 'valuations']));
    expect(registry.risks.map((risk) => risk.id)).toEqual(expect.arrayContaining(['private-credit-lbo', 'private-credit-direct-lending', 'private-credit-bridge', 'private-credit-supply-chain', 'china-economy', 'european-politics', 'middle-east', 'ukraine']));
  });
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
    const site = read('site.json') as Record<string, unknown>;
    expect(SiteConfigSchema.safeParse({ ...site, movingAverageWeeks: 1 }).success).toBe(false);
    expect(SiteConfigSchema.safeParse({ ...site, derivedTolerance: -0.1 }).success).toBe(false);
    expect(SiteConfigSchema.safeParse({ ...site, titel: 'x' }).success).toBe(false);
    expect(SiteConfigSchema.safeParse({ ...site, url: 'shuho.example' }).success).toBe(false);
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
