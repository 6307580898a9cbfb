import { chartCsvName } from '../lib/chart-data.ts';
import { getPlacedCharts } from '../lib/body-components.ts';
import { buildPostChart, chartSourceLines, planPostCharts, type ChartSpec, type PlannedChart } from '../lib/charts.ts';
import { postPageInputs, type PostPageInputs } from '../lib/page-inputs.ts';
import { getPostPage, getPostPages, type PostPage } from '../lib/post-views.ts';
import type { Locale } from '../i18n/locale.ts';
import { sitePath } from '../i18n/paths.ts';
import type { SiteModel, SitePost } from '../lib/site-model.ts';
import { processShared } from './process-shared.ts';
import { chartFileHash, chartPngSize } from './render-chart.ts';

/** One chart of a post page: its spec and where its PNG and CSV are published. */
export interface PostChart extends PlannedChart {
  spec: ChartSpec;
  /** Content hash of the spec and renderer; names both files. */
  hash: string;
  /** Path on the site of the static image, e.g. `/charts/0123456789abcdef.png`; a page links it through `siteHref`. */
  pngUrl: string;
  /** Path on the site of the CSV, beside the image. */
  csvUrl: string;
  /** The file name the CSV downloads as. */
  csvName: string;
  /** The PNG's size in pixels; the page reserves a box of the same proportions for the interactive chart. */
  width: number;
  height: number;
  title: string;
  alt: string;
  /** The source line under this chart, or undefined where a later chart of the page credits its source. */
  sourceLine: string | undefined;
}

/**
 * Charts by site model and post page. A build reads one model (see loadProductionSite); the integration
 * (images, page keys) and the pages would otherwise each build every chart.
 */
const chartsBySite = processShared('chartsBySite', () => new WeakMap<SiteModel, Map<string, PostChart[]>>());

/**
 * The charts of a post in one language, in the order they appear: those its body places, then those
 * the layout adds after the body (see `planPostCharts`). Used by the post page, the chart endpoints,
 * and the feeds and social cards that show the PNGs.
 */
export function getPostCharts(site: SiteModel, post: SitePost, locale: Locale): PostChart[] {
  let cache = chartsBySite.get(site);
  if (!cache) {
    cache = new Map();
    chartsBySite.set(site, cache);
  }
  const key = `${post.id}|${locale}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const file = getPostPage(post, locale).file;
  const planned = planPostCharts(post, getPlacedCharts(file.components), file.file);
  const specs = planned.map((chart) => buildPostChart(site, post, chart.name, locale));
  const sourceLines = chartSourceLines(specs);
  const charts = planned.map((chart, i): PostChart => {
    const spec = specs[i] as ChartSpec;
    const hash = chartFileHash(spec);
    return {
      ...chart,
      spec,
      hash,
      pngUrl: sitePath('charts', `${hash}.png`),
      csvUrl: sitePath('charts', `${hash}.csv`),
      csvName: chartCsvName(spec),
      ...chartPngSize(spec),
      title: spec.title,
      alt: spec.alt,
      sourceLine: sourceLines[i],
    };
  });
  cache.set(key, charts);
  return charts;
}

/** The chart of a post page placed as `<Chart name="…" />`; throws naming the file and the charts it has. */
export function getPostChart(site: SiteModel, post: SitePost, locale: Locale, name: string): PostChart {
  const chart = getPostCharts(site, post, locale).find((candidate) => candidate.name === name);
  if (!chart) {
    throw new Error(`${getPostPage(post, locale).file.file}: <Chart name="${name}" />: no such chart on this page.`);
  }
  return chart;
}

/** Every chart of every visible post page, each file once: what the chart endpoints publish. */
export function getSiteCharts(site: SiteModel): PostChart[] {
  const byHash = new Map<string, PostChart>();
  for (const page of getPostPages(site.visiblePosts)) {
    for (const chart of getPostCharts(site, page.post, page.locale)) byHash.set(chart.hash, chart);
  }
  return [...byHash.values()];
}

/** Everything a post page reads, named (src/lib/page-inputs.ts): its cache key and the build's explanation. */
export function getPostPageInputs(site: SiteModel, page: PostPage): PostPageInputs {
  return postPageInputs(site, page, getPostCharts(site, page.post, page.locale).map((chart) => chart.hash));
}
