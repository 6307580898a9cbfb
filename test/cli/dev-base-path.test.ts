import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { astroEnvironment, TEST_NOW } from '../helpers/build-site.ts';
import { copyContent, NODE, stopServer, freePort } from '../helpers/cli.ts';
import { createIsolatedRoot } from '../helpers/isolated-root.ts';

/*
 * `npm run dev` for a site published under a path serves it below that path, as the build writes it:
 * pages, and the chart images, CSVs and social cards Shūhō draws on request (src/integration/site-assets.ts).
 */

const BASE = '/shuho/';


describe(`the dev server of a site under ${BASE}`, () => {
  let server: ChildProcess | undefined;
  let origin = '';
  let output = '';

  beforeAll(async () => {
    const contentDir = copyContent(undefined, 'dev-base');
    const siteFile = path.join(contentDir, 'site.json');
    writeFileSync(siteFile, JSON.stringify({ ...(JSON.parse(readFileSync(siteFile, 'utf8')) as object), url: `https://example.org${BASE}` }, null, 2));
    const root = createIsolatedRoot(path.join(path.dirname(contentDir), 'root'));
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    server = spawn(NODE, [path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
      cwd: root,
      env: astroEnvironment({ SHUHO_CONTENT_DIR: contentDir, SHUHO_NOW: TEST_NOW, NODE_ENV: 'development', SHUHO_CACHE_DIR: path.join(path.dirname(contentDir), 'cache') }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (server.exitCode !== null) throw new Error(`the dev server exited with ${String(server.exitCode)}\n${output.slice(-4000)}`);
      const status = await fetch(`${origin}${BASE}ja/`).then((response) => response.status, () => 0);
      if (status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`the dev server did not answer in 90 s\n${output.slice(-4000)}`);
  }, 120_000);

  afterAll(async () => {
    await stopServer(server);
  });

  test('serves the chart PNG and CSV and the social card a page links, below the base, and nothing at the host root', async () => {
    const html = await (await fetch(`${origin}${BASE}ja/posts/2026-02-13/`)).text();
    const chart = new RegExp(`${BASE}charts/[0-9a-f]{16}\\.png`).exec(html)?.[0] ?? '';
    expect(chart, 'the page links its chart below the base').not.toBe('');
    for (const [pathname, type] of [[chart, 'image/png'], [chart.replace(/png$/, 'csv'), 'text/csv'], [`${BASE}og/ja/2026-02-13.png`, 'image/png']] as const) {
      const response = await fetch(`${origin}${pathname}`);
      expect(response.status, pathname).toBe(200);
      expect(response.headers.get('content-type'), pathname).toContain(type);
    }
    expect((await fetch(`${origin}${chart.slice(BASE.length - 1)}`)).status).toBe(404);
  }, 60_000);
});
