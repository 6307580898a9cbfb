import type { Problem } from './problems.ts';
import type { PostFile, SitePost } from './site-model.ts';
import { filesByLocale, LOCALES, SOURCE_LOCALE, type Locale } from '../i18n/locale.ts';

/** One post page: the chrome's language, the file whose body is shown, and whether it is a fallback. */
export interface PostPage {
  locale: Locale;
  post: SitePost;
  /** The file rendered: the translation, or the Japanese source on a fallback page. */
  file: PostFile;
  /** The English URL of a post with no (published) translation: English chrome, Japanese body, noindex. */
  isFallback: boolean;
}

/** Every post page of the site in both languages; a missing translation gives a fallback page. */
export function getPostPages(posts: readonly SitePost[]): PostPage[] {
  return posts.flatMap((post) => filesByLocale(post.source, post.translation).map((page): PostPage => ({ ...page, post })));
}

/** The page of one post in one language. */
export function getPostPage(post: SitePost, locale: Locale): PostPage {
  const page = getPostPages([post]).find((candidate) => candidate.locale === locale);
  if (!page) throw new RangeError(`no ${locale} page for ${post.id}`);
  return page;
}

type Adjacent = { previous: SitePost | undefined; next: SitePost | undefined };

const adjacentByList = new WeakMap<readonly SitePost[], Map<string, Adjacent>>();

/**
 * The posts before and after `post` among those of the same kind, by date. Worked out once per list
 * for all its posts: every post page and its cache key ask.
 */
export function getAdjacentPosts(posts: readonly SitePost[], post: SitePost): Adjacent {
  let adjacent = adjacentByList.get(posts);
  if (!adjacent) {
    adjacent = new Map();
    const lastOfKind = new Map<SitePost['kind'], SitePost>();
    // Posts are sorted newest first, so the previous (older) post comes after this one.
    for (const candidate of posts) {
      const newer = lastOfKind.get(candidate.kind);
      adjacent.set(candidate.id, { previous: undefined, next: newer });
      const newerEntry = newer && adjacent.get(newer.id);
      if (newerEntry) newerEntry.previous = candidate;
      lastOfKind.set(candidate.kind, candidate);
    }
    adjacentByList.set(posts, adjacent);
  }
  return adjacent.get(post.id) ?? { previous: undefined, next: undefined };
}

/** Title and description of a post as shown in a locale (falls back to the Japanese source). */
export function getPostText(post: SitePost, locale: Locale): { title: string; description: string; lang: Locale } {
  const file = getPostPage(post, locale).file;
  return { title: file.frontmatter.title, description: file.frontmatter.description, lang: file.locale };
}

/** A post page the dev server cannot render, and why: the problems of the files it shows. */
export interface BrokenPostPage {
  locale: Locale;
  slug: string;
  problems: readonly Problem[];
}

const POST_FILE = /(?:^|\/)posts\/(ja|en)\/\d{4}\/([^/]+)\.mdx$/;

/**
 * The post pages the problems of post files break. A source's problems break both its pages (the
 * English page shows the source's figures, or its body as a fallback); a translation's only its own.
 */
export function getBrokenPostPages(problems: readonly Problem[]): BrokenPostPage[] {
  const byPage = new Map<string, BrokenPostPage & { problems: Problem[] }>();
  for (const problem of problems) {
    const match = POST_FILE.exec(problem.file);
    if (!match) continue;
    const [, fileLocale, slug] = match as unknown as [string, Locale, string];
    for (const locale of fileLocale === SOURCE_LOCALE ? LOCALES : [fileLocale]) {
      const key = `${locale}/${slug}`;
      const page = byPage.get(key) ?? { locale, slug, problems: [] };
      page.problems.push(problem);
      byPage.set(key, page);
    }
  }
  return [...byPage.values()];
}
