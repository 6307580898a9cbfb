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
