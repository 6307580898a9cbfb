import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TEST_NOW } from './build-site.ts';
import { readFrontmatter } from '../../src/lib/read-post.ts';

/** A post of the visibility fixture: its URL slug and a title found nowhere else on the site. */
export interface VisibilityPost {
  slug: string;
  title: string;
}

function titleOf(contentDir: string, relativePath: string): string {
  const data = readFrontmatter(readFileSync(path.join(contentDir, 'posts', relativePath), 'utf8')) as { title: string };
  return data.title;
}

function writeScheduled(contentDir: string, date: string, title: string, publishAt: string): VisibilityPost {
  const text = [
    '---',
    'kind: weekly',
    `title: ${title}`,
    'description: 公開時刻を指定した週報。',
    `date: ${date}`,
    'author: テスト編集部',
    'topics: [small-cap-growth]',
    `publishAt: ${publishAt}`,
    '---',
    '',
    '公開時刻を指定した週報の本文。',
    '',
  ].join('\n');
  writeFileSync(path.join(contentDir, 'posts', 'ja', date.slice(0, 4), `${date}.mdx`), text);
  return { slug: date, title };
}

/**
 * Adds two weekly posts with `publishAt` to a copy of the fixture site (one a second after TEST_NOW,
 * one exactly at it) and names them with the fixture's draft and future-dated posts: what a production
 * build at TEST_NOW must hide, and what it must show.
 */
export function addScheduledPosts(contentDir: string): { hidden: VisibilityPost[]; shown: VisibilityPost[] } {
  const now = new Date(TEST_NOW).getTime();
  // publishAt is written in Tokyo time, as an author in Japan would; the comparison is by instant.
  const tokyo = (time: number) => `${new Date(time + 9 * 3600_000).toISOString().slice(0, 19)}+09:00`;
  return {
    hidden: [
      { slug: '2026-01-30', title: titleOf(contentDir, 'ja/2026/2026-01-30.mdx') },
      { slug: '2026-09-04-future-outlook', title: titleOf(contentDir, 'ja/2026/2026-09-04-future-outlook.mdx') },
      writeScheduled(contentDir, '2026-02-20', '予約投稿・公開一秒前', tokyo(now + 1000)),
    ],
    shown: [writeScheduled(contentDir, '2026-02-27', '予約投稿・公開時刻ちょうど', tokyo(now))],
  };
}
