import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCanvas, GlobalFonts, loadImage } from '@napi-rs/canvas';
import { afterAll, describe, expect, test } from 'vitest';
import { IMAGE_FONT_FAMILY, IMAGE_FONT_FILES, registerImageFonts } from '../../src/site/fonts.ts';
import { chartFileHash, chartPngSize, getChartPng, renderChartPng } from '../../src/site/render-chart.ts';
import { barSpec, lineSpec } from '../fixtures/chart-specs.ts';

const spec = barSpec();

/** The RGBA pixels of `text` drawn black on white in `font`. */
function drawText(text: string, font: string): Uint8ClampedArray {
  const canvas = createCanvas(240, 64);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, 240, 64);
  context.fillStyle = '#000000';
  context.font = font;
  context.fillText(text, 8, 46);
  return context.getImageData(0, 0, 240, 64).data;
}

function inkOf(pixels: Uint8ClampedArray): number {
  let ink = 0;
  for (let i = 0; i < pixels.length; i += 4) if ((pixels[i] ?? 255) < 128) ink += 1;
  return ink;
}

describe('the image font', () => {
  test('comes from the npm package, never from the machine', () => {
    for (const file of IMAGE_FONT_FILES) expect(file).toContain(path.join('node_modules', '@expo-google-fonts', 'noto-sans-jp'));
    registerImageFonts();
    expect(GlobalFonts.has(IMAGE_FONT_FAMILY)).toBe(true);
  });

  test('draws Japanese glyphs, not the missing-glyph box', () => {
    registerImageFonts();
    const font = `36px "${IMAGE_FONT_FAMILY}"`;
    const japanese = drawText('週報', font);
    // Private-use code points have no glyph in any font: they draw the missing-glyph box.
    const boxes = drawText('\uE000\uE001', font);
    expect(inkOf(japanese)).toBeGreaterThan(200);
    expect(Buffer.from(japanese).equals(Buffer.from(boxes))).toBe(false);
    // Two different characters drawn as boxes would be identical too.
    expect(Buffer.from(drawText('週', font)).equals(Buffer.from(drawText('報', font)))).toBe(false);
  });

  test('is the npm file itself: the same pixels as the file loaded under a name of the test\'s own', () => {
    registerImageFonts();
    const [regular] = IMAGE_FONT_FILES as [string];
    expect(GlobalFonts.registerFromPath(regular, 'Test Reference JP')).not.toBeNull();
    const drawn = drawText('週報 −1.40%', `36px "${IMAGE_FONT_FAMILY}"`);
    const reference = drawText('週報 −1.40%', '36px "Test Reference JP"');
    // A machine font answering for a missing family would draw other shapes (and its own Latin).
    const fallback = drawText('週報 −1.40%', '36px "No Such Family"');
    expect(Buffer.from(drawn).equals(Buffer.from(reference))).toBe(true);
    expect(Buffer.from(drawn).equals(Buffer.from(fallback))).toBe(false);
  });
});

describe('renderChartPng', () => {
  test('draws a PNG of the spec\'s own size on a white background with the chart on it', async () => {
    const png = await renderChartPng(spec);
    expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    const image = await loadImage(png);
    expect([image.width, image.height]).toEqual([chartPngSize(spec).width, chartPngSize(spec).height]);
    const canvas = createCanvas(image.width, image.height);
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height).data;
    expect([...pixels.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
    let blue = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i] === 0x0f && pixels[i + 1] === 0x6f && pixels[i + 2] === 0xc6) blue += 1;
    // The first bar, in the Russell 2000 Growth colour, covers a good part of the image.
    expect(blue).toBeGreaterThan(10_000);
  });

  test('draws three horizontal bars in a short image and a line chart at 16:9, 1200 pixels across', async () => {
    const bars = await loadImage(await renderChartPng(barSpec({ horizontal: true })));
    expect(bars.width).toBe(1200);
    expect(bars.height / bars.width).toBeLessThan(0.4);
    const line = await loadImage(await renderChartPng(lineSpec()));
    expect([line.width, line.height]).toEqual([1200, 675]);
  });

  test('draws the same bytes for the same spec, whatever the shared canvas drew before', async () => {
    const first = await renderChartPng(spec);
    const other = await renderChartPng(lineSpec());
    expect(other.equals(first)).toBe(false);
    expect((await renderChartPng(spec)).equals(first)).toBe(true);
  });
});

describe('getChartPng', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'shuho-charts-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('renders once, then reads the file named by the spec\'s hash; a changed spec renders anew', async () => {
    const first = await getChartPng(spec, dir);
    const second = await getChartPng(spec, dir);
    expect([first.isCached, second.isCached]).toEqual([false, true]);
    expect(second.png.equals(first.png)).toBe(true);
    expect(readdirSync(dir)).toEqual([`${chartFileHash(spec)}.png`]);
    const changed = await getChartPng({ ...spec, title: '別のタイトル' }, dir);
    expect(changed.isCached).toBe(false);
    expect(chartFileHash({ ...spec, title: '別のタイトル' })).not.toBe(chartFileHash(spec));
  });
});
