import { readEnvironment } from './environment.ts';
import { loadProductionSite, loadSite } from './read-content.ts';

/**
 * The validated site every page renders from. The dev server shows drafts and scheduled posts;
 * a production build never does, and reads the model the integration already validated. The Shūhō
 * integration re-evaluates this module when content changes.
 * MODE, not DEV: Vite derives DEV from NODE_ENV, which test runners set to "test" even for `astro build`.
 */
export const site = import.meta.env.MODE === 'development'
  ? loadSite(readEnvironment(), { includeDrafts: true })
  : loadProductionSite(readEnvironment());
