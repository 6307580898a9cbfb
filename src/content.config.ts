import path from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { readEnvironment } from './site/environment.ts';

// Astro's loader reads each post to compile its body. The frontmatter is validated once, by Shūhō's site
// model (src/lib/site-model.ts) before the build starts, and pages read it from there: a second schema
// here, fed by another YAML reading, could only disagree with it.
const environment = readEnvironment();

export const collections = {
  posts: defineCollection({
    loader: glob({
      pattern: '{ja,en}/**/*.mdx',
      base: path.join(environment.contentDir, 'posts'),
      // Keep the path as the id (ja/2026/2026-02-13): the site model pairs translations by it.
      generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
    }),
  }),
};
