import { createHash } from 'node:crypto';
import matter from 'gray-matter';
import { z } from 'zod';
import { parseClosesCsv } from './closes.ts';
import { weekStart, yearOf, type IsoDate } from './dates.ts';
import { createFrontmatterSchema, knownFrontmatterKeys, type CustomChart, type Frontmatter, type RiskEntry } from './frontmatter.ts';
import { computeIndexFigures, computeRelativeFigures, ratioSeries, type RatioPoint } from './metrics.ts';
import { findFieldLine, type Problem } from './problems.ts';
import {
  IndexSchema, RiskTopicSchema, SiteConfigSchema, SOURCE_LOCALE, TopicSchema,
  type Locale, type Registry,
} from './registry.ts';
import { buildSeries, type Series, type SourcedClose } from './series.ts';
import { checkStatedFigures, type WeekFigures } from './stated-figures.ts';
import { issuesToProblems } from './zod-problems.ts';

/** A file of the content directory: its path for messages and its text. */
export interface ContentFile {
  /** Path as shown to the author, relative to the project root. */
  path: string;
  text: string;
}

/** The raw inputs of a site, read by whoever has the files (the CLI, the Astro integration, a test). */
export interface ContentFiles {
  site: ContentFile;
  indices: ContentFile;
  topics: ContentFile;
  risks: ContentFile;
  closes: ContentFile;
  /** Posts; `relativePath` is below content/posts, e.g. `ja/2026/2026-02-13.mdx`. */
  posts: readonly (ContentFile & { relativePath: string })[];
}

/** One post file after validation. */
export interface PostFile {
  file: string;
  /** The Astro content-collection id: the path below content/posts without `.mdx`. */
  entryId: string;
  locale: Locale;
  frontmatter: Frontmatter;
  /** Hash of the normalised file text; a translation records its source's to detect staleness. */
  hash: string;
}

/** Whether the English translation keeps up with its Japanese source. */
export type TranslationStatus = 'translated' | 'stale' | 'untracked' | 'missing';

/** A post: its Japanese source, its English translation if any, and the figures computed for it. */
export interface SitePost {
  /** Path below the language folder without extension, e.g. `2026/2026-02-13`. */
  id: string;
  /** The URL segment, e.g. `2026-02-13` or `2025-10-10-q3-small-caps`. */
  slug: string;
  kind: Frontmatter['kind'];
  date: IsoDate;
  source: PostFile;
  translation: PostFile | undefined;
  translationStatus: TranslationStatus;
  /** Figures up to the post's own date (weekly posts; undefined for features without market data). */
  figures: WeekFigures | undefined;
  risks: readonly RiskEntry[];
  charts: readonly CustomChart[];
  isVisible: boolean;
}

/** Everything pages need: the registry, the merged series and the posts, newest first. */
export interface SiteModel {
  registry: Registry;
  series: Series;
  /** The ratio series of the configured pair over the whole history. */
  ratio: readonly RatioPoint[];
  /** Every valid post, drafts included; `visiblePosts` is what a reader may see. */
  posts: readonly SitePost[];
  visiblePosts: readonly SitePost[];
}

/** When "now" is and whether drafts and scheduled posts count as visible (dev) or not (production). */
export interface Visibility {
  now: Date;
  includeDrafts: boolean;
}

const POST_PATH = /^(ja|en)\/(\d{4})\/((\d{4}-\d{2}-\d{2})(?:-([a-z0-9]+(?:-[a-z0-9]+)*))?)\.mdx$/;

/** Normalises line endings and a BOM so the same post hashes and parses the same on every machine. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** A short content hash of a source post, as recorded in its translation's `translatedFrom`. */
export function hashSource(text: string): string {
  return createHash('sha256').update(normaliseText(text)).digest('hex').slice(0, 12);
}

