/** The options of Pagefind's default UI that the site sets. */
interface PagefindUIOptions {
  element: HTMLElement;
  bundlePath: string;
  baseUrl: string;
  showImages: boolean;
  showSubResults: boolean;
  translations: Record<string, string>;
}

/** Defined by pagefind/pagefind-ui.js, which the page loads (deferred) before this module runs. */
const { PagefindUI } = window as Window & { PagefindUI?: new (options: PagefindUIOptions) => unknown };
const root = document.querySelector<HTMLElement>('[data-search]');
// Both below the site's base (SearchBox.astro writes them): the bundle's files, and the result URLs,
// which Pagefind stores from the output's root.
const bundlePath = root?.dataset['bundlePath'];
const baseUrl = root?.dataset['baseUrl'];
if (root && PagefindUI && bundlePath !== undefined && baseUrl !== undefined) {
  new PagefindUI({
    element: root,
    bundlePath,
    baseUrl,
    showImages: false,
    showSubResults: true,
    translations: JSON.parse(root.dataset['translations'] ?? '{}') as Record<string, string>,
  });
  // Pagefind names its search field with a title only, which assistive technology may not announce as a label.
  const input = root.querySelector('input');
  if (input?.title) input.setAttribute('aria-label', input.title);
}
