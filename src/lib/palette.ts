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
  const rgbs = new Uint32Array(pixelCount);
  const counts = new Map<number, number>();
  // Counted a run at a time: most of a chart is long runs of background, so the map is rarely touched.
  let run = 0;
  let runColor = -1;
  for (let i = 0, at = 0; i < pixelCount; i++, at += 4) {
    const rgb = ((pixels[at] as number) << 16) | ((pixels[at + 1] as number) << 8) | (pixels[at + 2] as number);
    rgbs[i] = rgb;
    if (rgb === runColor) {
      run += 1;
      continue;
    }
    if (run > 0) counts.set(runColor, (counts.get(runColor) ?? 0) + run);
    runColor = rgb;
    run = 1;
  }
  if (run > 0) counts.set(runColor, (counts.get(runColor) ?? 0) + run);
  const colors = [...counts].map(([rgb, count]) => ({ rgb, count }));
  const kept = colors.length <= MAX_PALETTE_COLORS ? colors.map((color) => color.rgb) : medianCut(colors, MAX_PALETTE_COLORS);
  // Commonest first: the order is part of the file, so it must not depend on how the boxes were cut.
  kept.sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || a - b);
  const indexOf = new Map<number, number>(kept.map((rgb, i) => [rgb, i]));
  for (const { rgb } of colors) {
    if (indexOf.has(rgb)) continue;
    let nearest = 0;
    let nearestDistance = Infinity;
    kept.forEach((candidate, i) => {
      const d = distance(rgb, candidate);
      if (d < nearestDistance) {
        nearest = i;
        nearestDistance = d;
      }
    });
    indexOf.set(rgb, nearest);
  }
  const indices = new Uint8Array(pixelCount);
  let lastColor = -1;
  let lastIndex = 0;
  for (let i = 0; i < pixelCount; i++) {
    const rgb = rgbs[i] as number;
    if (rgb !== lastColor) {
      lastColor = rgb;
      lastIndex = indexOf.get(rgb) as number;
    }
    indices[i] = lastIndex;
  }
  const palette = new Uint8Array(kept.length * 3);
  kept.forEach((rgb, i) => palette.set([channel(rgb, 16), channel(rgb, 8), channel(rgb, 0)], i * 3));
  return { palette, indices };
}
