import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite, FIXTURE_CONTENT, SAMPLE_DIST, TMP } from '../helpers/build-site.ts';
import { getAttribute, readPages, textContent, type Element, type Page } from '../helpers/dist.ts';

const pages = readPages(SAMPLE_DIST);
function page(url: string): Page {
  const found = pages.find((candidate) => candidate.url === url);
  if (!found) throw new Error(`sample: no page at ${url}`);
  return found;
}
/** The element and everything below it, in document order. */
function descendants(root: Element): Element[] {
  const found: Element[] = [];
  const walk = (element: Element) => {
    for (const child of element.childNodes) {
      if ('tagName' in child) {
        found.push(child);
        walk(child);
      }
    }
  };
  walk(root);
  return found;
}
const cellText = (element: Element) => textContent(element).replace(/\s+/g, ' ').trim();

/** The table inside the element carrying `marker`, as rows of cell texts, with its caption. */
function readTable(p: Page, marker: string): { caption: string; rows: string[][]; cells: Element[] } {
  const container = p.elements.find((element) => getAttribute(element, marker) !== undefined);
  if (!container) throw new Error(`${p.url}: no [${marker}]`);
  const table = container.tagName === 'table' ? container : descendants(container).find((element) => element.tagName === 'table');
  if (!table) throw new Error(`${p.url}: [${marker}] has no <table>`);
  const inside = descendants(table);
  const caption = inside.find((element) => element.tagName === 'caption');
  const rows = inside.filter((element) => element.tagName === 'tr').map((row) => descendants(row).filter((cell) => cell.tagName === 'th' || cell.tagName === 'td').map(cellText));
  return { caption: caption ? cellText(caption) : '', rows, cells: inside.filter((element) => element.tagName === 'th' || element.tagName === 'td') };
}

const RISKS = {
  ja: ['LBO向けデット・ファイナンス', 'ダイレクト・レンディング', '不動産ブリッジ・ファイナンス', 'サプライチェーン・ファイナンス', '中国経済', '欧州政治', '中東情勢', 'ウクライナ情勢'],
  en: ['LBO debt financing', 'Direct lending', 'Real-estate bridge finance', 'Supply-chain finance', "China's economy", 'European politics', 'Middle East', 'War in Ukraine'],
};

