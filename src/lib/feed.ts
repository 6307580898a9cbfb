import { absoluteUrl, localePath, postPath } from '../i18n/paths.ts';
import type { IsoDate } from './dates.ts';
import { getPostPages, type PostPage } from './post-views.ts';
import { getTopic, type Registry } from './registry.ts';
import type { Locale } from '../i18n/locale.ts';
import type { PostFile, SitePost } from './site-model.ts';
import { escapeXml } from './markup.ts';
import { socialCardPath } from './social-card.ts';

/** How many of the newest posts a feed carries; readers poll often, and each item holds a whole post. */
export const FEED_ITEM_LIMIT = 20;

/** A feed as a whole: one per language. */
export interface FeedChannel {
  title: string;
  description: string;
  locale: Locale;
  homeUrl: string;
  rssUrl: string;
  jsonFeedUrl: string;
  author: string;
}

/** Where a language's feeds live. */
export function feedPaths(locale: Locale): { rss: string; json: string } {
  return { rss: localePath(locale, 'rss.xml'), json: localePath(locale, 'feed.json') };
}

/** A language's feed: the site's title and tagline in that language, absolute URLs. */
export function buildFeedChannel(registry: Registry, locale: Locale): FeedChannel {
  const { site } = registry;
  const paths = feedPaths(locale);
  return {
    title: site.title[locale],
    description: site.tagline[locale],
    locale,
    homeUrl: absoluteUrl(site.url, localePath(locale)),
    rssUrl: absoluteUrl(site.url, paths.rss),
    jsonFeedUrl: absoluteUrl(site.url, paths.json),
    author: site.author[locale],
  };
}

/** One post in a feed, every URL absolute. */
export interface FeedItem {
  title: string;
  url: string;
  summary: string;
  /** The whole post as HTML, ready for a feed reader (see `prepareFeedHtml`). */
  contentHtml: string;
  /** ISO 8601 instants. */
  published: string;
  modified: string | undefined;
  author: string;
  categories: readonly string[];
  image: string | undefined;
}

/**
 * The instant a feed gives for a calendar date: noon UTC, which is the same calendar day in every
 * time zone from UTC−11 to UTC+11, so no feed reader shows a Friday post as Thursday.
 */
export function calendarDateInstant(date: IsoDate): string {
  return `${date}T12:00:00.000Z`;
}

/** When a post file went out: its `publishAt` time if scheduled, otherwise its as-of date. */
export function getPublishedAt(file: PostFile): string {
  const { publishAt, date } = file.frontmatter;
  return publishAt === undefined ? calendarDateInstant(date) : new Date(publishAt).toISOString();
}

/**
 * The post pages a language's feed carries: the newest visible posts that really exist in that
 * language (an English fallback page shows the Japanese text, so it is not part of the English feed).
 */
export function getFeedPages(posts: readonly SitePost[], locale: Locale, limit: number = FEED_ITEM_LIMIT): PostPage[] {
  return getPostPages(posts.filter((post) => post.isVisible))
    .filter((page) => page.locale === locale && !page.isFallback)
    .slice(0, limit);
}

/** A feed item for a post page, given its rendered HTML. */
export function buildFeedItem(page: PostPage, registry: Registry, contentHtml: string): FeedItem {
  const { file, post, locale } = page;
  const siteUrl = registry.site.url;
  const updated = file.frontmatter.updated ?? post.source.frontmatter.updated;
  return {
    title: file.frontmatter.title,
    url: absoluteUrl(siteUrl, postPath(locale, post.slug)),
    summary: file.frontmatter.description,
    contentHtml,
    published: getPublishedAt(file),
    modified: updated === undefined ? undefined : calendarDateInstant(updated),
    author: file.frontmatter.author,
    categories: post.source.frontmatter.topics.map((id) => getTopic(registry, id).label[locale]),
    image: absoluteUrl(siteUrl, socialCardPath(locale, post.slug)),
  };
}

