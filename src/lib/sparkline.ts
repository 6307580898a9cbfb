/** A small line drawn as an SVG path: one point per week, a gap where a week has no value. */
export interface Sparkline {
  width: number;
  height: number;
  /** The `d` of an SVG path; each run of values starts with `M`, so a gap stays a gap. */
  path: string;
  /** The last value's point, for a dot at the end of the line. */
  last: { x: number; y: number } | undefined;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** How a sparkline fits its box. */
export interface SparklineOptions {
  /** Room left at every edge, so the stroke and the end dot are not cut. */
  padding?: number;
  /** The values at the bottom and the top; by default the series' own lowest and highest. */
  domain?: readonly [number, number] | undefined;
}

/** The lowest and highest of several series, for drawing them on one scale. */
export function sharedDomain(...series: readonly (readonly (number | null)[])[]): [number, number] | undefined {
  const present = series.flat().filter((value): value is number => value !== null);
  return present.length === 0 ? undefined : [Math.min(...present), Math.max(...present)];
}

/**
 * Draws `values` into a `width` × `height` box (y grows downward, as in SVG). A flat series sits in
 * the middle.
 */
export function buildSparkline(values: readonly (number | null)[], width: number, height: number, options: SparklineOptions = {}): Sparkline {
  const { padding = 2 } = options;
  const domain = options.domain ?? sharedDomain(values);
  if (!domain) return { width, height, path: '', last: undefined };
  const [min, max] = domain;
  const stepX = values.length > 1 ? (width - 2 * padding) / (values.length - 1) : 0;
  const y = (value: number) => (max === min ? height / 2 : padding + ((max - value) / (max - min)) * (height - 2 * padding));
  let path = '';
  let isDrawing = false;
  let last: Sparkline['last'];
  values.forEach((value, i) => {
    if (value === null) {
      isDrawing = false;
      return;
    }
    const point = { x: round(padding + i * stepX), y: round(y(value)) };
    path += `${isDrawing ? 'L' : 'M'}${point.x} ${point.y}`;
    isDrawing = true;
    last = point;
  });
  return { width, height, path, last };
}
