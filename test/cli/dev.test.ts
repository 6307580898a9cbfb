import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatProblems } from '../../src/lib/problems.ts';
import { buildSiteModel } from '../../src/lib/site-model.ts';
import { readContentFiles } from '../../src/site/read-content.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { copyContent, editFile, NODE, stopServer, freePort } from '../helpers/cli.ts';
import { astroEnvironment, TEST_NOW } from '../helpers/build-site.ts';
import { createIsolatedRoot } from '../helpers/isolated-root.ts';
import { addScheduledPosts, type VisibilityPost } from '../helpers/visibility.ts';


/** Polls `check` every 250 ms until it returns something other than undefined, or fails after `seconds`. */
async function waitFor<T>(what: string, seconds: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const cause = (last as { cause?: unknown } | undefined)?.cause;
  throw new Error(`timed out after ${seconds} s waiting for ${what}${last === undefined ? '' : ` (last error: ${String(last)}${cause === undefined ? '' : `, ${String(cause)}`})`}`);
}

/** The problem lines (`  - field (line N): …`) the check reports for a content directory: what the author must see. */
function problemLines(root: string, contentDir: string): string[] {
  const { problems } = buildSiteModel(readContentFiles({ root, contentDir, now: new Date(TEST_NOW) }), { now: new Date(TEST_NOW), includeDrafts: true });
  return formatProblems(problems).split('\n').filter((line) => line.startsWith('  - '));
}

