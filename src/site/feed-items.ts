import mdxRenderer from '@astrojs/mdx/server.js';
import { experimental_AstroContainer } from 'astro/container';
import { getEntry, render } from 'astro:content';
import PostBody from '../components/PostBody.astro';
import { buildFeedItem, getFeedPages, type FeedItem } from '../lib/feed.ts';
import type { Locale } from '../i18n/locale.ts';
import { site } from './site.ts';

const itemsByLocale = new Map<Locale, Promise<FeedItem[]>>();

async function renderFeedItems(locale: Locale): Promise<FeedItem[]> {
  const container = await experimental_AstroContainer.create();
  // A post body is an MDX component; the container renders it only with MDX's server renderer.
  container.addServerRenderer({ name: 'astro:jsx', renderer: mdxRenderer });
  const items: FeedItem[] = [];
  for (const page of getFeedPages(site.visiblePosts, locale)) {
    const entry = await getEntry('posts', page.file.entryId);
    if (!entry) throw new Error(`${page.file.file}: the content collection has no entry "${page.file.entryId}".`);
    const { Content } = await render(entry);
    // The page's own body component: a feed item says what the page says, its corrections at the end.
    const html = await container.renderToString(PostBody, { props: { content: Content, correctionsAt: 'end' }, locals: { post: { page, site } } });
    items.push(buildFeedItem(page, site.registry, html));
  }
  return items;
}

/**
 * The items of a language's feeds, each post rendered in full once per build and shared by the RSS
 * and JSON feeds.
 */
export function getFeedItems(locale: Locale): Promise<FeedItem[]> {
  let items = itemsByLocale.get(locale);
  if (!items) {
    items = renderFeedItems(locale);
    itemsByLocale.set(locale, items);
  }
  return items;
}
