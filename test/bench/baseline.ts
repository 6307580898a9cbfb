import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes the baseline the benchmark compares against: a plain Astro 7 MDX blog (one content
 * collection, one page template; no charts, figures, feeds or search) that builds the same posts.
 * It lives under the project so it resolves the project's astro and @astrojs/mdx.
 */
export function writeBaselineProject(dir: string): void {
  const files: Record<string, string> = {
    'astro.config.mjs': `import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
export default defineConfig({
  site: 'https://baseline.example',
  outDir: process.env.BASELINE_OUT_DIR,
  cacheDir: process.env.BASELINE_CACHE_DIR,
  integrations: [mdx()],
  vite: { build: { rollupOptions: { onwarn(warning, warn) { if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning); } } } },
});
`,
    'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = {
  posts: defineCollection({ loader: glob({ pattern: '{ja,en}/**/*.mdx', base: process.env.BASELINE_POSTS_DIR }) }),
};
`,
    'src/components/Stub.astro': `<span><slot /></span>\n`,
    'src/pages/[...id].astro': `---
import { getCollection, render } from 'astro:content';
import Stub from '../components/Stub.astro';
export async function getStaticPaths() {
  const posts = await getCollection('posts');
  return posts.map((post) => ({ params: { id: post.id }, props: { post } }));
}
const { post } = Astro.props;
const { Content } = await render(post);
const data = post.data as { title?: string; description?: string };
---
<!doctype html>
<html lang={post.id.slice(0, 2)}>
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width" /><title>{data.title}</title><meta name="description" content={data.description} /></head>
  <body><main><h1>{data.title}</h1><Content components={{ Figure: Stub, KeyFigures: Stub, RiskWatch: Stub, Chart: Stub }} /></main></body>
</html>
`,
    'tsconfig.json': '{ "extends": "astro/tsconfigs/base" }\n',
  };
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}
