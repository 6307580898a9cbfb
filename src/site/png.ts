import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { Canvas } from '@napi-rs/canvas';

/** Names how PNGs are encoded, in every image cache key: a new encoding redraws cached images once. */
export const PNG_ENCODING = 'rgb8 zlib3';
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
 * Encodes the pixels of an opaque canvas (RGBA, as canvases store them) as an 8-bit RGB PNG.
 * Every image Shūhō draws paints its background first, so alpha is always 255 and dropping it
 * costs nothing: a quarter less data to compress. Skia's own PNG encoder spends ~50 ms on a
 * 1200×675 chart even when it is blank; zlib at level 3 on unfiltered rows packs these flat-colour
 * drawings about as small in ~3 ms. Synchronous: builds draw in worker threads, and a caller may
 * clear or reuse the canvas as soon as this returns.
 */
export function encodeOpaquePng(pixels: Uint8Array, width: number, height: number): Buffer {
  if (pixels.length !== width * height * 4) {
    throw new Error(`encodeOpaquePng: expected ${width * height * 4} bytes for ${width}×${height} RGBA pixels, received ${pixels.length}`);
  }
  const rows = Buffer.alloc((width * 3 + 1) * height);
  let from = 0;
  let to = 0;
  let alpha = 255;
  for (let y = 0; y < height; y++) {
    rows[to++] = 0; // filter type: none
    for (let x = 0; x < width; x++, from += 4) {
      rows[to++] = pixels[from] as number;
      rows[to++] = pixels[from + 1] as number;
      rows[to++] = pixels[from + 2] as number;
      alpha &= pixels[from + 3] as number;
    }
  }
  if (alpha !== 255) throw new Error('encodeOpaquePng: the image has transparent pixels; paint a background first');
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // RGB
  const data = deflateSync(rows, { level: 3 });
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', data), chunk('IEND', Buffer.alloc(0))]);
}

/** An opaque canvas as PNG, through `encodeOpaquePng`. */
export function encodeCanvasPng(canvas: Canvas): Buffer {
  return encodeOpaquePng(canvas.data(), canvas.width, canvas.height);
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
