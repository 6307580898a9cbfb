import { SOURCE_LOCALE, type Locale } from '../../src/i18n/locale.ts';
import type { PostContentFile } from '../../src/lib/content-files.ts';
import { buildSiteModel, type SiteModel } from '../../src/lib/site-model.ts';
import { readEnvironment } from '../../src/site/environment.ts';
import { readContentFiles } from '../../src/site/read-content.ts';
import { ROOT, TEST_NOW } from './build-site.ts';
import { flatClosesFor, makeContentFiles, type TestContent } from './content.ts';

/** A post for `makeModel`: enough frontmatter to pass validation; its figures come from the closes. */
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
  /** More frontmatter of the Japanese source, as YAML lines (a feature's `charts:`, say): a translation inherits it. */
  frontmatter?: readonly string[];
}

/** The files of the posts described, in both languages unless told otherwise. */
export function makePostFiles(posts: readonly PostSpec[]): PostContentFile[] {
  return posts.flatMap((spec) =>
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
        ...(locale === SOURCE_LOCALE ? spec.frontmatter ?? [] : []),
        '---',
        '',
        spec.body ?? 'Body.',
        '',
      ].join('\n');
      return { path: `content/posts/${relativePath}`, relativePath, text };
    }),
  );
}

/**
 * Builds a validated site model in memory from the test registry (test/helpers/content.ts) and the
 * posts given. Without `content.closes`, every weekly post gets flat closes for its week and the week
 * before, enough for it to have figures; a test about particular figures declares its closes.
 */
export function makeModel(posts: readonly PostSpec[], now: string = TEST_NOW, content: Omit<TestContent, 'posts'> = {}): SiteModel {
  const weeklyDates = posts.filter((spec) => spec.slug === undefined).map((spec) => spec.date);
  const files = makeContentFiles({ closes: flatClosesFor(weeklyDates), ...content, posts: makePostFiles(posts) });
  const { model, problems } = buildSiteModel(files, { now: new Date(now), includeDrafts: false });
  if (!model) throw new Error(`test model is invalid:\n${problems.map((problem) => `${problem.file}: ${problem.field ?? ''} ${problem.message}`).join('\n')}`);
  return model;
}

/** The site model of a content directory on disk (the sample, the fixture), as a test build at TEST_NOW sees it. */
export function readSiteModel(contentDir: string): SiteModel {
  const { model, problems } = buildSiteModel(readContentFiles(readEnvironment({ SHUHO_CONTENT_DIR: contentDir, SHUHO_NOW: TEST_NOW }, ROOT)), { now: new Date(TEST_NOW), includeDrafts: false });
  if (!model) throw new Error(`${contentDir} has problems: ${JSON.stringify(problems)}`);
  return model;
}
