import { describe, expect, test } from 'vitest';
import { MAX_PALETTE_COLORS, quantize } from '../../src/lib/palette.ts';

/** Opaque RGBA pixels from RGB triples. */
function rgba(colors: readonly (readonly [number, number, number])[]): Uint8Array {
  return Uint8Array.from(colors.flatMap(([r, g, b]) => [r, g, b, 255]));
}

/** Each pixel's colour as the palette gives it back. */
function decoded({ palette, indices }: ReturnType<typeof quantize>): [number, number, number][] {
  return [...indices].map((index) => [palette[index * 3] as number, palette[index * 3 + 1] as number, palette[index * 3 + 2] as number]);
}

/**
 * A chart-like drawing of 400 colours: a white background over most pixels, a blue bar, dark text,
 * and 397 anti-aliased shades between them, each on a few pixels.
 */
function chartLike(): [number, number, number][] {
  const pixels: [number, number, number][] = [];
  for (let i = 0; i < 5000; i++) pixels.push([255, 255, 255]);
  for (let i = 0; i < 2000; i++) pixels.push([15, 111, 198]);
  for (let i = 0; i < 500; i++) pixels.push([28, 30, 33]);
  for (let level = 1; level < 199; level++) {
    const mix = level / 199;
    for (let i = 0; i < 3; i++) {
      pixels.push([Math.round(255 - (255 - 15) * mix), Math.round(255 - (255 - 111) * mix), Math.round(255 - (255 - 198) * mix)]);
      pixels.push([Math.round(255 - (255 - 28) * mix), Math.round(255 - (255 - 30) * mix), Math.round(255 - (255 - 33) * mix)]);
    }
  }
  return pixels;
}

describe('quantize', () => {
  test('reads pixels that do not start on a 4-byte boundary as those that do', () => {
    const aligned = rgba(chartLike());
    const shifted = new Uint8Array(aligned.length + 1);
    shifted.set(aligned, 1);
    const unaligned = shifted.subarray(1);
    expect(unaligned.byteOffset % 4).toBe(1);
    const expected = quantize(aligned);
    const actual = quantize(unaligned);
    expect([...actual.palette]).toEqual([...expected.palette]);
    expect([...actual.indices]).toEqual([...expected.indices]);
  });

  test('keeps every colour of a drawing with few colours exactly, commonest first', () => {
    const pixels: [number, number, number][] = [[255, 255, 255], [15, 111, 198], [255, 255, 255], [28, 30, 33], [15, 111, 198], [255, 255, 255]];
    const image = quantize(rgba(pixels));
    expect(decoded(image)).toEqual(pixels);
    expect([...image.palette]).toEqual([255, 255, 255, 15, 111, 198, 28, 30, 33]);
  });

  test('fits a drawing of many shades into 256 colours, keeping its flat colours exact and every shade close', () => {
    const pixels = chartLike();
    expect(new Set(pixels.map((pixel) => pixel.join())).size).toBeGreaterThan(MAX_PALETTE_COLORS);
    const image = quantize(rgba(pixels));
    expect(image.palette.length).toBe(MAX_PALETTE_COLORS * 3);
    const out = decoded(image);
    for (const flat of [0, 5000, 7000]) expect(out[flat]).toEqual(pixels[flat]);
    const worst = Math.max(...out.flatMap((pixel, i) => pixel.map((value, c) => Math.abs(value - (pixels[i]?.[c] ?? 0)))));
    // Neighbouring shades of the same edge: a difference no eye finds on an anti-aliased edge.
    expect(worst).toBeLessThanOrEqual(4);
  });

  test('gives the same palette and indices for the same pixels', () => {
    const first = quantize(rgba(chartLike()));
    const second = quantize(rgba(chartLike()));
    expect(Buffer.from(second.palette).equals(Buffer.from(first.palette))).toBe(true);
    expect(Buffer.from(second.indices).equals(Buffer.from(first.indices))).toBe(true);
  });
});
