import { createHash } from 'node:crypto';

/** A file of the content directory: its path for messages and its text. */
export interface ContentFile {
  /** Path as shown to the author, relative to the project root. */
  path: string;
  text: string;
}

/** A file below content/posts: `relativePath` is below that folder, e.g. `ja/2026/2026-02-13.mdx`. */
export interface PostContentFile extends ContentFile {
  relativePath: string;
}

/** A file below content/pages: `relativePath` is below that folder, e.g. `en/about.mdx`. */
export interface PageContentFile extends ContentFile {
  relativePath: string;
}

/** The raw inputs of a site, read once by whoever has the files (the CLI, the Astro integration, a test). */
export interface ContentFiles {
  site: ContentFile;
  indices: ContentFile;
  topics: ContentFile;
  risks: ContentFile;
  closes: ContentFile;
  /** content/compliance.json: the publisher, the disclosures, the firm's products and the wording lists. */
  compliance: ContentFile;
  /** content/data/published.json: the figures each published post showed (see src/lib/published-figures.ts). */
  published?: ContentFile;
  /** The files `classifyPostPath` calls posts or misnamed posts, with their text. */
  posts: readonly PostContentFile[];
  /** Every other file below content/posts, unread: editor and system files, images, notes. */
  otherPostFiles?: readonly Omit<PostContentFile, 'text'>[];
  /**
   * The standing pages (about, disclosures, data sources): the files below content/pages that
   * `classifyPostPath` does not ignore, with their text. A site may have none.
   */
  pages?: readonly PageContentFile[];
  /** Every other file below content/pages, unread. */
  otherPageFiles?: readonly Omit<PageContentFile, 'text'>[];
}

/** Normalises line endings and a BOM so the same post hashes and parses the same on every machine. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** A short content hash of a source post, as recorded in its translation's `translatedFrom`. */
export function hashSource(text: string): string {
  return createHash('sha256').update(normaliseText(text)).digest('hex').slice(0, 12);
}

/**
 * What a file below content/posts or content/pages is. Editors and operating systems leave files
 * beside the posts (`.#post.mdx` locks, `._post.mdx` forks, `post.mdx~` backups, `.DS_Store`): they
 * are ignored, as Astro's content loader ignores them. A post's extension is `.mdx` exactly; `.MDX` or
 * `.md` is a post the loader would skip, so it is refused rather than silently left out.
 */
export function classifyPostPath(relativePath: string): 'post' | 'misnamed' | 'ignored' {
  const name = relativePath.split('/').at(-1) ?? '';
  if (name.startsWith('.') || name.startsWith('#') || name.endsWith('~') || name.endsWith('#')) return 'ignored';
  if (name.endsWith('.mdx')) return 'post';
  return /\.(mdx|md|markdown)$/i.test(name) ? 'misnamed' : 'ignored';
}