describe('npm run dev', () => {
  let server: ChildProcess | undefined;
  let origin = '';
  let output = '';
  let root = '';
  let contentDir = '';
  let posts: ReturnType<typeof addScheduledPosts>;
  let browser: Browser | undefined;

  const fetchPage = async (pathname: string) => {
    const response = await fetch(`${origin}${pathname}`);
    return { status: response.status, text: await response.text() };
  };

  /** The text of Astro's error overlay on a page, as the author sees it in the browser. */
  const overlayText = async (pathname: string): Promise<string> => {
    const page = await (browser as Browser).newPage();
    try {
      await page.goto(`${origin}${pathname}`);
      const message = page.locator('vite-error-overlay #message-content');
      await message.waitFor({ timeout: 20_000 });
      return await message.innerText();
    } finally {
      await page.close();
    }
  };

  beforeAll(async () => {
    contentDir = copyContent(undefined, 'dev');
    posts = addScheduledPosts(contentDir);
    root = createIsolatedRoot(path.join(path.dirname(contentDir), 'root'));
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    server = spawn(NODE, [path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
      cwd: root,
      env: astroEnvironment({ SHUHO_CONTENT_DIR: contentDir, SHUHO_NOW: TEST_NOW, NODE_ENV: 'development' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await waitFor('the dev server to answer', 90, async () => {
        if (server?.exitCode !== null) throw new Error(`the dev server exited with ${String(server?.exitCode)}`);
        return (await fetchPage('/ja/')).status === 200 ? true : undefined;
      });
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${output.slice(-4000)}`);
    }
    browser = await launchBrowser();
  }, 150_000);

  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
  });

  test('shows drafts and scheduled posts as they will be published', async () => {
    for (const post of [...posts.hidden, ...posts.shown]) {
      const page = await fetchPage(`/ja/posts/${post.slug}/`);
      expect(page.status, post.slug).toBe(200);
      expect(page.text).toContain(post.title);
    }
  }, 60_000);

  test('badges a draft and a scheduled post on its page and in the archive, and a published post not', async () => {
    const [draft, future, justBefore] = posts.hidden as [VisibilityPost, VisibilityPost, VisibilityPost];
    const [atNow] = posts.shown as [VisibilityPost];
    const archive = (await fetchPage('/ja/archive/')).text;
    /** The preview badge in a piece of HTML, as its state and its words. */
    const badge = (html: string | undefined) => {
      const match = /data-preview="(\w+)"[^>]*>([^<]*)</.exec(html ?? '');
      return match ? `${match[1]}: ${match[2]}` : 'none';
    };
    for (const [post, expected] of [[draft, 'draft: 下書き'], [future, 'scheduled: 公開予約'], [justBefore, 'scheduled: 公開予約'], [atNow, 'none']] as const) {
      // The post's own header (the first kind line of its page), not a related post listed below it.
      const header = /<p class="kind"[^>]*>.*?<\/p>/s.exec((await fetchPage(`/ja/posts/${post.slug}/`)).text)?.[0];
      expect(badge(header), `${post.slug} page`).toBe(expected);
      const row = new RegExp(`<tr data-archive-entry="${post.slug}".*?</tr>`, 's').exec(archive)?.[0];
      expect(row, `${post.slug} in the archive`).toBeDefined();
      expect(badge(row), `${post.slug} in the archive`).toBe(expected);
    }
    expect(badge(/<p class="kind"[^>]*>.*?<\/p>/s.exec((await fetchPage(`/en/posts/${draft.slug}/`)).text)?.[0])).toBe('draft: Draft');
  }, 60_000);

  test('serves each chart PNG, chart CSV and social card a page links, drafts included, and 404 for others', async () => {
    const draft = posts.hidden[0];
    if (!draft) throw new Error('the fixture has no draft');
    const html = (await fetchPage(`/ja/posts/2026-02-13/`)).text;
    const chart = /\/charts\/[0-9a-f]{16}\.png/.exec(html)?.[0];
    expect(chart).toBeDefined();
    for (const [pathname, type] of [[chart ?? '', 'image/png'], [(chart ?? '').replace(/png$/, 'csv'), 'text/csv'], [`/og/en/${draft.slug}.png`, 'image/png']] as const) {
      const response = await fetch(`${origin}${pathname}`);
      expect(response.status, pathname).toBe(200);
      expect(response.headers.get('content-type'), pathname).toContain(type);
      const body = Buffer.from(await response.arrayBuffer());
      if (type === 'image/png') expect(body.subarray(1, 4).toString('latin1'), pathname).toBe('PNG');
    }
    expect((await fetch(`${origin}/og/ja/no-such-post.png`)).status).toBe(404);
  }, 60_000);

  test('a frontmatter error shows the check message in the overlay and the terminal; fixing the file recovers', async () => {
    const file = path.join(contentDir, 'posts', 'ja', '2026', '2026-02-13.mdx');
    const original = readFileSync(file, 'utf8');
    editFile(file, 'close: 1709.95', 'close: "1,709.95"');
    const expected = problemLines(root, contentDir);
    expect(expected).toEqual([expect.stringContaining('indices.russell2000growth.close (line ')]);
    const [line] = expected as [string];
    await waitFor('the error page', 30, async () => ((await fetchPage('/ja/posts/2026-02-13/')).status === 500 ? true : undefined));
    expect(await overlayText('/ja/posts/2026-02-13/')).toContain(line.trim());
    await waitFor('the message in the terminal', 10, async () => (output.includes(line) ? true : undefined));
    // Only the broken post's pages fail, and only they print its message; the rest of the site renders.
    const printed = output.length;
    expect((await fetchPage('/ja/')).status).toBe(200);
    expect((await fetchPage('/ja/posts/2026-02-06/')).status).toBe(200);
    expect((await fetchPage('/en/archive/')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(output.slice(printed), 'other pages print nothing of it').not.toContain(line);
    expect((await fetchPage('/en/posts/2026-02-13/')).status).toBe(500);

    writeFileSync(file, original);
    const page = await waitFor('the page to recover', 30, async () => {
      const result = await fetchPage('/ja/posts/2026-02-13/');
      return result.status === 200 ? result.text : undefined;
    });
    expect(page).toContain('<h1');
  }, 120_000);

  test('a data error (a bad row in closes.csv) does the same', async () => {
    const file = path.join(contentDir, 'data', 'closes.csv');
    const original = readFileSync(file, 'utf8');
    editFile(file, '2026-02-13,sp500,6836.17', '2026-02-13,sp500,6836.17x');
    const [line] = problemLines(root, contentDir) as [string];
    expect(line).toContain('expected a positive number, received "6836.17x"');
    await waitFor('the error page', 30, async () => ((await fetchPage('/ja/')).status === 500 ? true : undefined));
    expect(await overlayText('/ja/')).toContain(line.trim());
    await waitFor('the message in the terminal', 10, async () => (output.includes(line) ? true : undefined));

    writeFileSync(file, original);
    await waitFor('the home page to recover', 30, async () => ((await fetchPage('/ja/')).status === 200 ? true : undefined));
  }, 120_000);
});
