import { describe, expect, test } from 'vitest';
import { getPreviewState } from '../../src/lib/visibility.ts';

const NOW = new Date('2026-02-14T00:00:00Z');
const published = { draft: false, date: '2026-02-13' } as const;

describe('getPreviewState', () => {
  test('a post a production build would show has no preview state', () => {
    expect(getPreviewState([published], NOW)).toBeUndefined();
    expect(getPreviewState([published, { ...published, publishAt: '2026-02-13T23:59:59Z' }], NOW)).toBeUndefined();
  });

  test('a draft is a draft, whatever its date; on the English page, so is a draft translation of a published post', () => {
    expect(getPreviewState([{ ...published, draft: true }], NOW)).toBe('draft');
    expect(getPreviewState([{ draft: true, date: '2026-03-13' }], NOW)).toBe('draft');
    expect(getPreviewState([published, { ...published, draft: true }], NOW)).toBe('draft');
  });

  test('a post dated after now, or whose publishAt is still to come, is scheduled', () => {
    expect(getPreviewState([{ draft: false, date: '2026-02-20' }], NOW)).toBe('scheduled');
    expect(getPreviewState([{ ...published, publishAt: '2026-02-14T00:00:01Z' }], NOW)).toBe('scheduled');
    expect(getPreviewState([published, { ...published, publishAt: '2026-02-14T09:00:00+09:00' }], NOW)).toBeUndefined();
  });
});
