import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseClosesCsv } from '../../src/lib/closes.ts';
import type { Frontmatter } from '../../src/lib/frontmatter.ts';
import { computeIndexFigures, computeRelativeFigures, ratioSeries } from '../../src/lib/metrics.ts';
import { formatProblems } from '../../src/lib/problems.ts';
import { buildSeries } from '../../src/lib/series.ts';
import { checkStatedFigures, decimalsWritten, type WeekFigures } from '../../src/lib/stated-figures.ts';
import { ROOT } from '../helpers/build-site.ts';

// Read from the shipped content/data/closes.csv on purpose (as in metrics.test.ts): these tests pin the
// figures published in the sample post of the week ending 2026-02-13 against the data they came from.
const parsed = parseClosesCsv('content/data/closes.csv', readFileSync(path.join(ROOT, 'content/data/closes.csv'), 'utf8'), ['russell2000growth', 'sp500', 'djia']);
const { series } = buildSeries(parsed.rows.map((row) => ({ ...row, file: 'content/data/closes.csv' })), () => 'XNYS');
const AS_OF = '2026-02-13';
const ratio = ratioSeries(series.get('russell2000growth') ?? [], series.get('sp500') ?? [], 26);
const figures: WeekFigures = {
  date: AS_OF,
  week: AS_OF,
  indices: Object.fromEntries(['russell2000growth', 'sp500', 'djia'].map((id) => [id, computeIndexFigures(id, series.get(id) ?? [], AS_OF)!])),
  relative: computeRelativeFigures(ratio, AS_OF, 26),
};
const FILE = 'content/posts/ja/2026/2026-02-13.mdx';
const TOLERANCE = 0.05;

type Stated = Pick<Frontmatter, 'indices' | 'relative'>;

/** Writes the stated figures as an author would (YAML keeps "-1.40" as written), then checks them. */
function check(stated: Stated, written?: string): string {
  const source = written ?? toYaml(stated);
  const problems = checkStatedFigures(FILE, source, stated, figures, TOLERANCE);
  return problems.length === 0 ? 'ok' : formatProblems(problems);
}

function toYaml(stated: Stated): string {
  const lines = ['---', 'kind: weekly'];
  if (stated.indices) {
    lines.push('indices:');
    for (const [id, values] of Object.entries(stated.indices)) {
      lines.push(`  ${id}:`, ...Object.entries(values).map(([key, value]) => `    ${key}: ${value}`));
    }
  }
  if (stated.relative) lines.push('relative:', ...Object.entries(stated.relative).map(([key, value]) => `  ${key}: ${value}`));
  return [...lines, '---', ''].join('\n');
}

