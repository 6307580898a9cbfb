import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { crc32, deflate } from 'node:zlib';
import type { Canvas } from '@napi-rs/canvas';

const deflateAsync = promisify(deflate);
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * Encodes RGBA pixels (premultiplied, as canvases store them) as an 8-bit RGBA PNG. Skia's own PNG
 * encoder spends ~50 ms on a 1200×675 chart even when it is blank; chart images are flat colour,
 * which plain zlib on unfiltered rows packs smaller, in a fraction of the time, and off the main
 * thread (Node's thread pool), so a build draws the next image while this one compresses.
 */
export async function encodeRgbaPng(pixels: Uint8Array, width: number, height: number): Promise<Buffer> {
  const stride = width * 4;
  const rows = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const from = y * stride;
    const to = y * (stride + 1) + 1;
    rows.set(pixels.subarray(from, from + stride), to);
    for (let x = 3; x < stride; x += 4) {
      const alpha = rows[to + x] ?? 255;
      if (alpha === 255 || alpha === 0) continue;
      for (let c = 1; c <= 3; c++) rows[to + x - c] = Math.min(255, Math.round(((rows[to + x - c] ?? 0) * 255) / alpha));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const data = await deflateAsync(rows, { level: 6 });
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', data), chunk('IEND', Buffer.alloc(0))]);
}

/** A canvas as PNG, through `encodeRgbaPng`. */
export function encodeCanvasPng(canvas: Canvas): Promise<Buffer> {
  return encodeRgbaPng(canvas.data(), canvas.width, canvas.height);
}

/** What `cachedPng` did: the image and whether an earlier build had already drawn it. */
export interface CachedPng {
  png: Buffer;
  isCached: boolean;
}

/** Where the cache keeps the PNG stored under `key`: a build links it into its output when it exists. */
export function cachedPngFile(cacheDir: string, key: string): string {
  return path.join(cacheDir, `${key}.png`);
}

/**
 * The PNG stored as `<cacheDir>/<key>.png` by an earlier build, or `render()`'s, stored under a
 * temporary name first so an interrupted or parallel build never reads half a file. Keys are
 * content hashes: the same drawing always has the same key, a changed one a new key.
 */
export async function cachedPng(cacheDir: string, key: string, render: () => Promise<Buffer>): Promise<CachedPng> {
  const file = cachedPngFile(cacheDir, key);
  if (existsSync(file)) return { png: readFileSync(file), isCached: true };
  const png = await render();
  mkdirSync(cacheDir, { recursive: true });
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(temporary, png);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return { png, isCached: false };
}
