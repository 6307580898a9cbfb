import { rmSync } from 'node:fs';
import path from 'node:path';
import { buildSite, FIXTURE_CONTENT, FIXTURE_DIST, SAMPLE_DIST } from './helpers/build-site.ts';

/**
 * Builds the shipped sample site and the fixture site once, one after the other (the machine has two
 * cores), before any test file runs; build, feed and browser tests read what these builds wrote.
 */
export default async function setup(): Promise<void> {
  for (const [name, outDir, contentDir] of [
    ['sample', SAMPLE_DIST, undefined],
    ['fixture', FIXTURE_DIST, FIXTURE_CONTENT],
  ] as const) {
    rmSync(path.dirname(outDir), { recursive: true, force: true });
    const result = await buildSite({ outDir, ...(contentDir === undefined ? {} : { contentDir }) });
    if (result.code !== 0) throw new Error(`building the ${name} site failed:\n${result.stdout}\n${result.stderr}`);
  }
}
