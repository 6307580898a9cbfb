/**
 * Reduces an opaque drawing to at most 256 colours, for an indexed (palette) PNG. Charts and social
 * cards are a handful of flat colours plus the anti-aliased edges between them: a drawing with 256
 * colours or fewer keeps every one exactly; a busier one keeps its most common colours exactly and
 * moves each rare edge shade to the nearest colour kept, a step of a few levels along the same edge.
 */

/** A drawing as palette indices: `palette` holds RGB triples, `indices` one byte per pixel. */
export interface IndexedImage {
  palette: Uint8Array;
  indices: Uint8Array;
}

/** The most colours a palette PNG with 8-bit indices can hold. */
export const MAX_PALETTE_COLORS = 256;

/** A colour with its pixel count, as 0xRRGGBB. */
interface ColorCount {
  rgb: number;
  count: number;
}

/** A box of the colour cube being cut: its colours, their pixels, and its widest channel. */
interface ColorBox {
  colors: ColorCount[];
  count: number;
  /** The bit shift of the channel the colours spread furthest along (16 red, 8 green, 0 blue). */
  shift: number;
  range: number;
}

const channel = (rgb: number, shift: number) => (rgb >> shift) & 0xff;
const SHIFTS = [16, 8, 0] as const;

function makeBox(colors: ColorCount[]): ColorBox {
  const box: ColorBox = { colors, count: 0, shift: 16, range: -1 };
  for (const color of colors) box.count += color.count;
  for (const shift of SHIFTS) {
    let low = 255;
    let high = 0;
    for (const { rgb } of colors) {
      const value = channel(rgb, shift);
      if (value < low) low = value;
      if (value > high) high = value;
    }
    if (high - low > box.range) {
      box.shift = shift;
      box.range = high - low;
    }
  }
  return box;
}

/**
 * Cuts the colour cube into at most `size` boxes (median cut, weighted by pixel count): always the box
 * whose pixels spread furthest, so the large flat areas and their edges get many entries and no box of
 * very different colours survives. Each box is represented by its commonest colour, never by an
 * average, so a flat colour (the white background, a series colour) is kept exactly.
 */
function medianCut(colors: ColorCount[], size: number): number[] {
  const boxes: ColorBox[] = [makeBox(colors)];
  while (boxes.length < size) {
    let best = -1;
    let bestScore = 0;
    boxes.forEach((box, i) => {
      const score = box.colors.length < 2 ? 0 : box.range * Math.sqrt(box.count);
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    });
    if (best === -1) break;
    const box = boxes[best] as ColorBox;
    // Ties broken by the colour itself, so the same drawing always gives the same palette.
    const sorted = [...box.colors].sort((a, b) => channel(a.rgb, box.shift) - channel(b.rgb, box.shift) || a.rgb - b.rgb);
    let below = 0;
    let cut = 1;
    for (; cut < sorted.length - 1; cut++) {
      below += (sorted[cut - 1] as ColorCount).count;
      if (below * 2 >= box.count) break;
    }
    boxes.splice(best, 1, makeBox(sorted.slice(0, cut)), makeBox(sorted.slice(cut)));
  }
  return boxes.map((box) => box.colors.reduce((mode, color) => (color.count > mode.count || (color.count === mode.count && color.rgb < mode.rgb) ? color : mode)).rgb);
}

function distance(a: number, b: number): number {
  const red = channel(a, 16) - channel(b, 16);
  const green = channel(a, 8) - channel(b, 8);
  const blue = channel(a, 0) - channel(b, 0);
  // Weighted roughly as the eye weighs the channels, so a mapped shade keeps its brightness.
  return 3 * red * red + 4 * green * green + 2 * blue * blue;
}

/**
 * The palette and indices of opaque RGBA `pixels` (alpha ignored), at most `MAX_PALETTE_COLORS`
 * colours. Deterministic: the same pixels always give the same palette in the same order (commonest
 * first), so a PNG written from it is byte-identical across builds.
 */
export function quantize(pixels: Uint8Array): IndexedImage {
  const pixelCount = pixels.length >> 2;
  // One 32-bit read a pixel instead of three byte reads: the loops below are most of the time an image takes.
  const words = pixels.byteOffset % 4 === 0 ? new Uint32Array(pixels.buffer, pixels.byteOffset, pixelCount) : new Uint32Array(pixels.slice().buffer, 0, pixelCount);
  // A pixel's key is its word without alpha, whatever the byte order; `rgbOf` turns a key into 0xRRGGBB.
  const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
  const rgbOf = (key: number) => (littleEndian ? ((key & 0xff) << 16) | (key & 0xff00) | ((key >>> 16) & 0xff) : key >>> 8);
  const keyMask = littleEndian ? 0xffffff : 0xffffff00;
  const counts = new Map<number, number>();
  // Counted a run at a time: most of a chart is long runs of background, so the map is rarely touched.
  let run = 0;
  let runKey = -1;
  for (let i = 0; i < pixelCount; i++) {
    const key = ((words[i] as number) & keyMask) >>> 0;
    if (key === runKey) {
      run += 1;
      continue;
    }
    if (run > 0) counts.set(runKey, (counts.get(runKey) ?? 0) + run);
    runKey = key;
    run = 1;
  }
  if (run > 0) counts.set(runKey, (counts.get(runKey) ?? 0) + run);
  const colors = [...counts].map(([key, count]) => ({ rgb: rgbOf(key), count, key }));
  const kept = colors.length <= MAX_PALETTE_COLORS ? colors.map((color) => color.rgb) : medianCut(colors, MAX_PALETTE_COLORS);
  const countOf = new Map<number, number>(colors.map((color) => [color.rgb, color.count]));
  // Commonest first: the order is part of the file, so it must not depend on how the boxes were cut.
  kept.sort((a, b) => (countOf.get(b) ?? 0) - (countOf.get(a) ?? 0) || a - b);
  const keptIndex = new Map<number, number>(kept.map((rgb, i) => [rgb, i]));
  const indexOfKey = new Map<number, number>();
  for (const { rgb, key } of colors) {
    let nearest = keptIndex.get(rgb);
    if (nearest === undefined) {
      let nearestDistance = Infinity;
      nearest = 0;
      for (let i = 0; i < kept.length; i++) {
        const d = distance(rgb, kept[i] as number);
        if (d < nearestDistance) {
          nearest = i;
          nearestDistance = d;
        }
      }
    }
    indexOfKey.set(key, nearest);
  }
  const indices = new Uint8Array(pixelCount);
  let lastKey = -1;
  let lastIndex = 0;
  for (let i = 0; i < pixelCount; i++) {
    const key = ((words[i] as number) & keyMask) >>> 0;
    if (key !== lastKey) {
      lastKey = key;
      lastIndex = indexOfKey.get(key) as number;
    }
    indices[i] = lastIndex;
  }
  const palette = new Uint8Array(kept.length * 3);
  kept.forEach((rgb, i) => palette.set([channel(rgb, 16), channel(rgb, 8), channel(rgb, 0)], i * 3));
  return { palette, indices };
}
