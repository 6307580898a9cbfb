import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { readEnvironment } from './site/environment.ts';

// Astro's loader reads each post to compile its body. The frontmatter is validated once, by Shūhō's site
// model (src/lib/site-model.ts) before the build starts, and pages read it from there: a second schema
// here, fed by another YAML reading, could only disagree with it.
const environment = readEnvironment();

// Keep the path as the id (ja/2026/2026-02-13, en/about): the site model pairs translations by it.
const generateId = ({ entry }: { entry: string }) => entry.replace(/\.mdx$/, '');

const pagesDir = path.join(environment.contentDir, 'pages');
const pagesGlob = glob({ pattern: '{ja,en}/*.mdx', base: pagesDir, generateId });

/**
 * The standing pages (about, disclosures, data sources), compiled as posts are. A site may have none, and
 * glob() warns on every build about a folder that does not exist; without one, the collection is emptied
 * instead, so no entry of an earlier build outlives the folder. (A folder created while `npm run dev`
 * runs is picked up on its next start.)
 */
const pagesLoader: Loader = {
  name: 'shuho-pages',
  load: async (context) => {
    if (existsSync(pagesDir)) await pagesGlob.load(context);
    else context.store.clear();
  },
};

export const collections = {
  posts: defineCollection({
    loader: glob({ pattern: '{ja,en}/**/*.mdx', base: path.join(environment.contentDir, 'posts'), generateId }),
  }),
  pages: defineCollection({ loader: pagesLoader }),
};
