import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locale } from '../../src/i18n/locale.ts';
import type { ContentFiles } from '../../src/lib/content-files.ts';
import { buildSiteModel, type SiteModel } from '../../src/lib/site-model.ts';
import { ROOT, TEST_NOW } from './build-site.ts';

/** A post for `makeModel`: enough frontmatter to pass validation, figures come from content/data/closes.csv. */
export interface PostSpec {
  date: string;
  /** A feature's slug after the date; omitted for weekly posts. */
  slug?: string;
  topics: string[];
  /** Languages the post exists in (default both). */
  locales?: Locale[];
  title?: string;
  body?: string;
  draft?: boolean;
  updated?: string;
}

function read(file: string): { path: string; text: string } {
  return { path: file, text: readFileSync(path.join(ROOT, file), 'utf8') };
}

/** Builds a validated site model in memory from the shipped registry and closes plus the posts given. */
export function makeModel(posts: readonly PostSpec[], now: string = TEST_NOW): SiteModel {
  const files: ContentFiles = {
    site: read('content/site.json'),
    indices: read('content/data/indices.json'),
    topics: read('content/data/topics.json'),
    risks: read('content/data/risks.json'),
    closes: read('content/data/closes.csv'),
    posts: posts.flatMap((spec) =>
      (spec.locales ?? ['ja', 'en']).map((locale) => {
        const name = spec.slug === undefined ? spec.date : `${spec.date}-${spec.slug}`;
        const relativePath = `${locale}/${spec.date.slice(0, 4)}/${name}.mdx`;
        const title = `${spec.title ?? (spec.slug === undefined ? 'Weekly' : 'Feature')} ${spec.date} (${locale})`;
        const text = [
          '---',
          `kind: ${spec.slug === undefined ? 'weekly' : 'feature'}`,
          `title: "${title}"`,
          `description: Description of ${name}.`,
          `date: ${spec.date}`,
          'author: Test',
          `topics: [${spec.topics.join(', ')}]`,
          ...(spec.draft ? ['draft: true'] : []),
          ...(spec.updated ? [`updated: ${spec.updated}`] : []),
          '---',
          '',
          spec.body ?? 'Body.',
          '',
        ].join('\n');
        return { path: `content/posts/${relativePath}`, relativePath, text };
      }),
    ),
  };
  const { model, problems } = buildSiteModel(files, { now: new Date(now), includeDrafts: false });
  if (!model) throw new Error(`test model is invalid:\n${problems.map((problem) => `${problem.file}: ${problem.field ?? ''} ${problem.message}`).join('\n')}`);
  return model;
}
