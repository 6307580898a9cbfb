import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { CORE_SCHEMA, load } from 'js-yaml';
import Parser from 'rss-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, FIXTURE_CONTENT, FIXTURE_DIST, ROOT, SAMPLE_DIST, TMP } from '../helpers/build-site.ts';
import { describeElement, getAttribute, listFiles, parseElements, readPages, readSiteOrigin, stringsIn, textContent, type Element, type Page } from '../helpers/dist.ts';

/** Script types that carry data, which browsers never execute. */
const DATA_SCRIPT_TYPES = new Set(['application/json', 'application/ld+json']);

/** The directives of a Content-Security-Policy, each with its sources. */
function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

function isCspMeta(element: Element): boolean {
  return element.tagName === 'meta' && getAttribute(element, 'http-equiv')?.toLowerCase() === 'content-security-policy';
}

/** Elements that load or run code or styles, which a policy given in a <meta> only governs when it comes after it. */
function isGovernedResource(element: Element): boolean {
  if (element.tagName === 'script' || element.tagName === 'style') return true;
  const rel = getAttribute(element, 'rel')?.toLowerCase().split(/\s+/) ?? [];
  return element.tagName === 'link' && rel.some((value) => ['stylesheet', 'modulepreload', 'preload'].includes(value));
}

/** What is wrong with a page's Content-Security-Policy, as failure lines. */
function checkPolicy(page: Page): string[] {
  const metas = page.elements.filter(isCspMeta);
  if (metas.length !== 1) return [`${page.file}: expected one CSP <meta>, found ${metas.length}`];
  const meta = metas[0] as Element;
  const problems: string[] = [];
  const first = page.elements.findIndex((element) => element === meta);
  const early = page.elements.slice(0, first).filter(isGovernedResource);
  if (early.length > 0) problems.push(`${page.file}: ${early.map(describeElement).join(', ')} comes before the CSP <meta>, which does not govern it`);
  const policy = parsePolicy(getAttribute(meta, 'content') ?? '');
  const scriptSrc = policy.get('script-src') ?? policy.get('default-src');
  const styleSrc = policy.get('style-src') ?? policy.get('default-src');
  if (!scriptSrc) problems.push(`${page.file}: the CSP has neither script-src nor default-src`);
  for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:']) {
    if (scriptSrc?.includes(unsafe)) problems.push(`${page.file}: script-src allows ${unsafe}`);
  }
  if (!styleSrc || styleSrc.includes("'unsafe-inline'")) problems.push(`${page.file}: style-src is missing or allows 'unsafe-inline'`);
  if (policy.get('object-src')?.join(' ') !== "'none'") problems.push(`${page.file}: object-src is not 'none'`);
  if (!policy.has('base-uri')) problems.push(`${page.file}: the CSP has no base-uri`);
  return problems;
}

/**
 * The markup rules the policy relies on, as failure lines: no inline event handler, no inline
 * script but JSON data blocks (which must parse), no inline style the policy would silently block,
 * no javascript: URL, and every link off the site opened without an opener or a referrer.
 */
function checkMarkup(page: Page, origin: string): string[] {
  const problems: string[] = [];
  for (const element of page.elements) {
    const where = `${page.file}: ${describeElement(element)}`;
    for (const attribute of element.attrs) {
      if (/^on/i.test(attribute.name)) problems.push(`${where} has an inline event handler`);
      if (/^\s*javascript:/i.test(attribute.value)) problems.push(`${where} has a javascript: URL`);
    }
    if (getAttribute(element, 'style') !== undefined) problems.push(`${where} has a style attribute, which the CSP blocks`);
    if (element.tagName === 'style') problems.push(`${where} is an inline stylesheet, which the CSP blocks`);
    if (element.tagName === 'script' && getAttribute(element, 'src') === undefined) {
      const type = getAttribute(element, 'type')?.toLowerCase() ?? '';
      if (!DATA_SCRIPT_TYPES.has(type)) {
        problems.push(`${where} is an inline script`);
      } else {
        try {
          JSON.parse(textContent(element));
        } catch (error) {
          problems.push(`${where} holds JSON that does not parse: ${(error as Error).message}`);
        }
      }
    }
    const href = getAttribute(element, 'href');
    if ((element.tagName === 'a' || element.tagName === 'area') && href !== undefined && /^https?:\/\//i.test(href) && new URL(href).origin !== origin) {
      const rel = new Set((getAttribute(element, 'rel') ?? '').toLowerCase().split(/\s+/));
      if (!rel.has('noopener') || !rel.has('noreferrer')) problems.push(`${where} leaves the site without rel="noopener noreferrer"`);
    }
  }
  return problems;
}

