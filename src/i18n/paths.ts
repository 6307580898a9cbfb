import { LOCALES, type Locale } from './locale.ts';

/** One static path per language for a page that exists once in each; the page reads `Astro.props.locale`. */
export function getLocaleStaticPaths(): { params: { lang: Locale }; props: { locale: Locale } }[] {
  return LOCALES.map((locale) => ({ params: { lang: locale }, props: { locale } }));
}

/** The other language: the target of the language switch. */
export function otherLocale(locale: Locale): Locale {
  return locale === 'ja' ? 'en' : 'ja';
}

/** A path on the site from its segments, with a trailing slash on pages, none on files: sitePath('charts', 'a.png') → /charts/a.png */
export function sitePath(...segments: readonly string[]): string {
  const rest = segments.filter((segment) => segment !== '').join('/');
  return rest === '' ? '/' : /\.[a-z0-9]+$/.test(rest) ? `/${rest}` : `/${rest}/`;
}

/** A path inside a language, with a trailing slash on pages: localePath('en', 'archive') → /en/archive/ */
export function localePath(locale: Locale, ...segments: readonly string[]): string {
  return sitePath(locale, ...segments);
}

/** The URL of a post page. */
export function postPath(locale: Locale, slug: string): string {
  return localePath(locale, 'posts', slug);
}

/** The same page in another language: swaps the leading /ja/ or /en/. */
export function switchLocalePath(pathname: string, target: Locale): string {
  return pathname.replace(/^\/(ja|en)(?=\/|$)/, `/${target}`);
}

/*
 * One rule for every URL the site writes. The path helpers above (localePath, postPath, and the chart,
 * social-card and feed builders that follow the same form) give a path on the site: /ja/archive/,
 * /charts/<hash>.png. A site published under a path (https://example.org/shuho/) lives below that
 * path, so a page links to siteHref(siteUrl, path) and a feed or a canonical link to
 * absoluteUrl(siteUrl, path); both put the path below the site URL's own path, and nothing else
 * does. Files are written to the output at the path on the site, which the host serves under the base.
 */

/** The site URL's path with a slash at each end, which every page and file lives under: basePath('https://example.org/shuho') → /shuho/ */
export function basePath(siteUrl: string): string {
  const { pathname } = new URL(siteUrl);
  return pathname.endsWith('/') ? pathname : `${pathname}/`;
}

/** The link a page writes for a path on the site: siteHref('https://example.org/shuho/', '/ja/') → /shuho/ja/ */
export function siteHref(siteUrl: string, pathname: string): string {
  return `${basePath(siteUrl)}${pathname.replace(/^\//, '')}`;
}

/**
 * An absolute URL on the site, e.g. for canonical links and feeds. A root-relative path starts at the
 * site's root, which may have a path of its own: absoluteUrl('https://example.org/shuho', '/ja/') → https://example.org/shuho/ja/
 */
export function absoluteUrl(site: string, pathname: string): string {
  return new URL(siteHref(site, pathname), site).href;
}

/**
 * The path on the site a request path asks for, or undefined when it lies outside the site's base:
 * pathOnSite('https://example.org/shuho/', '/shuho/charts/a.png') → /charts/a.png. The inverse of siteHref.
 */
export function pathOnSite(siteUrl: string, requestPath: string): string | undefined {
  const base = basePath(siteUrl);
  if (requestPath === base.slice(0, -1)) return '/';
  return requestPath.startsWith(base) ? `/${requestPath.slice(base.length)}` : undefined;
}
