import { describe, expect, test } from 'vitest';
import { buildSparkline, sharedDomain } from '../../src/lib/sparkline.ts';

describe('buildSparkline', () => {
  test('spans the box: the highest value at the top, the lowest at the bottom, inside the padding', () => {
    const line = buildSparkline([10, 30, 20], 100, 24, { padding: 2 });
    expect(line.path).toBe('M2 22L50 2L98 12');
    expect(line.last).toEqual({ x: 98, y: 12 });
  });

  test('a missing week breaks the line instead of bridging it', () => {
    expect(buildSparkline([1, 2, null, 3, 4], 42, 10, { padding: 1 }).path).toBe('M1 9L11 6.3M31 3.7L41 1');
  });

  test('a flat series is drawn through the middle; an empty one draws nothing', () => {
    expect(buildSparkline([5, 5, 5], 10, 10, { padding: 0 }).path).toBe('M0 5L5 5L10 5');
    expect(buildSparkline([null, null], 10, 10)).toEqual({ width: 10, height: 10, path: '', last: undefined });
  });

  test('two series drawn on a shared domain line up: a moving average on the same scale as its series', () => {
    const domain = sharedDomain([10, 20], [15, null]);
    expect(domain).toEqual([10, 20]);
    expect(buildSparkline([15, null], 12, 12, { padding: 1, domain }).path).toBe('M1 6');
  });
});