/** A feed of a built site: an XML file with an RSS or Atom root, or a JSON Feed. */
interface Feed {
  file: string;
  format: 'xml' | 'json';
  text: string;
}

function readFeeds(dist: string): Feed[] {
  return listFiles(dist)
    .filter((file) => (file.endsWith('.xml') || file.endsWith('.json')) && !file.startsWith('pagefind/'))
    .map((file): Feed => ({ file, format: file.endsWith('.xml') ? 'xml' : 'json', text: readFileSync(path.join(dist, file), 'utf8') }))
    .filter(({ format, text }) => (format === 'xml' ? /<(rss|feed)[\s>]/.test(text) : text.includes('"https://jsonfeed.org/version/')));
}

/** The title and the HTML body of every item of a feed, read with a real parser (rss-parser, JSON.parse). */
async function readFeedItems(feed: Feed): Promise<{ title: string; html: string }[]> {
  if (feed.format === 'json') {
    // A JSON Feed's summary is plain text by the spec; only content_html is HTML.
    const parsed = JSON.parse(feed.text) as { items: { title?: string; content_html?: string }[] };
    return parsed.items.map((item) => ({ title: item.title ?? '', html: item.content_html ?? '' }));
  }
  // rss-parser gives <description>, which readers render as HTML, as `content`.
  const parsed = await new Parser<object, { 'content:encoded'?: string }>({ customFields: { item: ['content:encoded'] } }).parseString(feed.text);
  return parsed.items.map((item) => ({ title: item.title ?? '', html: `${item['content:encoded'] ?? ''}${item.content ?? ''}` }));
}

describe.each([
  ['sample', SAMPLE_DIST, path.join(ROOT, 'content')],
  ['fixture', FIXTURE_DIST, FIXTURE_CONTENT],
])('security of the %s site', (_name, dist, contentDir) => {
  const pages = readPages(dist);
  const origin = readSiteOrigin(contentDir);

  test(`each of its ${pages.length} pages has a Content-Security-Policy without unsafe-inline scripts, ahead of every script and stylesheet`, () => {
    expect(pages.flatMap(checkPolicy)).toEqual([]);
  });

  test('no page has an inline event handler, inline script or style, javascript: URL, or an external link that keeps the opener', () => {
    expect(pages.flatMap((page) => checkMarkup(page, origin))).toEqual([]);
  });
});

describe('the checks catch what they are for', () => {
  const page = (body: string): Page => {
    const html = `<!doctype html><html><head><meta http-equiv="content-security-policy" content="script-src 'self'"></head><body>${body}</body></html>`;
    return { file: 'x.html', url: '/x.html', html, elements: parseElements(html) };
  };
  test('flags handlers, inline scripts and styles, javascript: URLs, bad JSON and bare external links', () => {
    const body =
      '<img src="/a.svg" alt="" onerror="x()"><script>x()</script><style>p{}</style><p style="color:red">x</p><a href="javascript:x()">x</a>' +
      '<a href="https://example.com/">x</a><a href="https://example.com/" rel="noopener noreferrer">ok</a><a href="https://shuho.example/en/">ok</a>' +
      '<script type="application/json">{"a":</script><script type="application/json">{"a":1}</script>';
    expect(checkMarkup(page(body), 'https://shuho.example').map((problem) => problem.replace(/^x\.html: <(\w+).*> /, '$1: '))).toEqual([
      'img: has an inline event handler',
      'script: is an inline script',
      'style: is an inline stylesheet, which the CSP blocks',
      'p: has a style attribute, which the CSP blocks',
      'a: has a javascript: URL',
      'a: leaves the site without rel="noopener noreferrer"',
      expect.stringMatching(/^script: holds JSON that does not parse: /),
    ]);
  });
  test('flags a policy that allows inline scripts or comes after a script', () => {
    const html = '<!doctype html><html><head><script src="/a.js"></script><meta http-equiv="content-security-policy" content="script-src \'self\' \'unsafe-inline\'"></head></html>';
    expect(checkPolicy({ file: 'x.html', url: '/x.html', html, elements: parseElements(html) })).toEqual([
      'x.html: <script src="/a.js"> comes before the CSP <meta>, which does not govern it',
      "x.html: script-src allows 'unsafe-inline'",
      "x.html: style-src is missing or allows 'unsafe-inline'",
      "x.html: object-src is not 'none'",
      'x.html: the CSP has no base-uri',
    ]);
  });
});

