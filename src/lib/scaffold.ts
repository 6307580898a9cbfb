import { formatClose, type CloseRow } from './closes.ts';
import { dayOfWeek, isIsoDate, weekOf, yearOf, type IsoDate } from './dates.ts';
import type { RiskEntry } from './frontmatter.ts';
import type { Registry } from './registry.ts';
import type { Locale } from '../i18n/locale.ts';
import { formatDate } from '../i18n/format.ts';

/** What the author asked `npm run new` for. */
export interface ScaffoldRequest {
  kind: 'weekly' | 'feature';
  date: string;
  /** The URL slug after the date, features only. */
  slug?: string | undefined;
  /** Also create the English companion. */
  withTranslation: boolean;
}

/** The last weekly post before the new one, whose topics and risk watch are carried over. */
export interface PreviousWeek {
  date: IsoDate;
  topics: readonly string[];
  risks: readonly RiskEntry[];
}

/** What the scaffold reads from the site: the registry, the imported closes and the posts already there. */
export interface ScaffoldContext {
  registry: Registry;
  closes: readonly CloseRow[];
  /** Every post file below content/posts, e.g. `ja/2026/2026-02-13.mdx`, valid or not. */
  postPaths: readonly string[];
  /** The Japanese weekly posts that parsed, in any order. */
  weeklyPosts: readonly PreviousWeek[];
  /** How content/posts is shown in messages, e.g. `content/posts`. */
  postsDir: string;
  /** How the closes file is shown in messages. */
  closesFile: string;
}

/** One file to create, below content/posts. */
export interface ScaffoldFile {
  relativePath: string;
  locale: Locale;
  text: string;
}

/** The files to write and what the author should know about them; or why nothing may be written. */
export type ScaffoldPlan =
  | { ok: true; files: ScaffoldFile[]; notes: string[] }
  | { ok: false; reason: string };

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const WEEKLY_FILE = /^(ja|en)\/\d{4}\/(\d{4}-\d{2}-\d{2})\.mdx$/;

/** The fixed text of a new post in each language: headings the weekly always has, and writing prompts. */
const TEMPLATE = {
  ja: {
    weeklyTitle: (date: IsoDate) => `米国小型成長株 週報(${formatDate('ja', date)})`,
    weeklyDescription: (date: IsoDate) => `${formatDate('ja', date)}までの一週間の米国小型成長株と、注視しているリスクの動き。`,
    featureTitle: (slug: string) => `特集 ${slug}(仮題)`,
    featureDescription: (date: IsoDate) => `${formatDate('ja', date)}の特集(要約を書いてください)。`,
    lead: (index: string) => `{/* 今週の概況。数値は <Figure index="${index}" field="changePercent" /> のように書くと、終値から計算した値が入ります。 */}`,
    weeklyHeadings: (denominator: string) => ['大型株と小型成長株', 'プライベート・クレジット', '外部要因', `小型成長株と${denominator}の相対比較`],
    relativePrompt: '{/* 比率 <Figure field="ratio" /> と移動平均からの乖離 <Figure field="deviation" /> を引用できます。 */}',
    featureLead: '{/* 導入。図表は frontmatter の charts: にデータを書き、本文に <Chart name="…" /> を置きます。出典は sources: に。 */}',
    featureHeadings: ['要点', '背景', '見通し'],
  },
  en: {
    weeklyTitle: (date: IsoDate) => `US small-cap growth weekly (${formatDate('en', date)})`,
    weeklyDescription: (date: IsoDate) => `US small-cap growth stocks and the risks we watch, in the week to ${formatDate('en', date)}.`,
    featureTitle: (slug: string) => `Feature: ${slug} (working title)`,
    featureDescription: (date: IsoDate) => `Feature of ${formatDate('en', date)} (write a summary).`,
    lead: (index: string) => `{/* The week in brief. Write <Figure index="${index}" field="changePercent" /> to cite a figure computed from the closes. */}`,
    weeklyHeadings: (denominator: string) => ['Large caps versus small-cap growth', 'Private credit', 'External factors', `Small-cap growth against the ${denominator}`],
    relativePrompt: '{/* Cite the ratio <Figure field="ratio" /> and its deviation from the moving average <Figure field="deviation" />. */}',
    featureLead: '{/* Introduction. Declare chart data under charts: in the frontmatter and place <Chart name="…" /> here; list sources under sources:. */}',
    featureHeadings: ['Key points', 'Background', 'Outlook'],
  },
} as const;

