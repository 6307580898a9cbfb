import { localePath, pathOnSite, postPath } from '../i18n/paths.ts';
import { LOCALES } from '../i18n/locale.ts';
import type { SitePost } from './site-model.ts';
import { getPostPages } from './post-views.ts';
import { getStandingPageViews, type SitePage } from './standing-pages.ts';

/**
 * Paths on the site of pages that carry `noindex` and so stay out of the sitemap: the root language chooser
 * (it only redirects), the 404 pages, the English fallback page of every untranslated post, and that
 * of every untranslated standing page but the disclosures page (see `getStandingPageViews`).
 */
export function getNoindexPaths(posts: readonly SitePost[], pages: readonly SitePage[]): Set<string> {
  return new Set([
    '/',
    '/404/',
    ...LOCALES.map((locale) => localePath(locale, '404')),
    ...getPostPages(posts).filter((page) => page.isFallback).map((page) => postPath(page.locale, page.post.slug)),
    ...getStandingPageViews(pages).filter((view) => view.isNoindex).map((view) => localePath(view.locale, view.page.name)),
  ]);
}

/** Whether a page URL (absolute, under the site URL `siteUrl`, which may have a path) belongs in the sitemap. */
export function isSitemapPage(url: string, noindexPaths: ReadonlySet<string>, siteUrl: string): boolean {
  const pathname = pathOnSite(siteUrl, new URL(url).pathname);
  return pathname !== undefined && !noindexPaths.has(pathname);
}
