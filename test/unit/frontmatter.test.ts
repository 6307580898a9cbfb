import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createFrontmatterSchema, knownFrontmatterKeys } from '../../src/lib/frontmatter.ts';
import { formatProblems, type Problem } from '../../src/lib/problems.ts';
import { parseRegistry } from '../../src/lib/read-registry.ts';
import { issuesToProblems } from '../../src/lib/zod-problems.ts';
import { readEnvironment } from '../../src/site/environment.ts';
import { readContentFiles } from '../../src/site/read-content.ts';
import { FIXTURE_CONTENT, ROOT } from '../helpers/build-site.ts';

const registryProblems: Problem[] = [];
const registry = parseRegistry(readContentFiles(readEnvironment({ SHUHO_CONTENT_DIR: FIXTURE_CONTENT }, ROOT)), registryProblems);
if (!registry) throw new Error(formatProblems(registryProblems));
const schema = createFrontmatterSchema(registry);
const FILE = path.posix.join('content/posts/ja/2026/2026-02-13.mdx');

/** A valid weekly frontmatter as Shūhō's YAML reading gives it: dates are the text written. */
const valid = {
  kind: 'weekly',
  title: '週報',
  description: '説明',
  date: '2026-02-13',
  author: '週報編集部',
  topics: ['small-cap-growth'],
};

/** The problems for `valid` with `changes` applied, formatted as the author sees them. */
function check(changes: Record<string, unknown>): string {
  const result = schema.safeParse({ ...valid, ...changes }, { reportInput: true });
  if (result.success) return 'valid';
  return formatProblems(issuesToProblems(FILE, result.error.issues, { knownKeys: knownFrontmatterKeys }));
}

