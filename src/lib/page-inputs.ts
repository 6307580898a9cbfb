import { createHash } from 'node:crypto';
import type { Locale } from '../i18n/locale.ts';
import { getLeadFigures } from './archive.ts';
import { getAdjacentPosts, getPostText, type PostPage } from './post-views.ts';
import type { Registry } from './registry.ts';
import { getRelatedPosts } from './related.ts';
import type { SiteModel, SitePost } from './site-model.ts';

/**
 * Everything a post page reads, each as a digest under a name. The page's cache key is the digest of
 * them all, so an incremental build skips the page only when none changed; the names let a build
 * explain why it rendered a page again. Code is not listed: Astro hashes the page's module graph itself.
 */
export interface PostPageInputs {
  /** The registry (site config, indices, topics, risks), the compliance profile and which standing pages exist: every page shows some of it. */
  site: string;
  /** The page's language, whether it is a fallback, and its post: the file shown, the source, translation state, figures. */
  post: string;
  /** The post's charts as this page draws them: each chart's content hash covers its series window. */
  charts: string;
  /** The older and newer post of the same kind that the pager links, as their summaries show them. */
  neighbours: string;
  /** The related posts listed under the article, as their summaries show them. */
  related: string;
}

/** Names of the inputs, in the order an explanation lists them. */
export const POST_PAGE_INPUTS = ['site', 'post', 'charts', 'neighbours', 'related'] as const satisfies readonly (keyof PostPageInputs)[];

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value) ?? 'undefined').digest('hex').slice(0, 16);
}

const siteDigests = new WeakMap<SiteModel, string>();

/** One digest of what every page shows of the site: computed once per model. */
function siteDigest(model: SiteModel): string {
  let value = siteDigests.get(model);
  if (value === undefined) {
    // The footer links the standing pages the site has (getFooterLinks), by name only.
    value = digest([model.registry, model.compliance, model.pages.map((page) => page.name)]);
    siteDigests.set(model, value);
  }
  return value;
}

/**
 * The post as its page shows it: the file whose text it renders, the Japanese source (whose frontmatter
 * holds the figures, risk watch and charts in both languages), whether a translation exists and its
 * state (the language switch and notices), and the figures computed for its week. A Japanese page does
 * not read its translation's text, so editing the English file leaves it alone.
 */
function ownPostDigest(page: PostPage): unknown {
  const { post } = page;
  return [post.id, page.file.hash, post.source.hash, post.translation !== undefined, post.translationStatus, post.figures ?? null];
}

/** A neighbour as the pager shows it (AdjacentPost.astro): link, date, title, and a weekly post's lead move. */
function neighbourDigest(post: SitePost | undefined, locale: Locale, registry: Registry): unknown {
  if (post === undefined) return null;
  return [post.slug, post.date, getPostText(post, locale), post.kind === 'weekly' ? getLeadFigures(post, registry)?.changePercent ?? null : null];
}

/** A related post as its summary shows it (PostSummary.astro without figures): link, kind, date, title and description. */
function relatedDigest(post: SitePost, locale: Locale): unknown {
  return [post.slug, post.kind, post.date, getPostText(post, locale)];
}

/**
 * The inputs of one post page. `chartHashes` are the content hashes of the charts the page draws, in
 * order (`getPostCharts` in src/site/post-charts.ts computes them once for the page and the images alike).
 * Neighbours and related posts count only as far as the page shows them, so next week's post changes
 * last week's page (its pager) and nothing older.
 */
export function postPageInputs(model: SiteModel, page: PostPage, chartHashes: readonly string[]): PostPageInputs {
  const { locale, post } = page;
  const { previous, next } = getAdjacentPosts(model.visiblePosts, post);
  return {
    site: siteDigest(model),
    post: digest([locale, page.isFallback, page.file.entryId, ownPostDigest(page)]),
    charts: digest(chartHashes),
    neighbours: digest([neighbourDigest(previous, locale, model.registry), neighbourDigest(next, locale, model.registry)]),
    related: digest(getRelatedPosts(model.visiblePosts, post).map((relatedPost) => relatedDigest(relatedPost, locale))),
  };
}

/** The cache key of a page: one digest over its named inputs. */
export function cacheKeyOf(inputs: PostPageInputs): string {
  return digest(POST_PAGE_INPUTS.map((name) => inputs[name]));
}

/** Which inputs differ between two builds of a page, in POST_PAGE_INPUTS order. */
export function changedInputs(before: PostPageInputs, after: PostPageInputs): (keyof PostPageInputs)[] {
  return POST_PAGE_INPUTS.filter((name) => before[name] !== after[name]);
}

/** What changed in the post pages' inputs since the previous build: the build's explanation. */
export interface InputChanges {
  /** Pages the previous build did not have (or a first build: every page). */
  added: string[];
  /** Pages whose inputs changed, with the names of those that did. */
  changed: { page: string; inputs: (keyof PostPageInputs)[] }[];
  removed: string[];
  unchanged: number;
}

/** Compares the inputs of every post page, by path, with those the previous build recorded. */
export function compareInputs(previous: Readonly<Record<string, PostPageInputs>>, current: Readonly<Record<string, PostPageInputs>>): InputChanges {
  const changes: InputChanges = { added: [], changed: [], removed: [], unchanged: 0 };
  for (const [page, inputs] of Object.entries(current)) {
    const before = previous[page];
    if (before === undefined) {
      changes.added.push(page);
      continue;
    }
    const names = changedInputs(before, inputs);
    if (names.length === 0) changes.unchanged += 1;
    else changes.changed.push({ page, inputs: names });
  }
  changes.removed = Object.keys(previous).filter((page) => current[page] === undefined);
  return changes;
}

/**
 * The explanation in a build's summary line, e.g. "post pages: 2 new, 2 with changed inputs
 * (neighbours 2, related 1), 1272 unchanged": what an incremental build had to render again, and why.
 */
export function describeInputChanges(changes: InputChanges): string {
  const byInput = new Map<string, number>();
  for (const { inputs } of changes.changed) for (const name of inputs) byInput.set(name, (byInput.get(name) ?? 0) + 1);
  const reasons = POST_PAGE_INPUTS.flatMap((name) => (byInput.has(name) ? [`${name} ${byInput.get(name)}`] : []));
  return [
    `${changes.added.length} new`,
    `${changes.changed.length} with changed inputs${reasons.length === 0 ? '' : ` (${reasons.join(', ')})`}`,
    ...(changes.removed.length === 0 ? [] : [`${changes.removed.length} removed`]),
    `${changes.unchanged} unchanged`,
  ].join(', ');
}
