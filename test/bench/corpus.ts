/**
 * Generates a realistic content directory for benchmarks and scale tests: N years of weekly posts in
 * Japanese and English (closes of every registry index, stated changes, a risk watch, a body of the
 * sample's length with inline figures), a feature a month with a chart, and the matching closes.csv.
 * Every figure is consistent, every translation records its source's hash: `npm run check` passes.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatClose, serializeClosesCsv, type CloseRow } from '../../src/lib/closes.ts';
import { whyNotTradingDay } from '../../src/lib/calendar.ts';
import { addDays, yearOf, type IsoDate } from '../../src/lib/dates.ts';
import { RISK_LEVELS, RISK_TRENDS } from '../../src/lib/frontmatter.ts';
import type { IndexInfo, RiskTopic, SiteConfig, Topic } from '../../src/lib/registry.ts';
import { hashSource } from '../../src/lib/content-files.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** The last week of every corpus, so corpora of any size end on the same date. */
const LAST_WEEK: IsoDate = '2026-08-28';

/** What to generate. */
export interface CorpusOptions {
  /** Years of weekly posts (52 weeks each), ending on 2026-08-28. */
  years: number;
  /** Weeks of posts instead, for small test sites. */
  weeks?: number;
  /** The content directory to create (it should not exist or be empty). */
  dir: string;
  /** Seed of the pseudo-random walk and prose, for reproducible corpora. */
  seed?: number;
  /**
   * Leaves the last week unpublished: its posts and closes are returned in `nextWeek` instead of
   * written, so a benchmark can build the site and then publish that week as an author would.
   */
  holdBackLastWeek?: boolean;
}

/** A week's publication: its post files and the closes file with its closes added. */
export interface HeldBackWeek {
  posts: readonly { file: string; text: string }[];
  closesCsv: string;
}

/** What was generated. */
export interface Corpus {
  contentDir: string;
  weeks: number;
  features: number;
  /** Post files written, both languages. */
  postFiles: number;
  /** The newest Japanese weekly post: a benchmark edits it to measure an incremental rebuild. */
  editablePost: string;
  /** The last week's posts and closes, when `holdBackLastWeek` kept them back. */
  nextWeek: HeldBackWeek | undefined;
}

/** Publishes a held-back week: writes its closes and its posts, as `npm run data:import` and `npm run new` would. */
export function publishWeek(corpus: Corpus, week: HeldBackWeek): void {
  writeFileSync(path.join(corpus.contentDir, 'data', 'closes.csv'), week.closesCsv);
  for (const post of week.posts) {
    mkdirSync(path.dirname(post.file), { recursive: true });
    writeFileSync(post.file, post.text);
  }
}

/** mulberry32: a tiny seeded generator, so the same options give byte-identical corpora. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JA_SENTENCES = [
  '今週も市場の関心は、AIが既存企業の収益を損なうかもしれないという点に向かいました。',
  '大手のIT・AI銘柄は割高感が強く、ささいな材料でも売りが出やすい状況です。',
  '米国の小型成長株はAI・ITへの偏りが小さく、業種の分散が効いています。',
  '金利低下への期待が高まり、借入依存度の高い小型株には追い風となりました。',
  '決算発表が本格化し、業績見通しを引き上げる企業が目立ちました。',
  'インサイダーによる売りが続く銘柄もあり、個別には慎重な見極めが必要です。',
  'プライベート・クレジットでは、ファンドからの資金流出の動向を注視しています。',
  '中国経済、欧州政治、中東情勢は、いずれも好転の兆しが見えません。',
  '大型株と比べた小型成長株の評価は、歴史的に見ても低い水準にとどまっています。',
  '高値圏で利益を確定したかった投資家が、売る理由を見つけたという面もあります。',
  '雇用統計は市場予想を上回り、米国経済の底堅さが改めて確認されました。',
  '長期金利の上昇が一服し、バリュエーションの重しが和らいでいます。',
];

const EN_SENTENCES = [
  'Once again the market dwelt on the possibility that AI could hurt established businesses.',
  'The big IT and AI names are expensive, so even a trivial headline can set off selling.',
  'US small-cap growth companies carry far less AI weight and are spread across many industries.',
  'Hopes of lower rates helped small companies, which rely more on borrowed money.',
  'Earnings season gathered pace, and a good number of companies raised their guidance.',
  'Insiders kept selling in some names, which calls for care stock by stock.',
  'In private credit we are watching whether money keeps flowing out of the funds.',
  'China, European politics and the Middle East have shown no sign of improving.',
  'Against large caps, small-cap growth remains historically cheap.',
  'Some of the selling looked like investors taking profits after a stretched run.',
  'Payrolls beat expectations, another sign that the US economy is holding up.',
  'Long-term yields stopped rising for now, easing the pressure on valuations.',
];

function pick<T>(random: () => number, list: readonly T[]): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new RangeError('pick from an empty list');
  return item;
}

function paragraph(random: () => number, sentences: readonly string[], count: number, joiner: string): string {
  return Array.from({ length: count }, () => pick(random, sentences)).join(joiner);
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

function quoted(text: string): string {
  return JSON.stringify(text);
}

/**
 * Writes a corpus into `dir`: the shipped registry (content/site.json, content/compliance.json and content/data/*.json), a
 * synthetic weekly random walk for every index, `years × 52` weekly posts in both languages and a
 * feature in both languages on the first Friday of each month.
 */
