/** The kinds of file Shūhō publishes beside the pages. */
export type AssetKind = 'chart' | 'chart-data' | 'social-card';

/** What the asset writer did, per kind of asset: drawn this build, or reused from the image cache. */
export type AssetCounts = Record<AssetKind, { drawn: number; reused: number }>;

/** The pages each language's search index holds, by language code, as Pagefind's pagefind-entry.json lists them. */
export type SearchCounts = Readonly<Record<string, number>>;

/** Everything Shūhō adds to a build, for its one summary line. */
export interface BuildSummary {
  htmlPages: number;
  /** What changed in the post pages' inputs since the last build (describeInputChanges in page-inputs.ts). */
  postPages: string;
  search: SearchCounts;
  assets: AssetCounts;
  /** Rules in the generated _headers file. */
  headerRules: number;
}

/** The images part of the summary, e.g. "14 chart images (0 drawn, 14 reused from the cache), …". */
export function describeAssetCounts(counts: AssetCounts): string {
  const { chart, 'chart-data': data, 'social-card': card } = counts;
  return `${chart.drawn + chart.reused} chart images (${chart.drawn} drawn, ${chart.reused} reused from the cache), `
    + `${data.drawn} chart CSV files, ${card.drawn + card.reused} social cards (${card.drawn} drawn, ${card.reused} reused from the cache)`;
}

/**
 * The one line a build ends with: pages, search index, images and host headers, e.g.
 * "36 HTML pages; search index: 4 pages (en 2, ja 2); 14 chart images (…), 14 chart CSV files, 4 social cards (…); _headers: 7 rules".
 */
export function describeBuild(summary: BuildSummary): string {
  const counts = Object.entries(summary.search).sort(([a], [b]) => a.localeCompare(b));
  const indexed = counts.reduce((total, [, pages]) => total + pages, 0);
  const languages = counts.map(([language, pages]) => `${language} ${pages}`).join(', ');
  return [
    `${summary.htmlPages} HTML page${summary.htmlPages === 1 ? '' : 's'}`,
    `post pages: ${summary.postPages}`,
    `search index: ${indexed} page${indexed === 1 ? '' : 's'}${languages === '' ? '' : ` (${languages})`}`,
    describeAssetCounts(summary.assets),
    `_headers: ${summary.headerRules} rule${summary.headerRules === 1 ? '' : 's'}`,
  ].join('; ');
}
