import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './build-site.ts';

/** What a project root needs to build or serve: the code, the static files and the configuration. */
const PROJECT_FILES = ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/**
 * Copies the project's code into `dir` (node_modules linked, not copied) so an Astro process can run
 * there. Astro keeps per-run state in `<root>/.astro/` (content-modules.mjs lists the post files, the
 * dev data store), whatever SHUHO_CACHE_DIR says; two processes in one root on different content
 * directories overwrite each other's, and pages then fail to render. A root of its own avoids that.
 */
export function createIsolatedRoot(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const name of PROJECT_FILES) cpSync(path.join(ROOT, name), path.join(dir, name), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}
