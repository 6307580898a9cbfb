import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort, stopServer } from '../helpers/cli.ts';

/** What the dev server took on a corpus: until a post page first answered, and until an edit to it showed. */
export interface DevTimes {
  firstPageSeconds: number;
  editSeconds: number;
}

async function poll(url: string, done: (text: string) => boolean, timeoutSeconds: number): Promise<void> {
  const deadline = performance.now() + timeoutSeconds * 1000;
  while (performance.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status === 200 && done(await response.text())) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${url} did not answer as expected within ${timeoutSeconds} s`);
}

/**
 * Starts `astro dev` on a corpus in its own root (Astro writes the content layer's module map to
 * <root>/.astro/), times the first request of the page at `pagePath` (the post's page) from the spawn,
 * then appends a marker to the post's file and times until the page shows it. Astro's content store
 * is kept between starts only while the config is the same, port included: give the same `port` to
 * measure a restart.
 */
export async function measureDevServer(options: { node: string; astro: string; config: string; root: string; env: NodeJS.ProcessEnv; post: string; pagePath: string; port?: number }): Promise<DevTimes> {
  mkdirSync(options.root, { recursive: true });
  const port = options.port ?? await freePort();
  const url = `http://127.0.0.1:${port}${options.pagePath}`;
  const started = performance.now();
  const server = spawn(options.node, [options.astro, 'dev', '--root', options.root, '--config', path.relative(options.root, options.config), '--host', '127.0.0.1', '--port', String(port)], {
    cwd: path.dirname(options.config),
    env: { ...options.env, NODE_ENV: 'development' },
    stdio: 'ignore',
  });
  try {
    await poll(url, () => true, 120);
    const firstPageSeconds = (performance.now() - started) / 1000;
    const marker = `benchmark-edit-${Date.now()}`;
    const edited = performance.now();
    writeFileSync(options.post, `${readFileSync(options.post, 'utf8')}\n\n${marker}\n`);
    await poll(url, (text) => text.includes(marker), 60);
    return { firstPageSeconds, editSeconds: (performance.now() - edited) / 1000 };
  } finally {
    await stopServer(server);
  }
}
