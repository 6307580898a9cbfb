import type { APIRoute } from 'astro';
import { getPostPages, type PostPage } from '../../../lib/post-views.ts';
import { getPostSocialCard } from '../../../site/social-cards.ts';
import { site } from '../../../site/site.ts';

/** A 1200×630 social card per post page (fallback pages included: they are shared too). */
export function getStaticPaths() {
  return getPostPages(site.visiblePosts).map((page) => ({ params: { lang: page.locale, slug: page.post.slug }, props: { page } }));
}

export const GET: APIRoute<{ page: PostPage }> = async ({ props }) => {
  const png = await getPostSocialCard(props.page);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
