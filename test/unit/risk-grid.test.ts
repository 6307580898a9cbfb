import { describe, expect, test } from 'vitest';
import { formatProblems } from '../../src/lib/problems.ts';
import { buildRiskGrid, riskNote } from '../../src/lib/risk-grid.ts';
import { buildSiteModel, type SitePost } from '../../src/lib/site-model.ts';
import { readEnvironment } from '../../src/site/environment.ts';
import { readContentFiles } from '../../src/site/read-content.ts';
import { FIXTURE_CONTENT, ROOT, TEST_NOW } from '../helpers/build-site.ts';

const { model, problems } = buildSiteModel(readContentFiles(readEnvironment({ SHUHO_CONTENT_DIR: FIXTURE_CONTENT }, ROOT)), { now: new Date(TEST_NOW), includeDrafts: false });
if (!model) throw new Error(formatProblems(problems));
const weekly = model.visiblePosts.find((post) => post.slug === '2026-02-13') as SitePost;

describe('buildRiskGrid', () => {
  test('one column per weekly post with a risk watch, one row per watched risk in registry order', () => {
    const grid = buildRiskGrid(model.registry, model.visiblePosts);
    expect(grid.weeks).toEqual([{ date: '2026-02-13', slug: '2026-02-13' }]);
    expect(grid.rows.map((row) => [row.risk.id, row.cells.map((cell) => cell && `${cell.level}/${cell.trend}`)])).toEqual([
      ['china-economy', ['elevated/unchanged']],
      ['ukraine', ['high/worsening']],
    ]);
  });
  test('weeks run oldest first and a risk missing one week leaves a gap', () => {
    const earlier: SitePost = { ...weekly, slug: '2026-02-06', date: '2026-02-06', risks: [{ topic: 'ukraine', level: 'high', trend: 'unchanged', note: { ja: '厳しい' } }] };
    const grid = buildRiskGrid(model.registry, [weekly, earlier]);
    expect(grid.weeks.map((week) => week.date)).toEqual(['2026-02-06', '2026-02-13']);
    const china = grid.rows.find((row) => row.risk.id === 'china-economy');
    expect(china?.cells[0]).toBeUndefined();
    expect(china?.cells[1]?.level).toBe('elevated');
  });
  test('ignores features and weeks without a risk watch', () => {
    expect(buildRiskGrid(model.registry, model.visiblePosts.filter((post) => post.slug !== '2026-02-13'))).toEqual({ weeks: [], rows: [] });
  });
});

describe('riskNote', () => {
  test('uses the English note where there is one, else the Japanese note marked as such', () => {
    const [china] = weekly.risks;
    if (!china) throw new Error('no risk');
    expect(riskNote(china, 'en')).toEqual({ text: 'No sign of improvement.', lang: 'en' });
    expect(riskNote(china, 'ja')).toEqual({ text: '改善の兆しは見えない。', lang: 'ja' });
    expect(riskNote({ ...china, note: { ja: '日本語のみ' } }, 'en')).toEqual({ text: '日本語のみ', lang: 'ja' });
  });
});
