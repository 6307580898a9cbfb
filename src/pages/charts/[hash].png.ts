import type { APIRoute, GetStaticPaths } from 'astro';
import type { ChartSpec } from '../../lib/charts.ts';
import { getSiteCharts } from '../../site/post-charts.ts';
import { getChartPng } from '../../site/render-chart.ts';
import { site } from '../../site/site.ts';

/** One PNG per distinct chart of the site, named by its content hash. */
export const getStaticPaths = (() =>
  getSiteCharts(site).map((chart) => ({ params: { hash: chart.hash }, props: { spec: chart.spec } }))) satisfies GetStaticPaths;

/** The static image: from the cache when an earlier build drew the same chart, otherwise rendered now. */
export const GET: APIRoute<{ spec: ChartSpec }> = async ({ props }) => {
  const { png } = await getChartPng(props.spec);
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
