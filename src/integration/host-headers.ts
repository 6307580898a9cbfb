import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { basePath } from '../i18n/paths.ts';
import { buildHeaderRules, readMetaPolicy, renderHeadersFile, type BuiltPage } from '../lib/host-headers.ts';

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
  const pages: BuiltPage[] = [];
  // One file at a time: a large site has thousands of pages, and the image writer shares Node's thread pool.
  for (const file of files) pages.push({ file, policy: readMetaPolicy(await readFile(path.join(outDir, file), 'utf8')) });
  const rules = buildHeaderRules(basePath(siteUrl), pages);
  await writeFile(path.join(outDir, '_headers'), renderHeadersFile(rules));
  return { htmlPages: pages.length, rules: rules.length };
}
