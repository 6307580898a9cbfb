import path from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { createFrontmatterSchema } from './lib/frontmatter.ts';
import { ContentError, type Problem } from './lib/problems.ts';
import { parseRegistry } from './lib/site-model.ts';
import { readEnvironment } from './site/environment.ts';
import { readContentFiles } from './site/read-content.ts';

// The same schema validates posts here and in `npm run check`; ids are built from content/data.
const environment = readEnvironment();
const problems: Problem[] = [];
const registry = parseRegistry(readContentFiles(environment), problems);
if (!registry) throw new ContentError(problems);

export const collections = {
  posts: defineCollection({
    loader: glob({
      pattern: '{ja,en}/**/*.mdx',
      base: path.join(environment.contentDir, 'posts'),
      // Keep the path as the id (ja/2026/2026-02-13): the site model pairs translations by it.
      generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
    }),
    schema: createFrontmatterSchema(registry),
  }),
};
