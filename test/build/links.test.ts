import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readSiteUrl } from '../../src/site/read-content.ts';
import { FIXTURE_CONTENT, FIXTURE_DIST, ROOT, SAMPLE_DIST } from '../helpers/build-site.ts';
import { checkReference, checkSiteReferences, srcsetUrls } from '../helpers/references.ts';

describe.each([
  ['sample', SAMPLE_DIST, path.join(ROOT, 'content')],
  ['fixture', FIXTURE_DIST, FIXTURE_CONTENT],
])('links in the %s site', (_name, dist, contentDir) => {
  const siteUrl = readSiteUrl({ contentDir }) ?? '';
  const internal = checkSiteReferences(dist, siteUrl).filter((result) => result.problem !== 'external');

  test('the site has internal links, stylesheets and alternates to check', () => {
    const kinds = new Set(internal.map(({ reference }) => /^<(\w+)/.exec(reference.where)?.[1] ?? reference.where));
    expect([...kinds]).toEqual(expect.arrayContaining(['a', 'link']));
    expect(internal.some(({ reference }) => reference.url.includes('#'))).toBe(true);
  });

  test(`every one of its ${internal.length} internal URLs resolves to a file in dist, fragments to an id`, () => {
    const broken = internal
      .filter((result) => result.problem !== undefined)
      .map(({ reference, problem }) => `${reference.from}: ${reference.where} ${reference.url} ${problem}`);
    expect(broken).toEqual([]);
  });
});

describe('checkReference', () => {
  const site = 'https://shuho.example';
  const check = (url: string, siteUrl = site) => checkReference(SAMPLE_DIST, siteUrl, { from: 'ja/index.html', where: '<a>', url }, new Map());
  test('resolves directory URLs, site-absolute URLs and fragments, and flags what is missing', () => {
    expect(check('/ja/')).toBeUndefined();
    expect(check('../en/')).toBeUndefined();
    expect(check(`${site}/en/#main`)).toBeUndefined();
    expect(check('/ja/no-such-page/')).toBe('points at /ja/no-such-page/, which is not in dist');
    expect(check('/ja/#no-such-id')).toBe('points at #no-such-id, which ja/index.html does not define');
    expect(check('https://example.com/x')).toBe('external');
    expect(check('javascript:alert(1)')).toBe('is a javascript: URL');
  });
  test('reads the files of a site under a path below its base, and flags a link that leaves it', () => {
    expect(check('/shuho/ja/', 'https://shuho.example/shuho/')).toBeUndefined();
    expect(check('../en/', 'https://shuho.example/shuho/')).toBeUndefined();
    expect(check('/ja/', 'https://shuho.example/shuho/')).toBe("points at /ja/, outside the site's base /shuho/");
  });
  test('reads every candidate of a srcset', () => {
    expect(srcsetUrls('/a.png 1x, /b.png 2x,/c.png 3x')).toEqual(['/a.png', '/b.png', '/c.png']);
  });
});
