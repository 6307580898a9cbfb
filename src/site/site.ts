import { siteHref } from '../i18n/paths.ts';
import type { BrokenPostPage } from '../lib/post-views.ts';
import type { SiteModel } from '../lib/site-model.ts';
import { readEnvironment } from './environment.ts';
import { loadDevSite, loadProductionSite } from './read-content.ts';

const isDev = import.meta.env.MODE === 'development';
const dev = isDev ? loadDevSite(readEnvironment()) : undefined;

/**
 * The validated site every page renders from. The dev server shows drafts and scheduled posts and
 * leaves out posts with problems (their pages show the problems instead); a production build shows
 * neither, and reads the model the integration already validated. The Shūhō integration re-evaluates
 * this module when content changes.
 * MODE, not DEV: Vite derives DEV from NODE_ENV, which test runners set to "test" even for `astro build`.
 */
export const site: SiteModel = dev?.site ?? loadProductionSite(readEnvironment());

/** The post pages of posts with problems, in the dev server only (a build with any problem never starts). */
export const brokenPostPages: readonly BrokenPostPage[] = dev?.brokenPostPages ?? [];

/** The link a page writes for a path on the site: below the site URL's path (see siteHref in src/i18n/paths.ts). */
export function href(pathname: string): string {
  return siteHref(site.registry.site.url, pathname);
}
