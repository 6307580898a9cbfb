import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { SOCIAL_CARD_SIZE, wrapText, type SocialCardContent } from './social-card.ts';

/** Bump when the drawing below changes, so cached cards of unchanged posts are redrawn once. */
export const CARD_DESIGN_VERSION = 1;

const FONT_FAMILY = 'Shuho Card Noto Sans JP';
const FONT_FAMILY_BOLD = 'Shuho Card Noto Sans JP Bold';
const COLORS = {
  background: '#0d2238',
  band: '#0f6fc6',
  muted: '#a9bdd3',
  text: '#ffffff',
  soft: '#d7e2ee',
  up: '#7be0c3',
  down: '#ffb0a8',
} as const;
const MARGIN = 72;

let fontsRegistered = false;

/**
 * Registers Noto Sans JP from the npm package, never the machine's fonts, so every machine draws
 * the same card and no Japanese glyph comes out as a box. Resolved from the project root because the
 * built endpoint runs from a bundle elsewhere.
 */
export function registerCardFonts(root: string = process.cwd()): void {
  if (fontsRegistered) return;
  const require = createRequire(path.join(root, 'package.json'));
  const fonts = [
    [FONT_FAMILY, '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf'],
    [FONT_FAMILY_BOLD, '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf'],
  ] as const;
  for (const [family, file] of fonts) {
    if (!GlobalFonts.registerFromPath(require.resolve(file), family)) throw new Error(`social cards: could not load the font ${file}`);
  }
  fontsRegistered = true;
}

function font(size: number, bold = false): string {
  return `${size}px "${bold ? FONT_FAMILY_BOLD : FONT_FAMILY}"`;
}

function drawLines(context: SKRSContext2D, lines: readonly string[], x: number, top: number, lineHeight: number): number {
  lines.forEach((line, i) => context.fillText(line, x, top + i * lineHeight));
  return top + lines.length * lineHeight;
}

/** Draws a post's card as a 1200×630 PNG. */
export async function renderSocialCard(content: SocialCardContent): Promise<Buffer> {
  registerCardFonts();
  const { width, height } = SOCIAL_CARD_SIZE;
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  const textWidth = width - 2 * MARGIN;
  const measure = (text: string) => context.measureText(text).width;
  context.textBaseline = 'top';

  context.fillStyle = COLORS.background;
  context.fillRect(0, 0, width, height);
  context.fillStyle = COLORS.band;
  context.fillRect(0, 0, width, 12);

  context.font = font(28);
  context.fillStyle = COLORS.muted;
  context.fillText(content.siteTitle, MARGIN, 64);
  context.font = font(28, true);
  context.fillStyle = COLORS.soft;
  context.textAlign = 'right';
  context.fillText(content.kindLabel, width - MARGIN, 64);
  context.textAlign = 'left';

  context.font = font(content.textLang === 'ja' ? 56 : 60, true);
  context.fillStyle = COLORS.text;
  const titleLines = wrapText(content.title, content.textLang, textWidth, 3, measure);
  drawLines(context, titleLines, MARGIN, 140, 84);

  if (content.figure) {
    context.font = font(30);
    context.fillStyle = COLORS.soft;
    context.fillText(content.dateLine, MARGIN, 430);
    context.fillText(content.figure.label, MARGIN, 490);
    context.font = font(58, true);
    context.fillStyle = COLORS.text;
    const valueLeft = MARGIN;
    context.fillText(content.figure.value, valueLeft, 532);
    const changeLeft = valueLeft + measure(content.figure.value) + 32;
    context.font = font(40, true);
    context.fillStyle = content.figure.direction === 'down' ? COLORS.down : content.figure.direction === 'up' ? COLORS.up : COLORS.soft;
    const arrow = content.figure.direction === 'down' ? '▼ ' : content.figure.direction === 'up' ? '▲ ' : '';
    context.fillText(`${arrow}${content.figure.change}`, changeLeft, 546);
  } else {
    context.font = font(30);
    context.fillStyle = COLORS.soft;
    if (content.description) {
      drawLines(context, wrapText(content.description, content.textLang, textWidth, 2, measure), MARGIN, 420, 46);
    }
    context.fillStyle = COLORS.muted;
    context.fillText(content.dateLine, MARGIN, height - MARGIN - 30);
  }
  return canvas.encode('png');
}

/** The cache key of a card: a hash of what is drawn and of the design version. */
export function socialCardKey(content: SocialCardContent): string {
  return createHash('sha256').update(JSON.stringify({ version: CARD_DESIGN_VERSION, content })).digest('hex').slice(0, 20);
}

/**
 * A card from `cacheDir` if one with the same content was drawn before, otherwise drawn and stored
 * (written to a temporary name first, so an interrupted build never leaves a truncated PNG behind).
 */
export async function getSocialCard(content: SocialCardContent, cacheDir: string): Promise<{ png: Buffer; isCached: boolean }> {
  const file = path.join(cacheDir, `${socialCardKey(content)}.png`);
  if (existsSync(file)) return { png: readFileSync(file), isCached: true };
  const png = await renderSocialCard(content);
  mkdirSync(cacheDir, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, png);
  renameSync(temporary, file);
  return { png, isCached: false };
}
