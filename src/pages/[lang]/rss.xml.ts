import type { APIRoute } from 'astro';
import { buildFeedChannel, renderRss } from '../../lib/feed.ts';
import { LOCALES, type Locale } from '../../lib/registry.ts';
import { getFeedItems } from '../../site/feed-items.ts';
import { site } from '../../site/site.ts';

/** One RSS feed per language: /ja/rss.xml, /en/rss.xml. */
export function getStaticPaths() {
  return LOCALES.map((lang) => ({ params: { lang } }));
}

export const GET: APIRoute = async ({ params }) => {
  const locale = params['lang'] as Locale;
  const body = renderRss(buildFeedChannel(site.registry, locale), await getFeedItems(locale));
  return new Response(body, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