/** Plain scalars YAML reads as numbers, booleans or null rather than text (1.1 spellings included, to be safe). */
const YAML_TYPED = /^(?:[-+]?(?:[\d_]+(?:\.[\d_]*)?|\.\d+)(?:[eE][-+]?\d+)?|0x[\da-f]+|0o[0-7]+|[-+]?\.(?:inf|nan)|~|null|true|false|yes|no|on|off|y|n)$/i;

/**
 * A YAML scalar for a one-line text: plain when YAML reads it back as the same string, otherwise
 * double-quoted (a JSON string is valid YAML), so a note with a colon or a leading dash survives.
 */
export function yamlScalar(text: string): string {
  const isPlain =
    text !== '' &&
    text === text.trim() &&
    !/[\n:#[\]{},&*!|>'"%@`\\]/.test(text) &&
    !/^[-?]/.test(text) &&
    !YAML_TYPED.test(text) &&
    !/^\d{4}-\d\d?-\d\d?(?:[Tt\s]|$)/.test(text);
  return isPlain ? text : JSON.stringify(text);
}

/** Checks the request itself: a real weekday date, a well-formed slug for a feature. */
function checkRequest(request: ScaffoldRequest): string | undefined {
  if (!isIsoDate(request.date)) return `"${request.date}" is not a date: write it YYYY-MM-DD, e.g. 2026-02-20.`;
  const day = dayOfWeek(request.date);
  if (day === 0 || day === 6) {
    return `${request.date} is a ${WEEKDAYS[day]}: the as-of date is the day of the week's last close, a weekday (Friday, or Thursday in a holiday week).`;
  }
  if (request.kind === 'feature') {
    if (request.slug === undefined) return 'A feature needs a slug after the date, e.g. npm run new -- feature 2026-02-20 q3-small-caps.';
    if (!SLUG.test(request.slug)) return `slug "${request.slug}": expected lower-case letters, digits and hyphens, e.g. q3-small-caps.`;
  } else if (request.slug !== undefined) {
    return `A weekly post has no slug (its URL is its date); received "${request.slug}".`;
  }
  return undefined;
}

function riskLines(risks: readonly RiskEntry[]): string[] {
  if (risks.length === 0) return [];
  return [
    'risks:',
    ...risks.flatMap((risk) => [
      `  - topic: ${risk.topic}`,
      `    level: ${risk.level}`,
      `    trend: ${risk.trend}`,
      '    note:',
      `      ja: ${yamlScalar(risk.note.ja)}`,
      ...(risk.note.en === undefined ? [] : [`      en: ${yamlScalar(risk.note.en)}`]),
    ]),
  ];
}

function renderPost(options: {
  kind: 'weekly' | 'feature';
  date: IsoDate;
  title: string;
  description: string;
  author: string;
  topics: readonly string[];
  extra: readonly string[];
  body: readonly string[];
}): string {
  const head = [
    '---',
    `kind: ${options.kind}`,
    `title: ${yamlScalar(options.title)}`,
    `description: ${yamlScalar(options.description)}`,
    `date: ${options.date}`,
    `author: ${yamlScalar(options.author)}`,
    `topics: [${options.topics.join(', ')}]`,
    'draft: true',
    ...options.extra,
    '---',
  ].join('\n');
  return `${head}\n\n${options.body.join('\n\n')}\n`;
}

/** The closes of `date` in the imported series, in registry order, and notes on what is missing. */
function findCloses(request: ScaffoldRequest, context: ScaffoldContext): { closes: CloseRow[]; notes: string[] } {
  const week = weekOf(request.date);
  const closes: CloseRow[] = [];
  const notes: string[] = [];
  for (const index of context.registry.indices) {
    const rows = context.closes.filter((row) => row.index === index.id && weekOf(row.date) === week);
    const exact = rows.find((row) => row.date === request.date);
    if (exact) closes.push(exact);
    else {
      for (const row of rows) {
        notes.push(`${context.closesFile} has ${index.id} on ${row.date}, in the same week but not on ${request.date}: is ${row.date} the week's last trading day?`);
      }
    }
  }
  if (closes.length === 0) {
    notes.push(
      `No closes for ${request.date} in ${context.closesFile} yet: import them (npm run data:import -- <file.csv>) or write indices.<id>.close in the post; npm run check asks for them until then.`,
    );
  }
  return { closes, notes };
}

/**
 * Plans a new post: the Japanese source (unless it exists already) and, if asked, its English companion,
 * prefilled with the week's closes, last week's topics and risk watch, and the usual headings.
 * Refuses a weekend or malformed date, a second weekly post in one week and any existing file.
 */
export function planPost(request: ScaffoldRequest, context: ScaffoldContext): ScaffoldPlan {
  const invalid = checkRequest(request);
  if (invalid !== undefined) return { ok: false, reason: invalid };
  const { registry } = context;
  const date = request.date;
  const name = request.kind === 'weekly' ? date : `${date}-${request.slug ?? ''}`;
  const relative = (locale: Locale) => `${locale}/${yearOf(date)}/${name}.mdx`;
  const shown = (file: string) => `${context.postsDir}/${file}`;
  const existing = new Set(context.postPaths);

  if (request.kind === 'weekly') {
    const week = weekOf(date);
    const sameWeek = context.postPaths.find((file) => {
      const match = WEEKLY_FILE.exec(file);
      return match !== null && match[2] !== date && weekOf(match[2] ?? '') === week;
    });
    if (sameWeek !== undefined) {
      return { ok: false, reason: `The week of ${date} already has a weekly post: ${shown(sameWeek)}. Edit that one, or pick a date in another week.` };
    }
  }
  const sourceExists = existing.has(relative('ja'));
  if (sourceExists && !request.withTranslation) {
    return { ok: false, reason: `${shown(relative('ja'))} already exists; nothing was written.` };
  }
  if (request.withTranslation && existing.has(relative('en'))) {
    return { ok: false, reason: `${shown(relative('en'))} already exists; nothing was written.` };
  }

  const previous = [...context.weeklyPosts].filter((post) => post.date < date).sort((a, b) => b.date.localeCompare(a.date))[0];
  // The registry always has a topic (its schema requires one); a feature starts with the site's main one.
  const mainTopic = registry.topics[0]?.id ?? '';
  // A companion for an existing weekly post takes that post's topics.
  const current = request.kind === 'weekly' ? context.weeklyPosts.find((post) => post.date === date) : undefined;
  const topics = current?.topics ?? (request.kind === 'weekly' && previous !== undefined ? previous.topics : [mainTopic]);
  const notes: string[] = [];
  const files: ScaffoldFile[] = [];
  const { numerator, denominator } = registry.site.ratio;
  const denominatorName = (locale: Locale) => registry.indices.find((index) => index.id === denominator)?.shortName[locale] ?? denominator;

  const body = (locale: Locale): string[] => {
    const text = TEMPLATE[locale];
    if (request.kind === 'feature') return [text.featureLead, ...text.featureHeadings.map((heading) => `## ${heading}`)];
    const [markets, credit, external, relativeHeading] = text.weeklyHeadings(denominatorName(locale));
    return [
      text.lead(numerator),
      `## ${markets}`,
      `## ${credit}`,
      // Renders nothing until the post has a risk watch, so it can stay in every weekly.
      '<RiskWatch />',
      `## ${external}`,
      `## ${relativeHeading}`,
      text.relativePrompt,
    ];
  };
  const titles = (locale: Locale) =>
    request.kind === 'weekly'
      ? { title: TEMPLATE[locale].weeklyTitle(date), description: TEMPLATE[locale].weeklyDescription(date) }
      : { title: TEMPLATE[locale].featureTitle(request.slug ?? ''), description: TEMPLATE[locale].featureDescription(date) };

  if (sourceExists) {
    notes.push(`${shown(relative('ja'))} exists already; only its English companion was created.`);
  } else {
    const extra: string[] = [];
    if (request.kind === 'weekly') {
      const found = findCloses(request, context);
      notes.push(...found.notes);
      if (found.closes.length > 0) {
        extra.push('indices:', ...found.closes.flatMap((row) => [`  ${row.index}:`, `    close: ${formatClose(row.close)}`]));
      }
      extra.push(...riskLines(previous?.risks ?? []));
      if (previous === undefined) notes.push('No earlier weekly post: topics start with the first one in the registry and there is no risk watch to carry over.');
    }
    files.push({
      relativePath: relative('ja'),
      locale: 'ja',
      text: renderPost({ kind: request.kind, date, ...titles('ja'), author: registry.site.author.ja, topics, extra, body: body('ja') }),
    });
  }
  if (request.withTranslation) {
    files.push({
      relativePath: relative('en'),
      locale: 'en',
      text: renderPost({ kind: request.kind, date, ...titles('en'), author: registry.site.author.en, topics, extra: [], body: body('en') }),
    });
    notes.push(`The English companion has no translatedFrom yet: once it matches the source, run npm run translated -- ${shown(relative('en'))}.`);
  }
  return { ok: true, files, notes };
}