describe.each(['ja', 'en'] as const)('the sample weekly post in %s', (locale) => {
  const p = page(`/${locale}/posts/2026-02-13/`);

  test('shows the published figures in a real table with a caption and header scopes', () => {
    const { caption, rows, cells } = readTable(p, 'data-key-figures');
    expect(caption).toBe(locale === 'ja' ? '主要指標(2026年2月13日終値)' : 'Key figures, closes as of February 13, 2026');
    const byName = (name: string) => rows.find((row) => row[0]?.startsWith(name)) ?? [];
    const [r2g, sp, dow] = locale === 'ja' ? ['ラッセル2000グロース', 'S&P 500', 'ダウ'] : ['Russell 2000 Growth', 'S&P 500', 'Dow Jones'];
    expect(byName(r2g).slice(1, 4)).toEqual(['1,709.95', '−24.27', '−1.40%']);
    expect(byName(sp).slice(1, 4)).toEqual(['6,836.17', '−96.13', '−1.39%']);
    expect(byName(dow).slice(1, 4)).toEqual(['49,500.93', '−614.74', '−1.23%']);
    const ratioRow = rows.find((row) => row[0]?.includes('÷')) ?? [];
    expect(ratioRow[1]).toBe('25.01%');
    expect(ratioRow[2]).toContain(locale === 'ja' ? '+0.37ポイント' : '+0.37 pts');
    expect(ratioRow[2]).toContain('24.64%');
    expect(cells.filter((cell) => cell.tagName === 'th').every((th) => ['col', 'row'].includes(getAttribute(th, 'scope') ?? ''))).toBe(true);
    expect(cells.filter((cell) => getAttribute(cell, 'scope') === 'row')).toHaveLength(4);
  });

  test('prose cites the computed figures in words, with their values in the markup', () => {
    const cited = p.elements.filter((element) => element.tagName === 'data' && (getAttribute(element, 'class') ?? '').includes('figure'));
    const texts = cited.map(cellText);
    expect(texts).toEqual(expect.arrayContaining(locale === 'ja'
      ? ['1,709.95', '24.27ポイント(1.40%)下落', '1.23%下落', '1.39%下落', '25.01%', '0.37ポイント上回る']
      : ['1,709.95', 'fell 24.27 points (1.40%)', 'fell 1.23%', 'fell 1.39%', '25.01%', '0.37 pts above']));
    // The machine-readable value keeps the sign the words spell out.
    expect(cited.map((element) => getAttribute(element, 'value'))).toEqual(expect.arrayContaining(['-24.27', '-1.226642', '-1.386697', '0.370909']));
    expect(texts.join(' ')).not.toMatch(/[-−]\d/);
  });

  test('shows the risk watch with the seed\'s eight risks, levels and trends', () => {
    const { caption, rows } = readTable(p, 'data-risk-watch');
    expect(caption).toBe(locale === 'ja' ? 'リスク・ウォッチ(2026年2月13日時点)' : 'Risk watch as of February 13, 2026');
    const body = rows.slice(1);
    expect(body.map((row) => RISKS[locale].find((label) => row[0]?.startsWith(label)))).toEqual(RISKS[locale]);
    const supplyChain = body[3] ?? [];
    expect(supplyChain.slice(1, 3)).toEqual(locale === 'ja' ? ['高', '悪化'] : ['High', 'Worsening']);
    expect(body.every((row) => (row[3] ?? '').length > 5)).toBe(true);
  });
});

describe.each(['ja', 'en'] as const)('the %s risk grid', (locale) => {
  test('lists every watched risk against the week of 2026-02-13', () => {
    const p = page(`/${locale}/risks/`);
    const { rows } = readTable(p, 'data-risk-grid');
    expect(rows[0]?.[1]).toBe(locale === 'ja' ? '2026年2月13日' : 'Feb 13, 2026');
    expect(rows.slice(1).map((row) => RISKS[locale].find((label) => row[0]?.startsWith(label)))).toEqual(RISKS[locale]);
    // Supply-chain finance: level, then trend on its own line.
    expect(rows[4]?.[1]).toMatch(locale === 'ja' ? /^高\s*悪化$/ : /^High\s*Worsening$/);
    const weekLink = p.elements.find((element) => element.tagName === 'a' && getAttribute(element, 'href') === `/${locale}/posts/2026-02-13/`);
    expect(weekLink).toBeDefined();
  });
});

describe('a build with a stated figure that disagrees', () => {
  test('fails, naming the file, the field, the stated and the computed values and the formula', async () => {
    const dir = path.join(TMP, 'figures-broken');
    rmSync(dir, { recursive: true, force: true });
    const content = path.join(dir, 'content');
    cpSync(FIXTURE_CONTENT, content, { recursive: true });
    const post = path.join(content, 'posts', 'ja', '2026', '2026-02-13.mdx');
    const original = readFileSync(post, 'utf8');
    expect(original).toContain('ratio: 25.01');
    writeFileSync(post, original.replace('ratio: 25.01', 'ratio: 25.10'));

    const result = await buildSite({ contentDir: content, outDir: path.join(dir, 'dist') });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.code).not.toBe(0);
    expect(output).toContain('test/.tmp/figures-broken/content/posts/ja/2026/2026-02-13.mdx');
    expect(output).toContain('relative.ratio (line 15): states 25.10%, computed 25.01% (1709.95 / 6836.17 × 100 = 25.0133%)');
    expect(output).toContain('The build stopped: 1 content problem');
    rmSync(dir, { recursive: true, force: true });
  });
});
