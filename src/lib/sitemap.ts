import { localePath, postPath } from '../i18n/paths.ts';
import { LOCALES } from '../i18n/locale.ts';
import type { SitePost } from './site-model.ts';
import { getPostPages } from './post-views.ts';

/**
 * Paths of pages that carry `noindex` and so stay out of the sitemap: the root language chooser
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

/** Whether a page URL belongs in the sitemap. */
export function isSitemapPage(url: string, noindexPaths: ReadonlySet<string>): boolean {
  return !noindexPaths.has(new URL(url).pathname);
}
