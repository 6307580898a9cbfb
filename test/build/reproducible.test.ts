import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, FIXTURE_CONTENT, FIXTURE_DIST, TEST_NOW, TMP } from '../helpers/build-site.ts';
import { listFiles } from '../helpers/dist.ts';

const SECOND_BUILD = path.join(TMP, 'reproducible', 'dist');

/** Every file of a built site with the sha256 of its bytes. */
function fingerprint(dist: string): Map<string, string> {
  return new Map(listFiles(dist).map((file) => [file, createHash('sha256').update(readFileSync(path.join(dist, file))).digest('hex')]));
}

/*
 * Two clean builds of the same content with the same SHUHO_NOW must give byte-identical sites. The
 * first is the fixture build globalSetup made (fresh output and cache directories); the second goes
 * to another output directory with its own fresh cache, so a path, a timestamp or an unstable order
 * leaking into the output shows up as a difference.
 */
describe('two clean builds of the fixture site', () => {
  let second = { code: -1, stdout: '', stderr: '' };

  beforeAll(async () => {
    rmSync(path.dirname(SECOND_BUILD), { recursive: true, force: true });
    second = await buildSite({ contentDir: FIXTURE_CONTENT, outDir: SECOND_BUILD, now: TEST_NOW });
  });

  test('give the same files with the same bytes', () => {
    expect(second.code, second.stderr).toBe(0);
    const first = fingerprint(FIXTURE_DIST);
    const other = fingerprint(SECOND_BUILD);
    expect([...other.keys()]).toEqual([...first.keys()]);
    const different = [...first].filter(([file, hash]) => other.get(file) !== hash).map(([file]) => file);
    expect(different).toEqual([]);
    expect(first.size).toBeGreaterThan(10);
  });
});