/*
 * Author-controlled strings must reach the page as text, never as markup. A copy of the fixture
 * site gets hostile values in every string an author or a data file controls that the pages show:
 * titles, descriptions, authors, topic, risk and index labels, risk notes, chart titles, labels and
 * sources, and source titles and publishers. The build must succeed and no page may contain
 * anything the payloads would inject.
 */
const BREAK_SCRIPT = '</script><img src=x onerror=alert(1)>';
const BREAK_ATTRIBUTE = '"><svg onload=alert(1)>';
const PAYLOADS = [BREAK_SCRIPT, BREAK_ATTRIBUTE];
const HOSTILE_DIR = path.join(TMP, 'security');
const HOSTILE_CONTENT = path.join(HOSTILE_DIR, 'content');
const HOSTILE_DIST = path.join(HOSTILE_DIR, 'dist');

type Json = Record<string, unknown>;

/** An element the payloads would create if a string reached the markup unescaped. */
function isInjected(element: Element): boolean {
  return (element.tagName === 'img' && getAttribute(element, 'src') === 'x') || element.attrs.some((attribute) => /^on/i.test(attribute.name));
}

function editJson(file: string, edit: (data: Json[]) => void): void {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Json[];
  edit(data);
  writeFileSync(file, JSON.stringify(data, null, 2));
}

function editPost(relativePath: string, edit: (data: Json) => void): void {
  const file = path.join(HOSTILE_CONTENT, 'posts', relativePath);
  // YAML's core schema, as Shūhō reads posts: dates stay the text written and are written back as text.
  const post = matter(readFileSync(file, 'utf8'), { language: 'yaml', engines: { yaml: (text: string) => load(text, { schema: CORE_SCHEMA }) as object } });
  edit(post.data);
  writeFileSync(file, matter.stringify(post.content, post.data));
}

const hostileText = (ja: string, en: string) => ({ ja: `${ja} ${BREAK_SCRIPT}`, en: `${en} ${BREAK_ATTRIBUTE}` });

function writeHostileSite(): void {
  rmSync(HOSTILE_DIR, { recursive: true, force: true });
  cpSync(FIXTURE_CONTENT, HOSTILE_CONTENT, { recursive: true });
  const data = (name: string) => path.join(HOSTILE_CONTENT, 'data', name);
  editJson(data('topics.json'), (topics) => {
    for (const topic of topics) topic['label'] = hostileText(`話題${String(topic['id'])}`, `Topic ${String(topic['id'])}`);
  });
  editJson(data('risks.json'), (risks) => {
    for (const risk of risks) risk['label'] = hostileText(`リスク${String(risk['id'])}`, `Risk ${String(risk['id'])}`);
  });
  editJson(data('indices.json'), (indices) => {
    for (const index of indices) {
      index['name'] = hostileText(`指数${String(index['id'])}`, `Index ${String(index['id'])}`);
      index['shortName'] = hostileText(String(index['id']), String(index['id']));
    }
  });
  const hostilePost = (post: Json, language: 'ja' | 'en') => {
    const payload = language === 'ja' ? BREAK_SCRIPT : BREAK_ATTRIBUTE;
    post['title'] = `${String(post['title'])} ${BREAK_SCRIPT} ${BREAK_ATTRIBUTE}`;
    post['description'] = `${String(post['description'])} ${payload}`;
    post['author'] = `${String(post['author'])} ${payload}`;
    for (const source of (post['sources'] ?? []) as Json[]) {
      source['title'] = `${String(source['title'])} ${BREAK_SCRIPT}`;
      source['publisher'] = `${String(source['publisher'])} ${BREAK_ATTRIBUTE}`;
    }
    for (const risk of (post['risks'] ?? []) as Json[]) risk['note'] = hostileText('注記', 'Note');
    for (const chart of (post['charts'] ?? []) as Json[]) {
      chart['title'] = hostileText('グラフ', 'Chart');
      chart['labels'] = (chart['labels'] as unknown[]).map((_, i) => hostileText(`ラベル${i}`, `Label ${i}`));
      chart['source'] = `${String(chart['source'])} ${BREAK_SCRIPT}`;
      for (const dataset of chart['datasets'] as Json[]) dataset['label'] = hostileText('系列', 'Series');
    }
  };
  for (const relativePath of listFiles(path.join(HOSTILE_CONTENT, 'posts'))) {
    editPost(relativePath, (post) => hostilePost(post, relativePath.startsWith('ja/') ? 'ja' : 'en'));
  }
}

