import { describe, expect, test } from 'vitest';
import { parseClosesCsv, type CloseRow } from '../../src/lib/closes.ts';
import { createFrontmatterSchema, type RiskEntry } from '../../src/lib/frontmatter.ts';
import type { Registry } from '../../src/lib/registry.ts';
import { planPost, yamlScalar, type ScaffoldContext, type ScaffoldFile, type ScaffoldRequest } from '../../src/lib/scaffold.ts';
import { readFrontmatter } from '../../src/lib/read-post.ts';
import { parseRegistry } from '../../src/lib/read-registry.ts';
import { readContentFiles } from '../../src/site/read-content.ts';
import { FIXTURE_CONTENT, ROOT, TEST_NOW } from '../helpers/build-site.ts';

const files = readContentFiles({ root: ROOT, contentDir: FIXTURE_CONTENT, now: new Date(TEST_NOW) });
const registry = parseRegistry(files, []) as Registry;
const closes = parseClosesCsv(files.closes.path, files.closes.text, registry.indices.map((index) => index.id)).rows;
const schema = createFrontmatterSchema(registry);

const LAST_WEEK_RISKS: RiskEntry[] = [
  { topic: 'china-economy', level: 'elevated', trend: 'unchanged', note: { ja: '改善の兆しは見えない。', en: 'No sign: none at all.' } },
  { topic: 'ukraine', level: 'high', trend: 'worsening', note: { ja: '- 厳しい', en: '#1 concern' } },
];

function context(overrides: Partial<ScaffoldContext> = {}): ScaffoldContext {
  return {
    registry,
    closes,
    postPaths: ['ja/2026/2026-02-13.mdx', 'en/2026/2026-02-13.mdx', 'ja/2026/2026-02-06.mdx', 'ja/2025/2025-12-05-fixture-charts.mdx'],
    weeklyPosts: [
      { date: '2026-02-06', topics: ['small-cap-growth'], risks: [] },
      { date: '2026-02-13', topics: ['small-cap-growth', 'china'], risks: LAST_WEEK_RISKS },
      // Later than the new post: never carried over, even if written ahead.
      { date: '2026-03-06', topics: ['ukraine'], risks: [] },
    ],
    postsDir: 'content/posts',
    closesFile: 'content/data/closes.csv',
    ...overrides,
  };
}

function plan(request: Partial<ScaffoldRequest>, overrides: Partial<ScaffoldContext> = {}) {
  return planPost({ kind: 'weekly', date: '2026-02-20', withTranslation: false, ...request }, context(overrides));
}

function files_(request: Partial<ScaffoldRequest>, overrides: Partial<ScaffoldContext> = {}): ScaffoldFile[] {
  const result = plan(request, overrides);
  if (!result.ok) throw new Error(result.reason);
  return result.files;
}

function frontmatterOf(file: ScaffoldFile) {
  // Read as Shūhō reads a post: YAML's core schema, dates as written.
  const parsed = schema.safeParse(readFrontmatter(file.text));
  if (!parsed.success) throw new Error(`${file.relativePath}: ${JSON.stringify(parsed.error.issues)}`);
  return parsed.data;
}

function closeOn(date: string, index: string): CloseRow | undefined {
  return closes.find((row) => row.date === date && row.index === index);
}

