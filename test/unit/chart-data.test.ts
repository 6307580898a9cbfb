import { parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import { describe, expect, test } from 'vitest';
import { browserSpec, buildChartCsv, buildChartTable, chartCsvName, hashChart, renderChartTableRows, serializeForScript } from '../../src/lib/chart-data.ts';
import type { ChartSeries } from '../../src/lib/charts.ts';
import { barSpec, lineSpec } from '../fixtures/chart-specs.ts';

const HOSTILE = '</script><img src=x onerror="alert(1)"><!-- & \u2028\u2029';

describe('buildChartTable', () => {
  test('has a row per category and writes values as the page does', () => {
    expect(buildChartTable(lineSpec())).toEqual({
      caption: 'Ratio',
      headers: ['Date', 'R2000G ÷ S&P 500', 'Average, "26 weeks"'],
      rows: [
        { label: 'Feb 6, 2026', cells: ['25.01%', '—'] },
        { label: 'Feb 13, 2026', cells: ['25.01%', '24.64%'] },
      ],
      omitted: 0,
    });
  });

  test('keeps the latest rows of a long series and counts the earlier ones it left out', () => {
    const table = buildChartTable(lineSpec(), 1);
    expect(table.rows).toEqual([{ label: 'Feb 13, 2026', cells: ['25.01%', '24.64%'] }]);
    expect(table.omitted).toBe(1);
  });
});

describe('renderChartTableRows', () => {
  test('writes a row header and a numeric cell per value', () => {
    expect(renderChartTableRows(buildChartTable(lineSpec()))).toBe(
      '<tr><th scope="row">Feb 6, 2026</th><td class="num">25.01%</td><td class="num">—</td></tr>'
      + '<tr><th scope="row">Feb 13, 2026</th><td class="num">25.01%</td><td class="num">24.64%</td></tr>',
    );
  });

  test('keeps a hostile label as text: a real HTML parser finds no element but the table\'s own', () => {
    const rows = renderChartTableRows(buildChartTable(lineSpec({ categories: [HOSTILE, 'b'] })));
    const tbody = parseFragment(`<table><tbody>${rows}</tbody></table>`);
    const names: string[] = [];
    const walk = (node: DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.DocumentFragment): void => {
      if ('tagName' in node) names.push(node.tagName);
      if ('childNodes' in node) node.childNodes.forEach(walk);
    };
    walk(tbody);
    expect(new Set(names)).toEqual(new Set(['table', 'tbody', 'tr', 'th', 'td']));
    expect(rows).toContain('&lt;/script&gt;&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&lt;!-- &amp;');
  });
});

describe('buildChartCsv', () => {
  test('holds exactly the plotted values, ISO dates, an empty cell for a gap, quoted where needed', () => {
    expect(buildChartCsv(lineSpec())).toBe(
      '\uFEFFDate,R2000G ÷ S&P 500,"Average, ""26 weeks"""\r\n2026-02-06,25.0123,\r\n2026-02-13,25.0134,24.6412\r\n',
    );
  });

  test('uses the category labels when the categories are not dates', () => {
    const bars = barSpec();
    expect(buildChartCsv(bars)).toBe('\uFEFF指数,騰落率\r\nR2000G,-1.3995\r\nS&P 500,-1.3912\r\nNYダウ,-1.2345\r\n');
    expect(chartCsvName(bars)).toBe('weekly-change-2026-02-13-ja.csv');
  });
});

describe('browserSpec', () => {
  test('drops only the ISO dates, which the CSV alone uses', () => {
    const { dates, ...rest } = lineSpec();
    expect(dates).toHaveLength(2);
    expect(browserSpec(lineSpec())).toEqual(rest);
  });
});

describe('serializeForScript', () => {
  const hostile = lineSpec({ title: HOSTILE, categories: [HOSTILE, 'b'] });
  const json = serializeForScript(hostile);

  test('leaves no character that could end the script element or start markup', () => {
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(hostile);
  });

  test('stays one inert text node when an HTML parser reads it inside a JSON script', () => {
    const fragment = parseFragment(`<script type="application/json">${json}</script><p>after</p>`);
    const [script, paragraph] = fragment.childNodes as DefaultTreeAdapterTypes.Element[];
    expect(script?.tagName).toBe('script');
    expect(script?.childNodes).toHaveLength(1);
    expect(JSON.parse((script?.childNodes[0] as DefaultTreeAdapterTypes.TextNode).value)).toEqual(hostile);
    expect(paragraph?.tagName).toBe('p');
    expect(fragment.childNodes).toHaveLength(2);
  });
});

describe('hashChart', () => {
  test('names equal charts equally and changes with anything drawn or with the renderer', () => {
    const base = hashChart(lineSpec(), 'r1');
    expect(base).toMatch(/^[0-9a-f]{16}$/);
    expect(hashChart(lineSpec(), 'r1')).toBe(base);
    const [ratio, average] = lineSpec().series as [ChartSeries, ChartSeries];
    const changed = [
      lineSpec({ title: 'Other' }),
      lineSpec({ series: [{ ...ratio, values: [25.0123, 25.0135] }, average] }),
      lineSpec({ series: [ratio, { ...average, color: '#000000' }] }),
      lineSpec({ source: 'other' }),
    ];
    for (const spec of changed) expect(hashChart(spec, 'r1')).not.toBe(base);
    expect(hashChart(lineSpec(), 'r2')).not.toBe(base);
  });
});
