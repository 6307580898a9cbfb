/*
 * The site's languages. This module imports nothing, so src/lib and src/i18n can both use it without
 * importing each other.
 */

/** The site's two languages; Japanese is the source, English the translation. */
export const LOCALES = ['ja', 'en'] as const;
/** One of the site's languages. */
export type Locale = (typeof LOCALES)[number];
/** The language posts are written in first. */
export const SOURCE_LOCALE: Locale = 'ja';

/** What a page in one language shows of a text written in Japanese and perhaps translated. */
export interface LocaleFile<F> {
  locale: Locale;
  /** The translation, or the Japanese source when there is none. */
  file: F;
  /** English chrome around the Japanese text: the translation is missing (or not shown). */
  isFallback: boolean;
}

/**
 * The one fallback rule of posts and standing pages: a page in every language, showing the
 * translation in its language or, without one, the Japanese source.
 */
export function filesByLocale<F>(source: F, translation: F | undefined): LocaleFile<F>[] {
  return LOCALES.map((locale) => {
    const translated = locale === SOURCE_LOCALE ? source : translation;
    return { locale, file: translated ?? source, isFallback: translated === undefined };
  });
}
