import type { APIRoute } from 'astro';
import { buildFeedChannel, renderRss } from '../../lib/feed.ts';
import { getLocaleStaticPaths } from '../../i18n/paths.ts';
import type { Locale } from '../../i18n/locale.ts';
import { getFeedItems } from '../../site/feed-items.ts';
import { site } from '../../site/site.ts';

/** One RSS feed per language: /ja/rss.xml, /en/rss.xml. */
export const getStaticPaths = getLocaleStaticPaths;

export const GET: APIRoute<{ locale: Locale }> = async ({ props: { locale } }) => {
  const body = renderRss(buildFeedChannel(site.registry, locale), await getFeedItems(locale));
  return new Response(body, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
