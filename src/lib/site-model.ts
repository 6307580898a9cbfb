import { checkBodyComponents, type BodyContext } from './body-components.ts';
import { parseClosesCsv } from './closes.ts';
import { DEFAULT_WORDING, parseComplianceProfile, type ComplianceProfile } from './compliance.ts';
import { classifyPostPath, normaliseText, type ContentFiles } from './content-files.ts';
import { weekOf, type IsoDate } from './dates.ts';
import { createFrontmatterSchema, type CustomChart, type Frontmatter, type RiskEntry } from './frontmatter.ts';
import { ratioSeries, type RatioPoint } from './metrics.ts';
import type { ComponentUse } from './post-body.ts';
import { checkPostCompliance } from './post-compliance.ts';
import { checkPublishedFigures, parsePublishedLock, type PublishedLock } from './published-figures.ts';
import { findFieldLine, isError, type Problem } from './problems.ts';
import { readPost, type ParsedPost } from './read-post.ts';
import { memoKey, NO_MEMO, type ReadMemo } from './read-memo.ts';
import { parseRegistry } from './read-registry.ts';
import { type Registry } from './registry.ts';
import { SOURCE_LOCALE, type Locale } from '../i18n/locale.ts';
import { buildSeries, type Series } from './series.ts';
import { buildStandingPages, type SitePage } from './standing-pages.ts';
import { checkStatedFigures, type WeekFigures } from './stated-figures.ts';
import { checkOrphanTranslations, checkTranslation, getTranslationStatus, type TranslationStatus } from './translations.ts';
import { isPublished, type Visibility } from './visibility.ts';
import { checkWeekCloses, collectCloses, computeWeekFigures } from './week-figures.ts';
import type { Allowance } from './wording.ts';

/** One post file after validation. */
export interface PostFile {
  file: string;
  /** The Astro content-collection id: the path below content/posts without `.mdx`. */
  entryId: string;
  locale: Locale;
  frontmatter: Frontmatter;
  /** Hash of the normalised file text; a translation records its source's to detect staleness. */
  hash: string;
  /** The components its MDX body uses, from the syntax tree, in order. */
  components: readonly ComponentUse[];
}

/** A post: its Japanese source, its English translation if any, and the figures computed for it. */
export interface SitePost {
  /** Path below the language folder without extension, e.g. `2026/2026-02-13`. */
  id: string;
  /** The URL segment, e.g. `2026-02-13` or `2025-10-10-q3-small-caps`. */
  slug: string;
  kind: Frontmatter['kind'];
  /** The post's one date, its as-of date: what charts, feeds, structured data and related posts use. */
  date: IsoDate;
  source: PostFile;
  translation: PostFile | undefined;
  translationStatus: TranslationStatus;
  /** Figures of the post's own week (weekly posts, and features that state closes). */
  figures: WeekFigures | undefined;
  risks: readonly RiskEntry[];
  charts: readonly CustomChart[];
  isVisible: boolean;
}

/** Everything pages need: the registry, the compliance profile, the weekly series and the posts, newest first. */
export interface SiteModel {
  registry: Registry;
  compliance: ComplianceProfile;
  series: Series;
  /** The ratio series of the configured pair over the whole history. */
  ratio: readonly RatioPoint[];
  /** Every valid post, drafts included; `visiblePosts` is what a reader may see. */
  posts: readonly SitePost[];
  visiblePosts: readonly SitePost[];
  /** The standing pages a reader may see (about, disclosures, data sources), in that order. */
  pages: readonly SitePage[];
  /** The problems that stop nothing (wording worth a second look), for the build to print once. */
  warnings: readonly Problem[];
}

/** What `buildSiteModel` found: the model when the content is sound, every problem, and notes. */
export interface SiteModelResult {
  /** Undefined as soon as there is any error: nothing is built from content with errors. Warnings build. */
  model: SiteModel | undefined;
  /** Errors and warnings (`severity: 'warning'`), in the order found. */
  problems: Problem[];
  /** Things worth saying that are not errors, such as editor files left beside the posts and ignored. */
  notes: Problem[];
  /** Phrases of the wording lists the author quoted with `<Quote reason="…">`, with the reason: the record of what was let through. */
  allowances: readonly Allowance[];
  /** content/data/published.json as read: what each published post showed (empty when there is none). */
  publishedLock: PublishedLock;
  /** Every source post that parsed, even when there are problems, so `npm run check` can report translation status alongside errors. */
  posts: readonly SitePost[];
  /**
   * The site without the posts that have problems of their own, for the dev server: one broken post
   * then shows its error on its own page while the rest of the site renders. Undefined when a problem
   * is not a post's own (a data file, the registry): everything depends on those.
   */
  soundModel: SiteModel | undefined;
}

