import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ContentError, isError, type Problem } from '../lib/problems.ts';
import { classifyPostPath, normaliseText, type ContentFile, type ContentFiles, type PostContentFile } from '../lib/content-files.ts';
import { getBrokenPostPages, type BrokenPostPage } from '../lib/post-views.ts';
import { SiteConfigSchema } from '../lib/registry.ts';
import { buildSiteModel, type SiteModel, type SiteModelResult } from '../lib/site-model.ts';
import type { Visibility } from '../lib/visibility.ts';
import { displayPath, type Environment } from './environment.ts';
import { processShared } from './process-shared.ts';
import { openReadMemo, type StoredReadMemo } from './read-memo-store.ts';

function readFile(root: string, file: string): ContentFile {
  return { path: displayPath(root, file), text: existsSync(file) ? readFileSync(file, 'utf8') : '' };
}

/**
 * The files below a folder of the content directory, sorted so output never depends on the file system's
 * order: those `classifyPostPath` does not ignore with their text, the others listed, not read.
 */
function readContentFolder(environment: Environment, folder: 'posts' | 'pages'): { files: PostContentFile[]; others: Omit<PostContentFile, 'text'>[] } {
  const dir = path.join(environment.contentDir, folder);
  if (!existsSync(dir)) return { files: [], others: [] };
  const listed = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
    .map((relativePath) => ({ relativePath, path: displayPath(environment.root, path.join(dir, relativePath)) }));
  return {
    files: listed.filter((file) => classifyPostPath(file.relativePath) !== 'ignored').map((file) => ({ ...file, text: readFileSync(path.join(dir, file.relativePath), 'utf8') })),
    others: listed.filter((file) => classifyPostPath(file.relativePath) === 'ignored'),
  };
}

/**
 * The site URL in content/site.json, for Astro's `site` and `base`; undefined when the file is missing,
 * is not JSON, or has no http(s) URL in `url`. Astro's config then loads without one, and the Shūhō
 * integration stops the build with the check's message naming the file, the field and the fix,
 * instead of Astro's own "Unable to load your Astro config".
 */
export function readSiteUrl(environment: Pick<Environment, 'contentDir'>): string | undefined {
  try {
    const site: unknown = JSON.parse(normaliseText(readFileSync(path.join(environment.contentDir, 'site.json'), 'utf8')));
    const url = typeof site === 'object' && site !== null && 'url' in site ? site.url : undefined;
    return SiteConfigSchema.shape.url.safeParse(url).success ? (url as string) : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the registry files only: what the content collection's schema is built from. */
export function readRegistryFiles(environment: Environment): Pick<ContentFiles, 'site' | 'indices' | 'topics' | 'risks'> {
  const { root, contentDir } = environment;
  const data = (name: string) => readFile(root, path.join(contentDir, 'data', name));
  return { site: readFile(root, path.join(contentDir, 'site.json')), indices: data('indices.json'), topics: data('topics.json'), risks: data('risks.json') };
}

/** Reads the content directory's files for `buildSiteModel`, each once; files that are not posts or pages are listed, not read. */
export function readContentFiles(environment: Environment): ContentFiles {
  const { root, contentDir } = environment;
  const posts = readContentFolder(environment, 'posts');
  const pages = readContentFolder(environment, 'pages');
  return {
    ...readRegistryFiles(environment),
    closes: readFile(root, path.join(contentDir, 'data', 'closes.csv')),
    compliance: readFile(root, path.join(contentDir, 'compliance.json')),
    published: readFile(root, path.join(contentDir, 'data', 'published.json')),
    posts: posts.files,
    otherPostFiles: posts.others,
    pages: pages.files,
    otherPageFiles: pages.others,
  };
}

/**
 * The memo of post readings each content directory's last model left in this process: the dev server
 * reads the site again after every edit, and only the edited file needs reading again.
 */
const readMemos = processShared('readMemos', () => new Map<string, StoredReadMemo>());

/**
 * Reads the content directory and builds the site model from it, looking up what reading each
 * unchanged post produced before (src/site/read-memo-store.ts) and keeping what this run read.
 */
export function readSiteModel(environment: Environment, visibility: Visibility): SiteModelResult & { files: ContentFiles } {
  const files = readContentFiles(environment);
  const stored = openReadMemo(environment, readMemos.get(environment.contentDir));
  const result = buildSiteModel(files, visibility, stored.memo);
  stored.save();
  readMemos.set(environment.contentDir, stored);
  return { ...result, files };
}

/** Reads and validates the whole site; throws a ContentError listing every error (warnings stay in `model.warnings`). */
export function loadSite(environment: Environment, visibility: Partial<Visibility> = {}): SiteModel {
  const { model, problems } = readSiteModel(environment, {
    now: environment.now,
    includeDrafts: false,
    ...visibility,
  });
  if (!model) throw toContentError(problems.filter(isError), environment.root);
  return model;
}

/** The site as the dev server shows it: the sound posts, and the pages of broken ones with their problems. */
export interface DevSite {
  site: SiteModel;
  brokenPostPages: readonly BrokenPostPage[];
}

/**
 * Reads the site for the dev server, drafts included. A post with problems of its own leaves the rest
 * of the site working: its pages show its error (see src/pages/[lang]/posts/[slug].astro). A problem in
 * a data file still stops every page, since every page depends on the data.
 */
export function loadDevSite(environment: Environment): DevSite {
  const { soundModel, problems } = readSiteModel(environment, { now: environment.now, includeDrafts: true });
  const errors = problems.filter(isError);
  if (!soundModel) throw toContentError(errors, environment.root);
  return { site: soundModel, brokenPostPages: getBrokenPostPages(errors) };
}

/** Production models by content directory and clock: the integration and the pages see one reading of the content. */
const productionModels = processShared('productionModels', () => new Map<string, SiteModel>());

/**
 * The site as a production build sees it, read once per build: content does not change during a
 * build, and the integration's checks, the pages, the sitemap and the image writer all need the same
 * model. The dev server, whose content does change, calls `loadSite`.
 */
export function loadProductionSite(environment: Environment): SiteModel {
  const key = `${environment.contentDir}|${environment.now.toISOString()}`;
  let model = productionModels.get(key);
  if (!model) {
    model = loadSite(environment);
    productionModels.set(key, model);
  }
  return model;
}

/**
 * The problems as a ContentError shaped for the dev server. A content error is the author's, not the
 * code's: its stack would only point into this file (and Vite appends a warning to the message of a
 * stack it cannot map), so it has none; `loc` instead points Astro's error overlay at the first
 * problem's file and line, which it shows as a code frame.
 */
export function toContentError(problems: readonly Problem[], root: string): ContentError {
  const error = new ContentError(problems);
  error.stack = '';
  const first = problems.find((problem) => problem.line !== undefined) ?? problems[0];
  if (first) Object.assign(error, { loc: { file: path.resolve(root, first.file), line: first.line ?? 1, column: 1 } });
  return error;
}
