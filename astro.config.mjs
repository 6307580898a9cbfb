// @ts-check
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { basePath } from './src/i18n/paths.ts';
import { shuho } from './src/integration/shuho.ts';
import { siteOutput } from './src/integration/site-output.ts';
import { getNoindexPaths, isSitemapPage } from './src/lib/sitemap.ts';
import { readEnvironment } from './src/site/environment.ts';
import { loadProductionSite, readSiteUrl } from './src/site/read-content.ts';

const environment = readEnvironment();
// Undefined when content/site.json cannot be read: the config still loads, and the shuho integration
// reports the file's problem with the same message as `npm run check`.
const siteUrl = readSiteUrl(environment);
/** @type {Set<string> | undefined} */
let noindexPaths;
/**
 * The sitemap leaves out noindex pages. The site model is read on first use, after the shuho
 * integration has validated the content, so a content error still stops the build with its own message.
 * @param {string} page
 */
const isInSitemap = (page) => {
  const site = loadProductionSite(environment);
  return isSitemapPage(page, (noindexPaths ??= getNoindexPaths(site.visiblePosts, site.pages)), site.registry.site.url);
};

export default defineConfig({
  ...(siteUrl === undefined ? {} : { site: siteUrl }),
  // A site published under a path (a GitHub Pages project site: https://<owner>.github.io/<repository>/)
  // lives below it: Astro's base, where it puts its own assets, is the site URL's path, as is every
  // link the site writes (siteHref in src/i18n/paths.ts).
  base: siteUrl === undefined ? '/' : basePath(siteUrl),
  // Fixed to this file's folder, so a test build can run with its own --root: Astro writes the
  // content layer's module map into <root>/.astro/, and builds of different sites side by side must not share it.
  srcDir: fileURLToPath(new URL('./src/', import.meta.url)),
  publicDir: fileURLToPath(new URL('./public/', import.meta.url)),
  // Tests and the benchmark build several sites side by side; each gets its own output and cache.
  outDir: process.env['SHUHO_OUT_DIR'] ?? './dist',
  cacheDir: process.env['SHUHO_CACHE_DIR'] ?? './node_modules/.astro',
  trailingSlash: 'always',
  // One page at a time. Astro 7 logs each page in two writes, its path and then its time, so pages
  // rendered side by side interleave their lines ("/404.html15:26:58 ├─ /robots.txt…"); a readable
  // build log is worth the few seconds four at a time saved (10-year corpus: 23–27 s against 28.5 s).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 1 },
  devToolbar: { enabled: false },
  // A weekly publish renders only the pages whose inputs changed and restores the rest from the
  // cache directory (src/lib/page-inputs.ts gives each post page its key).
  experimental: { incrementalBuild: true },
  vite: {
    build: {
      // Vite inlines scripts under 4 kB into the page; every script must be a file so the CSP needs no inline script.
      assetsInlineLimit: 0,
      rollupOptions: {
        // Astro marks MDX modules with a "use astro:head-inject" directive that the bundler warns about
        // once per post; the warning is Astro-internal and drowns real ones in large sites.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  security: {
    // Astro writes this policy as a <meta http-equiv="content-security-policy"> into every page's <head>.
    csp: {
      directives: ["default-src 'self'", "img-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
      // Pagefind runs its search index as WebAssembly, which script-src must allow; no inline script is allowed.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  // Shiki colours code with inline style attributes, which the CSP blocks; Prism marks tokens with classes.
  markdown: { syntaxHighlight: 'prism' },
  integrations: [
    shuho(),
    mdx(),
    // hreflang alternates between /ja/… and /en/… pages; a page whose counterpart is filtered out gets none.
    sitemap({ i18n: { defaultLocale: 'ja', locales: { ja: 'ja', en: 'en' } }, filter: isInSitemap }),
    // Last, so its one summary line (pages, search index, images, host headers) ends the build's log.
    siteOutput(),
  ],
});