/** A second weekly post in one week, per language, is refused naming the first. */
function checkOneWeeklyPerWeek(posts: readonly ParsedPost[]): Problem[] {
  const byWeek = new Map<string, ParsedPost>();
  return posts.flatMap((post): Problem[] => {
    if (post.frontmatter.kind !== 'weekly') return [];
    const key = `${post.locale}|${weekOf(post.frontmatter.date)}`;
    const other = byWeek.get(key);
    if (!other) {
      byWeek.set(key, post);
      return [];
    }
    const line = findFieldLine(post.source, 'date');
    return [{ file: post.file, field: 'date', ...(line === undefined ? {} : { line }), message: `${post.frontmatter.date} is in the same week as ${other.file}.`, hint: 'One weekly post per week: merge them or change the date.' }];
  });
}

type PostCompliance = ReturnType<typeof checkPostCompliance>;

/** What reading one post file gave, as the memo keeps it. */
interface RememberedPost {
  post?: Omit<ParsedPost, 'source'>;
  problems: Problem[];
  compliance?: PostCompliance;
}

function toPostFile(post: ParsedPost): PostFile {
  return { file: post.file, entryId: post.entryId, locale: post.locale, frontmatter: post.frontmatter, hash: post.hash, components: post.components };
}

/**
 * The site model, read once from the content files: every rule that `npm run check` and the build
 * apply, in one place, with all problems reported at once. Reading (registry, closes, posts with
 * their MDX trees, the compliance profile, the published-figure lock, the standing pages with their
 * wording checked as a post's is), then the weekly series, then per post its figures, stated figures,
 * body components, translation, the wording and product notices the profile asks for
 * (src/lib/post-compliance.ts) and the figures it showed when published.
 */
