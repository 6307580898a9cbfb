import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ContentError, type Problem } from '../lib/problems.ts';
import { buildSiteModel, type ContentFile, type ContentFiles, type SiteModel, type Visibility } from '../lib/site-model.ts';
import { displayPath, type Environment } from './environment.ts';

function readFile(root: string, file: string): ContentFile {
  return { path: displayPath(root, file), text: existsSync(file) ? readFileSync(file, 'utf8') : '' };
}

/** Lists every `.mdx` below content/posts, sorted so output never depends on the file system's order. */
export function listPostFiles(contentDir: string): string[] {
  const postsDir = path.join(contentDir, 'posts');
  if (!existsSync(postsDir)) return [];
  return readdirSync(postsDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.mdx') || name.endsWith('.md'))
    .map((name) => name.split(path.sep).join('/'))
    .sort();
}

/** Reads the content directory's files for `buildSiteModel`. */
export function readContentFiles(environment: Environment): ContentFiles {
  const { root, contentDir } = environment;
  const data = (name: string) => readFile(root, path.join(contentDir, 'data', name));
  return {
    site: readFile(root, path.join(contentDir, 'site.json')),
    indices: data('indices.json'),
    topics: data('topics.json'),
    risks: data('risks.json'),
    closes: data('closes.csv'),
    posts: listPostFiles(contentDir).map((relativePath) => ({
      ...readFile(root, path.join(contentDir, 'posts', relativePath)),
      relativePath,
    })),
  };
}

/** Reads and validates the whole site; throws a ContentError listing every problem. */
export function loadSite(environment: Environment, visibility: Partial<Visibility> = {}): SiteModel {
  const { model, problems } = buildSiteModel(readContentFiles(environment), {
    now: environment.now,
    includeDrafts: false,
    ...visibility,
  });
  if (!model) throw toContentError(problems, environment.root);
  return model;
}

const productionModels = new Map<string, SiteModel>();

/**
 * The site as a production build sees it, read once per process: content does not change during a
 * build, and the integration's checks, the sitemap and the image writer all need the same model.
 * The dev server, whose content does change, calls `loadSite`.
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
function toContentError(problems: readonly Problem[], root: string): ContentError {
  const error = new ContentError(problems);
  error.stack = '';
  const first = problems.find((problem) => problem.line !== undefined) ?? problems[0];
  if (first) Object.assign(error, { loc: { file: path.resolve(root, first.file), line: first.line ?? 1, column: 1 } });
  return error;
}
