import { LOCALES, type Locale } from './locale.ts';

/** One static path per language for a page that exists once in each; the page reads `Astro.props.locale`. */
export function getLocaleStaticPaths(): { params: { lang: Locale }; props: { locale: Locale } }[] {
  return LOCALES.map((locale) => ({ params: { lang: locale }, props: { locale } }));
}

/** Whether a string is one of the site's locales. */
export function isLocale(value: string | undefined): value is Locale {
  return (LOCALES as readonly string[]).includes(value ?? '');
}

/** The other language: the target of the language switch. */
export function otherLocale(locale: Locale): Locale {
  return locale === 'ja' ? 'en' : 'ja';
}

/** A path inside a language, with a trailing slash on pages: localePath('en', 'archive') → /en/archive/ */
export function localePath(locale: Locale, ...segments: readonly string[]): string {
  const rest = segments.filter((segment) => segment !== '').join('/');
  return rest === '' ? `/${locale}/` : /\.[a-z0-9]+$/.test(rest) ? `/${locale}/${rest}` : `/${locale}/${rest}/`;
}

/** The URL of a post page. */
export function postPath(locale: Locale, slug: string): string {
  return localePath(locale, 'posts', slug);
}

/** The same page in another language: swaps the leading /ja/ or /en/. */
export function switchLocalePath(pathname: string, target: Locale): string {
  return pathname.replace(/^\/(ja|en)(?=\/|$)/, `/${target}`);
}

/**
 * An absolute URL on the site, e.g. for canonical links and feeds. A root-relative path starts at the
 * site's root, which may have a path of its own: absoluteUrl('https://example.org/shuho', '/ja/') → https://example.org/shuho/ja/
 */
export function absoluteUrl(site: string, pathname: string): string {
  return new URL(pathname.replace(/^\//, ''), site.endsWith('/') ? site : `${site}/`).href;
}
