import { renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildSite, FIXTURE_CONTENT, FIXTURE_DIST, SAMPLE_DIST } from './helpers/build-site.ts';
import { ensureBrowser } from './helpers/find-browser.ts';

/**
 * Finds (or installs) Chromium, then builds the shipped sample site and the fixture site once, one after the other (the machine has two
 * cores), before any test file runs; build, feed and browser tests read what these builds wrote.
 */
export default async function setup(): Promise<void> {
  // Before anything is built: a machine without a browser stops here with one message saying what to
  // install, instead of failing browser test files one by one. Test workers inherit the variable.
  process.env['CHROMIUM_PATH'] = ensureBrowser();
  for (const [name, outDir, contentDir] of [
    ['sample', SAMPLE_DIST, undefined],
    ['fixture', FIXTURE_DIST, FIXTURE_CONTENT],
  ] as const) {
    // Build beside the target and swap it in, so a run started meanwhile (several people share a
    // working tree) never reads or deletes a half-built site.
    const target = path.dirname(outDir);
    const staging = `${target}.${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    const result = await buildSite({ outDir: path.join(staging, path.basename(outDir)), ...(contentDir === undefined ? {} : { contentDir }) });
    if (result.code !== 0) {
      rmSync(staging, { recursive: true, force: true });
      throw new Error(`building the ${name} site failed:\n${result.stdout}\n${result.stderr}`);
    }
    // Another run may swap its copy in between the two calls; then replace that one.
    for (let attempt = 1; ; attempt++) {
      rmSync(target, { recursive: true, force: true });
      try {
        renameSync(staging, target);
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  }
}