describe('author-controlled strings cannot inject markup', () => {
  let pages: Page[] = [];
  let build = { code: -1, stdout: '', stderr: '' };

  beforeAll(async () => {
    writeHostileSite();
    build = await buildSite({ contentDir: HOSTILE_CONTENT, outDir: HOSTILE_DIST });
    if (build.code === 0) pages = readPages(HOSTILE_DIST);
  });

  test('the site with hostile strings builds', () => {
    expect(build.code, `${build.stdout}\n${build.stderr}`).toBe(0);
    expect(pages.length).toBeGreaterThan(5);
  });

  test('no page gains an element, handler or script from the strings, and JSON data still parses', () => {
    const origin = readSiteOrigin(HOSTILE_CONTENT);
    const injected = pages.flatMap((page) => page.elements.filter(isInjected).map((element) => `${page.file}: ${describeElement(element)}`));
    expect(injected).toEqual([]);
    expect(pages.flatMap((page) => [...checkMarkup(page, origin), ...checkPolicy(page)])).toEqual([]);
  });

  test('the strings are shown as text: titles, descriptions and labels carry the payload verbatim', () => {
    const post = pages.find((page) => page.file === 'ja/posts/2026-02-13/index.html');
    expect(post, 'the hostile weekly post was built').toBeDefined();
    const elements = (post as Page).elements;
    const title = elements.find((element) => element.tagName === 'title');
    const h1 = elements.find((element) => element.tagName === 'h1');
    const description = elements.find((element) => element.tagName === 'meta' && getAttribute(element, 'name') === 'description');
    for (const payload of PAYLOADS) {
      expect(textContent(title as Element)).toContain(payload);
      expect(textContent(h1 as Element)).toContain(payload);
    }
    expect(getAttribute(description as Element, 'content')).toContain(BREAK_SCRIPT);
    const bodies = pages.flatMap((page) => page.elements.filter((element) => element.tagName === 'body'));
    const everyText = bodies.map((body) => textContent(body)).join('\n');
    expect(everyText).toContain('話題small-cap-growth </script><img src=x onerror=alert(1)>');
    expect(everyText).toContain('注記 </script><img src=x onerror=alert(1)>');
    // JSON data blocks (chart specs, JSON-LD) carry the strings intact after parsing.
    const jsonStrings = pages.flatMap((page) =>
      page.elements.filter((element) => element.tagName === 'script' && getAttribute(element, 'src') === undefined).flatMap((element) => stringsIn(JSON.parse(textContent(element)))),
    );
    for (const payload of PAYLOADS) expect(jsonStrings.some((value) => value.includes(payload)), payload).toBe(true);
  });

  // Feeds come with the archive work; once the fixture site has them, the hostile site must too.
  test.runIf(readFeeds(FIXTURE_DIST).length > 0)('feeds still parse, carry the titles verbatim, and the HTML they carry has nothing injected', async () => {
    const feeds = readFeeds(HOSTILE_DIST);
    expect(feeds.map((feed) => feed.file)).toEqual(readFeeds(FIXTURE_DIST).map((feed) => feed.file));
    for (const feed of feeds) {
      const items = await readFeedItems(feed);
      expect(items.length, feed.file).toBeGreaterThan(0);
      expect(items.some((item) => item.title.includes(BREAK_SCRIPT)), feed.file).toBe(true);
      const injected = items.flatMap((item) => parseElements(item.html).filter(isInjected).map(describeElement));
      expect(injected, feed.file).toEqual([]);
    }
  });
});
