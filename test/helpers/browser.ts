import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

/** A static file server over a built site, on loopback, behaving like a plain static host. */
export interface StaticSite {
  origin: string;
  close: () => Promise<void>;
}

/**
 * Serves `dir` on 127.0.0.1 at a free port: `/a/` serves `a/index.html`, unknown paths `404.html` with
 * status 404. With a `base` (/shuho/), the site is served below that path, as a GitHub Pages project
 * site is, and anything outside it is a plain 404 from the host. With `compress`, text is sent gzipped
 * to a client that accepts it, as every host in docs/deploy.md sends it (what Lighthouse must see).
 */
export async function serveDir(dir: string, base = '/', options: { compress?: boolean } = {}): Promise<StaticSite> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(base)) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`Not under ${base}`);
      return;
    }
    let file = path.join(dir, decodeURIComponent(url.pathname.slice(base.length - 1)));
    if (!file.startsWith(dir)) file = path.join(dir, '404.html');
    try {
      if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
      const body = readFileSync(file);
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      const compressible = /^(text\/|application\/(json|xml|wasm)|image\/svg)/.test(type);
      if (options.compress === true && compressible && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
        response.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
        response.end(gzipSync(body));
        return;
      }
      response.writeHead(200, { 'content-type': type });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': TYPES['.html'] });
      response.end(readFileSync(path.join(dir, '404.html')));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The Chromium the global setup found or installed (test/helpers/find-browser.ts). */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Launches headless Chromium with no background network traffic. Playwright gives every launch a
 * fresh temporary profile (it refuses --user-data-dir here), which it deletes on close.
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
