import { localePath, pathOnSite, postPath } from '../i18n/paths.ts';
import { LOCALES } from '../i18n/locale.ts';
import type { SitePost } from './site-model.ts';
import { getPostPages } from './post-views.ts';

/**
 * Paths on the site of pages that carry `noindex` and so stay out of the sitemap: the root language chooser
 * (it only redirects), the 404 pages, and the English fallback page of every untranslated post.
 */
export function getNoindexPaths(posts: readonly SitePost[]): Set<string> {
  return new Set([
    '/',
    '/404/',
    ...LOCALES.map((locale) => localePath(locale, '404')),
    ...getPostPages(posts).filter((page) => page.isFallback).map((page) => postPath(page.locale, page.post.slug)),
  ]);
}

/** Whether a page URL (absolute, under the site URL `siteUrl`, which may have a path) belongs in the sitemap. */
export function isSitemapPage(url: string, noindexPaths: ReadonlySet<string>, siteUrl: string): boolean {
  const pathname = pathOnSite(siteUrl, new URL(url).pathname);
  return pathname !== undefined && !noindexPaths.has(pathname);
}
