import { describe, expect, test } from 'vitest';
import { formatProblems, formatWarnings, isError } from '../../src/lib/problems.ts';
import { buildSiteModel } from '../../src/lib/site-model.ts';
import { TEST_NOW } from '../helpers/build-site.ts';
import { flatClosesFor, makeContentFiles, TEST_COMPLIANCE } from '../helpers/content.ts';
import { makePostFiles, type PostSpec } from '../helpers/model.ts';

/** The site model of one weekly post of 2026-02-13 with the body (and source frontmatter) given. */
function check(spec: Partial<PostSpec>, compliance: object = TEST_COMPLIANCE) {
  const files = makeContentFiles({ closes: flatClosesFor(['2026-02-13']), compliance, posts: makePostFiles([{ date: '2026-02-13', topics: ['china'], ...spec }]) });
  const result = buildSiteModel(files, { now: new Date(TEST_NOW), includeDrafts: false });
  return { ...result, errors: formatProblems(result.problems.filter(isError)), warnings: formatWarnings(result.problems.filter((problem) => !isError(problem))) };
}

describe('the compliance checks of the site model', () => {
  test('guaranteeing language is an error in either file, and nothing is built', () => {
    const result = check({ body: '小型株は必ず上がります。' });
    expect(result.model).toBeUndefined();
    expect(result.errors).toContain('content/posts/ja/2026/2026-02-13.mdx has a problem:\n  - body (line 10): says "必ず", which guarantees an outcome');
    expect(result.errors).toContain('content/posts/en/2026/2026-02-13.mdx has a problem:\n  - body (line 10): says "必ず"');
  });

  test('warnings are kept in the model and stop nothing', () => {
    const result = check({ body: 'Small caps will outperform next year.' });
    expect(result.errors).toBe('');
    expect(result.model?.warnings.map((problem) => problem.message)).toEqual([
      'states a forecast without a hedge ("will outperform"): "Small caps will outperform next year.".',
      'states a forecast without a hedge ("will outperform"): "Small caps will outperform next year.".',
    ]);
    expect(result.warnings).toMatch(/^content\/posts\/ja\/2026\/2026-02-13\.mdx has a warning:\n {2}- body \(line 10\): states a forecast/);
  });

  test('the title is read too, on its own line', () => {
    expect(check({ title: 'リスクはない週' }).errors).toContain('- title (line 3): says "リスクはない"');
  });

  test('a quotation lets its wording through and records the reason', () => {
    const result = check({ body: '<Quote reason="quoting a brochure">A risk-free way to grow.</Quote>' });
    expect(result.errors).toBe('');
    expect(result.allowances).toEqual([
      { file: 'content/posts/ja/2026/2026-02-13.mdx', field: 'body', line: 10, kind: 'guarantee', phrase: 'risk-free', reason: 'quoting a brochure' },
      { file: 'content/posts/en/2026/2026-02-13.mdx', field: 'body', line: 10, kind: 'guarantee', phrase: 'risk-free', reason: 'quoting a brochure' },
    ]);
  });

  test('a post naming the firm\'s fund must show its fees and risks with <ProductNotice>, in each language', () => {
    expect(check({ body: '当社のテスト・グロース・ファンドについて。' }).errors).toContain(
      '- body (line 10): names the fund "テスト・グロース・ファンド" but does not show its fees and risks. Add <ProductNotice product="test-fund" /> near the mention',
    );
    expect(check({ body: 'Our Test Growth Fund.\n\n<ProductNotice product="test-fund" />' }).errors).toBe('');
    expect(check({ body: '<ProductNotice product="house-fund" />' }).errors).toContain('<ProductNotice product="house-fund" />: unknown product; content/compliance.json lists test-fund.');
  });

  test('a correction is dated no earlier than the post, and lives in the source only', () => {
    const early = check({ frontmatter: ['corrections:', '  - date: 2026-02-12', '    note: { ja: 訂正, en: Corrected }'] });
    expect(early.errors).toContain('- corrections.0.date (line 9): is 2026-02-12, before the post\'s own date 2026-02-13. Date a correction on the day it was made.');
    const sound = check({ frontmatter: ['corrections:', '  - date: 2026-02-16', '    note: { ja: 終値を訂正, en: Corrected a close }'] });
    expect(sound.errors).toBe('');
    expect(sound.model?.posts[0]?.source.frontmatter.corrections).toEqual([{ date: '2026-02-16', note: { ja: '終値を訂正', en: 'Corrected a close' } }]);
  });

  test('a profile with problems is reported, and the posts are still checked with the default lists', () => {
    const result = check({ body: 'Guaranteed returns.' }, { ...TEST_COMPLIANCE, publisher: { licensed: true } });
    expect(result.model).toBeUndefined();
    expect(result.errors).toContain('content/compliance.json has');
    expect(result.errors).toContain('says "Guaranteed"');
  });

  test('a sample profile is noted, not an error', () => {
    const sample = { ...TEST_COMPLIANCE, sample: true, disclosures: [{ heading: { ja: '見本', en: 'Sample' }, text: { ja: '見本の開示です。', en: 'A sample disclosure.' } }] };
    const result = check({}, sample);
    expect(result.errors).toBe('');
    expect(result.notes.map((note) => note.message)).toContain('is marked as a sample ("sample": true): its firm, registration number and products are invented. Replace them with your own before publishing.');
  });
});
