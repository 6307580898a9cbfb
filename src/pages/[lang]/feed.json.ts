import type { APIRoute } from 'astro';
import { buildFeedChannel, renderJsonFeed } from '../../lib/feed.ts';
import { getLocaleStaticPaths } from '../../i18n/paths.ts';
import type { Locale } from '../../i18n/locale.ts';
import { getFeedItems } from '../../site/feed-items.ts';
import { site } from '../../site/site.ts';

/** One JSON Feed per language beside its RSS feed: /ja/feed.json, /en/feed.json. */
export const getStaticPaths = getLocaleStaticPaths;

export const GET: APIRoute<{ locale: Locale }> = async ({ props: { locale } }) => {
  const body = renderJsonFeed(buildFeedChannel(site.registry, locale), await getFeedItems(locale));
  return new Response(body, { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
};