describe('createFrontmatterSchema', () => {
  test('accepts a complete weekly post and fills defaults', () => {
    const result = schema.parse({
      ...valid,
      indices: { russell2000growth: { close: 1709.95, change: -24.27, changePercent: -1.4 } },
      relative: { ratio: 25.01, deviation: 0.39 },
      risks: [{ topic: 'ukraine', level: 'high', trend: 'unchanged', note: { ja: '厳しい' } }],
    });
    expect(result.date).toBe('2026-02-13');
    expect(result.draft).toBe(false);
    expect(result.sources).toEqual([]);
    expect(result.indices?.['russell2000growth']?.close).toBe(1709.95);
  });

  test('keeps a date as the calendar day written, whatever the local time zone', () => {
    expect(schema.parse({ ...valid, updated: '2026-02-16' }).updated).toBe('2026-02-16');
  });

  test('an unknown key is an error with a "did you mean"', () => {
    expect(check({ titel: 'x' })).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has a problem:
        - titel: unknown field. Did you mean "title"?"
    `);
    expect(check({ indices: { sp500: { close: 6836.17, chnge: -1 } } })).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has a problem:
        - indices.sp500.chnge: unknown field. Did you mean "change"?"
    `);
    expect(check({ relative: { ratoi: 25 } })).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has a problem:
        - relative.ratoi: unknown field. Did you mean "ratio"?"
    `);
  });

  test('an unknown key with nothing close to it asks to remove it', () => {
    expect(check({ zzzzzzzz: 1 })).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has a problem:
        - zzzzzzzz: unknown field. Remove it or check its spelling."
    `);
  });

  test('an as-of date on a weekend names the weekday', () => {
    expect(check({ date: '2026-02-14' })).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has a problem:
        - date: expected a weekday, the day of the last close the post discusses; received 2026-02-14, a Saturday."
    `);
    expect(check({ date: '2026-02-15' })).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has a problem:
        - date: expected a weekday, the day of the last close the post discusses; received 2026-02-15, a Sunday."
    `);
  });

  test('an impossible or misspelt date is reported, not thrown', () => {
    expect(check({ date: '2026-02-30' })).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has a problem:
        - date: expected a real date written YYYY-MM-DD, received "2026-02-30" (a string)."
    `);
    expect(check({ date: 20260213 })).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has a problem:
        - date: expected a date written YYYY-MM-DD, received 20260213 (a number)."
    `);
    expect(check({ updated: 'yesterday' })).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has a problem:
        - updated: expected a real date written YYYY-MM-DD, received "yesterday" (a string)."
    `);
  });

  test('a wrong type names expected and received', () => {
    expect(check({ draft: 'yes' })).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has a problem:
        - draft: expected true or false, received "yes" (a string)."
    `);
    expect(check({ kind: 'daily' })).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has a problem:
        - kind: expected one of "weekly", "feature", received "daily" (a string)."
    `);
    expect(check({ topics: 'china' })).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has a problem:
        - topics: expected a list, received "china" (a string)."
    `);
    expect(check({ title: '  ' })).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has a problem:
        - title: expected a non-empty text, received "" (a string)."
    `);
  });

  test('a missing required field says so', () => {
    const { author: _author, ...withoutAuthor } = valid;
    const result = schema.safeParse(withoutAuthor, { reportInput: true });
    expect(result.success).toBe(false);
    expect(formatProblems(issuesToProblems(FILE, result.error?.issues ?? []))).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has a problem:
        - author: is required (expected text)."
    `);
  });

  test('topics come from the controlled list, each once', () => {
    expect(check({ topics: ['small-cap-growth', 'chna'] })).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has a problem:
        - topics.1: expected one of "small-cap-growth", "large-cap-tech", "private-credit", "fed-rates", "china", "european-politics", "middle-east", "ukraine", "valuations", "earnings", "insider-activity", received "chna" (a string)."
    `);
    expect(check({ topics: [] })).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has a problem:
        - topics: expected at least one topic, received a list of 0."
    `);
    expect(check({ topics: ['china', 'china'] })).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has a problem:
        - topics: expected each topic once, received a list of 2."
    `);
  });

  test('an unknown index id lists the known ones and where to add it', () => {
    expect(check({ indices: { russell2000: { close: 2000 } } })).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has a problem:
        - indices.russell2000: unknown index "russell2000"; expected one of russell2000growth, sp500, djia (add it to content/data/indices.json)."
    `);
  });

  test('a close must be a positive finite number', () => {
    expect(check({ indices: { sp500: { close: 0 } } })).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has a problem:
        - indices.sp500.close: expected a positive number, received 0 (a number)."
    `);
    expect(check({ indices: { sp500: { close: -6836.17 } } })).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has a problem:
        - indices.sp500.close: expected a positive number, received -6836.17 (a number)."
    `);
    expect(check({ indices: { sp500: { close: Number.POSITIVE_INFINITY } } })).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has a problem:
        - indices.sp500.close: expected a positive number, received Infinity (a number)."
    `);
  });

  test('a close written with a thousands separator says how to write it', () => {
    expect(check({ indices: { russell2000growth: { close: '1,709.95' } } })).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has a problem:
        - indices.russell2000growth.close: expected a positive number, received "1,709.95" (a string). Write 1709.95 without the comma."
    `);
    expect(check({ relative: { ratio: '25.01' } })).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has a problem:
        - relative.ratio: expected a number, received "25.01" (a string). Write 25.01 without quotes."
    `);
  });

  test('a source URL must be http(s)', () => {
    expect(check({ sources: [{ title: 'A', publisher: 'B', url: 'www.example.com' }] })).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has a problem:
        - sources.0.url: expected an http(s) URL, received "www.example.com" (a string)."
    `);
    expect(check({ sources: [{ title: 'A', publisher: 'B', url: 'ftp://example.com/' }] })).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has a problem:
        - sources.0.url: expected an http(s) URL, received "ftp://example.com/" (a string)."
    `);
  });

  test('risk entries use the risk registry, levels and trends', () => {
    expect(check({ risks: [{ topic: 'aliens', level: 'high', trend: 'unchanged', note: { ja: 'x' } }] })).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has a problem:
        - risks.0.topic: expected one of "private-credit-lbo", "private-credit-direct-lending", "private-credit-bridge", "private-credit-supply-chain", "china-economy", "european-politics", "middle-east", "ukraine", received "aliens" (a string)."
    `);
    expect(check({ risks: [{ topic: 'ukraine', level: 'extreme', trend: 'better', note: { ja: 'x' } }] })).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has 2 problems:
        - risks.0.level: expected one of "low", "moderate", "elevated", "high", received "extreme" (a string).
        - risks.0.trend: expected one of "improving", "unchanged", "worsening", received "better" (a string)."
    `);
  });

  test('publishAt without an offset is a time in the site\'s time zone (Asia/Tokyo by default)', () => {
    expect(registry.site.timeZone).toBe('Asia/Tokyo');
    expect(schema.parse({ ...valid, publishAt: '2026-02-14T09:00' }).publishAt).toBe('2026-02-14T00:00:00.000Z');
    expect(schema.parse({ ...valid, publishAt: '2026-02-14 09:00:30' }).publishAt).toBe('2026-02-14T00:00:30.000Z');
    const newYork = createFrontmatterSchema({ ...registry, site: { ...registry.site, timeZone: 'America/New_York' } });
    // Daylight saving time in New York starts on 8 March 2026: the offset follows the date.
    expect(newYork.parse({ ...valid, publishAt: '2026-03-02T09:00' }).publishAt).toBe('2026-03-02T14:00:00.000Z');
    expect(newYork.parse({ ...valid, publishAt: '2026-03-09T09:00' }).publishAt).toBe('2026-03-09T13:00:00.000Z');
  });

  test('publishAt with an offset or Z is that instant', () => {
    expect(schema.parse({ ...valid, publishAt: '2026-02-14T09:00:00+09:00' }).publishAt).toBe('2026-02-14T00:00:00.000Z');
    expect(schema.parse({ ...valid, publishAt: '2026-02-14T00:00Z' }).publishAt).toBe('2026-02-14T00:00:00.000Z');
  });

  test('publishAt is checked as written: a day or hour that does not exist is refused', () => {
    expect(check({ publishAt: '2026-02-30T09:00' })).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has a problem:
        - publishAt: expected a date and time such as 2026-02-14T09:00 (in Asia/Tokyo) or 2026-02-14T09:00:00+09:00, received "2026-02-30T09:00" (a string)."
    `);
    expect(check({ publishAt: '2026-02-14T25:00' })).toContain('expected a date and time such as 2026-02-14T09:00 (in Asia/Tokyo)');
    expect(check({ publishAt: 'tomorrow' })).toContain('publishAt');
  });

  test('declared chart ids are unique and never a built-in chart\'s name', () => {
    const chart = { type: 'bar', title: { ja: '予想PER', en: 'Forward P/E' }, unit: 'multiple', labels: ['A'], source: 'X', datasets: [{ label: 'PER', values: [1] }] };
    expect(check({ kind: 'feature', charts: [{ ...chart, id: 'pe' }, { ...chart, id: 'rebased' }, { ...chart, id: 'pe' }] })).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has 2 problems:
        - charts.1.id: "rebased" is the name of a built-in chart; choose another id.
        - charts.2.id: "pe" is also the id of charts.0; give each chart its own id."
    `);
  });

  test('a chart needs one value per label', () => {
    const chart = { id: 'pe', type: 'bar', title: { ja: '予想PER', en: 'Forward P/E' }, unit: 'multiple', labels: ['A', 'B'], source: 'X' };
    expect(check({ kind: 'feature', charts: [{ ...chart, datasets: [{ label: 'PER', values: [1, 2] }] }] })).toBe('valid');
    expect(check({ kind: 'feature', charts: [{ ...chart, datasets: [{ label: 'PER', values: [1, 2, 3] }] }] })).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has a problem:
        - charts.0.datasets.0.values: expected 2 values, one per label, received a list of 3."
    `);
  });

  test('every problem in a frontmatter is reported at once', () => {
    const result = schema.safeParse({ ...valid, kind: 'daily', date: '2026-02-14', extra: 1 }, { reportInput: true });
    expect(result.error?.issues.map((issue) => issue.path.join('.') || issue.code).sort()).toEqual(['date', 'kind', 'unrecognized_keys']);
  });
});

describe('knownFrontmatterKeys', () => {
  test('knows the keys at each level for "did you mean" hints', () => {
    expect(knownFrontmatterKeys('')).toContain('translatedFrom');
    expect(knownFrontmatterKeys('indices.sp500')).toEqual(['close', 'change', 'changePercent']);
    expect(knownFrontmatterKeys('sources.0')).toEqual(['title', 'publisher', 'url']);
    expect(knownFrontmatterKeys('risks.3')).toEqual(['topic', 'level', 'trend', 'note']);
    expect(knownFrontmatterKeys('relative')).toEqual(['ratio', 'deviation', 'relativeDeviation']);
    expect(knownFrontmatterKeys('nowhere')).toEqual([]);
  });
});
