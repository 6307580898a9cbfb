import type { APIRoute, GetStaticPaths } from 'astro';
import { buildChartCsv } from '../../lib/chart-data.ts';
import type { ChartSpec } from '../../lib/charts.ts';
import { getSiteCharts } from '../../site/post-charts.ts';
import { site } from '../../site/site.ts';

/** One CSV per distinct chart of the site, named like its PNG. */
export const getStaticPaths = (() =>
  getSiteCharts(site).map((chart) => ({ params: { hash: chart.hash }, props: { spec: chart.spec } }))) satisfies GetStaticPaths;

/** Exactly the values the chart plots. */
export const GET: APIRoute<{ spec: ChartSpec }> = ({ props }) =>
  new Response(buildChartCsv(props.spec), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
