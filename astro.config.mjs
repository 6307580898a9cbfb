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
  integrations: [shuho(), mdx()],
});
