import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Wall time, peak resident memory and output of one command. */
export interface Run {
  seconds: number;
  /** Peak RSS of the command in MiB, from GNU time; undefined where /usr/bin/time is missing. */
  peakMiB: number | undefined;
  code: number;
  output: string;
}

const GNU_TIME = '/usr/bin/time';

/** Runs a command to completion, timing it and (with GNU time) reading its peak memory. */
export function timeCommand(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Run> {
  const hasTime = existsSync(GNU_TIME);
  const [file, argv] = hasTime ? [GNU_TIME, ['-f', 'BENCH_PEAK_KB=%M', command, ...args]] : [command, [...args]];
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const peak = /BENCH_PEAK_KB=(\d+)/.exec(output);
      resolve({ seconds, peakMiB: peak ? Number(peak[1]) / 1024 : undefined, code: code ?? 1, output });
    });
  });
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Least-squares line through (x, y) points, with R², to tell linear growth from worse. */
export function linearFit(points: readonly { x: number; y: number }[]): { intercept: number; slope: number; r2: number } {
  const n = points.length;
  const meanX = points.reduce((sum, point) => sum + point.x, 0) / n;
  const meanY = points.reduce((sum, point) => sum + point.y, 0) / n;
  const sxx = points.reduce((sum, point) => sum + (point.x - meanX) ** 2, 0);
  const sxy = points.reduce((sum, point) => sum + (point.x - meanX) * (point.y - meanY), 0);
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const intercept = meanY - slope * meanX;
  const ssTot = points.reduce((sum, point) => sum + (point.y - meanY) ** 2, 0);
  const ssRes = points.reduce((sum, point) => sum + (point.y - (intercept + slope * point.x)) ** 2, 0);
  return { intercept, slope, r2: ssTot === 0 ? 1 : 1 - ssRes / ssTot };
}

/** Every file below `dir`, as paths relative to it. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => statSync(path.join(dir, name)).isFile());
}

/** gzip -9 size of a file, in bytes: what a reader downloads from a compressing server. */
export function gzipSize(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

/** The local URLs a page's HTML refers to with the given tag/attribute pattern. */
function pageUrls(html: string, pattern: RegExp): string[] {
  return [...html.matchAll(pattern)].map((match) => match[1] ?? '').filter((url) => url.startsWith('/'));
}

/**
 * JavaScript a page can load: its script tags and module preloads, then every chunk those import,
 * statically or with import() (the lazily loaded chart code counts, as it downloads when a chart shows).
 */
export function pageScripts(dist: string, html: string): { initial: string[]; all: string[] } {
  const initial = [...new Set([
    ...pageUrls(html, /<script[^>]*\ssrc="([^"]+)"/g),
    ...pageUrls(html, /<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ])];
  const seen = new Set<string>();
  const queue = [...initial];
  while (queue.length > 0) {
    const url = queue.shift() as string;
    if (seen.has(url)) continue;
    seen.add(url);
    const file = path.join(dist, url);
    if (!existsSync(file)) continue;
    const code = readFileSync(file, 'utf8');
    // Static imports and import() calls; the bundler quotes with ', " or a backtick.
    for (const match of code.matchAll(/(?:from|import)\s*\(?\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)) {
      queue.push(path.posix.join(path.posix.dirname(url), match[1] ?? ''));
    }
  }
  return { initial, all: [...seen] };
}

/** The PNGs a page shows. */
export function pageImages(html: string): string[] {
  return [...new Set(pageUrls(html, /<img[^>]*\ssrc="([^"]+\.png)"/g))];
}

/**
 * The post pages an `astro build` log lists, each with whether Astro restored it from the incremental
 * cache ("(cached)" or "(restored)") rather than rendering it: one reading of Astro's log for the
 * benchmark's explanation and the incremental-build test.
 */
export function postPagesInLog(output: string): { page: string; restored: boolean }[] {
  return output.split('\n').flatMap((line) => {
    const match = /[├└]─ \/((?:ja|en)\/posts\/[^/]+\/)index\.html(.*)$/.exec(line);
    return match ? [{ page: `/${match[1] as string}`, restored: /\((cached|restored)\)/.test(match[2] ?? '') }] : [];
  });
}
