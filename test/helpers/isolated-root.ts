import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT, type BuildResult } from './build-site.ts';
import { NODE } from './cli.ts';

const run = promisify(execFile);

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

/**
 * The environment for an Astro child process: the test runner's own variables removed. Vitest sets
 * VITEST (Astro's dev server then serves nothing) and copies import.meta.env into process.env
 * (MODE=test, DEV=1…), which would leak into the child's mode.
 */
export function astroEnvironment(env: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([name]) => !/^(VITEST.*|TEST|MODE|DEV|PROD|SSR|BASE_URL)$/.test(name));
  return { ...Object.fromEntries(inherited), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...env };
}

/** Runs `astro build` in an isolated root with the project's Node; never throws on a failed build. */
export async function buildInRoot(root: string, env: Record<string, string>): Promise<BuildResult> {
  try {
    const { stdout, stderr } = await run(NODE, [path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
      cwd: root,
      env: astroEnvironment({ NODE_ENV: 'production', ...env }),
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failure.code === 'number' ? failure.code : 1, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
  }
}
