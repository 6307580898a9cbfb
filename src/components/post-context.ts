import type { PostPage } from '../lib/post-views.ts';
import type { SiteModel } from '../lib/site-model.ts';

/** What MDX components inside a post body can read from `Astro.locals.post`. */
export interface PostContext {
  page: PostPage;
  site: SiteModel;
}

/** The post being rendered; throws a clear error when a post component is used outside a post. */
export function requirePostContext(locals: App.Locals, component: string): PostContext {
  if (!locals.post) throw new Error(`<${component} /> can only be used inside a post body.`);
  return locals.post;
}
