import { chartIndices, type ChartData, type ChartedPost } from './charts.ts';
import type { ComplianceProfile, Product } from './compliance.ts';
import type { IsoDate } from './dates.ts';
import type { Frontmatter } from './frontmatter.ts';
import { CITABLE_FIELDS } from './key-figures.ts';
import type { ComponentUse } from './post-body.ts';
import type { Locale } from '../i18n/locale.ts';

/** Fields of `<Figure>` that cite the ratio of the configured pair rather than one index. */
const RELATIVE_FIELDS: readonly string[] = CITABLE_FIELDS.filter((field) => !['close', 'change', 'changePercent', 'ytdChangePercent'].includes(field));

/**
 * The ids of every index a post page cites, in registry order: the key figures a weekly post opens with
 * (PostBody shows them) and any `<KeyFigures>` of the body, with the pair of their ratio row; every
 * `<Figure>`; every chart the page shows (`charts`, the names from `getPostCharts`). The page carries
 * each one's trademark and source notice once.
 */
export function getCitedIndices(data: ChartData, post: ChartedPost, components: readonly ComponentUse[], charts: readonly string[]): string[] {
  const { numerator, denominator } = data.registry.site.ratio;
  const withFigures = Object.keys(post.figures?.indices ?? {});
  const pair = post.figures?.relative === undefined ? [] : [numerator, denominator];
  const cited = new Set<string>(post.kind === 'weekly' && post.figures ? [...withFigures, ...pair] : []);
  for (const use of components) {
    if (use.name === 'KeyFigures' && post.figures) {
      const only = use.attributes['only'];
      const shown = Array.isArray(only) ? withFigures.filter((id) => only.includes(id)) : withFigures;
      for (const id of [...shown, ...pair]) cited.add(id);
    }
    if (use.name === 'Figure') {
      const { field, index } = use.attributes;
      if (typeof field === 'string' && RELATIVE_FIELDS.includes(field)) for (const id of [numerator, denominator]) cited.add(id);
      else if (typeof index === 'string') cited.add(index);
    }
  }
  for (const name of charts) for (const id of chartIndices(data, post, name)) cited.add(id);
  return data.registry.indices.filter((index) => cited.has(index.id)).map((index) => index.id);
}

/** What a page says about an index it cites: its name, its trademark notice if it has one, and its source. */
export interface IndexNotice {
  id: string;
  name: string;
  trademark: string | undefined;
  source: string;
}

/** The notices of the indices `ids`, in one language. */
export function getIndexNotices(data: Pick<ChartData, 'registry'>, ids: readonly string[], locale: Locale): IndexNotice[] {
  return data.registry.indices
    .filter((index) => ids.includes(index.id))
    .map((index) => ({ id: index.id, name: index.name[locale], trademark: index.trademark?.[locale], source: index.source[locale] }));
}

/** The paragraphs of a profile text: a blank line separates them, as in Markdown. */
export function paragraphsOf(text: string): string[] {
  return text.split(/\n\s*\n/).map((paragraph) => paragraph.trim()).filter((paragraph) => paragraph !== '');
}

/** Who publishes the site, in one language: the trade name and the registration or the statement. */
export function describePublisher(profile: Pick<ComplianceProfile, 'publisher'>, locale: Locale): { name: string; lines: string[] } {
  const { publisher } = profile;
  if (!publisher.licensed) return { name: publisher.name[locale], lines: [publisher.statement[locale]] };
  return { name: publisher.name[locale], lines: [publisher.registration[locale], ...(publisher.memberships ? [publisher.memberships[locale]] : [])] };
}

/** A product of the profile by id; throws naming the ids it has (the site model has refused an unknown id already). */
export function getProduct(profile: Pick<ComplianceProfile, 'products'>, id: string): Product {
  const product = profile.products.find((candidate) => candidate.id === id);
  if (!product) throw new RangeError(`unknown product "${id}"; content/compliance.json has ${profile.products.map((candidate) => candidate.id).join(', ') || 'none'}`);
  return product;
}

/** One correction of a post, in one language. */
export type Correction = NonNullable<Frontmatter['corrections']>[number];

/** A post's corrections, oldest first, as the page lists them. */
export function sortCorrections(corrections: readonly Correction[] | undefined): Correction[] {
  return [...(corrections ?? [])].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The day a post last changed, for a feed's modified date: its `updated` date or its latest correction,
 * whichever is later; undefined when it has neither.
 */
export function lastRevised(updated: IsoDate | undefined, corrections: readonly Correction[] | undefined): IsoDate | undefined {
  return [updated, ...(corrections ?? []).map((correction) => correction.date)].filter((date): date is IsoDate => date !== undefined).sort().at(-1);
}
