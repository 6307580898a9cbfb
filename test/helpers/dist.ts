import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';

/** An element of a page parsed the way a browser parses it. */
export type Element = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document;

/** One built HTML page. */
export interface Page {
  /** Path inside dist, '/'-separated: `en/posts/2026-02-13/index.html`. */
  file: string;
  /** The URL path a static host serves it at: `/en/posts/2026-02-13/`. */
  url: string;
  html: string;
  /** Every element in document order, including those inside `<template>` and SVG. */
  elements: Element[];
}

/** Every file below `dir`, relative and '/'-separated, sorted so results never depend on the file system. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(path.join(dir, name)).isFile())
    .map((name) => name.split(path.sep).join('/'))
    .sort();
}

/** The URL path of a built file: `a/index.html` → `/a/`, `404.html` → `/404.html`. */
export function urlOfFile(file: string): string {
  if (file === 'index.html') return '/';
  return file.endsWith('/index.html') ? `/${file.slice(0, -'index.html'.length)}` : `/${file}`;
}

function collectElements(node: Node, into: Element[]): void {
  if ('tagName' in node) into.push(node);
  if ('content' in node && node.content) for (const child of node.content.childNodes) collectElements(child, into);
  if ('childNodes' in node) for (const child of node.childNodes) collectElements(child, into);
}

/** Parses HTML with parse5 (the WHATWG algorithm) into a flat list of elements. */
export function parseElements(html: string): Element[] {
  const elements: Element[] = [];
  collectElements(parse(html), elements);
  return elements;
}

/** Reads and parses every HTML file of a built site. */
export function readPages(dist: string): Page[] {
  return listFiles(dist)
    .filter((file) => file.endsWith('.html'))
    .map((file) => {
      const html = readFileSync(path.join(dist, file), 'utf8');
      return { file, url: urlOfFile(file), html, elements: parseElements(html) };
    });
}

/** The value of an attribute, or undefined when the element does not have it. */
export function getAttribute(element: Element, name: string): string | undefined {
  return element.attrs.find((attribute) => attribute.name === name)?.value;
}

/** The concatenated text of an element's descendants. */
export function textContent(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  if (!('childNodes' in node)) return '';
  return node.childNodes.map((child) => textContent(child)).join('');
}

/** A short description of an element for failure messages: `<a href="/x/">`. */
export function describeElement(element: Element): string {
  const attributes = element.attrs.map((attribute) => ` ${attribute.name}="${attribute.value.slice(0, 60)}"`).join('');
  return `<${element.tagName}${attributes}>`;
}

/**
 * The file a plain static host serves for a URL path, or undefined when there is none:
 * `/a/` → `a/index.html`, `/a/b.css` → `a/b.css`. Percent-escapes are decoded as a server would.
 */
export function resolveUrlPath(dist: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const candidate = path.join(dist, decoded);
  if (!candidate.startsWith(dist)) return undefined;
  const file = decoded.endsWith('/') ? path.join(candidate, 'index.html') : candidate;
  if (!existsSync(file) || !statSync(file).isFile()) return undefined;
  return path.relative(dist, file).split(path.sep).join('/');
}

/** Every string inside a parsed JSON value. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/** The site's public origin, from the content directory's site.json (`https://shuho.example`). */
export function readSiteOrigin(contentDir: string): string {
  const site = JSON.parse(readFileSync(path.join(contentDir, 'site.json'), 'utf8')) as { url: string };
  return new URL(site.url).origin;
}

/** One URL of a sitemap with its hreflang alternates (language → URL). */
export interface SitemapEntry {
  loc: string;
  alternates: Map<string, string>;
}

/** The URLs of a built site's sitemap (through its index) with their hreflang alternates. */
export function readSitemap(dist: string): SitemapEntry[] {
  const index = readFileSync(path.join(dist, 'sitemap-index.xml'), 'utf8');
  return [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].flatMap(([, sitemapUrl]) => {
    const xml = readFileSync(path.join(dist, new URL(sitemapUrl ?? '').pathname), 'utf8');
    return [...xml.matchAll(/<url>([\s\S]*?)<\/url>/g)].map(([, body = '']) => ({
      loc: /<loc>([^<]+)<\/loc>/.exec(body)?.[1] ?? '',
      alternates: new Map([...body.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map(([, lang = '', href = '']) => [lang, href])),
    }));
  });
}
