import { whyNotTradingDay } from '../../src/lib/calendar.ts';
import type { ContentFiles, PageContentFile, PostContentFile } from '../../src/lib/content-files.ts';
import { addDays, shiftWeek, weekOf, type IsoDate } from '../../src/lib/dates.ts';
import type { Problem } from '../../src/lib/problems.ts';
import { parseRegistry } from '../../src/lib/read-registry.ts';
import type { Registry } from '../../src/lib/registry.ts';

// A small site declared here, in the shape of content/site.json and content/data/*.json, so unit tests
// never depend on the shipped sample in content/, which changes with the sample site.

/** site.json of the test site: the ratio of Russell 2000 Growth to the S&P 500, 26-week average. */
export const TEST_SITE = {
  title: { ja: '週報 米国小型成長株', en: 'Shūhō: US Small-Cap Growth Weekly' },
  tagline: { ja: '米国小型成長株の週次マーケットコメンタリー', en: 'A weekly commentary on US small-cap growth stocks' },
  url: 'https://shuho.example',
  author: { ja: '週報編集部', en: 'Shūhō editors' },
  ratio: { numerator: 'russell2000growth', denominator: 'sp500' },
  movingAverageWeeks: 26,
  derivedTolerance: 0.05,
  dataCredit: { ja: '指数終値: テストデータ。', en: 'Index closes: test data.' },
  postsPerPage: 10,
  timeZone: 'Asia/Tokyo',
};

/** site.json fields a test may change. */
export type TestSite = Partial<typeof TEST_SITE>;

/** indices.json of the test site: three indices of the New York exchange. */
export const TEST_INDICES = [
  {
    id: 'russell2000growth',
    name: { ja: 'ラッセル2000グロース指数', en: 'Russell 2000 Growth Index' },
    shortName: { ja: 'R2000G', en: 'R2000G' },
    color: '#0f6fc6',
    calendar: 'XNYS',
    source: { ja: 'FTSE Russell', en: 'FTSE Russell' },
  },
  {
    id: 'sp500',
    name: { ja: 'S&P 500', en: 'S&P 500' },
    shortName: { ja: 'S&P 500', en: 'S&P 500' },
    color: '#d35400',
    calendar: 'XNYS',
    source: { ja: 'S&P ダウ・ジョーンズ・インデックス', en: 'S&P Dow Jones Indices' },
  },
  {
    id: 'djia',
    name: { ja: 'ダウ工業株30種平均', en: 'Dow Jones Industrial Average' },
    shortName: { ja: 'NYダウ', en: 'Dow' },
    color: '#6c7a89',
    calendar: 'XNYS',
    source: { ja: 'S&P ダウ・ジョーンズ・インデックス', en: 'S&P Dow Jones Indices' },
  },
];

/** topics.json of the test site. */
export const TEST_TOPICS = [
  { id: 'small-cap-growth', label: { ja: '小型成長株', en: 'Small-cap growth' } },
  { id: 'private-credit', label: { ja: 'プライベート・クレジット', en: 'Private credit' } },
  { id: 'china', label: { ja: '中国経済', en: 'China' } },
  { id: 'middle-east', label: { ja: '中東情勢', en: 'Middle East' } },
  { id: 'ukraine', label: { ja: 'ウクライナ', en: 'Ukraine' } },
  { id: 'valuations', label: { ja: 'バリュエーション', en: 'Valuations' } },
];

/** risks.json of the test site. */
export const TEST_RISKS = [
  { id: 'china-economy', label: { ja: '中国経済', en: "China's economy" }, group: { ja: '外部要因', en: 'External factors' } },
  { id: 'ukraine', label: { ja: 'ウクライナ情勢', en: 'War in Ukraine' }, group: { ja: '外部要因', en: 'External factors' } },
];