function parseJson<T>(file: ContentFile, schema: z.ZodType<T>, problems: Problem[]): T | undefined {
  let data: unknown;
  try {
    data = JSON.parse(normaliseText(file.text));
  } catch (error) {
    problems.push({ file: file.path, message: `is not valid JSON: ${(error as Error).message}.` });
    return undefined;
  }
  const result = schema.safeParse(data, { reportInput: true });
  if (!result.success) {
    problems.push(...issuesToProblems(file.path, result.error.issues));
    return undefined;
  }
  return result.data;
}

/** Reads the registry files; every problem is collected, none stops the others being read. */
export function parseRegistry(files: Pick<ContentFiles, 'site' | 'indices' | 'topics' | 'risks'>, problems: Problem[]): Registry | undefined {
  const site = parseJson(files.site, SiteConfigSchema, problems);
  const indices = parseJson(files.indices, z.array(IndexSchema).min(1), problems);
  const topics = parseJson(files.topics, z.array(TopicSchema).min(1), problems);
  const risks = parseJson(files.risks, z.array(RiskTopicSchema), problems);
  if (!site || !indices || !topics || !risks) return undefined;
  for (const [list, file] of [[indices, files.indices], [topics, files.topics], [risks, files.risks]] as const) {
    const seen = new Set<string>();
    for (const item of list) {
      if (seen.has(item.id)) problems.push({ file: file.path, field: item.id, message: `id "${item.id}" is listed twice.` });
      seen.add(item.id);
    }
  }
  for (const side of ['numerator', 'denominator'] as const) {
    if (!indices.some((index) => index.id === site.ratio[side])) {
      problems.push({ file: files.site.path, field: `ratio.${side}`, message: `unknown index "${site.ratio[side]}"; expected one of ${indices.map((index) => index.id).join(', ')}.` });
    }
  }
  return { site, indices, topics, risks };
}

interface ParsedPost extends PostFile {
  source: string;
  relativePath: string;
  id: string;
  slug: string;
}

function parsePost(
  file: ContentFile & { relativePath: string },
  schema: ReturnType<typeof createFrontmatterSchema>,
  problems: Problem[],
): ParsedPost | undefined {
  const relativePath = file.relativePath.replaceAll('\\', '/');
  const match = POST_PATH.exec(relativePath);
  if (!match) {
    problems.push({
      file: file.path,
      message: 'is not where a post can be.',
      hint: 'Posts live at content/posts/<ja|en>/<YYYY>/<YYYY-MM-DD>.mdx (weekly) or <YYYY-MM-DD>-<slug>.mdx (feature).',
    });
    return undefined;
  }
  const [, locale, year, slug, fileDate, featureSlug] = match as unknown as [string, Locale, string, string, string, string | undefined];
  const text = normaliseText(file.text);
  if (text.trim() === '') {
    problems.push({ file: file.path, message: 'is empty.', hint: 'Start a post with `npm run new`.' });
    return undefined;
  }
  if (!text.startsWith('---\n')) {
    problems.push({ file: file.path, line: 1, message: 'has no frontmatter.', hint: 'A post starts with a line "---", its frontmatter, and another "---".' });
    return undefined;
  }
  let data: unknown;
  try {
    // An empty options object would hit gray-matter's cache, which keys on the text alone.
    data = matter(text, { language: 'yaml' }).data;
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message.split('\n')[0];
    problems.push({
      file: file.path,
      // js-yaml counts from 0 and gray-matter hands it the text after the opening "---", newline included.
      ...(mark?.line === undefined ? {} : { line: mark.line + 1 }),
      message: `has frontmatter that is not valid YAML: ${reason}.`,
      hint: 'Check indentation, colons and quotes on that line.',
    });
    return undefined;
  }
  const result = schema.safeParse(data, { reportInput: true });
  if (!result.success) {
    problems.push(...issuesToProblems(file.path, result.error.issues, { source: text, knownKeys: knownFrontmatterKeys }));
    return undefined;
  }
  const frontmatter = result.data;
  const before = problems.length;
  if (frontmatter.date !== fileDate) {
    problems.push({ file: file.path, field: 'date', line: findFieldLine(text, 'date') ?? 1, message: `is ${frontmatter.date}, but the file name says ${fileDate}.`, hint: 'Rename the file or correct the date.' });
  }
  if (String(yearOf(fileDate)) !== year) {
    problems.push({ file: file.path, message: `is in the folder ${year} but dated ${fileDate}.`, hint: `Move it to the ${fileDate.slice(0, 4)} folder.` });
  }
  if ((frontmatter.kind === 'weekly') !== (featureSlug === undefined)) {
    problems.push({
      file: file.path,
      field: 'kind',
      line: findFieldLine(text, 'kind') ?? 1,
      message: frontmatter.kind === 'weekly' ? 'is "weekly", but the file name has a slug after the date.' : 'is "feature", but the file name has no slug after the date.',
      hint: 'Weekly posts are named <date>.mdx, features <date>-<slug>.mdx.',
    });
  }
  if (problems.length > before) return undefined;
  return {
    file: file.path,
    entryId: relativePath.replace(/\.mdx$/, ''),
    locale,
    frontmatter,
    hash: hashSource(text),
    source: text,
    relativePath,
    id: `${year}/${slug}`,
    slug,
  };
}

