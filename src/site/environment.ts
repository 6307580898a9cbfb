import path from 'node:path';

/**
 * Where the content lives and what "now" is: the one place the build, the dev server and the CLI
 * read them from. SHUHO_CONTENT_DIR points a build at a fixture site; SHUHO_NOW pins the clock so
 * drafts, scheduled posts and two builds of the same content come out the same.
 */
export interface Environment {
  root: string;
  contentDir: string;
  now: Date;
}

/** Reads the environment once; throws a clear error for an unreadable SHUHO_NOW. */
export function readEnvironment(env: NodeJS.ProcessEnv = process.env, root: string = process.cwd()): Environment {
  const contentDir = path.resolve(root, env['SHUHO_CONTENT_DIR'] ?? 'content');
  const rawNow = env['SHUHO_NOW'];
  const now = rawNow === undefined || rawNow === '' ? new Date() : new Date(rawNow);
  if (Number.isNaN(now.getTime())) {
    throw new Error(`SHUHO_NOW: expected a date or date-time such as 2026-02-14T00:00:00Z, received "${rawNow}"`);
  }
  return { root, contentDir, now };
}

/** Where drawn images are kept between builds: SHUHO_CACHE_DIR, or node_modules/.cache/shuho. */
export function imageCacheDir(env: NodeJS.ProcessEnv = process.env, root: string = process.cwd()): string {
  return path.resolve(root, env['SHUHO_CACHE_DIR'] ?? path.join('node_modules', '.cache', 'shuho'));
}

/** A path as shown to the author: relative to the project root, with forward slashes. */
export function displayPath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}
