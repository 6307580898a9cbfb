import type { APIRoute } from 'astro';
import { absoluteUrl } from '../i18n/paths.ts';
import { site } from '../site/site.ts';

/** robots.txt, generated so its Sitemap line follows the site URL in content/site.json. */
export const GET: APIRoute = () => {
  const body = ['User-agent: *', 'Allow: /', '', `Sitemap: ${absoluteUrl(site.registry.site.url, '/sitemap-index.xml')}`, ''].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
