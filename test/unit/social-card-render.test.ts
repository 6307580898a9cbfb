import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { afterAll, describe, expect, test } from 'vitest';
import { getSocialCard, renderSocialCard, socialCardKey } from '../../src/site/social-card-render.ts';
import type { SocialCardContent } from '../../src/lib/social-card.ts';

const content: SocialCardContent = {
  locale: 'ja',
  textLang: 'ja',
  siteTitle: '週報 米国小型成長株',
  kindLabel: '週報',
  title: 'AI懸念で小型成長株も反落、割安さは変わらず',
  dateLine: '2026年2月13日終値',
  figure: { label: 'ラッセル2000グロース指数', value: '1,709.95', change: '−24.27 (−1.40%)', direction: 'down' },
  description: undefined,
};

/** Pixels in a region that differ from the card's background colour. */
async function inkInRegion(png: Buffer, x: number, y: number, width: number, height: number): Promise<number> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(x, y, width, height);
  const [r, g, b] = [data[0], data[1], data[2]];
  let ink = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] !== r || data[i + 1] !== g || data[i + 2] !== b) ink += 1;
  return ink;
}

describe('renderSocialCard', () => {
  test('draws a 1200×630 PNG with the title in the title area', async () => {
    const png = await renderSocialCard(content);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    // The title's two lines sit between y = 140 and 310.
    expect(await inkInRegion(png, 72, 140, 1000, 170)).toBeGreaterThan(5000);
    const empty = await renderSocialCard({ ...content, title: ' ' });
    expect(await inkInRegion(empty, 72, 140, 1000, 170)).toBe(0);
  });

  test('draws real Japanese glyphs: titles differing in one kanji give different images', async () => {
    // Without the font every kanji would be the same "missing glyph" box and both cards would be identical.
    const small = await renderSocialCard({ ...content, title: '小型株' });
    const large = await renderSocialCard({ ...content, title: '大型株' });
    expect(small.equals(large)).toBe(false);
  });

  test('keys a card by everything it draws, so a cached card is never stale', async () => {
    const figure = content.figure!;
    const feature: SocialCardContent = { ...content, figure: undefined, description: '割安さは変わらず' };
    const variants: [SocialCardContent, SocialCardContent][] = [
      [content, { ...content, siteTitle: '週報' }],
      [content, { ...content, kindLabel: '特集' }],
      [content, { ...content, textLang: 'en' }],
      [content, { ...content, dateLine: '2026年2月20日終値' }],
      [content, { ...content, figure: { ...figure, label: 'S&P 500' } }],
      [content, { ...content, figure: { ...figure, value: '1,709.96' } }],
      [content, { ...content, figure: { ...figure, direction: 'up' } }],
      [feature, { ...feature, description: '割高さは変わらず' }],
    ];
    for (const [before, after] of variants) {
      // Each change is drawn (the images differ), so the key must differ too.
      expect((await renderSocialCard(after)).equals(await renderSocialCard(before)), JSON.stringify(after)).toBe(false);
      expect(socialCardKey(after), JSON.stringify(after)).not.toBe(socialCardKey(before));
    }
  });
});

describe('getSocialCard', () => {
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'shuho-cards-'));
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

  test('draws a card once and serves it from the cache afterwards', async () => {
    const first = await getSocialCard(content, cacheDir);
    const second = await getSocialCard(content, cacheDir);
    expect([first.isCached, second.isCached]).toEqual([false, true]);
    expect(second.png.equals(first.png)).toBe(true);
    expect(readdirSync(cacheDir)).toEqual([`${socialCardKey(content)}.png`]);
  });

  test('draws again when anything drawn changes', async () => {
    const changed = await getSocialCard({ ...content, title: `${content.title}!` }, cacheDir);
    expect(changed.isCached).toBe(false);
    expect(socialCardKey({ ...content, title: 'x' })).not.toBe(socialCardKey(content));
  });
});
