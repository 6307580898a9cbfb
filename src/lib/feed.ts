import { absoluteUrl, localePath, postPath } from '../i18n/paths.ts';
import type { IsoDate } from './dates.ts';
import { getPostPages, type PostPage } from './post-views.ts';
import { getTopic, type Registry } from './registry.ts';
import type { Locale } from '../i18n/locale.ts';
import type { PostFile, SitePost } from './site-model.ts';
import { escapeXml } from './markup.ts';
import { lastRevised } from './notices.ts';
import { prepareFeedHtml } from './feed-html.ts';
import { socialCardPath } from './social-card.ts';
import { renderXmlDocument, xmlElement } from './xml.ts';

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
  /** The whole post as HTML, ready for a feed reader (see `prepareFeedHtml` in src/lib/feed-html.ts). */
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
 * When a page's post last changed: its `updated` date or its latest correction, whichever is later
 * (a correction changes a post as much as an update does); undefined for a post never revised. The
 * feeds and the page's structured data both use it.
 */
export function getModifiedAt(page: Pick<PostPage, 'file' | 'post'>): string | undefined {
  const { file, post } = page;
  const revised = lastRevised(file.frontmatter.updated ?? post.source.frontmatter.updated, post.source.frontmatter.corrections);
  return revised === undefined ? undefined : calendarDateInstant(revised);
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

/** A feed item for a post page, given the HTML of its body component as the page renders it. */
export function buildFeedItem(page: PostPage, registry: Registry, bodyHtml: string): FeedItem {
  const { file, post, locale } = page;
  const siteUrl = registry.site.url;
  const url = absoluteUrl(siteUrl, postPath(locale, post.slug));
  return {
    title: file.frontmatter.title,
    url,
    summary: file.frontmatter.description,
    contentHtml: prepareFeedHtml(bodyHtml, url),
    published: getPublishedAt(file),
    modified: getModifiedAt(page),
    author: file.frontmatter.author,
    categories: post.source.frontmatter.topics.map((id) => getTopic(registry, id).label[locale]),
    image: absoluteUrl(siteUrl, socialCardPath(locale, post.slug)),
  };
}

function newestInstant(items: readonly FeedItem[]): string | undefined {
  return items.map((item) => item.modified ?? item.published).sort().at(-1);
}

const NAMESPACES = {
  'xmlns:atom': 'http://www.w3.org/2005/Atom',
  'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
  'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
};

/**
 * An RSS 2.0 feed with the full post in `content:encoded`, an Atom self link, permalink GUIDs and the
 * author's name in `dc:creator` (RSS's own `<author>` must be an e-mail address).
 * `lastBuildDate` is the newest item's date, not the build time, so two builds of the same content match.
 */
export function renderRss(channel: FeedChannel, items: readonly FeedItem[]): string {
  const newest = newestInstant(items);
  const text = (name: string, value: string) => xmlElement(name, {}, value);
  return renderXmlDocument(xmlElement('rss', { version: '2.0', ...NAMESPACES },
    xmlElement('channel', {},
      text('title', channel.title),
      text('link', channel.homeUrl),
      text('description', channel.description),
      text('language', channel.locale),
      xmlElement('atom:link', { href: channel.rssUrl, rel: 'self', type: 'application/rss+xml' }),
      newest === undefined ? undefined : text('lastBuildDate', new Date(newest).toUTCString()),
      ...items.map((item) => xmlElement('item', {},
        text('title', item.title),
        text('link', item.url),
        xmlElement('guid', { isPermaLink: 'true' }, item.url),
        text('pubDate', new Date(item.published).toUTCString()),
        text('dc:creator', item.author),
        ...item.categories.map((category) => text('category', category)),
        // RSS readers render <description> as HTML: the plain-text summary is escaped as HTML first, so an
        // author's `<` stays a character instead of becoming markup in the reader.
        text('description', escapeXml(item.summary)),
        text('content:encoded', item.contentHtml),
      )),
    ),
  ));
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
