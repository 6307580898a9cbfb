import { parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import { describe, expect, test } from 'vitest';
import { browserSpec, buildChartCsv, buildChartTable, chartCsvName, hashChart, renderChartTableRows, serializeForScript } from '../../src/lib/chart-data.ts';
import type { ChartSpec } from '../../src/lib/charts.ts';

const HOSTILE = '</script><img src=x onerror="alert(1)"><!-- & \u2028\u2029';

function spec(overrides: Partial<ChartSpec> = {}): ChartSpec {
  return {
    id: 'relative-strength',
    locale: 'en',
    type: 'line',
    horizontal: false,
    title: 'Ratio',
    asOf: '2026-02-13',
    unit: 'percent',
    format: { decimals: 2, signed: false, template: '{value}%' },
    caption: { asOf: 'As of February 13, 2026', source: 'Source: test', unit: 'Unit: percent (%)' },
    categoryLabel: 'Date',
    categories: ['Feb 6, 2026', 'Feb 13, 2026'],
    dates: ['2026-02-06', '2026-02-13'],
    series: [
      { label: 'R2000G ÷ S&P 500', values: [25.0123, 25.0134], color: '#0f6fc6', dash: 'solid', point: 'circle' },
      { label: 'Average, "26 weeks"', values: [null, 24.6412], color: '#56606b', dash: 'dashed', point: 'rect' },
    ],
    alt: 'A chart.',
    ...overrides,
  };
}

describe('buildChartTable', () => {
  test('has a row per category and writes values as the page does', () => {
    expect(buildChartTable(spec())).toEqual({
      caption: 'Ratio',
      headers: ['Date', 'R2000G ÷ S&P 500', 'Average, "26 weeks"'],
      rows: [
        { label: 'Feb 6, 2026', cells: ['25.01%', '—'] },
        { label: 'Feb 13, 2026', cells: ['25.01%', '24.64%'] },
      ],
    });
  });
});

describe('renderChartTableRows', () => {
  test('writes a row header and a numeric cell per value', () => {
    expect(renderChartTableRows(buildChartTable(spec()))).toBe(
      '<tr><th scope="row">Feb 6, 2026</th><td class="num">25.01%</td><td class="num">—</td></tr>'
      + '<tr><th scope="row">Feb 13, 2026</th><td class="num">25.01%</td><td class="num">24.64%</td></tr>',
    );
  });

  test('keeps a hostile label as text: a real HTML parser finds no element but the table\'s own', () => {
    const rows = renderChartTableRows(buildChartTable(spec({ categories: [HOSTILE, 'b'] })));
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
    expect(buildChartCsv(spec())).toBe(
      '\uFEFFDate,R2000G ÷ S&P 500,"Average, ""26 weeks"""\r\n2026-02-06,25.0123,\r\n2026-02-13,25.0134,24.6412\r\n',
    );
  });

  test('uses the category labels when the categories are not dates', () => {
    const bars = spec({ type: 'bar', categories: ['IWM', 'IWO'], series: [{ label: 'P/E', values: [24.64, 36.38], color: '#000000', dash: 'solid', point: 'rect' }] });
    delete bars.dates;
    expect(buildChartCsv(bars)).toBe('\uFEFFDate,P/E\r\nIWM,24.64\r\nIWO,36.38\r\n');
    expect(chartCsvName(bars)).toBe('relative-strength-2026-02-13-en.csv');
  });
});

describe('browserSpec', () => {
  test('drops only the ISO dates, which the CSV alone uses', () => {
    const { dates, ...rest } = spec();
    expect(dates).toHaveLength(2);
    expect(browserSpec(spec())).toEqual(rest);
  });
});

describe('serializeForScript', () => {
  const hostile = spec({ title: HOSTILE, categories: [HOSTILE, 'b'] });
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

  test('would not be safe as plain JSON.stringify, which the test above guards against', () => {
    const fragment = parseFragment(`<script type="application/json">${JSON.stringify(hostile)}</script>`);
    expect(fragment.childNodes.some((node) => node.nodeName === 'img')).toBe(true);
  });
});

describe('hashChart', () => {
  test('names equal charts equally and changes with the data or the renderer', () => {
    const base = hashChart(spec(), 'r1');
    expect(base).toMatch(/^[0-9a-f]{16}$/);
    expect(hashChart(spec(), 'r1')).toBe(base);
    expect(hashChart(spec({ title: 'Other' }), 'r1')).not.toBe(base);
    expect(hashChart(spec(), 'r2')).not.toBe(base);
  });
});
