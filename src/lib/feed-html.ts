import { defaultTreeAdapter as tree, html, parseFragment, serialize, type DefaultTreeAdapterTypes } from 'parse5';

type ChildNode = DefaultTreeAdapterTypes.ChildNode;
type Element = DefaultTreeAdapterTypes.Element;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;

/** Elements that only run, style or draw on the page: a feed reader runs no script and applies no stylesheet. */
const PAGE_ONLY_ELEMENTS = new Set(['script', 'style', 'template', 'canvas']);

/** Markers for Astro's scoped styles, the search indexer and this module, and event handlers: nothing a reader uses. */
const PAGE_ONLY_ATTRIBUTE = /^(?:data-astro-|data-pagefind-|data-feed-|on)/i;

/** Attributes holding one URL. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'poster', 'action', 'cite']);

function hasClass(element: Element, name: string): boolean {
  return element.attrs.some((attribute) => attribute.name === 'class' && attribute.value.split(/\s+/).includes(name));
}

function attributeOf(element: Element, name: string): string | undefined {
  return element.attrs.find((attribute) => attribute.name === name)?.value;
}

function childElements(node: ParentNode, tagName: string): Element[] {
  return node.childNodes.filter((child): child is Element => 'tagName' in child && child.tagName === tagName);
}

/** A new element holding `children`, which are moved into it. */
function createElement(tagName: string, children: readonly ChildNode[]): Element {
  const created = tree.createElement(tagName, html.NS.HTML, []);
  for (const child of children) tree.appendChild(created, child);
  return created;
}

/** A cell's content, kept in a `<span lang>` when the cell says it is in another language (a risk note not yet translated). */
function contentOf(cell: Element): ChildNode[] {
  const lang = attributeOf(cell, 'lang');
  if (lang === undefined) return [...cell.childNodes];
  const span = createElement('span', cell.childNodes);
  span.attrs = [{ name: 'lang', value: lang }];
  return [span];
}

/**
 * A table marked `data-feed-list` (the key figures, the risk watch) as a list. A feed reader applies no
 * stylesheet, so nothing stacks the columns as the page does on a phone, and four or five columns are
 * wider than most readers' column. The caption becomes a bold paragraph and each body row an item: the
 * row's header in bold (a line break in it, the risk's group under its name, becomes a space), then the
 * cells that name themselves with `data-label` on one line ("Level: High · Trend: Worsening"), then
 * each other cell on a line of its own (a risk's note, the ratio's comment).
 */
function tableAsList(table: Element): ChildNode[] {
  const caption = childElements(table, 'caption')[0];
  const items = childElements(table, 'tbody').flatMap((body) => childElements(body, 'tr')).map((row) => {
    const [header] = childElements(row, 'th');
    const cells = childElements(row, 'td').filter((cell) => cell.childNodes.length > 0);
    const labelled = cells.filter((cell) => attributeOf(cell, 'data-label') !== undefined);
    const line = labelled.flatMap((cell, i) => [tree.createTextNode(`${i > 0 ? ' · ' : ''}${attributeOf(cell, 'data-label') ?? ''}: `), ...contentOf(cell)]);
    const lines = [...(line.length > 0 ? [line] : []), ...cells.filter((cell) => !labelled.includes(cell)).map(contentOf)];
    const heading = header ? [createElement('strong', header.childNodes.map((child) => ('tagName' in child && child.tagName === 'br' ? tree.createTextNode(' ') : child)))] : [];
    return createElement('li', [...heading, ...lines.flatMap((nodes, i) => [...(i > 0 || heading.length > 0 ? [createElement('br', [])] : []), ...nodes])]);
  });
  return [...(caption ? [createElement('p', [createElement('strong', [...caption.childNodes])])] : []), createElement('ul', items)];
}

/**
 * Whether an element stays out of the feed. A chart's data table does too: readers show `<details>`
 * open, and a relative-strength table has a row for every week; the image, its alt text and the CSV
 * link carry the data.
 */