export function buildSiteModel(files: ContentFiles, visibility: Visibility, memo: ReadMemo = NO_MEMO): SiteModelResult {
  const problems: Problem[] = [];
  const notes: Problem[] = [
    ...(files.otherPostFiles ?? []).map((file) => ({
      file: file.path,
      message: classifyPostPath(file.relativePath) === 'ignored' ? 'is not a post (an editor, system or other file) and was ignored.' : 'was ignored.',
    })),
    ...(files.otherPageFiles ?? []).map((file) => ({ file: file.path, message: 'is not a standing page (an editor, system or other file) and was ignored.' })),
  ];
  const registry = parseRegistry(files, problems);
  const compliance = parseComplianceProfile(files.compliance, problems);
  if (compliance?.sample) {
    notes.push({ file: files.compliance.path, message: 'is marked as a sample ("sample": true): its firm, registration number and products are invented. Replace them with your own before publishing.' });
  }
  const publishedLock = parsePublishedLock(files.published, problems);
  if (!registry) return { model: undefined, problems, notes, allowances: [], publishedLock, posts: [], soundModel: undefined };
  // Posts are still read for their wording when the profile has problems: every problem at once.
  const profile = { wording: compliance?.wording ?? DEFAULT_WORDING, products: compliance?.products ?? [] };
  const standing = buildStandingPages(files.pages ?? [], profile, visibility);
  problems.push(...standing.problems);
  const allowances: Allowance[] = [...standing.allowances];
  const closes = parseClosesCsv(files.closes.path, files.closes.text, registry.indices.map((index) => index.id));
  problems.push(...closes.problems);
  const schema = createFrontmatterSchema(registry);
  // A post is read against the registry (its ids and time zone) and checked against the profile.
  const registryKey = memoKey('registry', [files.site.text, files.indices.text, files.topics.text, files.risks.text]);
  const complianceKey = memoKey('profile', [registryKey, files.compliance.text]);
  // What the profile asks of each post is checked as it is read, while its prose is at hand: the memo
  // then keeps neither the prose nor the text (which the file gives again) and stays small.
  const complianceOf = new Map<ParsedPost, PostCompliance>();
  const parsed = files.posts.flatMap((file) => {
    const read = memo.remember('post', [complianceKey, file.path, file.relativePath, file.text], (): RememberedPost => {
      const found: Problem[] = [];
      const post = readPost(file, schema, found);
      if (!post) return { problems: found };
      const { source: _source, prose: _prose, ...rest } = post;
      return { post: rest, problems: found, compliance: checkPostCompliance(post, profile) };
    });
    problems.push(...read.problems);
    if (!read.post || !read.compliance) return [];
    const post: ParsedPost = { ...read.post, source: normaliseText(file.text) };
    complianceOf.set(post, read.compliance);
    return [post];
  });
  problems.push(...checkOneWeeklyPerWeek(parsed));

  const sources = parsed.filter((post) => post.locale === SOURCE_LOCALE);
  const translations = new Map(parsed.filter((post) => post.locale !== SOURCE_LOCALE).map((post) => [post.id, post]));
  problems.push(...checkOrphanTranslations([...translations.values()], new Set(sources.map((post) => post.id)), new Set(files.posts.map((file) => file.relativePath.replaceAll('\\', '/')))));

  const calendars = new Map(registry.indices.map((index) => [index.id, index.calendar]));
  const { series, problems: seriesProblems } = buildSeries(
    [...closes.rows.map((row) => ({ ...row, file: files.closes.path })), ...collectCloses(sources)],
    (index) => calendars.get(index) ?? 'XNYS',
  );
  problems.push(...seriesProblems);
  const { numerator, denominator } = registry.site.ratio;
  const ratio = ratioSeries(series.get(numerator) ?? [], series.get(denominator) ?? [], registry.site.movingAverageWeeks);
  const indexIds = registry.indices.map((index) => index.id);

  const posts = sources.map((source): SitePost => {
    const translation = translations.get(source.id);
    const fm = source.frontmatter;
    let figures: WeekFigures | undefined;
    if (fm.kind === 'weekly' || fm.indices !== undefined) {
      figures = computeWeekFigures(registry, series, ratio, fm.date);
      const shown = [...new Set([...Object.keys(fm.indices ?? {}), ...(fm.kind === 'weekly' ? [numerator, denominator] : [])])];
      problems.push(...checkWeekCloses(source, shown, series, files.closes.path));
      problems.push(...checkStatedFigures(source.file, source.source, fm, figures, registry.site.derivedTolerance));
    }
    const context: BodyContext = { kind: fm.kind, date: fm.date, figures, charts: fm.charts ?? [], indexIds, productIds: profile.products.map((product) => product.id) };
    problems.push(...checkBodyComponents(source.file, source.components, context));
    if (translation) {
      problems.push(...checkTranslation(source, translation, figures));
      if (figures) problems.push(...checkStatedFigures(translation.file, translation.source, translation.frontmatter, figures, registry.site.derivedTolerance));
      problems.push(...checkBodyComponents(translation.file, translation.components, context));
    }
    for (const file of translation ? [source, translation] : [source]) {
      const checked = complianceOf.get(file);
      problems.push(...(checked?.problems ?? []));
      allowances.push(...(checked?.allowances ?? []));
    }
    // Publication is a fact of the clock, not of what this run shows: drafts are checked but never locked.
    if (figures && isPublished(fm, { now: visibility.now, includeDrafts: false })) {
      const locked = checkPublishedFigures({ id: source.id, file: source.file, source: source.source, figures, corrections: fm.corrections?.length ?? 0 }, publishedLock, files.published?.path ?? 'content/data/published.json');
      problems.push(...locked.problems);
      notes.push(...locked.notes);
    }
    return {
      id: source.id,
      slug: source.slug,
      kind: fm.kind,
      date: fm.date,
      source: toPostFile(source),
      translation: translation && isPublished(translation.frontmatter, visibility) ? toPostFile(translation) : undefined,
      translationStatus: getTranslationStatus(source, translation),
      figures,
      risks: fm.risks ?? [],
      charts: fm.charts ?? [],
      isVisible: isPublished(fm, visibility),
    };
  });
  posts.sort((a, b) => b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug));
  const errors = problems.filter(isError);
  if (!compliance) return { model: undefined, problems, notes, allowances, publishedLock, posts, soundModel: undefined };
  const warnings = problems.filter((problem) => !isError(problem));
  const compose = (included: readonly SitePost[]): SiteModel => ({ registry, compliance, series, ratio, posts: included, visiblePosts: included.filter((post) => post.isVisible), pages: standing.pages, warnings });
  if (errors.length === 0) return { model: compose(posts), problems, notes, allowances, publishedLock, posts, soundModel: compose(posts) };
  const postFiles = new Set(files.posts.map((file) => file.path));
  const broken = new Set(errors.map((problem) => problem.file));
  const isSound = (post: SitePost) => !broken.has(post.source.file) && !(post.translation && broken.has(post.translation.file));
  const soundModel = errors.every((problem) => postFiles.has(problem.file)) ? compose(posts.filter(isSound)) : undefined;
  return { model: undefined, problems, notes, allowances, publishedLock, posts, soundModel };
}