/** Whether a post may be shown at `now`: drafts, future as-of dates and future `publishAt` times wait. */
export function isPublished(frontmatter: Pick<Frontmatter, 'draft' | 'date' | 'publishAt'>, visibility: Visibility): boolean {
  if (visibility.includeDrafts) return true;
  if (frontmatter.draft) return false;
  if (frontmatter.publishAt !== undefined) return new Date(frontmatter.publishAt).getTime() <= visibility.now.getTime();
  return frontmatter.date <= visibility.now.toISOString().slice(0, 10);
}

function collectCloses(posts: readonly ParsedPost[]): SourcedClose[] {
  return posts.flatMap((post) =>
    Object.entries(post.frontmatter.indices ?? {}).flatMap(([index, figures]) => {
      if (figures.close === undefined) return [];
      const field = `indices.${index}.close`;
      const line = findFieldLine(post.source, field);
      return [{ index, date: post.frontmatter.date, close: figures.close, file: post.file, field, ...(line === undefined ? {} : { line }) }];
    }),
  );
}

function computeWeekFigures(registry: Registry, series: Series, ratio: readonly RatioPoint[], date: IsoDate): WeekFigures {
  const indices: WeekFigures['indices'] = Object.fromEntries(
    registry.indices.flatMap((index) => {
      const figures = computeIndexFigures(index.id, series.get(index.id) ?? [], date);
      return figures ? [[index.id, figures]] : [];
    }),
  );
  return { date, indices, relative: computeRelativeFigures(ratio, date, registry.site.movingAverageWeeks) };
}

