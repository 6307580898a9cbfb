import Parser from 'rss-parser';
import { describe, expect, test } from 'vitest';
import {
  buildFeedChannel, buildFeedItem, calendarDateInstant, getFeedPages, renderJsonFeed, renderRss, type FeedItem,
} from '../../src/lib/feed.ts';
import { escapeXml } from '../../src/lib/markup.ts';
import { makeModel } from '../helpers/model.ts';


describe('escapeXml', () => {
  test('escapes markup and drops characters XML cannot carry', () => {
    expect(escapeXml('<b>"A" & \'B\'</b>\u0001')).toBe('&lt;b&gt;&quot;A&quot; &amp; &apos;B&apos;&lt;/b&gt;');
  });
});

describe('calendarDateInstant', () => {
  test('is noon UTC, the same calendar day from UTC−11 to UTC+11', () => {
    const instant = new Date(calendarDateInstant('2026-02-13'));
    for (const timeZone of ['Pacific/Pago_Pago', 'America/New_York', 'Asia/Tokyo', 'Pacific/Noumea']) {
      expect(instant.toLocaleDateString('en-CA', { timeZone })).toBe('2026-02-13');
    }
  });
});

describe('getFeedPages', () => {
  const model = makeModel([
    { date: '2026-02-13', topics: ['china'] },
    { date: '2026-02-06', topics: ['china'], locales: ['ja'] },
    { date: '2026-01-30', topics: ['china'], draft: true },
    { date: '2026-08-28', topics: ['china'] },
  ], '2026-08-20T00:00:00Z');

  test('the Japanese feed has every visible post, newest first', () => {
    expect(getFeedPages(model.posts, 'ja').map((page) => page.post.date)).toEqual(['2026-02-13', '2026-02-06']);
  });
  test('the English feed leaves out fallback pages of untranslated posts', () => {
    expect(getFeedPages(model.posts, 'en').map((page) => page.post.date)).toEqual(['2026-02-13']);
  });
  test('drafts and future posts never appear, even when handed all posts', () => {
    const dates = getFeedPages(model.posts, 'ja').map((page) => page.post.date);
    expect(dates).not.toContain('2026-01-30');
    expect(dates).not.toContain('2026-08-28');
  });
  test('keeps the newest posts up to the limit', () => {
    expect(getFeedPages(model.posts, 'ja', 1).map((page) => page.post.date)).toEqual(['2026-02-13']);
  });
});

describe('renderRss and renderJsonFeed', () => {
  const model = makeModel([{ date: '2026-02-13', topics: ['private-credit', 'china'], updated: '2026-02-16' }]);
  const page = getFeedPages(model.posts, 'en')[0]!;
  const item: FeedItem = buildFeedItem(page, model.registry, '<p>Body with ]]> and <a href="https://shuho.example/x">a link</a></p>');
  const channel = buildFeedChannel(model.registry, 'en');

  test('an RSS 2.0 feed a real parser reads back: language, self link, permalink GUID, dates, full content', async () => {
    const xml = renderRss(channel, [item]);
    expect(xml).toContain('<atom:link href="https://shuho.example/en/rss.xml" rel="self" type="application/rss+xml"/>');
    expect(xml).toContain('<guid isPermaLink="true">https://shuho.example/en/posts/2026-02-13/</guid>');
    const feed = await new Parser().parseString(xml);
    expect(feed.title).toBe('Shūhō: US Small-Cap Growth Weekly');
    expect(feed.language).toBe('en');
    expect(feed.link).toBe('https://shuho.example/en/');
    expect(feed.lastBuildDate).toBe('Mon, 16 Feb 2026 12:00:00 GMT');
    const [parsed] = feed.items;
    expect(parsed?.link).toBe('https://shuho.example/en/posts/2026-02-13/');
    expect(parsed?.pubDate).toBe('Fri, 13 Feb 2026 12:00:00 GMT');
    expect(parsed?.categories).toEqual(['Private credit', 'China']);
    expect(parsed?.['content:encoded']).toBe(item.contentHtml);
    expect(parsed?.contentSnippet).toBe(item.summary);
  });

  test('a JSON Feed 1.1 with the same items', () => {
    const feed = JSON.parse(renderJsonFeed(channel, [item])) as Record<string, unknown> & { items: Record<string, unknown>[] };
    expect(feed['version']).toBe('https://jsonfeed.org/version/1.1');
    expect(feed['feed_url']).toBe('https://shuho.example/en/feed.json');
    expect(feed.items[0]).toMatchObject({
      id: 'https://shuho.example/en/posts/2026-02-13/',
      content_html: item.contentHtml,
      date_published: '2026-02-13T12:00:00.000Z',
      date_modified: '2026-02-16T12:00:00.000Z',
      image: 'https://shuho.example/og/en/2026-02-13.png',
      language: 'en',
    });
  });

  test('a correction later than the update dates the item modified', () => {
    const corrected = makeModel([{
      date: '2026-02-13',
      topics: ['china'],
      updated: '2026-02-16',
      frontmatter: ['corrections:', '  - date: 2026-02-20', '    note: { ja: 終値を訂正。, en: Corrected a close. }', '  - date: 2026-02-18', '    note: { ja: 誤字を訂正。, en: Fixed a typo. }'],
    }]);
    const [first] = getFeedPages(corrected.posts, 'en');
    expect(buildFeedItem(first!, corrected.registry, '<p>Body</p>').modified).toBe('2026-02-20T12:00:00.000Z');
  });

  test('an empty feed is still valid and has no build date', async () => {
    const xml = renderRss(channel, []);
    expect(xml).not.toContain('lastBuildDate');
    expect((await new Parser().parseString(xml)).items).toEqual([]);
  });
});
