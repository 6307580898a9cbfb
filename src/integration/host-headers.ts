import { closeSync, openSync, readSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { basePath } from '../i18n/paths.ts';
import { buildHeaderRules, readMetaPolicy, renderHeadersFile, type BuiltPage } from '../lib/host-headers.ts';

const CHUNK_BYTES = 16 * 1024;

/** A page's text up to the end of its `<head>` (the whole file if it has none): where a meta policy can be. */
function readHead(file: string): string {
  const descriptor = openSync(file, 'r');
  try {
    const decoder = new StringDecoder('utf8');
    const chunk = Buffer.alloc(CHUNK_BYTES);
    let text = '';
    for (let read = readSync(descriptor, chunk); read > 0; read = readSync(descriptor, chunk)) {
      text += decoder.write(chunk.subarray(0, read));
      if (/<\/head\s*>/i.test(text)) return text;
    }
    return text + decoder.end();
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Writes `<outDir>/_headers` for Netlify and Cloudflare Pages from the built pages: the policy each
 * declares in its meta tag, as Astro wrote it (one source of truth), sent as a header with what a
 * meta policy cannot say. Returns how many HTML pages it read and how many rules it wrote.
 */
export async function writeHostHeaders(outDir: string, siteUrl: string): Promise<{ htmlPages: number; rules: number }> {
  const files = (await readdir(outDir, { recursive: true }))
    .filter((name) => name.endsWith('.html'))
    .map((name) => name.split(path.sep).join('/'))
    .sort();
  // Only each page's head, read directly: a large site has thousands of pages, and queued behind the
  // image writer in Node's thread pool, reading them whole took seconds of a build's end.
  const pages: BuiltPage[] = files.map((file) => ({ file, policy: readMetaPolicy(readHead(path.join(outDir, file))) }));
  const rules = buildHeaderRules(basePath(siteUrl), pages);
  await writeFile(path.join(outDir, '_headers'), renderHeadersFile(rules));
  return { htmlPages: pages.length, rules: rules.length };
}