/** compliance.json of the test site: an unlicensed publisher, one disclosure, one fund. */
export const TEST_COMPLIANCE = {
  publisher: {
    licensed: false,
    name: { ja: 'テスト編集部', en: 'Test editors' },
    statement: { ja: '本サイトは金融商品取引業者が運営するものではありません(テスト用)。', en: 'This site is not published by a licensed firm (test).' },
  },
  disclosures: [{ heading: { ja: 'ご留意事項', en: 'Important information' }, text: { ja: 'テスト用の開示文です。', en: 'A test disclosure.' } }],
  products: [
    {
      id: 'test-fund',
      name: { ja: 'テスト・グロース・ファンド', en: 'Test Growth Fund' },
      fees: { ja: 'テスト手数料: 年1.0%。', en: 'Test fee: 1.0% a year.' },
      risks: { ja: 'テストリスク: 元本は保証されていません。', en: 'Test risk: the principal is not guaranteed.' },
    },
  ],
};

/** Closes by trading day and index: `{ '2026-02-13': { russell2000growth: 1709.95, sp500: 6836.17 } }`. */
export type ClosesTable = Readonly<Record<IsoDate, Readonly<Record<string, number>>>>;

/** content/data/closes.csv for a table of closes, one row per day and index. */
export function closesCsv(table: ClosesTable): string {
  const rows = Object.entries(table).flatMap(([date, closes]) => Object.entries(closes).map(([index, close]) => `${date},${index},${close}`));
  return ['date,index,close', ...rows, ''].join('\n');
}

/** The last trading day of the New York exchange in the week ending `week` (a Thursday before Good Friday). */
function lastTradingDay(week: IsoDate): IsoDate {
  let day = week;
  while (whyNotTradingDay('XNYS', day) !== undefined) day = addDays(day, -1);
  return day;
}

/**
 * Flat closes (the same level every week) for every index on each of `dates` and on the last trading
 * day of the week before: what a weekly post dated on one of them needs to have figures, for tests
 * that need figures to exist but not any particular ones.
 */
export function flatClosesFor(dates: readonly IsoDate[]): ClosesTable {
  const levels = { russell2000growth: 1000, sp500: 4000, djia: 40000 };
  const days = dates.flatMap((date) => [lastTradingDay(shiftWeek(weekOf(date), -1)), date]);
  return Object.fromEntries([...new Set(days)].sort().map((day) => [day, levels]));
}

/** The files of a test site: the registry above unless replaced, the closes given and the posts given. */
export interface TestContent {
  site?: TestSite;
  indices?: readonly object[];
  topics?: readonly object[];
  risks?: readonly object[];
  compliance?: object;
  closes?: ClosesTable;
  posts?: readonly PostContentFile[];
  /** Standing pages (see `makePageFile`); none unless given. */
  pages?: readonly PageContentFile[];
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The content files of a test site, in memory, with the paths a real site's files would show. */
export function makeContentFiles(content: TestContent = {}): ContentFiles {
  return {
    site: { path: 'content/site.json', text: json({ ...TEST_SITE, ...content.site }) },
    indices: { path: 'content/data/indices.json', text: json(content.indices ?? TEST_INDICES) },
    topics: { path: 'content/data/topics.json', text: json(content.topics ?? TEST_TOPICS) },
    risks: { path: 'content/data/risks.json', text: json(content.risks ?? TEST_RISKS) },
    closes: { path: 'content/data/closes.csv', text: closesCsv(content.closes ?? {}) },
    compliance: { path: 'content/compliance.json', text: json(content.compliance ?? TEST_COMPLIANCE) },
    posts: content.posts ?? [],
    pages: content.pages ?? [],
  };
}

/** The test site's registry, parsed as a build parses it; throws if the declared files are invalid. */
export function makeRegistry(site: TestSite = {}): Registry {
  const problems: Problem[] = [];
  const registry = parseRegistry(makeContentFiles({ site }), problems);
  if (!registry || problems.length > 0) throw new Error(`test registry is invalid: ${JSON.stringify(problems)}`);
  return registry;
}

/**
 * A standing page file at content/pages/<relativePath> (`ja/about.mdx`): a title and a description
 * unless `frontmatter` replaces them (YAML lines), then `body`.
 */
export function makePageFile(relativePath: string, { frontmatter, body = 'Text.' }: { frontmatter?: readonly string[]; body?: string } = {}): PageContentFile {
  const name = relativePath.replace(/\.mdx$/, '');
  const text = ['---', ...(frontmatter ?? [`title: Title of ${name}`, `description: Description of ${name}.`]), '---', '', body, ''].join('\n');
  return { path: `content/pages/${relativePath}`, relativePath, text };
}
