import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { afterAll, describe, expect, test } from 'vitest';
import { cachedPng, encodeCanvasPng, encodeOpaquePng } from '../../src/site/png.ts';

async function decode(png: Buffer): Promise<Uint8ClampedArray> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  return context.getImageData(0, 0, image.width, image.height).data;
}

describe('encodeCanvasPng', () => {
  test('round-trips a drawing pixel for pixel through a real decoder', async () => {
    const canvas = createCanvas(64, 32);
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, 64, 32);
    context.fillStyle = '#0f6fc6';
    context.fillRect(8, 4, 20, 20);
    context.fillStyle = '#d35400';
    context.beginPath();
    context.arc(48, 16, 10, 0, Math.PI * 2);
    context.fill();
    const png = encodeCanvasPng(canvas);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.readUInt32BE(16)).toBe(64);
    expect(png.readUInt32BE(20)).toBe(32);
    expect(Buffer.from(await decode(png)).equals(Buffer.from(context.getImageData(0, 0, 64, 32).data))).toBe(true);
  });

  test('writes an indexed PNG with its palette, and refuses a drawing with transparent pixels', async () => {
    const png = encodeOpaquePng(new Uint8Array([200, 100, 50, 255]), 1, 1);
    expect(png[25]).toBe(3); // IHDR colour type: indexed
    expect(png.subarray(37, 41).toString('latin1')).toBe('PLTE');
    expect([...(await decode(png))]).toEqual([200, 100, 50, 255]);
    expect(() => encodeOpaquePng(new Uint8Array([128, 0, 0, 128]), 1, 1)).toThrow('transparent pixels');
    expect(() => encodeOpaquePng(new Uint8Array(3), 1, 1)).toThrow('expected 4 bytes');
  });

  test('draws a gradient of more than 256 colours within a few levels, the same bytes every time', async () => {
    const canvas = createCanvas(600, 40);
    const context = canvas.getContext('2d');
    const gradient = context.createLinearGradient(0, 0, 600, 0);
    gradient.addColorStop(0, '#ffffff');
    gradient.addColorStop(0.5, '#0f6fc6');
    gradient.addColorStop(1, '#d35400');
    context.fillStyle = gradient;
    context.fillRect(0, 0, 600, 40);
    const drawn = context.getImageData(0, 0, 600, 40).data;
    const png = encodeCanvasPng(canvas);
    const pixels = await decode(png);
    let worst = 0;
    for (let i = 0; i < drawn.length; i++) worst = Math.max(worst, Math.abs((pixels[i] ?? 0) - (drawn[i] ?? 0)));
    expect(worst).toBeLessThanOrEqual(6);
    expect(encodeCanvasPng(canvas).equals(png)).toBe(true);
  });
});

describe('cachedPng', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'shuho-png-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('renders a key once, then reads the stored file, leaving no temporary file', async () => {
    let renders = 0;
    const render = async () => {
      renders += 1;
      return encodeOpaquePng(new Uint8Array([1, 2, 3, 255]), 1, 1);
    };
    const first = await cachedPng(dir, 'abc', render);
    const second = await cachedPng(dir, 'abc', render);
    expect([first.isCached, second.isCached, renders]).toEqual([false, true, 1]);
    expect(second.png.equals(first.png)).toBe(true);
    expect(readdirSync(dir)).toEqual(['abc.png']);
  });

  test('stores nothing when drawing fails', async () => {
    await expect(cachedPng(dir, 'broken', () => Promise.reject(new Error('no font')))).rejects.toThrow('no font');
    expect(readdirSync(dir)).toEqual(['abc.png']);
  });
});
