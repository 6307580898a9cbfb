import { describe, expect, test } from 'vitest';
import { DEFAULT_WORDING, type Product } from '../../src/lib/compliance.ts';
import { readPostBody } from '../../src/lib/post-body.ts';
import { checkWording, findProductMentions, frontmatterProse } from '../../src/lib/wording.ts';

const FILE = 'content/posts/ja/2026/2026-02-13.mdx';
const HEAD = '---\nkind: weekly\ntitle: 週報\n---\n';

/** What the checker makes of a body: one word per finding, in order ("error", "warning", "allowed"), or "pass". */
function verdict(body: string): string {
  const read = readPostBody(FILE, `${HEAD}${body}\n`);
  expect(read.problems).toEqual([]);
  const { problems, allowances } = checkWording(FILE, read.prose, DEFAULT_WORDING);
  const words = [...problems.map((problem) => (problem.severity === 'warning' ? 'warning' : 'error')), ...allowances.map(() => 'allowed')];
  return words.length === 0 ? 'pass' : words.join(', ');
}

/*
 * The corpus: sentences an author might write, in both languages, with what the check must say. Errors
 * are guaranteeing language; warnings are superlatives about returns and unhedged forecasts; a negation
 * (必ずしも, "not guaranteed") or a marked quotation passes.
 */
const CORPUS: readonly [string, string][] = [
  // Guaranteeing language: errors.
  ['この株は必ず上がります。', 'error'],
  ['確実に利益が出る運用です。', 'error'],
  ['絶対に損をしない投資法です。', 'error, error'],
  ['元本保証の安心ファンドです。', 'error'],
  ['この戦略なら損をしない。', 'error'],
  ['小型株にリスクはない。', 'error'],
  ['This fund offers guaranteed returns.', 'error'],
  ['A risk-free way to grow your savings.', 'error'],
  ["With this strategy you can't lose.", 'error'],
  ['With this strategy you can’t lose.', 'error'],
  ['Small caps are sure to outperform.', 'error'],
  ['ＧＵＡＲＡＮＴＥＥＤ income every month.', 'error'],
  // Superlatives about returns: warnings.
  ['業界最高のリターンを実現しました。', 'warning'],
  ['圧倒的なリターンが魅力です。', 'warning'],
  ['We deliver the best returns in the market.', 'warning'],
  ['An unbeatable record for investors.', 'warning'],
  // Forecasts without a hedge: warnings; with a hedge: pass.
  ['来年、小型株は上昇します。', 'warning'],
  ['日経平均は4万円に到達するでしょう。', 'warning'],
  ['Small caps will outperform next year.', 'warning'],
  ['The index is going to double.', 'warning'],
  ['来年、小型株は上昇する可能性があります。', 'pass'],
  ['小型株は上昇するとみています。', 'pass'],
  ['金利が上がると株価は下がる傾向があります。', 'pass'],
  ['We think small caps will outperform next year.', 'pass'],
  ['Small caps could rise if rates fall.', 'pass'],
  // Negations and ordinary uses of a listed word: pass.
  ['追加利下げは約束されたものではありません。', 'pass'],
  ['利下げは必ずしも株高につながりません。', 'pass'],
  ['先行きの不確実性は高まっています。', 'pass'],
  ['将来の運用成果を保証するものではありません。', 'pass'],
  ['元本保証ではありません。', 'pass'],
  ['Further cuts are not guaranteed.', 'pass'],
  ['Past performance is no guarantee of future results.', 'pass'],
  ['The risk-free rate rose to 4.5%.', 'pass'],
  ['Investors felt the pressure to sell.', 'pass'],
  ['The mayor spoke about the budget.', 'pass'],
  ['ラッセル2000グロース指数は週間で1.40%下落しました。', 'pass'],
  ['Small-cap growth did best, at 8.4%.', 'pass'],
  // A marked quotation: allowed, and recorded.
  ['<Quote reason="発言の引用">必ず上がる</Quote>と某氏は述べました。', 'allowed'],
  ['<Quote reason="quoting a sales brochure">\n\nA risk-free way to grow your savings.\n\n</Quote>', 'allowed'],
  // A quotation covers only what it wraps.
  ['<Quote reason="引用">「有望」</Quote>との声もあるが、必ず上がる。', 'error'],
  // Code and comments are not text.
  ['`guaranteed` is a word the check looks for. {/* 必ず */}', 'pass'],
];

