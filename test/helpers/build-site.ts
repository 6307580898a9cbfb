import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The project root. */
export const ROOT = path.resolve(import.meta.dirname, '../..');
/** The project's pinned Node (the `node` devDependency). */
export const PINNED_NODE = path.join(ROOT, 'node_modules', '.bin', 'node');
/** Scratch space for test builds; ignored by git. */
export const TMP = path.join(ROOT, 'test', '.tmp');
/** The clock every test build uses, so drafts, scheduling and output are reproducible. */
export const TEST_NOW = '2026-08-31T00:00:00Z';

/** Where globalSetup builds the shipped sample site and the fixture site. */
export const SAMPLE_DIST = path.join(TMP, 'sample', 'dist');
export const FIXTURE_DIST = path.join(TMP, 'fixture', 'dist');
/** The fixture site's content directory. */
export const FIXTURE_CONTENT = path.join(ROOT, 'test', 'fixtures', 'site', 'content');

/** Options of one `astro build` run. */
export interface BuildOptions {
  /** Content directory (default: the shipped sample in content/). */
  contentDir?: string;
  /** Output directory; the cache sits beside it. */
  outDir: string;
  now?: string;
  env?: Record<string, string>;
  /** Another copy of the project's astro.config.mjs, whose own src/ is then built (default: the project's). */
  config?: string;
}

/** Result of a build: exit code and output, for tests of failing builds. */
export interface BuildResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `astro build` on a content directory into `outDir`, never throwing on a failed build. */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  mkdirSync(options.outDir, { recursive: true });
  const env = astroEnvironment({
    SHUHO_CONTENT_DIR: options.contentDir ?? path.join(ROOT, 'content'),
    SHUHO_OUT_DIR: options.outDir,
    SHUHO_CACHE_DIR: path.join(path.dirname(options.outDir), 'cache'),
    SHUHO_NOW: options.now ?? TEST_NOW,
    // Vitest sets NODE_ENV=test, which would make Vite build development bundles.
    NODE_ENV: 'production',
    ...options.env,
  });
  // Each build gets its own Astro root (srcDir and publicDir stay in the project, see astro.config.mjs):
  // Astro writes the content module map to <root>/.astro/, which concurrent builds would otherwise share.
  const buildRoot = path.dirname(options.outDir);
  const config = path.relative(buildRoot, options.config ?? path.join(ROOT, 'astro.config.mjs'));
  try {
    // The pinned Node 24 runs Astro whatever Node runs the tests (a bare `astro` would pick PATH's node).
    const { stdout, stderr } = await run(PINNED_NODE, [path.join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--root', buildRoot, '--config', config], {
      cwd: ROOT,
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failure.code === 'number' ? failure.code : 1, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
  }
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
