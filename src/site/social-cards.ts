import path from 'node:path';
import type { PostPage } from '../lib/post-views.ts';
import { buildSocialCardContent } from '../lib/social-card.ts';
import { getSocialCard } from './social-card-render.ts';
import { site } from './site.ts';

/**
 * Where drawn cards are kept between builds: beside Astro's own cache (SHUHO_CACHE_DIR, as in
 * astro.config.mjs), so a build redraws only the cards whose text changed.
 */
const CACHE_DIR = path.resolve(process.env['SHUHO_CACHE_DIR'] ?? 'node_modules/.astro', 'social-cards');

/** The PNG card of a post page, from the cache when its content is unchanged. */
export async function getPostSocialCard(page: PostPage): Promise<Buffer> {
  const { png } = await getSocialCard(buildSocialCardContent(page, site.registry), CACHE_DIR);
  return png;
}