describe('checkWording: the corpus of sentences', () => {
  test.each(CORPUS)('%s → %s', (body, expected) => {
    expect(verdict(body)).toBe(expected);
  });
});

describe('checkWording: what a finding says', () => {
  test('an error names the field, the line in the file and the phrase, quoting the sentence', () => {
    const read = readPostBody(FILE, `${HEAD}\n最初の段落です。\n\n二つ目の段落、\nこの株は必ず上がります。次の文です。\n`);
    expect(checkWording(FILE, read.prose, DEFAULT_WORDING).problems).toEqual([
      {
        file: FILE,
        field: 'body',
        line: 9,
        message: 'says "必ず", which guarantees an outcome: "二つ目の段落、この株は必ず上がります。".',
        hint: 'Commentary must not promise a result or deny a risk: rephrase it. If you are quoting someone, wrap the quotation in <Quote reason="why it is quoted">…</Quote>.',
      },
    ]);
  });

  test('the longest listed phrase is named once, not each phrase inside it', () => {
    const read = readPostBody(FILE, `${HEAD}元本保証です。\n`);
    expect(checkWording(FILE, read.prose, DEFAULT_WORDING).problems.map((problem) => problem.message)).toEqual(['says "元本保証", which guarantees an outcome: "元本保証です。".']);
  });

  test('a warning says so, and quotes a long sentence around the phrase', () => {
    const long = `${'長い前置きの文章が続きます、'.repeat(6)}小型株は来年上昇します${'、そして後書きが続きます'.repeat(6)}。`;
    const [problem] = checkWording(FILE, readPostBody(FILE, `${HEAD}${long}\n`).prose, DEFAULT_WORDING).problems;
    expect(problem?.severity).toBe('warning');
    expect(problem?.message).toMatch(/^states a forecast without a hedge \("上昇します"\): "….{0,35}上昇します.{0,35}…"\.$/);
  });

  test('a quoted phrase is recorded with its reason and line', () => {
    const read = readPostBody(FILE, `${HEAD}\n<Quote reason="quoting the Fed chair">Rates are sure to fall.</Quote>\n`);
    expect(checkWording(FILE, read.prose, DEFAULT_WORDING)).toEqual({
      problems: [],
      allowances: [{ file: FILE, field: 'body', line: 6, kind: 'guarantee', phrase: 'sure to', reason: 'quoting the Fed chair' }],
    });
  });

  test('frontmatter texts are checked on the line of their field', () => {
    const source = `${HEAD.replace('title: 週報', 'title: 必ず儲かる週報')}`;
    const [problem] = checkWording(FILE, [frontmatterProse(source, 'title', '必ず儲かる週報')], DEFAULT_WORDING).problems;
    expect(problem).toMatchObject({ field: 'title', line: 3 });
  });

  test('the lists of the profile replace the defaults', () => {
    const wording = { ...DEFAULT_WORDING, guarantee: { ja: ['鉄板'], en: [] } };
    const read = readPostBody(FILE, `${HEAD}この銘柄は鉄板です。絶対に買いです。\n`);
    expect(checkWording(FILE, read.prose, wording).problems.map((problem) => problem.message)).toEqual(['says "鉄板", which guarantees an outcome: "この銘柄は鉄板です。".']);
  });
});

describe('findProductMentions', () => {
  const fund: Product = {
    id: 'house-fund',
    name: { ja: '週報グロース・ファンド', en: 'Shūhō Growth Fund' },
    aliases: ['週報G'],
    fees: { ja: '手数料', en: 'Fees' },
    risks: { ja: 'リスク', en: 'Risks' },
  };

  test('finds a fund by either name or an alias, at its first mention, in any case and width', () => {
    const prose = (body: string) => readPostBody(FILE, `${HEAD}${body}\n`).prose;
    expect(findProductMentions(prose('前置き。\n\n当社の週報グロース・ファンドは…'), [fund])).toEqual([{ product: fund, name: '週報グロース・ファンド', field: 'body', line: 7 }]);
    expect(findProductMentions(prose('The SHŪHŌ GROWTH FUND holds…'), [fund])).toHaveLength(1);
    expect(findProductMentions(prose('週報Ｇの基準価額は…'), [fund])).toHaveLength(1);
    expect(findProductMentions(prose('小型成長株の週報です。'), [fund])).toEqual([]);
  });
});
