import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, TEST_NOW } from '../helpers/build-site.ts';
import { copyContent } from '../helpers/cli.ts';
import { addScheduledPosts, type VisibilityPost } from '../helpers/visibility.ts';

/** The readable text of a built site: pages, feeds, sitemaps and the decompressed search index. */
function readSite(dist: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const name of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(dist, name);
    if (/\.(html|xml|json|txt)$/.test(name)) texts.set(name, readFileSync(file, 'utf8'));
    // Pagefind stores each page's text gzipped; what is not in a fragment cannot be found by search.
    else if (name.endsWith('.pf_fragment')) texts.set(name, gunzipSync(readFileSync(file)).toString('utf8'));
  }
  return texts;
}

function filesMentioning(texts: Map<string, string>, post: VisibilityPost): string[] {
  return [...texts].filter(([, text]) => text.includes(`/posts/${post.slug}/`) || text.includes(post.title)).map(([name]) => name);
}

describe('drafts and scheduled posts in a production build', () => {
  let dist = '';
  let posts: ReturnType<typeof addScheduledPosts>;
  let texts = new Map<string, string>();

  beforeAll(async () => {
    const contentDir = copyContent(undefined, 'visibility');
    posts = addScheduledPosts(contentDir);
    const base = path.dirname(contentDir);
    dist = path.join(base, 'dist');
    const result = await buildSite({ contentDir, outDir: dist, now: TEST_NOW });
    if (result.code !== 0) throw new Error(`the build failed:\n${result.stdout}\n${result.stderr}`);
    texts = readSite(dist);
  });

  test('a draft, a future as-of date and a future publishAt get no page in either language', () => {
    for (const post of posts.hidden) {
      for (const locale of ['ja', 'en']) expect(existsSync(path.join(dist, locale, 'posts', post.slug, 'index.html')), `${locale}/${post.slug}`).toBe(false);
    }
  });

  test('a post whose publishAt is now is published', () => {
    for (const post of posts.shown) expect(existsSync(path.join(dist, 'ja', 'posts', post.slug, 'index.html'))).toBe(true);
  });

  test('they appear nowhere else either: no link, title, feed item, sitemap entry or search entry', () => {
    // The positive control proves each kind of file is read: the published post is in pages, feeds, sitemap and search.
    const shown = filesMentioning(texts, posts.shown[0] as VisibilityPost);
    expect(shown.some((name) => name.endsWith('.html'))).toBe(true);
    for (const kind of ['rss.xml', 'feed.json', 'sitemap-0.xml', '.pf_fragment']) {
      if ([...texts.keys()].some((name) => name.endsWith(kind))) expect(shown.some((name) => name.endsWith(kind)), kind).toBe(true);
    }
    for (const post of posts.hidden) expect(filesMentioning(texts, post), post.slug).toEqual([]);
  });

  test('the build has feeds, a sitemap and a search index to check', () => {
    const names = [...texts.keys()];
    expect(names.some((name) => name.endsWith('rss.xml'))).toBe(true);
    expect(names.some((name) => name.startsWith('sitemap'))).toBe(true);
    expect(names.some((name) => name.endsWith('.pf_fragment'))).toBe(true);
  });
});
