import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { close, createIndex } from 'pagefind';
import type { SearchCounts } from '../lib/build-summary.ts';

/**
 * Indexes the post pages of the built site in `site` and writes the index to `<site>/pagefind`;
 * returns how many pages each language's index holds (fallback pages are read but not indexed). Pagefind writes one index per `<html lang>`, so
 * Japanese and English results never mix, and segments Japanese into words (the npm package ships the
 * extended binary). Only post articles (`data-pagefind-body`) are indexed; fallback pages lack it, so
 * the Japanese text behind English URLs stays out of English results. Pagefind stores each page's
 * path from the output's root; the search page gives it the site's base (search-client.ts).
 */
export async function indexSite(site: string): Promise<SearchCounts> {
  const fail = (step: string, errors: readonly string[]) => new Error(`Pagefind could not ${step}:\n${errors.join('\n')}`);
  try {
    const { index, errors } = await createIndex();
    if (!index) throw fail('start', errors);
    // Only post pages carry data-pagefind-body; reading the other pages would find nothing to index.
    const added = await index.addDirectory({ path: site, glob: '{ja,en}/posts/**/*.html' });
    if (added.errors.length > 0) throw fail(`index ${site}`, added.errors);
    const outputPath = path.join(site, 'pagefind');
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw fail('write its files', written.errors);
    // The per-language figures exist only in the entry file Pagefind wrote.
    const entry = JSON.parse(await readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    return Object.fromEntries(Object.entries(entry.languages).map(([language, { page_count }]) => [language, page_count]));
  } finally {
    await close();
  }
}