export function generateCorpus(options: CorpusOptions): Corpus {
  const random = createRandom(options.seed ?? 20260213);
  const contentDir = options.dir;
  mkdirSync(path.join(contentDir, 'data'), { recursive: true });
  cpSync(path.join(ROOT, 'content', 'site.json'), path.join(contentDir, 'site.json'));
  cpSync(path.join(ROOT, 'content', 'compliance.json'), path.join(contentDir, 'compliance.json'));
  for (const name of ['indices.json', 'topics.json', 'risks.json']) {
    cpSync(path.join(ROOT, 'content', 'data', name), path.join(contentDir, 'data', name));
  }
  const site = readJson<SiteConfig>(path.join(contentDir, 'site.json'));
  const indices = readJson<IndexInfo[]>(path.join(contentDir, 'data', 'indices.json'));
  const topics = readJson<Topic[]>(path.join(contentDir, 'data', 'topics.json'));
  const risks = readJson<RiskTopic[]>(path.join(contentDir, 'data', 'risks.json'));

  const weeks = options.weeks ?? options.years * 52;
  // One week more than posted, so the first post has a previous close for its weekly change. A week
  // whose Friday is an exchange holiday closes on the trading day before, as real weeks do.
  const lastTradingDay = (day: IsoDate): IsoDate => (whyNotTradingDay('XNYS', day) === undefined ? day : lastTradingDay(addDays(day, -1)));
  const dates = Array.from({ length: weeks + 1 }, (_, i) => lastTradingDay(addDays(LAST_WEEK, -7 * (weeks - i))));
  const starts: Record<string, number> = { russell2000growth: 1200, sp500: 3000, djia: 25000 };
  const closes = new Map<string, number[]>();
  for (const index of indices) {
    let level = starts[index.id] ?? 1000;
    closes.set(index.id, dates.map(() => {
      level = Math.round(level * (1 + (random() - 0.49) * 0.05) * 100) / 100;
      return level;
    }));
  }
  const rows: CloseRow[] = indices.flatMap((index) => dates.map((date, i) => ({ date, index: index.id, close: closes.get(index.id)?.[i] ?? 0 })));
  const heldBackDate = options.holdBackLastWeek ? dates.at(-1) : undefined;
  writeFileSync(path.join(contentDir, 'data', 'closes.csv'), serializeClosesCsv(rows.filter((row) => row.date !== heldBackDate)));
  const heldBack: { file: string; text: string }[] = [];

  let postFiles = 0;
  const write = (locale: 'ja' | 'en', date: IsoDate, name: string, text: string): string => {
    const file = path.join(contentDir, 'posts', locale, String(yearOf(date)), `${name}.mdx`);
    if (date === heldBackDate) {
      heldBack.push({ file, text });
      return file;
    }
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    postFiles += 1;
    return file;
  };
  const { numerator, denominator } = site.ratio;
  let editablePost = '';
  let features = 0;

  for (let i = 1; i < dates.length; i++) {
    const date = dates[i] ?? LAST_WEEK;
    const postTopics = [topics[0], ...topics.slice(1).filter(() => random() < 0.3)].filter((topic) => topic !== undefined).map((topic) => topic.id);
    const figures = indices.map((index) => {
      const close = closes.get(index.id)?.[i] ?? 0;
      const previous = closes.get(index.id)?.[i - 1] ?? close;
      return { id: index.id, close, changePercent: ((close - previous) / previous) * 100 };
    });
    const watch = risks.filter(() => random() < 0.7).map((risk) => ({
      topic: risk.id,
      level: pick(random, RISK_LEVELS),
      trend: pick(random, RISK_TRENDS),
      ja: pick(random, JA_SENTENCES),
      en: pick(random, EN_SENTENCES),
    }));
    const ja = [
      '---',
      'kind: weekly',
      `title: 小型成長株の一週間(${date})`,
      `description: ${date}までの一週間の米国小型成長株と、注視しているリスクの動きを振り返ります。`,
      `date: ${date}`,
      'author: 週報編集部',
      `topics: [${postTopics.join(', ')}]`,
      'indices:',
      ...figures.flatMap((figure) => [`  ${figure.id}:`, `    close: ${formatClose(figure.close)}`, `    changePercent: ${figure.changePercent.toFixed(2)}`]),
      ...(watch.length === 0 ? [] : ['risks:', ...watch.flatMap((entry) => [
        `  - topic: ${entry.topic}`, `    level: ${entry.level}`, `    trend: ${entry.trend}`, '    note:', `      ja: ${entry.ja}`, `      en: ${entry.en}`,
      ])]),
      '---',
      '',
      `ラッセル2000グロース指数は${date}、<Figure index="${numerator}" field="close" />で週を終えました。前週末比<Figure index="${numerator}" field="changePercent" />です。${paragraph(random, JA_SENTENCES, 4, '')}`,
      '',
      '## 大型株と小型成長株',
      '',
      paragraph(random, JA_SENTENCES, 6, ''),
      '',
      paragraph(random, JA_SENTENCES, 5, ''),
      '',
      '## プライベート・クレジット',
      '',
      paragraph(random, JA_SENTENCES, 6, ''),
      '',
      '<RiskWatch />',
      '',
      '## 外部要因',
      '',
      paragraph(random, JA_SENTENCES, 6, ''),
      '',
      '## 小型成長株とS&P 500の相対比較',
      '',
      `比率は<Figure field="ratio" />でした。${paragraph(random, JA_SENTENCES, 4, '')}`,
      '',
    ].join('\n');
    const jaFile = write('ja', date, date, ja);
    if (date !== heldBackDate) editablePost = jaFile;
    const en = [
      '---',
      'kind: weekly',
      `title: ${quoted(`Small-cap growth in the week to ${date}`)}`,
      `description: ${quoted(`US small-cap growth stocks and the risks we watch, in the week to ${date}.`)}`,
      `date: ${date}`,
      `translatedFrom: ${quoted(hashSource(ja))}`,
      'author: Shūhō editors',
      `topics: [${postTopics.join(', ')}]`,
      '---',
      '',
      `The Russell 2000 Growth Index ended the week at <Figure index="${numerator}" field="close" />, <Figure index="${numerator}" field="changePercent" /> on the week. ${paragraph(random, EN_SENTENCES, 4, ' ')}`,
      '',
      '## Large caps versus small-cap growth',
      '',
      paragraph(random, EN_SENTENCES, 6, ' '),
      '',
      paragraph(random, EN_SENTENCES, 5, ' '),
      '',
      '## Private credit',
      '',
      paragraph(random, EN_SENTENCES, 6, ' '),
      '',
      '<RiskWatch />',
      '',
      '## External factors',
      '',
      paragraph(random, EN_SENTENCES, 6, ' '),
      '',
      `## Small-cap growth against the ${denominator === 'sp500' ? 'S&P 500' : denominator}`,
      '',
      `The ratio stood at <Figure field="ratio" />. ${paragraph(random, EN_SENTENCES, 4, ' ')}`,
      '',
    ].join('\n');
    write('en', date, date, en);

    // A feature on the first Friday of each month.
    if (Number(date.slice(8, 10)) <= 7) {
      features += 1;
      const name = `${date}-feature-${features}`;
      const values = Array.from({ length: 4 }, () => Math.round(random() * 400) / 10);
      const featureJa = [
        '---',
        'kind: feature',
        `title: 特集 第${features}回:小型株のバリュエーション`,
        `description: 特集第${features}回。小型株のバリュエーションを数字で振り返ります。`,
        `date: ${date}`,
        'author: 週報編集部',
        `topics: [${topics[0]?.id ?? 'small-cap-growth'}]`,
        'sources:',
        '  - title: Small-cap valuations',
        '    publisher: Example Research',
        '    url: https://research.example/small-caps',
        'charts:',
        '  - id: forward-pe',
        '    type: bar',
        '    title: { ja: "ETFの予想PER(倍)", en: "Forward P/E of index ETFs (times)" }',
        '    unit: multiple',
        '    labels: [IWM, IWV, SPY, IWO]',
        '    datasets:',
        '      - label: { ja: "予想PER", en: "Forward P/E" }',
        `        values: [${values.join(', ')}]`,
        '    source: Example Research',
        '---',
        '',
        paragraph(random, JA_SENTENCES, 5, ''),
        '',
        '<Chart name="forward-pe" />',
        '',
        '## 背景',
        '',
        paragraph(random, JA_SENTENCES, 8, ''),
        '',
      ].join('\n');
      write('ja', date, name, featureJa);
      write('en', date, name, [
        '---',
        'kind: feature',
        `title: ${quoted(`Feature ${features}: small-cap valuations`)}`,
        `description: ${quoted(`Feature ${features}: small-cap valuations in figures.`)}`,
        `date: ${date}`,
        `translatedFrom: ${quoted(hashSource(featureJa))}`,
        'author: Shūhō editors',
        `topics: [${topics[0]?.id ?? 'small-cap-growth'}]`,
        '---',
        '',
        paragraph(random, EN_SENTENCES, 5, ' '),
        '',
        '<Chart name="forward-pe" />',
        '',
        '## Background',
        '',
        paragraph(random, EN_SENTENCES, 8, ' '),
        '',
      ].join('\n'));
    }
  }
  const nextWeek = heldBackDate === undefined ? undefined : { posts: heldBack, closesCsv: serializeClosesCsv(rows) };
  return { contentDir, weeks, features, postFiles, editablePost, nextWeek };
}
