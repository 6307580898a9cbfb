import { createHash } from 'node:crypto';
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { SOCIAL_CARD_SIZE, wrapText, type SocialCardContent } from '../lib/social-card.ts';
import { imageFont, registerImageFonts } from './fonts.ts';
import { cachedPng, encodeCanvasPng, PNG_ENCODING, type CachedPng } from './png.ts';

/** Bump when the drawing below changes, so cached cards of unchanged posts are redrawn once. */
export const CARD_DESIGN_VERSION = 2;

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

function drawLines(context: SKRSContext2D, lines: readonly string[], x: number, top: number, lineHeight: number): number {
  lines.forEach((line, i) => context.fillText(line, x, top + i * lineHeight));
  return top + lines.length * lineHeight;
}

/** Draws a post's card as a 1200×630 PNG. */
export async function renderSocialCard(content: SocialCardContent): Promise<Buffer> {
  registerImageFonts();
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

  context.font = imageFont(28);
  context.fillStyle = COLORS.muted;
  context.fillText(content.siteTitle, MARGIN, 64);
  context.font = imageFont(28, true);
  context.fillStyle = COLORS.soft;
  context.textAlign = 'right';
  context.fillText(content.kindLabel, width - MARGIN, 64);
  context.textAlign = 'left';

  context.font = imageFont(content.textLang === 'ja' ? 56 : 60, true);
  context.fillStyle = COLORS.text;
  const titleLines = wrapText(content.title, content.textLang, textWidth, 3, measure);
  drawLines(context, titleLines, MARGIN, 140, 84);

  if (content.figure) {
    context.font = imageFont(30);
    context.fillStyle = COLORS.soft;
    context.fillText(content.dateLine, MARGIN, 430);
    context.fillText(content.figure.label, MARGIN, 490);
    context.font = imageFont(58, true);
    context.fillStyle = COLORS.text;
    const valueLeft = MARGIN;
    context.fillText(content.figure.value, valueLeft, 532);
    const changeLeft = valueLeft + measure(content.figure.value) + 32;
    context.font = imageFont(40, true);
    context.fillStyle = content.figure.direction === 'down' ? COLORS.down : content.figure.direction === 'up' ? COLORS.up : COLORS.soft;
    const arrow = content.figure.direction === 'down' ? '▼ ' : content.figure.direction === 'up' ? '▲ ' : '';
    context.fillText(`${arrow}${content.figure.change}`, changeLeft, 546);
  } else {
    context.font = imageFont(30);
    context.fillStyle = COLORS.soft;
    if (content.description) {
      drawLines(context, wrapText(content.description, content.textLang, textWidth, 2, measure), MARGIN, 420, 46);
    }
    context.fillStyle = COLORS.muted;
    context.fillText(content.dateLine, MARGIN, height - MARGIN - 30);
  }
  return encodeCanvasPng(canvas);
}

/** The cache key of a card: a hash of what is drawn, the design version and the PNG encoding. */
export function socialCardKey(content: SocialCardContent): string {
  return createHash('sha256').update(JSON.stringify({ version: CARD_DESIGN_VERSION, encoding: PNG_ENCODING, content })).digest('hex').slice(0, 20);
}

/** A card from `cacheDir` if one with the same content was drawn before, otherwise drawn and stored. */
export function getSocialCard(
  content: SocialCardContent,
  cacheDir: string,
  draw: (content: SocialCardContent) => Promise<Buffer> = renderSocialCard,
): Promise<CachedPng> {
  return cachedPng(cacheDir, socialCardKey(content), () => draw(content));
}
