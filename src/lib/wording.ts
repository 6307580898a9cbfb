import type { Product, Wording } from './compliance.ts';
import type { ProseBlock, QuoteMark } from './post-body.ts';
import { findFieldLine, type Problem } from './problems.ts';

/** What a phrase of the wording lists is: guaranteeing language is an error, the others are warnings. */
export type WordingKind = 'guarantee' | 'superlative' | 'forecast';

/** A listed phrase inside a `<Quote>`: allowed, and recorded with the author's reason. */
export interface Allowance {
  file: string;
  field: string;
  line: number;
  kind: WordingKind;
  /** The words as written. */
  phrase: string;
  reason: string;
}

/** One block's text as matched: NFKC-normalised, with each character's line and quotation. */
interface Scanned {
  field: string;
  text: string;
  lineAt: number[];
  quoteAt: (QuoteMark | undefined)[];
}

interface Match {
  start: number;
  end: number;
}

/**
 * Text as the lists match it: Unicode NFKC makes full-width letters and digits (ＮＯ．１), half-width
 * katakana and compatibility forms one with their plain forms, so an author cannot dodge a phrase by width.
 */
function normalise(text: string): string {
  return text.normalize('NFKC');
}

function scan(block: ProseBlock): Scanned {
  let text = '';
  const lineAt: number[] = [];
  const quoteAt: (QuoteMark | undefined)[] = [];
  for (const span of block.spans) {
    const normal = normalise(span.text);
    let line = span.line;
    for (let i = 0; i < normal.length; i++) {
      lineAt.push(line);
      quoteAt.push(span.quote);
      if (normal[i] === '\n') line += 1;
    }
    text += normal;
  }
  return { field: block.field, text, lineAt, quoteAt };
}

/**
 * A phrase as a pattern source: case-insensitive (the flags of `patternOf`), any run of spaces as one,
 * either apostrophe, and whole words where the phrase starts or ends with a Latin letter or digit, so
 * "sure to" is not found in "pressure to" and "may" not in "mayor". Japanese has no spaces between
 * words and is matched as written.
 */
function phraseSource(phrase: string, wholeWords = true): string {
  const normal = normalise(phrase).trim();
  const body = normal
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll("'", "['’]"))
    .join('\\s+');
  // Japanese next to a Latin word is a word boundary: "週報G" is found in "週報Gの".
  const start = wholeWords && /^[A-Za-z0-9]/.test(normal) ? '(?<![\\p{Script=Latin}0-9])' : '';
  const end = wholeWords && /[A-Za-z0-9]$/.test(normal) ? '(?![\\p{Script=Latin}0-9])' : '';
  return `${start}${body}${end}`;
}

/** A list's pattern, and the same phrases without their word boundaries: a quick test that rules most texts out. */
interface ListPattern {
  pattern: RegExp;
  candidates: RegExp;
}

const patterns = new WeakMap<readonly string[], ListPattern>();

/**
 * One pattern for a whole list, longest phrase first, so each text is scanned once per list rather
 * than once per phrase (a 10-year site has thousands of paragraphs and the lists dozens of phrases).
 * Where two phrases overlap the scan keeps the one that starts first, and at one start the longest.
 */
function patternOf(phrases: readonly string[]): ListPattern | undefined {
  if (phrases.length === 0) return undefined;
  let pattern = patterns.get(phrases);
  if (!pattern) {
    const sorted = [...new Set(phrases)].sort((a, b) => normalise(b).length - normalise(a).length);
    pattern = {
      pattern: new RegExp(sorted.map((phrase) => `(?:${phraseSource(phrase)})`).join('|'), 'giu'),
      // Lookbehinds at the start of every alternative make the engine try each phrase at every
      // position; without them it skips ahead to a phrase's first character. Most texts hold no
      // phrase of a list at all, and only those that may are scanned with the boundaries.
      candidates: new RegExp(sorted.map((phrase) => `(?:${phraseSource(phrase, false)})`).join('|'), 'iu'),
    };
    patterns.set(phrases, pattern);
  }
  return pattern;
}

/** Every place a phrase of the list occurs; of two that overlap, the one starting first, at one start the longest. */
function findAll(text: string, phrases: readonly string[]): Match[] {
  const list = patternOf(phrases);
  if (!list || !list.candidates.test(text)) return [];
  return [...text.matchAll(list.pattern)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

const overlaps = (a: Match, b: Match): boolean => a.start < b.end && b.start < a.end;

const bothLists = new WeakMap<object, string[]>();

/** Both languages' phrases of a list, made once per list: every block of every post asks for them. */
function both(lists: { ja: readonly string[]; en: readonly string[] }): string[] {
  let phrases = bothLists.get(lists);
  if (!phrases) {
    phrases = [...lists.ja, ...lists.en];
    bothLists.set(lists, phrases);
  }
  return phrases;
}

/** Sentences of a block: ends at 。！？, or at . ! ? before a space. */
function sentencesOf(text: string): Match[] {
  const sentences: Match[] = [];
  let start = 0;
  for (const match of text.matchAll(/[。！？]|[.!?](?=\s)|\n\n/g)) {
    const end = match.index + match[0].length;
    sentences.push({ start, end });
    start = end;
  }
  if (start < text.length) sentences.push({ start, end: text.length });
  return sentences;
}

/** A line break between Japanese characters, which a reader never sees: Japanese has no spaces between words. */
const JAPANESE_BREAK = /(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}、。ー])\s*\n\s*(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])/gu;

