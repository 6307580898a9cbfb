import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_WORDING, parseComplianceProfile } from '../../src/lib/compliance.ts';
import { formatProblems, type Problem } from '../../src/lib/problems.ts';
import { ROOT } from '../helpers/build-site.ts';
import { TEST_COMPLIANCE } from '../helpers/content.ts';

const FILE = 'content/compliance.json';

function parse(profile: unknown): { profile: ReturnType<typeof parseComplianceProfile>; report: string } {
  const problems: Problem[] = [];
  const parsed = parseComplianceProfile({ path: FILE, text: typeof profile === 'string' ? profile : JSON.stringify(profile) }, problems);
  return { profile: parsed, report: formatProblems(problems) };
}

const LICENSED = {
  licensed: true,
  name: { ja: 'テスト投信株式会社', en: 'Test Asset Management Co., Ltd.' },
  registration: { ja: '金融商品取引業者 関東財務局長(金商)第123号', en: 'FIBO No. 123 (Kanto)' },
};

describe('parseComplianceProfile', () => {
  test('reads the shipped sample, marked as a sample, with the default wording lists', () => {
    const { profile, report } = parse(readFileSync(path.join(ROOT, 'content', 'compliance.json'), 'utf8'));
    expect(report).toBe('');
    expect(profile?.sample).toBe(true);
    expect(profile?.publisher.licensed).toBe(true);
    expect(profile?.products.map((product) => product.id)).toEqual(['shuho-small-cap-growth']);
    expect(profile?.wording).toEqual(DEFAULT_WORDING);
  });

  test('a site not published by a licensed firm says so instead of a registration', () => {
    const { profile, report } = parse(TEST_COMPLIANCE);
    expect(report).toBe('');
    expect(profile?.publisher).toMatchObject({ licensed: false });
    expect(profile?.sample).toBe(false);
  });

  test('a missing profile is an error that says where to start, not a default', () => {
    expect(parse('').report).toMatchInlineSnapshot(`
      "content/compliance.json has a problem:
        - is missing or empty. Every site has a compliance profile: start from the sample in the Shūhō repository (content/compliance.json), then name your firm and its registration, or state that the site is not published by a licensed firm. See docs/compliance.md."
    `);
  });

  test('a registration number not written as registered is refused, naming the field', () => {
    const { report } = parse({ ...TEST_COMPLIANCE, publisher: { ...LICENSED, registration: { ja: '登録済み', en: 'registered' } } });
    expect(report).toContain('publisher.registration.ja');
    expect(report).toContain('expected the registration number as registered, such as 関東財務局長(金商)第123号, received "登録済み" (a string).');
    expect(parse({ ...TEST_COMPLIANCE, publisher: LICENSED }).report).toBe('');
  });

  test('a sample profile must say it is a sample in the disclosure readers see first, in both languages', () => {
    const { report } = parse({ ...TEST_COMPLIANCE, sample: true });
    expect(report).toContain('disclosures.0.text.ja');
    expect(report).toContain('a sample profile says so where readers see it: write "見本" or "サンプル" in it');
    expect(report).toContain('disclosures.0.text.en');
  });

  test('two products may not share a name, and a list of the profile replaces its default', () => {
    const fund = TEST_COMPLIANCE.products[0]!;
    expect(parse({ ...TEST_COMPLIANCE, products: [fund, { ...fund, id: 'other-fund' }] }).report).toContain('"テスト・グロース・ファンド" also names the product test-fund');
    const { profile } = parse({ ...TEST_COMPLIANCE, wording: { guarantee: { ja: ['鉄板'], en: [] } } });
    expect(profile?.wording.guarantee).toEqual({ ja: ['鉄板'], en: [] });
    expect(profile?.wording.hedge).toEqual(DEFAULT_WORDING.hedge);
  });

  test('the site notice for every footer is optional, and when given needs both languages', () => {
    expect(parse(TEST_COMPLIANCE).profile?.siteNotice).toBeUndefined();
    const notice = { ja: '情報提供のみを目的としています。', en: 'For information only.' };
    expect(parse({ ...TEST_COMPLIANCE, siteNotice: notice }).profile?.siteNotice).toEqual(notice);
    expect(parse({ ...TEST_COMPLIANCE, siteNotice: { ja: notice.ja, en: ' ' } }).report).toContain('siteNotice.en');
  });

  test('an unknown key is refused, as in every data file', () => {
    expect(parse({ ...TEST_COMPLIANCE, disclaimers: [] }).report).toMatch(/- disclaimers( \(line \d+\))?: unknown field/);
  });
});