function isLeftOut(element: Element): boolean {
  return PAGE_ONLY_ELEMENTS.has(element.tagName) || (element.tagName === 'details' && hasClass(element, 'chart-data'));
}

/**
 * The URL a reader needs, or undefined for a `javascript:` URL, which would be a script. `pageUrl` is
 * the absolute URL of the post page: the body's URLs mean there what they mean in the page, whose
 * root-relative links already carry the site's base path (/shuho/charts/…).
 */
function resolveUrl(url: string, pageUrl: string): string | undefined {
  const trimmed = url.trim();
  // Browsers ignore tabs and line breaks inside a URL, so `java\tscript:` is a script too.
  if (/^javascript:/i.test(trimmed.replace(/[\t\n\r]/g, ''))) return undefined;
  // In-page anchors, protocol-relative and absolute URLs already mean the same in a reader.
  if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('//') || /^[a-z][a-z\d+.-]*:/i.test(trimmed)) return url;
  return new URL(trimmed, pageUrl).href;
}

function resolveSrcset(srcset: string, pageUrl: string): string {
  return srcset
    .split(',')
    .map((candidate) => {
      const [url = '', ...descriptors] = candidate.trim().split(/\s+/);
      return [resolveUrl(url, pageUrl) ?? '', ...descriptors].join(' ');
    })
    .join(', ');
}

/** Rewrites an element's attributes in place: URLs absolute, page-only markers and event handlers gone. */
function prepareAttributes(element: Element, pageUrl: string): void {
  element.attrs = element.attrs.flatMap((attribute) => {
    if (PAGE_ONLY_ATTRIBUTE.test(attribute.name)) return [];
    if (attribute.name === 'srcset') return [{ ...attribute, value: resolveSrcset(attribute.value, pageUrl) }];
    if (!URL_ATTRIBUTES.has(attribute.name)) return [attribute];
    const value = resolveUrl(attribute.value, pageUrl);
    return value === undefined ? [] : [{ ...attribute, value }];
  });
}

/** The nodes a feed keeps in place of `nodes`: comments and page-only elements gone, `<noscript>` unwrapped. */
function prepareNodes(nodes: readonly ChildNode[], pageUrl: string): ChildNode[] {
  return nodes.flatMap((node): ChildNode[] => {
    if (node.nodeName === '#comment') return [];
    if (!('tagName' in node)) return [node];
    if (isLeftOut(node)) return [];
    const children = prepareNodes(node.childNodes, pageUrl);
    // A chart's static image sits in <noscript> for browsers without JavaScript; a reader is one.
    if (node.tagName === 'noscript') {
      for (const child of children) child.parentNode = node.parentNode;
      return children;
    }
    if (node.tagName === 'table' && attributeOf(node, 'data-feed-list') !== undefined) {
      node.childNodes = children;
      const list = tableAsList(node);
      for (const child of list) child.parentNode = node.parentNode;
      return list;
    }
    prepareAttributes(node, pageUrl);
    node.childNodes = children;
    return [node];
  });
}

/**
 * Turns the HTML of a post's body (src/components/PostBody.astro, as its page shows it) into a feed
 * item's content: scripts, styles, templates, canvases and comments removed (feed readers run no
 * JavaScript), the `<noscript>` fallbacks such as a chart's static PNG put in their place, a chart's
 * data table left out, the key figures and the risk watch turned into lists, Astro's and Pagefind's markers and any event handler dropped, and every relative
 * URL made absolute from `pageUrl`, the post page's URL, as a browser on the page resolves it.
 */
export function prepareFeedHtml(html: string, pageUrl: string): string {
  // With scripting off, parse5 reads <noscript> content as markup, the way a browser without JavaScript does.
  const fragment = parseFragment(html, { scriptingEnabled: false });
  fragment.childNodes = prepareNodes(fragment.childNodes, pageUrl);
  return serialize(fragment).trim();
}
