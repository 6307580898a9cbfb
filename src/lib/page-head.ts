import { absoluteUrl, otherLocale, siteHref, switchLocalePath } from '../i18n/paths.ts';
import { LOCALES, SOURCE_LOCALE, type Locale } from '../i18n/locale.ts';

/** What a page tells BaseLayout about itself. */
export interface PageHeadInput {
  locale: Locale;
  /** The page's own path on the site, e.g. /en/posts/2026-02-13/. */
  pathname: string;
  /** The page title without the site name; omitted on the home page. */
  title?: string;
  description: string;
  siteUrl: string;
  siteTitle: string;
  /** Fallback pages and the like: present for readers, hidden from search engines. */
  noindex?: boolean;
}

/** One `<link rel="alternate" hreflang>`. */
export interface Alternate {
  hreflang: Locale | 'x-default';
  href: string;
}

/** The head metadata and language-switch target of a page. */
export interface PageHead {
  title: string;
  description: string;
  canonical: string;
  noindex: boolean;
  alternates: Alternate[];
  /** The link to the same content in the other language (a fallback page where no translation exists), below the site's base. */
  switchHref: string;
}

/**
 * Builds title, canonical URL, hreflang alternates and the language-switch link of a page. Every
 * page exists in both languages (a post without a translation has an English fallback page), so
 * the alternates always list both, with x-default on the Japanese source.
 */
export function buildHead(input: PageHeadInput): PageHead {
  const alternates: Alternate[] = LOCALES.map((locale) => ({
    hreflang: locale,
    href: absoluteUrl(input.siteUrl, switchLocalePath(input.pathname, locale)),
  }));
  alternates.push({ hreflang: 'x-default', href: absoluteUrl(input.siteUrl, switchLocalePath(input.pathname, SOURCE_LOCALE)) });
  return {
    title: input.title === undefined ? input.siteTitle : `${input.title} | ${input.siteTitle}`,
    description: input.description,
    canonical: absoluteUrl(input.siteUrl, input.pathname),
    noindex: input.noindex ?? false,
    alternates,
    switchHref: siteHref(input.siteUrl, switchLocalePath(input.pathname, otherLocale(input.locale))),
  };
}
