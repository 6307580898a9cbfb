import { readFileSync } from 'node:fs';
import path from 'node:path';
import { basePath } from '../../src/i18n/paths.ts';
import { describeElement, getAttribute, listFiles, parseElements, readPages, resolveUrlPath, stringsIn, type Element } from './dist.ts';

/** One URL found in a built file, with where it was found for the failure message. */
export interface Reference {
  /** The file it was found in, relative to dist. */
  from: string;
  where: string;
  /** The attribute of an HTML element it was found in (`href`, `data-base-url`, `content`…). */
  attribute?: string;
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
export function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(/,\s+|,(?=\S)/)
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}

/**
 * Every URL an element makes the browser load or offers to follow, including the site's own data
 * attributes that scripts load from: a `data-*` value written as a root-relative path (the language
 * homes of the root redirect, the search's base URL) and Pagefind's bundle, checked through its entry script.
 */
function elementUrls(element: Element): { attribute: string; url: string }[] {
  const urls = (URL_ATTRIBUTES[element.tagName] ?? []).flatMap((attribute) => {
    const url = getAttribute(element, attribute);
    return url === undefined ? [] : [{ attribute, url }];
  });
  const srcset = getAttribute(element, 'srcset');
  if (srcset !== undefined && (element.tagName === 'img' || element.tagName === 'source')) urls.push(...srcsetUrls(srcset).map((url) => ({ attribute: 'srcset', url })));
  for (const { name, value } of element.attrs) {
    if (!name.startsWith('data-') || !value.startsWith('/') || value.startsWith('//')) continue;
    urls.push({ attribute: name, url: name === 'data-bundle-path' ? `${value}pagefind.js` : value });
  }
  if (element.tagName === 'meta') {
    const content = getAttribute(element, 'content') ?? '';
    if (getAttribute(element, 'http-equiv')?.toLowerCase() === 'refresh') {
      const target = /url\s*=\s*['"]?([^'"]+)/i.exec(content)?.[1];
      if (target !== undefined) urls.push({ attribute: 'content', url: target.trim() });
    }
    const property = getAttribute(element, 'property') ?? getAttribute(element, 'name') ?? '';
    if (/^(og:(url|image|image:url|image:secure_url)|twitter:image)$/.test(property)) urls.push({ attribute: 'content', url: content });
  }
  return urls;
}

/** The URLs on `origin` in a text, which may carry HTML escaped inside XML (a feed's descriptions). */
function siteUrlsIn(text: string, origin: string): string[] {
  const unescaped = text.replace(/&(quot|apos|#39|lt|gt);/g, (_, name: string) => ({ quot: '"', apos: "'", '#39': "'", lt: '<', gt: '>' })[name] ?? '');
  const escaped = origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...unescaped.matchAll(new RegExp(`${escaped}[^\\s"'<>\\]]*`, 'g'))].map((match) => match[0].replaceAll('&amp;', '&'));
}

/**
 * Collects every reference in a built site: HTML attributes, CSS `url()`s, and the URLs on the site's
 * origin in feeds (XML and JSON), sitemaps and robots.txt.
 */
export function collectReferences(dist: string, siteUrl: string): Reference[] {
  const { origin } = new URL(siteUrl);
  const references: Reference[] = [];
  for (const page of readPages(dist)) {
    for (const element of page.elements) {
      for (const { attribute, url } of elementUrls(element)) references.push({ from: page.file, where: describeElement(element), attribute, url });
    }
  }
  for (const file of listFiles(dist)) {
    const text = (): string => readFileSync(path.join(dist, file), 'utf8');
    if (file.endsWith('.css')) {
      for (const match of text().matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3/g)) {
        references.push({ from: file, where: match[0], url: match[2] ?? match[4] ?? '' });
      }
    }
    // Feeds, sitemaps and robots.txt: every URL on the site's own origin, wherever it appears in them.
    if (file.endsWith('.xml') || file.endsWith('.txt')) {
      for (const url of siteUrlsIn(text(), origin)) references.push({ from: file, where: file.endsWith('.txt') ? 'text' : 'XML', url });
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
 * Checks one reference as the browser on the published page resolves it: the page `from` lives at
 * its path below the site URL, which may have a path of its own (https://example.org/shuho/). An
 * internal URL (relative, root-relative, or absolute on the site's origin) must stay below that path
 * and resolve to a file in dist, and its fragment to an id on that page. Returns what is wrong,
 * `'external'` for a URL off the site, or undefined when it resolves.
 */
export function checkReference(dist: string, siteUrl: string, reference: Reference, anchors: Map<string, Set<string>>): string | undefined {
  const { url, from } = reference;
  if (url.trim() === '') return 'is empty';
  if (/^(mailto|tel|data):/i.test(url)) return 'external';
  if (/^javascript:/i.test(url)) return 'is a javascript: URL';
  const base = basePath(siteUrl);
  const { origin } = new URL(siteUrl);
  const resolved = new URL(url, new URL(`${base}${from}`, origin));
  if (resolved.origin !== origin) return 'external';
  if (!resolved.pathname.startsWith(base)) return `points at ${resolved.pathname}, outside the site's base ${base}`;
  const target = resolveUrlPath(dist, `/${resolved.pathname.slice(base.length)}`);
  if (target === undefined) return `points at ${resolved.pathname}, which is not in dist`;
  if (resolved.hash === '' || resolved.hash === '#') return resolved.hash === '#' ? 'has an empty fragment' : undefined;
  if (!target.endsWith('.html')) return undefined;
  const id = decodeURIComponent(resolved.hash.slice(1));
  return pageAnchors(dist, target, anchors).has(id) ? undefined : `points at #${id}, which ${target} does not define`;
}

/** Every reference of a built site with what is wrong with it (see checkReference). */
export function checkSiteReferences(dist: string, siteUrl: string): { reference: Reference; problem: string | undefined }[] {
  const anchors = new Map<string, Set<string>>();
  return collectReferences(dist, siteUrl).map((reference) => ({ reference, problem: checkReference(dist, siteUrl, reference, anchors) }));
}