function checkTranslation(source: ParsedPost, translation: ParsedPost, computed: WeekFigures | undefined): Problem[] {
  const problems: Problem[] = [];
  const at = (field: string) => {
    const line = findFieldLine(translation.source, field);
    return line === undefined ? {} : { line };
  };
  for (const field of ['date', 'kind'] as const) {
    if (translation.frontmatter[field] !== source.frontmatter[field]) {
      problems.push({ file: translation.file, field, ...at(field), message: `is ${translation.frontmatter[field]}, but its source ${source.file} says ${source.frontmatter[field]}.`, hint: 'A translation has the same date and kind as its source.' });
    }
  }
  for (const [index, figures] of Object.entries(translation.frontmatter.indices ?? {})) {
    const original = source.frontmatter.indices?.[index];
    for (const key of ['close', 'change', 'changePercent'] as const) {
      const value = figures[key];
      if (value !== undefined && original?.[key] !== undefined && value !== original[key]) {
        problems.push({ file: translation.file, field: `indices.${index}.${key}`, ...at(`indices.${index}.${key}`), message: `states ${value}, but its source ${source.file} states ${original[key]}.`, hint: 'A translation inherits its figures: remove this one or make it identical.' });
      }
    }
    // Changes are checked against the computed figures below; a close only enters the series from the
    // source, so a close the source leaves to closes.csv is compared with the series here.
    const seriesClose = computed?.indices[index]?.close;
    if (figures.close !== undefined && original?.close === undefined && figures.close !== seriesClose) {
      problems.push({
        file: translation.file,
        field: `indices.${index}.close`,
        ...at(`indices.${index}.close`),
        message: seriesClose === undefined
          ? `states ${figures.close}, but there is no ${index} close on ${source.frontmatter.date} in the closes or its source ${source.file}.`
          : `states ${figures.close}, but the close of ${index} on ${source.frontmatter.date} is ${seriesClose}.`,
        hint: 'A translation inherits its figures: remove this one or make it identical.',
      });
    }
  }
  for (const key of ['ratio', 'deviation', 'relativeDeviation'] as const) {
    const value = translation.frontmatter.relative?.[key];
    const original = source.frontmatter.relative?.[key];
    if (value !== undefined && original !== undefined && value !== original) {
      problems.push({ file: translation.file, field: `relative.${key}`, ...at(`relative.${key}`), message: `states ${value}, but its source ${source.file} states ${original}.`, hint: 'A translation inherits its figures: remove this one or make it identical.' });
    }
  }
  if (translation.frontmatter.risks !== undefined) {
    problems.push({ file: translation.file, field: 'risks', ...at('risks'), message: 'is set in a translation.', hint: `The risk watch lives in the source (${source.file}) with a note per language (note.en).` });
  }
  if (translation.frontmatter.charts !== undefined) {
    problems.push({ file: translation.file, field: 'charts', ...at('charts'), message: 'is set in a translation.', hint: `Charts are declared once in the source (${source.file}) with titles in both languages.` });
  }
  return problems;
}

/** What `buildSiteModel` found: the model when the content is sound, and every problem. */
export interface SiteModelResult {
  /** Undefined as soon as there is any problem: nothing is built from content with errors. */
  model: SiteModel | undefined;
  problems: Problem[];
  /** Every source post that parsed, even when there are problems, so `npm run check` can report translation status alongside errors. */
  posts: readonly SitePost[];
}

/**
 * Validates every content file and builds the site: schema, file naming, duplicate weeks, the merged
 * series and its conflicts, stated figures, translation pairing and figures. Returns all problems at once.
 */
