import { execFile, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { FIXTURE_CONTENT, ROOT, TMP } from './build-site.ts';

const run = promisify(execFile);

/** The project's Node (24, which runs the .ts commands directly), never whatever `node` is on PATH. */
export const NODE = path.join(ROOT, 'node_modules', '.bin', 'node');

/** The authoring commands, by their file name in src/cli. */
export type Command = 'check' | 'new' | 'translated' | 'data:import';

/** What a command printed and its exit code. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Copies a content directory (the fixture site by default) to a fresh temporary folder; returns the copy's content dir. */
export function copyContent(from: string = FIXTURE_CONTENT, label = 'cli'): string {
  mkdirSync(path.join(TMP, 'cli'), { recursive: true });
  const dir = path.join(mkdtempSync(path.join(TMP, 'cli', `${label}-`)), 'content');
  cpSync(from, dir, { recursive: true });
  return dir;
}

/** Runs `npm run <command>`'s command line (`node src/cli/shuho.ts <command>`) on `contentDir`, with "now" pinned. */
export async function runCli(command: Command, args: readonly string[], options: { contentDir: string; now?: string; env?: Record<string, string> }): Promise<CliResult> {
  const env = {
    ...process.env,
    SHUHO_CONTENT_DIR: options.contentDir,
    SHUHO_NOW: options.now ?? '2026-02-21T00:00:00Z',
    NO_COLOR: '1',
    ...options.env,
  };
  try {
    const { stdout, stderr } = await run(NODE, [path.join(ROOT, 'src', 'cli', 'shuho.ts'), command, ...args], { cwd: ROOT, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failure.code === 'number' ? failure.code : 1, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
  }
}

/** A path as the commands print it: relative to the project root. */
export function shown(file: string): string {
  return path.relative(ROOT, file).split(path.sep).join('/');
}

/** Replaces `from` with `to` in a file, failing loudly if the fixture no longer contains `from`. */
export function editFile(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${file} does not contain ${String(from)}; has the fixture changed?`);
  writeFileSync(file, next);
}

/** Stops a dev server: SIGTERM, then SIGKILL if it has not exited within 5 s. */
export async function stopServer(server: ChildProcess | undefined): Promise<void> {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  if (server.exitCode === null) server.kill('SIGKILL');
}

/** A free loopback port for a dev server. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