/** Text on one line, as a reader sees it. */
function oneLine(text: string): string {
  return text.replace(JAPANESE_BREAK, '').replace(/\s+/g, ' ').trim();
}

/** The sentence around a match as the author wrote it, cut to about 80 characters around the phrase. */
function excerpt(text: string, sentence: Match, match: Match): string {
  const whole = oneLine(text.slice(sentence.start, sentence.end));
  if (whole.length <= 80) return whole;
  const from = Math.max(sentence.start, match.start - 35);
  const to = Math.min(sentence.end, match.end + 35);
  return `${from > sentence.start ? '…' : ''}${oneLine(text.slice(from, to))}${to < sentence.end ? '…' : ''}`;
}

/** The quotation a whole match sits in, if it does. */
function quoteOf(scanned: Scanned, match: Match): QuoteMark | undefined {
  const quote = scanned.quoteAt[match.start];
  for (let i = match.start; i < match.end; i++) if (scanned.quoteAt[i] !== quote) return undefined;
  return quote;
}

const HINTS: Readonly<Record<WordingKind, string>> = {
  guarantee: 'Commentary must not promise a result or deny a risk: rephrase it. If you are quoting someone, wrap the quotation in <Quote reason="why it is quoted">…</Quote>.',
  superlative: 'Say what was measured, over which period and against what, or quote the source with <Quote reason="…">…</Quote>.',
  forecast: 'Present it as a view that may not come true (…とみています, …可能性があります; we think, may, could), or quote it with <Quote reason="…">…</Quote>.',
};

function describe(kind: WordingKind, phrase: string, sentence: string): string {
  switch (kind) {
    case 'guarantee':
      return `says "${phrase}", which guarantees an outcome: "${sentence}".`;
    case 'superlative':
      return `says "${phrase}", a superlative about returns: "${sentence}".`;
    case 'forecast':
      return `states a forecast without a hedge ("${phrase}"): "${sentence}".`;
  }
}

/**
 * Reads a file's text for the wording of financial advertising, in both languages whatever the file's:
 * guaranteeing language is an error; superlatives about returns, and a sentence that forecasts without a
 * hedge, are warnings. A phrase of `allowed` (必ずしも, "not guaranteed") is never flagged; a phrase inside
 * `<Quote reason="…">` is allowed and returned with its reason.
 */
export function checkWording(file: string, blocks: readonly ProseBlock[], wording: Wording): { problems: Problem[]; allowances: Allowance[] } {
  const problems: Problem[] = [];
  const allowances: Allowance[] = [];
  for (const block of blocks) {
    const scanned = scan(block);
    const { text } = scanned;
    const allowed = findAll(text, both(wording.allowed));
    const isAllowed = (match: Match) => allowed.some((other) => overlaps(match, other));
    const sentences = sentencesOf(text);
    const report = (kind: WordingKind, match: Match) => {
      const phrase = text.slice(match.start, match.end);
      const line = scanned.lineAt[match.start] ?? 1;
      const quote = quoteOf(scanned, match);
      // A quotation without its reason lets nothing through: the record needs the reason (and <Quote> requires one).
      if (quote && quote.reason.trim() !== '') {
        allowances.push({ file, field: block.field, line, kind, phrase, reason: quote.reason });
        return;
      }
      const sentence = sentences.find((candidate) => candidate.start <= match.start && match.start < candidate.end) ?? { start: 0, end: text.length };
      problems.push({
        file,
        field: block.field,
        line,
        message: describe(kind, phrase, excerpt(text, sentence, match)),
        hint: HINTS[kind],
        ...(kind === 'guarantee' ? {} : { severity: 'warning' as const }),
      });
    };
    const guarantees = findAll(text, both(wording.guarantee)).filter((match) => !isAllowed(match));
    for (const match of guarantees) report('guarantee', match);
    for (const match of findAll(text, both(wording.superlative))) if (!isAllowed(match)) report('superlative', match);
    const forecasts = findAll(text, both(wording.forecast)).filter((match) => !isAllowed(match));
    const hedges = findAll(text, both(wording.hedge));
    for (const sentence of sentences) {
      const inside = (match: Match) => sentence.start <= match.start && match.end <= sentence.end;
      const forecast = forecasts.find(inside);
      // A sentence that guarantees is already an error; calling it an unhedged forecast too says nothing new.
      if (forecast && !hedges.some(inside) && !guarantees.some(inside)) report('forecast', forecast);
    }
  }
  return { problems, allowances };
}

/** A frontmatter text as a block of prose, on the line of its field. */
export function frontmatterProse(source: string, field: string, text: string): ProseBlock {
  return { field, spans: [{ text, line: findFieldLine(source, field) ?? 1 }] };
}

const productNames = new WeakMap<Product, string[]>();

/** A product's names in both languages and its aliases, made once per product (the pattern is cached by this list). */
function namesOf(product: Product): string[] {
  let names = productNames.get(product);
  if (!names) {
    names = [product.name.ja, product.name.en, ...product.aliases];
    productNames.set(product, names);
  }
  return names;
}

/** Where a file first names each of the firm's products (by its name in either language or an alias), and the name as written. */
export function findProductMentions(blocks: readonly ProseBlock[], products: readonly Product[]): { product: Product; name: string; field: string; line: number }[] {
  const scanned = blocks.map(scan);
  return products.flatMap((product) => {
    const names = namesOf(product);
    for (const block of scanned) {
      const [match] = findAll(block.text, names);
      if (match) return [{ product, name: block.text.slice(match.start, match.end), field: block.field, line: block.lineAt[match.start] ?? 1 }];
    }
    return [];
  });
}
