import { parseFragment, serialize, type DefaultTreeAdapterTypes } from 'parse5';

type ChildNode = DefaultTreeAdapterTypes.ChildNode;
type Element = DefaultTreeAdapterTypes.Element;

/** Elements that only run, style or draw on the page: a feed reader runs no script and applies no stylesheet. */
const PAGE_ONLY_ELEMENTS = new Set(['script', 'style', 'template', 'canvas']);

/** Markers for Astro's scoped styles and for the search indexer, and event handlers: nothing a reader uses. */
const PAGE_ONLY_ATTRIBUTE = /^(?:data-astro-|data-pagefind-|on)/i;

/** Attributes holding one URL. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'poster', 'action', 'cite']);

function hasClass(element: Element, name: string): boolean {
  return element.attrs.some((attribute) => attribute.name === 'class' && attribute.value.split(/\s+/).includes(name));
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
    prepareAttributes(node, pageUrl);
    node.childNodes = children;
    return [node];
  });
}

/**
 * Turns the HTML of a post's body (src/components/PostBody.astro, as its page shows it) into a feed
 * item's content: scripts, styles, templates, canvases and comments removed (feed readers run no
 * JavaScript), the `<noscript>` fallbacks such as a chart's static PNG put in their place, a chart's
 * data table left out, Astro's and Pagefind's markers and any event handler dropped, and every relative
 * URL made absolute from `pageUrl`, the post page's URL, as a browser on the page resolves it.
 */
export function prepareFeedHtml(html: string, pageUrl: string): string {
  // With scripting off, parse5 reads <noscript> content as markup, the way a browser without JavaScript does.
  const fragment = parseFragment(html, { scriptingEnabled: false });
  fragment.childNodes = prepareNodes(fragment.childNodes, pageUrl);
  return serialize(fragment).trim();
}
