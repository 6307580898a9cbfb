import { describe, expect, test } from 'vitest';
import { buildHead } from '../../src/lib/page-head.ts';
import { getPostPage } from '../../src/lib/post-views.ts';
import { buildArticleMeta, buildNewsArticle, buildSocialMeta, serializeJsonLd } from '../../src/lib/structured-data.ts';
import { makeModel } from '../helpers/model.ts';

const model = makeModel([
  { date: '2026-02-13', topics: ['private-credit'], updated: '2026-02-16' },
  { date: '2026-02-06', topics: ['china'], locales: ['ja'] },
]);
const translated = model.posts.find((post) => post.date === '2026-02-13')!;
const untranslated = model.posts.find((post) => post.date === '2026-02-06')!;

describe('buildNewsArticle', () => {
  test('has headline, dates, author, language and the social card as image', () => {
    const page = getPostPage(translated, 'en');
    const data = buildNewsArticle(page, model.registry, buildArticleMeta(page, model.registry));
    expect(data).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Weekly 2026-02-13 (en)',
      datePublished: '2026-02-13T12:00:00.000Z',
      dateModified: '2026-02-16T12:00:00.000Z',
      author: [{ '@type': 'Organization', name: 'Test' }],
      inLanguage: 'en',
      image: ['https://shuho.example/og/en/2026-02-13.png'],
      url: 'https://shuho.example/en/posts/2026-02-13/',
    });
  });
  test('a correction later than the update is the date the article was last modified, as in the feeds', () => {
    const corrected = makeModel([{
      date: '2026-02-13', topics: ['private-credit'], updated: '2026-02-16',
      frontmatter: ['corrections:', '  - date: 2026-02-20', '    note: { ja: 終値を訂正しました。, en: A close was corrected. }'],
    }]);
    const page = getPostPage(corrected.posts[0]!, 'en');
    expect(buildArticleMeta(page, corrected.registry).modified).toBe('2026-02-20T12:00:00.000Z');
  });
  test('says the text of a fallback page is Japanese', () => {
    const page = getPostPage(untranslated, 'en');
    expect(buildNewsArticle(page, model.registry, buildArticleMeta(page, model.registry))['inLanguage']).toBe('ja');
  });
});

describe('serializeJsonLd', () => {
  test('a title cannot close the script element or open a comment', () => {
    const json = serializeJsonLd({ headline: '</script><script>alert(1)</script> <!-- & \u2028' });
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual({ headline: '</script><script>alert(1)</script> <!-- & \u2028' });
  });
});

describe('buildSocialMeta', () => {
  const head = buildHead({ locale: 'ja', pathname: '/ja/posts/2026-02-13/', title: 'T', description: 'D', siteUrl: 'https://shuho.example', siteTitle: 'S' });
  const content = (tags: ReturnType<typeof buildSocialMeta>, key: string) =>
    tags.filter((tag) => ('property' in tag ? tag.property : tag.name) === key).map((tag) => tag.content);

  test('a post gets an article with its large card', () => {
    const page = getPostPage(translated, 'ja');
    const tags = buildSocialMeta(head, 'ja', 'S', buildArticleMeta(page, model.registry));
    expect(content(tags, 'og:type')).toEqual(['article']);
    expect(content(tags, 'og:url')).toEqual(['https://shuho.example/ja/posts/2026-02-13/']);
    expect(content(tags, 'og:image')).toEqual(['https://shuho.example/og/ja/2026-02-13.png']);
    expect(content(tags, 'og:image:width')).toEqual(['1200']);
    expect(content(tags, 'og:locale')).toEqual(['ja_JP']);
    expect(content(tags, 'og:locale:alternate')).toEqual(['en_US']);
    expect(content(tags, 'twitter:card')).toEqual(['summary_large_image']);
    expect(content(tags, 'article:tag')).toEqual(['プライベート・クレジット']);
  });
  test('another page is a website without an image', () => {
    const tags = buildSocialMeta(head, 'ja', 'S', undefined);
    expect(content(tags, 'og:type')).toEqual(['website']);
    expect(content(tags, 'og:image')).toEqual([]);
    expect(content(tags, 'twitter:card')).toEqual(['summary']);
  });
});
