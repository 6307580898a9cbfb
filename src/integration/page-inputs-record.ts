import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { postPath } from '../i18n/paths.ts';
import { compareInputs, type InputChanges, type PostPageInputs } from '../lib/page-inputs.ts';
import { getPostPages } from '../lib/post-views.ts';
import type { SiteModel } from '../lib/site-model.ts';
import { getPostPageInputs } from '../site/post-charts.ts';

/** The inputs of every post page at the last build, beside Astro's own incremental-build manifest. */
export const PAGE_INPUTS_FILE = 'shuho-page-inputs.json';
/** What changed since the build before, page by page: `npm run bench -- --explain` prints it. */
export const EXPLANATION_FILE = 'shuho-explain.json';

function readRecorded(file: string): Record<string, PostPageInputs> {
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, PostPageInputs>;
  } catch {
    // A damaged record only costs the explanation: every page then counts as new.
    return {};
  }
}

/**
 * Records the inputs of every post page in the cache directory and returns what changed since the
 * last recorded build. The keys Astro compared are digests of the same inputs (cacheKeyOf), so a page
 * whose inputs are unchanged was restored unless its code, the config or the lockfile changed.
 */
export function recordPageInputs(site: SiteModel, cacheDir: string): InputChanges {
  const file = path.join(cacheDir, PAGE_INPUTS_FILE);
  const previous = readRecorded(file);
  const current: Record<string, PostPageInputs> = {};
  for (const page of getPostPages(site.visiblePosts)) current[postPath(page.locale, page.post.slug)] = getPostPageInputs(site, page);
  const changes = compareInputs(previous, current);
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(current)}\n`);
  writeFileSync(path.join(cacheDir, EXPLANATION_FILE), `${JSON.stringify(changes, null, 1)}\n`);
  return changes;
}
