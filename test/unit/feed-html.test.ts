import { describe, expect, test } from 'vitest';
import { prepareFeedHtml } from '../../src/lib/feed-html.ts';

const BASE = 'https://shuho.example/en/posts/2026-02-13/';

/** A chart as src/components/Chart.astro renders it, with Astro's and Pagefind's markers and its client script. */
const CHART = '<figure class="chart" data-chart="x" data-astro-cid-abc><figcaption class="chart-caption">'
  + '<p class="chart-title">Title</p><p class="chart-meta">As of Feb 13 · Unit: %</p><p class="chart-meta">Source: S</p></figcaption>'
  + '<div class="chart-box" data-chart-box><noscript><img src="/charts/a.png" alt="A" loading="lazy"></noscript></div>'
  + '<script type="application/json" data-chart-spec>{"a":"</p>"}</script>'
  + '<details class="chart-data" data-pagefind-ignore><summary>Data</summary><table><tbody><tr><th>Feb 13</th><td>1</td></tr></tbody></table></details>'
  + '<p class="chart-download" data-pagefind-ignore><a href="/charts/a.csv" download="a.csv">CSV</a></p></figure>'
  + '<script type="module" src="/_astro/chart.js"></script>';

describe('prepareFeedHtml', () => {
  test('a chart becomes its static image with its caption lines and CSV link: no script, canvas or data table', () => {
    expect(prepareFeedHtml(CHART, BASE)).toBe(
      '<figure class="chart" data-chart="x"><figcaption class="chart-caption">'
      + '<p class="chart-title">Title</p><p class="chart-meta">As of Feb 13 · Unit: %</p><p class="chart-meta">Source: S</p></figcaption>'
      + '<div class="chart-box" data-chart-box=""><img src="https://shuho.example/charts/a.png" alt="A" loading="lazy"></div>'
      + '<p class="chart-download"><a href="https://shuho.example/charts/a.csv" download="a.csv">CSV</a></p></figure>',
    );
  });

  test('keeps a <details> of the body; only a chart’s data table is left out', () => {
    const html = '<details><summary>Note</summary><p>kept</p></details><details class="chart-data"><p>gone</p></details>';
    expect(prepareFeedHtml(html, BASE)).toBe('<details><summary>Note</summary><p>kept</p></details>');
  });

  test('leaves out what only runs or styles the page, and comments', () => {
    const html = '<style>p{}</style><template><p>t</p></template><canvas width="10"><p>fallback</p></canvas><!-- note --><p>text</p>';
    expect(prepareFeedHtml(html, BASE)).toBe('<p>text</p>');
  });

  test('drops event handlers and javascript: URLs, and keeps the element and its text', () => {
    expect(prepareFeedHtml('<p onclick="alert(1)" ONMOUSEOVER="x">text</p><a href=" javascript:alert(1)">link</a><a href="java&#9;script:x">tab</a>', BASE))
      .toBe('<p>text</p><a>link</a><a>tab</a>');
  });

  test('reads markup that looks like a tag inside a script as the script’s text, not as elements to keep', () => {
    expect(prepareFeedHtml('<script>document.write("<p>injected</p>")</script><p>kept</p>', BASE)).toBe('<p>kept</p>');
  });

  test('makes URLs absolute as the page resolves them: a site under a path writes its base into root-relative links', () => {
    const page = 'https://example.org/shuho/en/posts/2026-02-13/';
    const html = '<a href="/shuho/en/posts/2026-02-06/">a</a><a href="../2026-02-06/">b</a><img src="chart.png" srcset="/shuho/a.png 1x, b.png 2x">';
    expect(prepareFeedHtml(html, page)).toBe(
      '<a href="https://example.org/shuho/en/posts/2026-02-06/">a</a><a href="https://example.org/shuho/en/posts/2026-02-06/">b</a>'
      + '<img src="https://example.org/shuho/en/posts/2026-02-13/chart.png" srcset="https://example.org/shuho/a.png 1x, https://example.org/shuho/en/posts/2026-02-13/b.png 2x">',
    );
  });

  test('leaves absolute, protocol-relative, mail and in-page URLs as they are', () => {
    const html = '<a href="https://elsewhere.example/x">a</a><a href="//cdn.example/x">b</a><a href="mailto:desk@shuho.example">c</a><a href="#fn-1">d</a>';
    expect(prepareFeedHtml(html, BASE)).toBe(html);
  });

  test('the risk watch becomes a list: each risk in bold with its group, its level and trend named, then its note', () => {
    const html = '<div class="table-scroll risk-watch" data-risk-watch><table data-feed-list><caption>Risk watch as of Feb 13</caption>'
      + '<thead><tr><th scope="col">Risk</th><th scope="col">Level</th><th scope="col">Trend</th><th scope="col">Note</th></tr></thead>'
      + '<tbody><tr><th scope="row">Direct lending<br><small>Private credit</small></th>'
      + '<td data-label="Level"><span class="risk-level level-high">High</span></td><td class="trend-worsening" data-label="Trend">Worsening</td>'
      + '<td class="risk-note" lang="ja">資金流出が続く。</td></tr></tbody></table></div>';
    expect(prepareFeedHtml(html, BASE)).toBe(
      '<div class="table-scroll risk-watch" data-risk-watch=""><p><strong>Risk watch as of Feb 13</strong></p><ul>'
      + '<li><strong>Direct lending <small>Private credit</small></strong><br>Level: <span class="risk-level level-high">High</span> · Trend: Worsening'
      + '<br><span lang="ja">資金流出が続く。</span></li></ul></div>',
    );
  });

  test('the key figures become a list: every body row, its figures on one line, a cell without a name on a line of its own', () => {
    const html = '<table data-feed-list><caption>Key figures</caption><thead><tr><th>Index</th><th>Close</th><th>Change</th></tr></thead>'
      + '<tbody><tr><th scope="row">S&amp;P 500</th><td data-label="Close">6,836.17</td><td data-label="Change" class="down">−96.13</td></tr></tbody>'
      + '<tbody><tr><th scope="row">Ratio</th><td>25.01%</td><td colspan="2">Deviation: <span class="up">+0.37 pts</span></td></tr></tbody></table>';
    expect(prepareFeedHtml(html, BASE)).toBe(
      '<p><strong>Key figures</strong></p><ul><li><strong>S&amp;P 500</strong><br>Close: 6,836.17 · Change: −96.13</li>'
      + '<li><strong>Ratio</strong><br>25.01%<br>Deviation: <span class="up">+0.37 pts</span></li></ul>',
    );
  });

  test('leaves a table without data-feed-list as a table: an author’s Markdown table is the author’s', () => {
    const html = '<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>';
    expect(prepareFeedHtml(html, BASE)).toBe(html);
  });

  test('escapes text and attributes again when writing: an author’s < and & stay characters', () => {
    expect(prepareFeedHtml('<p title="&quot;S&amp;P&quot;">S&amp;P &lt; Dow</p>', BASE)).toBe('<p title="&quot;S&amp;P&quot;">S&amp;P &lt; Dow</p>');
  });
});