describe('checkStatedFigures against the shipped data for 2026-02-13', () => {
  test('the sample post\'s figures pass, including the vendor\'s +0.39 deviation (computed +0.37)', () => {
    const source = [
      '---',
      'indices:',
      '  russell2000growth:',
      '    close: 1709.95',
      '    change: -24.27',
      '    changePercent: -1.40',
      '  sp500:',
      '    close: 6836.17',
      '    changePercent: -1.39',
      '  djia:',
      '    close: 49500.93',
      '    changePercent: -1.23',
      'relative:',
      '  ratio: 25.01',
      '  deviation: 0.39',
      '---',
    ].join('\n');
    const stated: Stated = {
      indices: {
        russell2000growth: { close: 1709.95, change: -24.27, changePercent: -1.4 },
        sp500: { close: 6836.17, changePercent: -1.39 },
        djia: { close: 49500.93, changePercent: -1.23 },
      },
      relative: { ratio: 25.01, deviation: 0.39 },
    };
    expect(check(stated, source)).toBe('ok');
  });

  test('a wrong ratio fails with file, field, stated, computed and the formula', () => {
    expect(check({ relative: { ratio: 25.1 } }, '---\nrelative:\n  ratio: 25.10\n---\n')).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has a problem:
        - relative.ratio (line 3): states 25.10%, computed 25.01% (1709.95 / 6836.17 × 100 = 25.0133%). Fix the closes or the stated figure."
    `);
  });

  test('direct figures are checked to the precision written', () => {
    // −1.3995 rounds to −1.40 and to −1.4, but not to −1.41 or −1.399.
    expect(check({ indices: { russell2000growth: { changePercent: -1.4 } } }, '---\nindices:\n  russell2000growth:\n    changePercent: -1.40\n---\n')).toBe('ok');
    expect(check({ indices: { russell2000growth: { changePercent: -1.4 } } }, '---\nindices:\n  russell2000growth:\n    changePercent: -1.4\n---\n')).toBe('ok');
    expect(check({ indices: { russell2000growth: { changePercent: -1.41 } } })).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has a problem:
        - indices.russell2000growth.changePercent (line 5): states -1.41%, computed -1.40% ((1709.95 − 1734.22) / 1734.22 × 100 = -1.3995%). Fix the closes or the stated figure."
    `);
    expect(check({ indices: { russell2000growth: { changePercent: -1.399 } } })).toBe('ok');
    expect(check({ indices: { russell2000growth: { changePercent: -1.398 } } })).toContain('states -1.398%, computed -1.399%');
    expect(check({ indices: { russell2000growth: { changePercent: -1.3995 } } })).toBe('ok');
    expect(check({ indices: { russell2000growth: { changePercent: -1 } } })).toBe('ok');
    expect(check({ indices: { russell2000growth: { changePercent: -2 } } })).toContain('indices.russell2000growth.changePercent');
  });

  test('a wrong change in points names the closes it came from', () => {
    expect(check({ indices: { sp500: { change: -96.31 } } })).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has a problem:
        - indices.sp500.change (line 5): states -96.31, computed -96.13 (6836.17 − 6932.3 = -96.13). Fix the closes or the stated figure."
    `);
    expect(check({ indices: { sp500: { change: -96.13 } } })).toBe('ok');
  });

  test('a derived figure passes within the tolerance and fails outside it, saying so', () => {
    expect(check({ relative: { deviation: 0.41 } })).toBe('ok');
    expect(check({ relative: { deviation: 0.33 } })).toBe('ok');
    expect(check({ relative: { deviation: 0.43 } })).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has a problem:
        - relative.deviation (line 4): states 0.43 points, computed 0.37 points (25.0133 − 24.6424 (26-week average) = 0.3709 points; tolerance ±0.05). Fix the closes or the stated figure."
    `);
    expect(check({ relative: { relativeDeviation: 1.5 } })).toBe('ok');
    expect(check({ relative: { relativeDeviation: 1.7 } })).toContain('relative.relativeDeviation');
  });

  test('a tighter tolerance from site.json is honoured', () => {
    const problems = checkStatedFigures(FILE, '', { relative: { deviation: 0.39 } }, figures, 0.01);
    expect(problems[0]).toMatchObject({ field: 'relative.deviation' });
    expect(problems[0]?.message).toContain('tolerance ±0.01');
  });

  test('a derived figure that cannot be computed yet is reported', () => {
    // Three weeks of history, ending 2026-01-16: a 26-week average lacks 23 of its weeks.
    const weeks = ['2026-01-02', '2026-01-09', '2026-01-16'];
    const short = ratioSeries(weeks.map((week) => ({ date: week, week, close: 10 })), weeks.map((week) => ({ date: week, week, close: 40 })), 26);
    const early: WeekFigures = { ...figures, relative: computeRelativeFigures(short, '2026-01-16', 26) };
    const problems = checkStatedFigures(FILE, '', { relative: { deviation: 0.1 } }, early, TOLERANCE);
    expect(formatProblems(problems)).toMatchInlineSnapshot(`
      "content/posts/ja/2026/2026-02-13.mdx has a problem:
        - relative.deviation: states 0.1 points, but it cannot be computed: the 26-week moving average needs a ratio in each of the 26 weeks ending 2026-01-16, and 23 of them have none (the weeks ending 2025-07-25, 2025-08-01, 2025-08-08 and 20 more). Remove the figure or add the missing closes."
    `);
  });

  test('the line of the stated figure is given when it can be found', () => {
    const source = '---\nkind: weekly\nrelative:\n  ratio: 25.10\n---\n';
    expect(checkStatedFigures(FILE, source, { relative: { ratio: 25.1 } }, figures, TOLERANCE)[0]?.line).toBe(4);
  });

  test('figures the author did not state are not checked', () => {
    expect(check({ indices: { russell2000growth: { close: 1709.95 } } })).toBe('ok');
    expect(check({})).toBe('ok');
  });
});

describe('decimalsWritten', () => {
  test('reads the digits the author typed, trailing zeros included', () => {
    const source = '---\nindices:\n  sp500:\n    changePercent: -1.40\n    change: -96\nrelative:\n  ratio: 25.010\n---\n';
    expect(decimalsWritten(source, 'indices.sp500.changePercent', -1.4)).toBe(2);
    expect(decimalsWritten(source, 'indices.sp500.change', -96)).toBe(0);
    expect(decimalsWritten(source, 'relative.ratio', 25.01)).toBe(3);
  });
  test('falls back to the number itself when the source does not show it', () => {
    expect(decimalsWritten('', 'relative.ratio', 25.01)).toBe(2);
    expect(decimalsWritten('', 'relative.ratio', 25)).toBe(0);
  });
});