export function buildSiteModel(files: ContentFiles, visibility: Visibility): SiteModelResult {
  const problems: Problem[] = [];
  const registry = parseRegistry(files, problems);
  if (!registry) return { model: undefined, problems, posts: [] };
  const closes = parseClosesCsv(files.closes.path, files.closes.text, registry.indices.map((index) => index.id));
  problems.push(...closes.problems);
  const schema = createFrontmatterSchema(registry);
  const parsed = files.posts.flatMap((file) => parsePost(file, schema, problems) ?? []);

  const weeklyByWeek = new Map<string, ParsedPost>();
  for (const post of parsed) {
    if (post.frontmatter.kind !== 'weekly') continue;
    const key = `${post.locale}|${weekStart(post.frontmatter.date)}`;
    const other = weeklyByWeek.get(key);
    if (other) {
      const line = findFieldLine(post.source, 'date');
      problems.push({ file: post.file, field: 'date', ...(line === undefined ? {} : { line }), message: `${post.frontmatter.date} is in the same week as ${other.file}.`, hint: 'One weekly post per week: merge them or change the date.' });
    } else weeklyByWeek.set(key, post);
  }

  const sources = parsed.filter((post) => post.locale === SOURCE_LOCALE);
  const translations = parsed.filter((post) => post.locale !== SOURCE_LOCALE);
  const sourceById = new Map(sources.map((post) => [post.id, post]));
  // A source that exists but has problems of its own is reported for those, not as missing.
  const sourceFiles = new Set(files.posts.map((file) => file.relativePath.replaceAll('\\', '/')));
  for (const translation of translations) {
    if (!sourceById.has(translation.id) && !sourceFiles.has(`${SOURCE_LOCALE}/${translation.relativePath.slice(3)}`)) {
      problems.push({
        file: translation.file,
        // The expected path in the same content directory as the translation (a fixture site is not content/).
        message: `is a translation with no Japanese source (expected ${translation.file.slice(0, -translation.relativePath.length)}${SOURCE_LOCALE}/${translation.relativePath.slice(3)}).`,
        hint: 'Rename the file to match its source, or add the source.',
      });
    }
  }

  const sourceCloses = collectCloses(sources);
  const { series, problems: seriesProblems } = buildSeries([
    ...closes.rows.map((row) => ({ ...row, file: files.closes.path })),
    ...sourceCloses,
  ]);
  problems.push(...seriesProblems);
  const { numerator, denominator } = registry.site.ratio;
  const ratio = ratioSeries(series.get(numerator) ?? [], series.get(denominator) ?? [], registry.site.movingAverageWeeks);

  const posts: SitePost[] = sources.map((source) => {
    const translation = translations.find((candidate) => candidate.id === source.id);
    const fm = source.frontmatter;
    let figures: WeekFigures | undefined;
    if (fm.kind === 'weekly' || fm.indices !== undefined) {
      figures = computeWeekFigures(registry, series, ratio, fm.date);
      for (const index of Object.keys(fm.indices ?? {})) {
        if (!figures.indices[index]) {
          const line = findFieldLine(source.source, `indices.${index}`);
          problems.push({ file: source.file, field: `indices.${index}`, ...(line === undefined ? {} : { line }), message: `has no close on ${fm.date} and the week before in ${files.closes.path} or this post.`, hint: `Add indices.${index}.close, or import the closes with npm run data:import.` });
        }
      }
      if (fm.kind === 'weekly' && !figures.relative) {
        problems.push({ file: source.file, field: 'indices', message: `needs closes of ${numerator} and ${denominator} on ${fm.date} for the ratio; none found in ${files.closes.path} or this post.`, hint: `Add indices.${numerator}.close and indices.${denominator}.close.` });
      }
      problems.push(...checkStatedFigures(source.file, source.source, fm, figures, registry.site.derivedTolerance));
    }
    if (translation) {
      problems.push(...checkTranslation(source, translation, figures));
      if (figures) problems.push(...checkStatedFigures(translation.file, translation.source, translation.frontmatter, figures, registry.site.derivedTolerance));
    }
    const isTranslationVisible = translation !== undefined && isPublished(translation.frontmatter, visibility);
    const status: TranslationStatus = !translation ? 'missing'
      : translation.frontmatter.translatedFrom === undefined ? 'untracked'
      : translation.frontmatter.translatedFrom === source.hash ? 'translated' : 'stale';
    return {
      id: source.id,
      slug: source.slug,
      kind: fm.kind,
      date: fm.date,
      source: toPostFile(source),
      translation: translation && isTranslationVisible ? toPostFile(translation) : undefined,
      translationStatus: status,
      figures,
      risks: fm.risks ?? [],
      charts: fm.charts ?? [],
      isVisible: isPublished(fm, visibility),
    };
  });
  posts.sort((a, b) => b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug));
  if (problems.length > 0) return { model: undefined, problems, posts };
  return { model: { registry, series, ratio, posts, visiblePosts: posts.filter((post) => post.isVisible) }, problems, posts };
}

function toPostFile(post: ParsedPost): PostFile {
  return { file: post.file, entryId: post.entryId, locale: post.locale, frontmatter: post.frontmatter, hash: post.hash };
}
