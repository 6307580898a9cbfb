import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';

/** Indexes the post pages in `site` and writes the index to `<site>/pagefind`; returns the log line. */
async function indexSite(site: string): Promise<string> {
  const fail = (step: string, errors: readonly string[]) => new Error(`Pagefind could not ${step}:\n${errors.join('\n')}`);
  try {
    const { index, errors } = await createIndex();
    if (!index) throw fail('start', errors);
    // Only post pages carry data-pagefind-body; reading the other pages would find nothing to index.
    const added = await index.addDirectory({ path: site, glob: '{ja,en}/posts/**/*.html' });
    if (added.errors.length > 0) throw fail(`index ${site}`, added.errors);
    const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
    if (written.errors.length > 0) throw fail('write its files', written.errors);
    return `read ${added.page_count} HTML files; wrote one index per language to ${path.join(site, 'pagefind')}`;
  } finally {
    await close();
  }
}

/**
 * Indexes the built site with Pagefind after every build. Pagefind writes one index per `<html lang>`,
 * so Japanese and English results never mix, and segments Japanese into words (the npm package ships
 * the extended binary). Only post articles (`data-pagefind-body`) are indexed; fallback pages lack it,
 * so the Japanese text behind English URLs stays out of English results.
 */
export function pagefind(): AstroIntegration {
  let indexing: Promise<string> | undefined;
  return {
    name: 'shuho:pagefind',
    hooks: {
      // Pagefind runs in its own process: it starts as soon as the pages are written, alongside the
      // sitemap and the chart images, and the build waits for it at the end.
      'astro:build:generated': ({ dir }) => {
        indexing = indexSite(fileURLToPath(dir));
        indexing.catch(() => {});
      },
      'astro:build:done': async ({ logger }) => {
        if (indexing) logger.info(await indexing);
      },
    },
  };
}
