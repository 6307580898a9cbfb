import { formatDate, formatNumber, formatPercent } from '../i18n/format.ts';
import { sitePath } from '../i18n/paths.ts';
import { t } from '../i18n/ui.ts';
import { getLeadFigures } from './archive.ts';
import { getDirection } from './key-figures.ts';
import type { PostPage } from './post-views.ts';
import type { Registry } from './registry.ts';
import type { Locale } from '../i18n/locale.ts';

/** The size social networks expect of a large card (Open Graph, Twitter `summary_large_image`). */
export const SOCIAL_CARD_SIZE = { width: 1200, height: 630 } as const;

/** The path on the site of a post's card, e.g. /og/ja/2026-02-13.png. */
export function socialCardPath(locale: Locale, slug: string): string {
  return sitePath('og', locale, `${slug}.png`);
}

/** The week's key figure as a card shows it, formatted for the card's language. */
export interface CardFigure {
  label: string;
  value: string;
  change: string;
  direction: 'up' | 'down' | 'flat';
}

/** Everything drawn on a post's card; the cache key is a hash of exactly this. */
export interface SocialCardContent {
  /** The language of the interface text (labels, dates). */
  locale: Locale;
  /** The language of the title and description: Japanese on an English fallback page. */
  textLang: Locale;
  siteTitle: string;
  kindLabel: string;
  title: string;
  dateLine: string;
  /** Weekly posts: the lead index's close and weekly move. */
  figure: CardFigure | undefined;
  /** Features: the description in place of a figure. */
  description: string | undefined;
}

/** The text of a post page's card: title, as-of date and the week's key figure (or, for a feature, its description). */
export function buildSocialCardContent(page: PostPage, registry: Registry): SocialCardContent {
  const { locale, post, file } = page;
  const lead = post.kind === 'weekly' ? getLeadFigures(post, registry) : undefined;
  return {
    locale,
    textLang: file.locale,
    siteTitle: registry.site.title[locale],
    kindLabel: t(locale, `post.kind.${post.kind}`),
    title: file.frontmatter.title,
    dateLine: t(locale, 'post.asOf', { date: formatDate(locale, post.date) }),
    figure: lead && {
      label: lead.index.name[locale],
      value: formatNumber(locale, lead.close),
      change: `${formatNumber(locale, lead.change, { signed: true })} (${formatPercent(locale, lead.changePercent, { signed: true })})`,
      direction: getDirection(lead.change) ?? 'flat',
    },
    description: lead ? undefined : file.frontmatter.description,
  };
}

// Japanese line-breaking rules (kinsoku): these never start a line, those never end one.
const NO_LINE_START = /^[、。,.，．!?！？」』）)\]】〉》・ー:;：；%％…]+$/u;
const NO_LINE_END = /^[「『（(\[【〈《]+$/u;
const ELLIPSIS = '…';

/** Splits text into the pieces a line may break between: words (by Intl's dictionary for Japanese), punctuation kept with its neighbour. */
function breakableTokens(text: string, lang: Locale): string[] {
  const tokens: string[] = [];
  let opening = '';
  for (const { segment } of new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)) {
    if (NO_LINE_END.test(segment)) opening += segment;
    else if (NO_LINE_START.test(segment) && tokens.length > 0 && opening === '') tokens[tokens.length - 1] += segment;
    else {
      tokens.push(opening + segment);
      opening = '';
    }
  }
  if (opening !== '') tokens.push(opening);
  return tokens;
}

// After these (and after a space) a Japanese line may end naturally; a line is broken there rather than mid-phrase when it is at least half full.
const PHRASE_END = /[、。，．！？」』）]$/u;

/**
 * Wraps text into at most `maxLines` lines no wider than `maxWidth` as measured by `measure`, breaking
 * between words (never inside a Japanese word the dictionary knows, never before a closing mark,
 * preferably after a Japanese comma or full stop) and ending with an ellipsis when the text does not
 * fit. A word wider than a line is broken by characters.
 */
export function wrapText(text: string, lang: Locale, maxWidth: number, maxLines: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  let phraseEnd = 0;
  const fits = (candidate: string) => measure(candidate.trimEnd()) <= maxWidth;
  for (const token of breakableTokens(text.replace(/\s+/g, ' ').trim(), lang)) {
    if (fits(line + token)) {
      line += token;
      if (lang === 'ja' && (PHRASE_END.test(token) || token.trim() === '')) phraseEnd = line.length;
      continue;
    }
    if (phraseEnd > 0 && measure(line.slice(0, phraseEnd)) >= maxWidth / 2 && fits(line.slice(phraseEnd) + token)) {
      lines.push(line.slice(0, phraseEnd).trimEnd());
      line = line.slice(phraseEnd).trimStart() + token;
      phraseEnd = 0;
      continue;
    }
    if (line.trim() !== '') lines.push(line.trimEnd());
    line = '';
    phraseEnd = 0;
    for (const character of token.trimStart()) {
      if (line !== '' && !fits(line + character)) {
        lines.push(line.trimEnd());
        line = '';
      }
      line += character;
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1] ?? '';
  while (last !== '' && !fits(last + ELLIPSIS)) last = [...last].slice(0, -1).join('');
  kept[maxLines - 1] = last.trimEnd().replace(/[\s,.;:、。，．]+$/u, '') + ELLIPSIS;
  return kept;
}
