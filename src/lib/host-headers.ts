import { parseFragment, type DefaultTreeAdapterTypes } from 'parse5';

/** One rule of a `_headers` file (Netlify, Cloudflare Pages): a URL pattern and the headers sent for it. */
export interface HeaderRule {
  pattern: string;
  headers: readonly (readonly [name: string, value: string])[];
}

/** A built HTML page: its path in the output, e.g. `ja/posts/2026-02-13/index.html`, and its meta policy. */
export interface BuiltPage {
  file: string;
  policy: string | undefined;
}

/** For files whose name changes with their content: a browser may keep them for a year without asking again. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** For pages and everything else: a browser asks each time whether it changed (a corrected figure shows at once). */
export const REVALIDATE = 'public, max-age=0, must-revalidate';

/**
 * Output directories whose file names are content hashes: Vite's bundles, and chart PNGs and CSVs
 * named by the hash of their spec and renderer (src/site/render-chart.ts). Social cards are not:
 * /og/<language>/<slug>.png is redrawn in place when a title changes.
 */
export const HASHED_DIRECTORIES = ['_astro', 'charts'] as const;

/** What a meta policy cannot carry: a page may not be framed by another site (clickjacking). */
const FRAME_ANCESTORS = "frame-ancestors 'none'";

/** The Content-Security-Policy a built page declares in its `<meta http-equiv>`, or undefined when it has none. */
export function readMetaPolicy(html: string): string | undefined {
  // The tag alone goes through the HTML parser, so entities in the attribute decode as a browser decodes them.
  const tag = /<meta\s[^>]*http-equiv=["']?content-security-policy["']?[^>]*>/i.exec(html)?.[0];
  if (tag === undefined) return undefined;
  const [element] = parseFragment(tag).childNodes as DefaultTreeAdapterTypes.Element[];
  return element?.attrs.find((attribute) => attribute.name === 'content')?.value.trim();
}

/** A policy's directives, each with its sources in order: "img-src 'self'; …" → Map { 'img-src' => ["'self'"] }. */
export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name === undefined || name === '') continue;
    const known = directives.get(name.toLowerCase()) ?? [];
    directives.set(name.toLowerCase(), [...known, ...sources.filter((source) => !known.includes(source))]);
  }
  return directives;
}

/**
 * One policy that allows what each of `policies` allows, directive by directive, sources in the order
 * first seen. A header policy is enforced on top of a page's meta policy, so a superset of every
 * page's policy blocks nothing the page allows.
 */
export function mergePolicies(policies: readonly string[]): string {
  const merged = parsePolicy(policies.join(';'));
  return [...merged].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * The URL pattern covering a page in the `_headers` file: its top-level folder (`/ja/*`), or the
 * page itself when it sits at the top (`/`, `/404.html`). Few rules, since Cloudflare Pages reads at most 100.
 */
function pagePattern(base: string, file: string): string {
  const [top = '', ...rest] = file.split('/');
  if (rest.length > 0) return `${base}${top}/*`;
  return top === 'index.html' ? base : `${base}${top}`;
}

/**
 * The rules of the site's `_headers` file, every pattern below `base` (the site URL's path, with
 * slashes at both ends). Both hosts send every matching rule's headers, and join the values of a
 * header two rules set, so no header is set by two rules that can match one URL: the security headers
 * sit on `<base>*`, the cache lifetimes and the policy on patterns that do not overlap. A page's
 * pattern sends the policy its pages declare in their meta tag (their union, should two differ) plus
 * `frame-ancestors 'none'`, which a meta policy cannot carry.
 */
export function buildHeaderRules(base: string, pages: readonly BuiltPage[]): HeaderRule[] {
  const policiesByPattern = new Map<string, string[]>();
  for (const page of pages) {
    const pattern = pagePattern(base, page.file);
    const policies = policiesByPattern.get(pattern) ?? [];
    if (page.policy !== undefined) policies.push(page.policy);
    policiesByPattern.set(pattern, policies);
  }
  return [
    { pattern: `${base}*`, headers: [['X-Content-Type-Options', 'nosniff'], ['Referrer-Policy', 'strict-origin-when-cross-origin']] },
    ...HASHED_DIRECTORIES.map((directory): HeaderRule => ({ pattern: `${base}${directory}/*`, headers: [['Cache-Control', IMMUTABLE]] })),
    ...[...policiesByPattern].sort(([a], [b]) => a.localeCompare(b)).map(([pattern, policies]): HeaderRule => ({
      pattern,
      headers: [['Cache-Control', REVALIDATE], ['Content-Security-Policy', mergePolicies([...policies, FRAME_ANCESTORS])]],
    })),
  ];
}

/** The text of a `_headers` file: each pattern on a line of its own, its headers indented below it. */
export function renderHeadersFile(rules: readonly HeaderRule[]): string {
  const blocks = rules.map((rule) => [rule.pattern, ...rule.headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n'));
  return `# Written with every build by Shūhō (src/lib/host-headers.ts) for Netlify and Cloudflare Pages; see docs/deploy.md.\n${blocks.join('\n\n')}\n`;
}