describe('planPost: a weekly post', () => {
  test('prefills the as-of date, the closes of that date, last week topics and risk watch, as a draft', () => {
    const [ja] = files_({});
    expect(ja?.relativePath).toBe('ja/2026/2026-02-20.mdx');
    const fm = frontmatterOf(ja as ScaffoldFile);
    expect(fm).toMatchObject({ kind: 'weekly', date: '2026-02-20', draft: true, author: registry.site.author.ja, topics: ['small-cap-growth', 'china'] });
    const expected = Object.fromEntries(registry.indices.flatMap((index) => {
      const row = closeOn('2026-02-20', index.id);
      return row ? [[index.id, { close: row.close }]] : [];
    }));
    expect(Object.keys(expected).length).toBeGreaterThan(0);
    expect(fm.indices).toEqual(expected);
    // Notes with a colon, a leading dash or hash survive the trip through YAML unchanged.
    expect(fm.risks).toEqual(LAST_WEEK_RISKS);
  });

  test('lays out the usual section headings, in order, with the risk watch under private credit', () => {
    const [ja] = files_({});
    const headings = (ja?.text ?? '').split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual(['## 大型株と小型成長株', '## プライベート・クレジット', '## 外部要因', '## 小型成長株とS&P 500の相対比較']);
    const text = ja?.text ?? '';
    expect(text.indexOf('<RiskWatch />')).toBeGreaterThan(text.indexOf('## プライベート・クレジット'));
    expect(text.indexOf('<RiskWatch />')).toBeLessThan(text.indexOf('## 外部要因'));
  });

  test('with --en adds an English companion: same date and topics, English headings, no figures, no translatedFrom', () => {
    const result = plan({ withTranslation: true });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [, en] = result.files;
    expect(en?.relativePath).toBe('en/2026/2026-02-20.mdx');
    const fm = frontmatterOf(en as ScaffoldFile);
    expect(fm).toMatchObject({ kind: 'weekly', date: '2026-02-20', draft: true, author: registry.site.author.en, topics: ['small-cap-growth', 'china'] });
    expect(fm.indices).toBeUndefined();
    expect(fm.risks).toBeUndefined();
    expect(fm.translatedFrom).toBeUndefined();
    expect((en?.text ?? '').split('\n').filter((line) => line.startsWith('## '))).toEqual([
      '## Large caps versus small-cap growth', '## Private credit', '## External factors', '## Small-cap growth against the S&P 500',
    ]);
    expect(result.notes.join('\n')).toContain('npm run translated -- content/posts/en/2026/2026-02-20.mdx');
  });

  test('without closes for the date writes no indices and says how to add them', () => {
    const result = plan({}, { closes: closes.filter((row) => row.date !== '2026-02-20') });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(frontmatterOf(result.files[0] as ScaffoldFile).indices).toBeUndefined();
    expect(result.notes.join('\n')).toContain('No closes for 2026-02-20 in content/data/closes.csv yet');
  });

  test('warns when the week has closes on another day (a holiday week ends on Thursday)', () => {
    const moved = closes.map((row) => (row.date === '2026-02-20' ? { ...row, date: '2026-02-19' } : row));
    const result = plan({}, { closes: moved });
    expect(result.ok && result.notes.some((note) => note.includes('on 2026-02-19, in the same week but not on 2026-02-20'))).toBe(true);
  });

  test('starts from the first topic and no risk watch when there is no earlier weekly post', () => {
    const result = plan({}, { weeklyPosts: [] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const fm = frontmatterOf(result.files[0] as ScaffoldFile);
    expect(fm.topics).toEqual([registry.topics[0]?.id]);
    expect(fm.risks).toBeUndefined();
  });

  test('creates only the English companion when the Japanese post exists', () => {
    const result = plan({ date: '2026-02-13', withTranslation: false }, { postPaths: ['ja/2026/2026-02-13.mdx'] });
    expect(result).toEqual({ ok: false, reason: 'content/posts/ja/2026/2026-02-13.mdx already exists; nothing was written.' });
    const companion = plan({ date: '2026-02-13', withTranslation: true }, { postPaths: ['ja/2026/2026-02-13.mdx'] });
    expect(companion.ok && companion.files.map((file) => file.relativePath)).toEqual(['en/2026/2026-02-13.mdx']);
    // It takes the topics of the post it translates, not those of the week before.
    expect(companion.ok && frontmatterOf(companion.files[0] as ScaffoldFile).topics).toEqual(['small-cap-growth', 'china']);
    const march = plan({ date: '2026-03-06', withTranslation: true }, { postPaths: ['ja/2026/2026-03-06.mdx'] });
    expect(march.ok && frontmatterOf(march.files[0] as ScaffoldFile).topics).toEqual(['ukraine']);
  });
});

describe('planPost: refusals', () => {
  test('a weekend date', () => {
    expect(plan({ date: '2026-02-21' })).toEqual({ ok: false, reason: expect.stringMatching(/^2026-02-21 is a Saturday: the as-of date is the day of the week's last close/) });
    expect(plan({ date: '2026-02-22' })).toMatchObject({ ok: false, reason: expect.stringContaining('is a Sunday') });
  });

  test('a date that is not a date', () => {
    expect(plan({ date: '2026-02-30' })).toEqual({ ok: false, reason: '"2026-02-30" is not a date: write it YYYY-MM-DD, e.g. 2026-02-20.' });
    expect(plan({ date: '20.2.2026' })).toMatchObject({ ok: false });
  });

  test('a second weekly post in a week that has one', () => {
    expect(plan({ date: '2026-02-12' })).toEqual({
      ok: false,
      reason: 'The week of 2026-02-12 already has a weekly post: content/posts/ja/2026/2026-02-13.mdx. Edit that one, or pick a date in another week.',
    });
  });

  test('an existing file, in either language', () => {
    expect(plan({ date: '2026-02-13' })).toEqual({ ok: false, reason: 'content/posts/ja/2026/2026-02-13.mdx already exists; nothing was written.' });
    expect(plan({ date: '2026-02-13', withTranslation: true })).toEqual({ ok: false, reason: 'content/posts/en/2026/2026-02-13.mdx already exists; nothing was written.' });
  });

  test('a feature without a slug or with a malformed one, a weekly post with a slug', () => {
    expect(plan({ kind: 'feature' })).toMatchObject({ ok: false, reason: expect.stringContaining('A feature needs a slug') });
    expect(plan({ kind: 'feature', slug: 'Q3 Small Caps' })).toEqual({ ok: false, reason: 'slug "Q3 Small Caps": expected lower-case letters, digits and hyphens, e.g. q3-small-caps.' });
    expect(plan({ slug: 'extra' })).toMatchObject({ ok: false, reason: expect.stringContaining('A weekly post has no slug') });
  });
});

describe('planPost: a feature', () => {
  test('is named after its slug, filed under the main topic, with no figures or risk watch', () => {
    const result = plan({ kind: 'feature', slug: 'q1-outlook', withTranslation: true });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.files.map((file) => file.relativePath)).toEqual(['ja/2026/2026-02-20-q1-outlook.mdx', 'en/2026/2026-02-20-q1-outlook.mdx']);
    for (const file of result.files) {
      const fm = frontmatterOf(file);
      expect(fm).toMatchObject({ kind: 'feature', date: '2026-02-20', draft: true, topics: [registry.topics[0]?.id] });
      expect(fm.indices).toBeUndefined();
      expect(fm.risks).toBeUndefined();
    }
  });

  test('may share a week with a weekly post', () => {
    expect(plan({ kind: 'feature', slug: 'q1-outlook', date: '2026-02-12' }).ok).toBe(true);
  });
});

describe('yamlScalar', () => {
  test.each([
    'プレーンな文。',
    'Plain words, with commas',
    'a: colon',
    '- leading dash',
    '#hash',
    'quote "inside"',
    '2026-02-13',
    '1709.95',
    '-24.27',
    '1e3',
    '.5',
    '0x1F',
    '.inf',
    'true',
    'Yes',
    '~',
    'null',
    ' padded ',
    'back\\slash',
    '',
  ])('%j reads back as the same string', (text) => {
    const data = readFrontmatter(`---\nvalue: ${yamlScalar(text)}\n---\n`) as { value: unknown };
    expect(data.value).toBe(text);
  });

  test('leaves ordinary prose unquoted', () => {
    expect(yamlScalar('改善の兆しは見えない。')).toBe('改善の兆しは見えない。');
    expect(yamlScalar('2026年2月20日までの一週間')).toBe('2026年2月20日までの一週間');
    expect(yamlScalar('S&P 500')).toBe('"S&P 500"');
  });
});
