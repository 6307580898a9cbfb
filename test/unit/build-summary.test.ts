import { describe, expect, test } from 'vitest';
import { describeBuild } from '../../src/lib/build-summary.ts';

describe('describeBuild', () => {
  test('pages, the search index by language, images and host headers on one line', () => {
    expect(describeBuild({
      htmlPages: 40,
      postPages: '2 new, 2 with changed inputs (neighbours 2), 1272 unchanged',
      search: { ja: 2, en: 2 },
      assets: { chart: { drawn: 2, reused: 12 }, 'chart-data': { drawn: 14, reused: 0 }, 'social-card': { drawn: 0, reused: 4 } },
      headerRules: 7,
    })).toBe('40 HTML pages; post pages: 2 new, 2 with changed inputs (neighbours 2), 1272 unchanged; '
      + 'search index: 4 pages (en 2, ja 2); 14 chart images (2 drawn, 12 reused from the cache), 14 chart CSV files, '
      + '4 social cards (0 drawn, 4 reused from the cache); _headers: 7 rules');
  });
  test('singulars, and an empty index', () => {
    expect(describeBuild({
      htmlPages: 1,
      postPages: '0 new, 0 with changed inputs, 0 unchanged',
      search: {},
      assets: { chart: { drawn: 0, reused: 0 }, 'chart-data': { drawn: 0, reused: 0 }, 'social-card': { drawn: 0, reused: 0 } },
      headerRules: 1,
    })).toBe('1 HTML page; post pages: 0 new, 0 with changed inputs, 0 unchanged; search index: 0 pages; 0 chart images (0 drawn, 0 reused from the cache), 0 chart CSV files, 0 social cards (0 drawn, 0 reused from the cache); _headers: 1 rule');
  });
});
