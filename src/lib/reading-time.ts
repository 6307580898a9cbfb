import type { Locale } from '../i18n/locale.ts';

/**
 * Reading speeds. Japanese has no spaces between words, so it is measured in characters
 * (adult silent reading of mixed kanji and kana runs at roughly 400–600 a minute); English in words.
 */
export const READING_RATE: Record<Locale, { unit: 'characters' | 'words'; perMinute: number }> = {
  ja: { unit: 'characters', perMinute: 500 },
  en: { unit: 'words', perMinute: 220 },
};

/**
 * The prose a reader reads in an MDX body: no frontmatter, imports, components, expressions,
 * comments, URLs or Markdown punctuation. Text between a component's tags is kept.
 */
export function extractReadableText(mdx: string): string {
  return mdx
    .replace(/\r\n?/g, '\n')
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/^(?:import|export)\s.*$/gm, '')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ')
    .replace(/\{[^{}]*\}/g, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/^\s*\|?(?:\s*:?-{3,}:?\s*\|?)+\s*$/gm, '')
    .replace(/^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/gm, '')
    .replace(/[*_`~|#]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Characters (Japanese, whitespace excluded) or words (English) in a text. */
export function countReadingUnits(text: string, locale: Locale): number {
  if (READING_RATE[locale].unit === 'characters') return text.match(/\S/gu)?.length ?? 0;
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/** Minutes to read an MDX body in its own language, rounded up, at least one. */
export function estimateReadingMinutes(mdx: string, locale: Locale): number {
  const units = countReadingUnits(extractReadableText(mdx), locale);
  return Math.max(1, Math.ceil(units / READING_RATE[locale].perMinute));
}
