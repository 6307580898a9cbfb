import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { FIXTURE_CONTENT, FIXTURE_DIST, ROOT, SAMPLE_DIST } from '../helpers/build-site.ts';
import { describeElement, getAttribute, listFiles, parseElements, readPages, readSiteOrigin, resolveUrlPath, stringsIn, type Element } from '../helpers/dist.ts';

/** One URL found in a built file, with where it was found for the failure message. */
interface Reference {
  from: string;
  where: string;
  url: string;
}

/** Attributes that hold one URL, by element. */
const URL_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src'],
  source: ['src'],
  script: ['src'],
  iframe: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
  form: ['action'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
};

/** The URLs of a srcset: comma-separated candidates, each a URL and an optional descriptor. */
function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(/,\s+|,(?=\S)/)
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}

/** Every URL an element makes the browser load or offers to follow. */
function elementUrls(element: Element): string[] {
  const urls = (URL_ATTRIBUTES[element.tagName] ?? []).flatMap((name) => getAttribute(element, name) ?? []);
  const srcset = getAttribute(element, 'srcset');
  if (srcset !== undefined && (element.tagName === 'img' || element.tagName === 'source')) urls.push(...srcsetUrls(srcset));
  if (element.tagName === 'meta') {
    const content = getAttribute(element, 'content') ?? '';
    if (getAttribute(element, 'http-equiv')?.toLowerCase() === 'refresh') {
      const target = /url\s*=\s*['"]?([^'"]+)/i.exec(content)?.[1];
      if (target !== undefined) urls.push(target.trim());
    }
    const property = getAttribute(element, 'property') ?? getAttribute(element, 'name') ?? '';
    if (/^(og:(url|image|image:url|image:secure_url)|twitter:image)$/.test(property)) urls.push(content);
  }
  return urls;
}

/** The URLs on `origin` in a text, which may carry HTML escaped inside XML (a feed's descriptions). */
function siteUrlsIn(text: string, origin: string): string[] {
  const unescaped = text.replace(/&(quot|apos|#39|lt|gt);/g, (_, name: string) => ({ quot: '"', apos: "'", '#39': "'", lt: '<', gt: '>' })[name] ?? '');
  const escaped = origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...unescaped.matchAll(new RegExp(`${escaped}[^\\s"'<>\\]]*`, 'g'))].map((match) => match[0].replaceAll('&amp;', '&'));
}

/** Collects every reference in a built site: HTML attributes, CSS `url()`s, and site URLs in feeds (XML and JSON) and sitemaps. */
function collectReferences(dist: string, origin: string): Reference[] {
  const references: Reference[] = [];
  for (const page of readPages(dist)) {
    for (const element of page.elements) {
      for (const url of elementUrls(element)) references.push({ from: page.file, where: describeElement(element), url });
    }
  }
  for (const file of listFiles(dist)) {
    const text = (): string => readFileSync(path.join(dist, file), 'utf8');
    if (file.endsWith('.css')) {
      for (const match of text().matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3/g)) {
        references.push({ from: file, where: match[0], url: match[2] ?? match[4] ?? '' });
      }
    }
    // Feeds and sitemaps: every URL on the site's own origin, wherever it appears in them.
    if (file.endsWith('.xml')) {
      for (const url of siteUrlsIn(text(), origin)) references.push({ from: file, where: 'XML', url });
    }
    if (file.endsWith('.json') && !file.startsWith('pagefind/')) {
      for (const url of stringsIn(JSON.parse(text())).flatMap((value) => siteUrlsIn(value, origin))) references.push({ from: file, where: 'JSON', url });
    }
  }
  return references;
}

/** The ids (and `<a name>`s) a page defines, which a `#fragment` may point at. */
function pageAnchors(dist: string, file: string, cache: Map<string, Set<string>>): Set<string> {
  let anchors = cache.get(file);
  if (!anchors) {
    anchors = new Set(
      parseElements(readFileSync(path.join(dist, file), 'utf8')).flatMap((element) =>
        [getAttribute(element, 'id'), element.tagName === 'a' ? getAttribute(element, 'name') : undefined].filter((anchor) => anchor !== undefined),
      ),
    );
    cache.set(file, anchors);
  }
  return anchors;
}

/**
 * Checks one reference: an internal URL (relative, root-relative, or absolute on the site's own
 * origin) must resolve to a file in dist, and its fragment to an id on that page. Returns what is
 * wrong, `'external'` for a URL off the site, or undefined when it resolves.
 */
function checkReference(dist: string, origin: string, reference: Reference, anchors: Map<string, Set<string>>): string | undefined {
  const { url, from } = reference;
  if (url.trim() === '') return 'is empty';
  if (/^(mailto|tel|data):/i.test(url)) return 'external';
  if (/^javascript:/i.test(url)) return 'is a javascript: URL';
  const base = new URL(`/${from}`, origin);
  const resolved = new URL(url, base);
  if (resolved.origin !== origin) return 'external';
  const target = resolveUrlPath(dist, resolved.pathname);
  if (target === undefined) return `points at ${resolved.pathname}, which is not in dist`;
  if (resolved.hash === '' || resolved.hash === '#') return resolved.hash === '#' ? 'has an empty fragment' : undefined;
  if (!target.endsWith('.html')) return undefined;
  const id = decodeURIComponent(resolved.hash.slice(1));
  return pageAnchors(dist, target, anchors).has(id) ? undefined : `points at #${id}, which ${target} does not define`;
}

describe.each([
  ['sample', SAMPLE_DIST, path.join(ROOT, 'content')],
  ['fixture', FIXTURE_DIST, FIXTURE_CONTENT],
])('links in the %s site', (_name, dist, contentDir) => {
  const origin = readSiteOrigin(contentDir);
  const references = collectReferences(dist, origin);
  const anchors = new Map<string, Set<string>>();
  const results = references.map((reference) => ({ reference, problem: checkReference(dist, origin, reference, anchors) }));
  const internal = results.filter((result) => result.problem !== 'external');

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
  const origin = 'https://shuho.example';
  const check = (url: string) => checkReference(SAMPLE_DIST, origin, { from: 'ja/index.html', where: '<a>', url }, new Map());
  test('resolves directory URLs, site-absolute URLs and fragments, and flags what is missing', () => {
    expect(check('/ja/')).toBeUndefined();
    expect(check('../en/')).toBeUndefined();
    expect(check(`${origin}/en/#main`)).toBeUndefined();
    expect(check('/ja/no-such-page/')).toBe('points at /ja/no-such-page/, which is not in dist');
    expect(check('/ja/#no-such-id')).toBe('points at #no-such-id, which ja/index.html does not define');
    expect(check('https://example.com/x')).toBe('external');
    expect(check('javascript:alert(1)')).toBe('is a javascript: URL');
  });
  test('reads every candidate of a srcset', () => {
    expect(srcsetUrls('/a.png 1x, /b.png 2x,/c.png 3x')).toEqual(['/a.png', '/b.png', '/c.png']);
  });
});