const URL_ATTRIBUTES = /(\s(?:href|src|poster|action)=)(["'])(\/(?!\/)[^"']*)\2/g;

/**
 * Turns a post's rendered HTML into feed content: scripts, styles and canvases removed (feed readers
 * run no JavaScript), `<noscript>` fallbacks such as a chart's static image unwrapped, a chart's data
 * table left out (readers show `<details>` open, and a relative-strength table has a row for every
 * week; the image, its alt text and the CSV link carry the data), Astro's scoping
 * attributes and any event handler dropped, and every root-relative URL made absolute.
 */
export function prepareFeedHtml(html: string, siteUrl: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/gi, '')
    .replace(/<style\b[\s\S]*?<\/style>/gi, '')
    .replace(/<template\b[\s\S]*?<\/template>/gi, '')
    .replace(/<canvas\b[\s\S]*?<\/canvas>/gi, '')
    .replace(/<details\b[^>]*\bclass="chart-data"[^>]*>[\s\S]*?<\/details>/gi, '')
    .replace(/<\/?noscript>/gi, '')
    .replace(/\sdata-astro-[\w-]+(?:="[^"]*")?/g, '')
    .replace(/\son[a-z]+=(?:"[^"]*"|'[^']*'|[^\s>]+)/gi, '')
    .replace(URL_ATTRIBUTES, (_, attribute: string, quote: string, url: string) => `${attribute}${quote}${absoluteUrl(siteUrl, url)}${quote}`)
    .replace(/(\ssrcset=)(["'])([^"']*)\2/g, (_, attribute: string, quote: string, value: string) => {
      const candidates = value.split(',').map((candidate) => candidate.trim().replace(/^\/(?!\/)\S*/, (url) => absoluteUrl(siteUrl, url)));
      return `${attribute}${quote}${candidates.join(', ')}${quote}`;
    })
    .trim();
}

function newestInstant(items: readonly FeedItem[]): string | undefined {
  return items.map((item) => item.modified ?? item.published).sort().at(-1);
}

/**
 * An RSS 2.0 feed with the full post in `content:encoded`, an Atom self link and permalink GUIDs.
 * `lastBuildDate` is the newest item's date, not the build time, so two builds of the same content match.
 */
export function renderRss(channel: FeedChannel, items: readonly FeedItem[]): string {
  const newest = newestInstant(items);
  const element = (name: string, value: string) => `<${name}>${escapeXml(value)}</${name}>`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    element('title', channel.title),
    element('link', channel.homeUrl),
    element('description', channel.description),
    element('language', channel.locale),
    `<atom:link href="${escapeXml(channel.rssUrl)}" rel="self" type="application/rss+xml"/>`,
    ...(newest === undefined ? [] : [element('lastBuildDate', new Date(newest).toUTCString())]),
    ...items.map((item) =>
      [
        '<item>',
        element('title', item.title),
        element('link', item.url),
        `<guid isPermaLink="true">${escapeXml(item.url)}</guid>`,
        element('pubDate', new Date(item.published).toUTCString()),
        element('dc:creator', item.author),
        ...item.categories.map((category) => element('category', category)),
        // RSS readers render <description> as HTML: the plain-text summary is escaped as HTML first, so an
        // author's `<` stays a character instead of becoming markup in the reader.
        element('description', escapeXml(item.summary)),
        element('content:encoded', item.contentHtml),
        '</item>',
      ].join('\n'),
    ),
    '</channel>',
    '</rss>',
    '',
  ];
  return lines.join('\n');
}

/** A JSON Feed 1.1 document carrying the same items as the RSS feed. */
export function renderJsonFeed(channel: FeedChannel, items: readonly FeedItem[]): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    home_page_url: channel.homeUrl,
    feed_url: channel.jsonFeedUrl,
    description: channel.description,
    language: channel.locale,
    authors: [{ name: channel.author }],
    items: items.map((item) => ({
      id: item.url,
      url: item.url,
      title: item.title,
      summary: item.summary,
      content_html: item.contentHtml,
      date_published: item.published,
      ...(item.modified === undefined ? {} : { date_modified: item.modified }),
      authors: [{ name: item.author }],
      tags: item.categories,
      ...(item.image === undefined ? {} : { image: item.image }),
      language: channel.locale,
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
