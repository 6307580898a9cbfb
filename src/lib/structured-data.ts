import { absoluteUrl, localePath, postPath } from '../i18n/paths.ts';
import { getModifiedAt, getPublishedAt } from './feed.ts';
import type { PageHead } from './page-head.ts';
import type { PostPage } from './post-views.ts';
import { getTopic, type Registry } from './registry.ts';
import type { Locale } from '../i18n/locale.ts';
import { SOCIAL_CARD_SIZE, socialCardPath } from './social-card.ts';

/** Open Graph locales (language_TERRITORY), matching the Intl locales the site formats with. */
export const OG_LOCALE: Record<Locale, string> = { ja: 'ja_JP', en: 'en_US' };

/** What a post tells the layout for its social and structured metadata. */
export interface ArticleMeta {
  /** Absolute URL of the social card. */
  image: string;
  imageAlt: string;
  /** ISO 8601 instants. */
  published: string;
  modified: string;
  author: string;
  section: string;
  tags: readonly string[];
  /** Language of the article text (Japanese on an English fallback page). */
  inLanguage: Locale;
}

/** Builds a post page's article metadata, once, for both the meta tags and the JSON-LD. */
export function buildArticleMeta(page: PostPage, registry: Registry): ArticleMeta {
  const { locale, post, file } = page;
  const published = getPublishedAt(file);
  return {
    image: absoluteUrl(registry.site.url, socialCardPath(locale, post.slug)),
    imageAlt: file.frontmatter.title,
    published,
    modified: getModifiedAt(page) ?? published,
    author: file.frontmatter.author,
    section: registry.site.title[locale],
    tags: post.source.frontmatter.topics.map((id) => getTopic(registry, id).label[locale]),
    inLanguage: file.locale,
  };
}

/** One `<meta>` element: Open Graph uses `property`, Twitter `name`. */
export type MetaTag = { property: string; content: string } | { name: string; content: string };

/** Open Graph and Twitter card tags of a page; posts add the article fields and their social card. */
export function buildSocialMeta(head: PageHead, locale: Locale, siteName: string, article: ArticleMeta | undefined): MetaTag[] {
  const tags: MetaTag[] = [
    { property: 'og:type', content: article ? 'article' : 'website' },
    { property: 'og:site_name', content: siteName },
    { property: 'og:title', content: head.title },
    { property: 'og:description', content: head.description },
    { property: 'og:url', content: head.canonical },
    { property: 'og:locale', content: OG_LOCALE[locale] },
    ...head.alternates.flatMap((alternate) =>
      alternate.hreflang !== 'x-default' && alternate.hreflang !== locale ? [{ property: 'og:locale:alternate', content: OG_LOCALE[alternate.hreflang] }] : [],
    ),
    { name: 'twitter:card', content: article ? 'summary_large_image' : 'summary' },
    { name: 'twitter:title', content: head.title },
    { name: 'twitter:description', content: head.description },
  ];
  if (article) {
    tags.push(
      { property: 'og:image', content: article.image },
      { property: 'og:image:type', content: 'image/png' },
      { property: 'og:image:width', content: String(SOCIAL_CARD_SIZE.width) },
      { property: 'og:image:height', content: String(SOCIAL_CARD_SIZE.height) },
      { property: 'og:image:alt', content: article.imageAlt },
      { property: 'article:published_time', content: article.published },
      { property: 'article:modified_time', content: article.modified },
      { property: 'article:section', content: article.section },
      ...article.tags.map((tag) => ({ property: 'article:tag', content: tag })),
      { name: 'twitter:image', content: article.image },
      { name: 'twitter:image:alt', content: article.imageAlt },
    );
  }
  return tags;
}

/** A schema.org NewsArticle for a post page. */
export function buildNewsArticle(page: PostPage, registry: Registry, article: ArticleMeta): Record<string, unknown> {
  const { locale, post, file } = page;
  const url = absoluteUrl(registry.site.url, postPath(locale, post.slug));
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: file.frontmatter.title,
    description: file.frontmatter.description,
    datePublished: article.published,
    dateModified: article.modified,
    author: [{ '@type': 'Organization', name: article.author }],
    publisher: { '@type': 'Organization', name: registry.site.title[locale], url: absoluteUrl(registry.site.url, localePath(locale)) },
    inLanguage: article.inLanguage,
    image: [article.image],
    keywords: article.tags,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
  };
}

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` are written as Unicode escapes,
 * so a title containing `</script>` or `<!--` cannot end the script element early, and the line
 * separators JavaScript once rejected are escaped too.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
