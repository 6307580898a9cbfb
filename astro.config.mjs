// @ts-check
import { readFileSync } from 'node:fs';
import path from 'node:path';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { shuho } from './src/integration/shuho.ts';
import { readEnvironment } from './src/site/environment.ts';

const environment = readEnvironment();
/** @type {{ url: string }} */
const siteConfig = JSON.parse(readFileSync(path.join(environment.contentDir, 'site.json'), 'utf8'));

export default defineConfig({
  site: siteConfig.url,
  // Tests and the benchmark build several sites side by side; each gets its own output and cache.
  outDir: process.env['SHUHO_OUT_DIR'] ?? './dist',
  cacheDir: process.env['SHUHO_CACHE_DIR'] ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
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
  integrations: [shuho(), mdx()],
});
