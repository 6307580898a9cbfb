import { formatDate } from '../i18n/format.ts';
import { LOCALES } from '../i18n/locale.ts';
import { isIsoDate } from '../lib/dates.ts';

/** A result as Pagefind's default UI hands it to processResult: only the part the site touches. */
interface PagefindResult {
  meta: Record<string, string>;
}

/** The options of Pagefind's default UI that the site sets. */
interface PagefindUIOptions {
  element: HTMLElement;
  bundlePath: string;
  baseUrl: string;
  showImages: boolean;
  showSubResults: boolean;
  translations: Record<string, string>;
  processResult: (result: PagefindResult) => PagefindResult;
}

/** Defined by pagefind/pagefind-ui.js, which the page loads (deferred) before this module runs. */
const { PagefindUI } = window as Window & { PagefindUI?: new (options: PagefindUIOptions) => unknown };
const root = document.querySelector<HTMLElement>('[data-search]');
// Both below the site's base (SearchBox.astro writes them): the bundle's files, and the result URLs,
// which Pagefind stores from the output's root.
const bundlePath = root?.dataset['bundlePath'];
const baseUrl = root?.dataset['baseUrl'];
const locale = LOCALES.find((candidate) => candidate === root?.dataset['locale']);
const labels = JSON.parse(root?.dataset['metaLabels'] ?? '{}') as Partial<Record<'kind' | 'date', string>>;

/**
 * The UI lists every metadata field but the title and image as "key: value" tags; a post records its
 * kind (already in the page's language) and its date as YYYY-MM-DD, shown here as the page writes dates.
 */
function labelMeta(result: PagefindResult): PagefindResult {
  const { kind, date, ...rest } = result.meta;
  const meta: Record<string, string> = { ...rest };
  if (kind && labels.kind) meta[labels.kind] = kind;
  if (date && labels.date) meta[labels.date] = locale && isIsoDate(date) ? formatDate(locale, date) : date;
  return { ...result, meta };
}

if (root && PagefindUI && bundlePath !== undefined && baseUrl !== undefined) {
  new PagefindUI({
    element: root,
    bundlePath,
    baseUrl,
    showImages: false,
    showSubResults: true,
    translations: JSON.parse(root.dataset['translations'] ?? '{}') as Record<string, string>,
    processResult: labelMeta,
  });
  // Pagefind names its search field with a title only, which assistive technology may not announce as a label.
  const input = root.querySelector('input');
  if (input?.title) input.setAttribute('aria-label', input.title);
}
