import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ContentFiles } from '../../src/lib/content-files.ts';
import { EntriesMemo, memoKey } from '../../src/lib/read-memo.ts';
import { buildSiteModel } from '../../src/lib/site-model.ts';
import type { Visibility } from '../../src/lib/visibility.ts';
import { imageCacheDir, readEnvironment } from '../../src/site/environment.ts';
import { readContentFiles } from '../../src/site/read-content.ts';
import { openReadMemo, readMemoFile } from '../../src/site/read-memo-store.ts';
import { FIXTURE_CONTENT, ROOT, TEST_NOW } from '../helpers/build-site.ts';

const FIXTURE = readContentFiles(readEnvironment({ SHUHO_CONTENT_DIR: FIXTURE_CONTENT }, ROOT));
const VISIBILITY: Visibility = { now: new Date(TEST_NOW), includeDrafts: true };
const EDITED = 'ja/2026/2026-02-13.mdx';

/** The fixture with one post's text changed by `change`. */
function withPost(relativePath: string, change: (text: string) => string, base: ContentFiles = FIXTURE): ContentFiles {
  return { ...base, posts: base.posts.map((post) => (post.relativePath === relativePath ? { ...post, text: change(post.text) } : post)) };
}

/** A memo as the next run finds it: what this one used, read back from JSON. */
function storedAfter(memo: EntriesMemo): EntriesMemo {
  return new EntriesMemo(JSON.parse(JSON.stringify(memo.usedEntries())) as Record<string, unknown>);
}

// Problems of every kind the memo replays: bad YAML, a schema error, guaranteeing language, a fund named
// without its notice, and a figure that disagrees with the closes.
const BROKEN = withPost(EDITED, (text) => text
  .replace('close: 1709.95', 'close: 1709.00')
  .replace('---\n\n', '---\n\n元本保証の運用です。テスト・グロース・ファンドにも触れます。\n\n'),
{ ...FIXTURE, posts: [...FIXTURE.posts, { path: 'test/fixtures/site/content/posts/ja/2026/2026-03-06.mdx', relativePath: 'ja/2026/2026-03-06.mdx', text: '---\nkind: weekly\ntitle: [unclosed\n---\n' }] });

describe('a site model from remembered readings', () => {
  test.each([
    ['the fixture site', FIXTURE],
    ['a site with problems of every kind', BROKEN],
  ])('equals the model read afresh: %s', (_name, files) => {
    const fresh = buildSiteModel(files, VISIBILITY);
    expect(fresh.problems.map((problem) => problem.file)).toEqual(files === BROKEN ? expect.arrayContaining([expect.stringContaining('2026-03-06'), expect.stringContaining('2026-02-13')]) : []);
    const first = new EntriesMemo();
    const cold = buildSiteModel(files, VISIBILITY, first);
    const next = storedAfter(first);
    const warm = buildSiteModel(files, VISIBILITY, next);
    expect(first.computedCount).toBe(files.posts.length);
    expect(next.computedCount).toBe(0);
    for (const result of [cold, warm]) {
      expect(result.problems).toEqual(fresh.problems);
      expect(result.allowances).toEqual(fresh.allowances);
      expect(result.model).toEqual(fresh.model);
      expect(result.soundModel).toEqual(fresh.soundModel);
    }
  });

  test('reads again exactly the file that changed', () => {
    const first = new EntriesMemo();
    buildSiteModel(FIXTURE, VISIBILITY, first);
    const next = storedAfter(first);
    const edited = withPost(EDITED, (text) => text.replace('title: フィクスチャ週報 2月13日', 'title: フィクスチャ週報 2月13日(改)'));
    const { model } = buildSiteModel(edited, VISIBILITY, next);
    expect(next.computedCount).toBe(1);
    expect(model?.posts.find((post) => post.id === '2026/2026-02-13')?.source.frontmatter.title).toBe('フィクスチャ週報 2月13日(改)');
    // The old reading is not kept: the next run would never ask for it.
    expect(Object.keys(next.usedEntries())).toHaveLength(FIXTURE.posts.length);
  });

  test.each([
    ['the compliance profile', (files: ContentFiles): ContentFiles => ({ ...files, compliance: { ...files.compliance, text: files.compliance.text.replace('テスト・グロース・ファンド', 'テスト・バリュー・ファンド') } })],
    ['a registry file', (files: ContentFiles): ContentFiles => ({ ...files, topics: { ...files.topics, text: `${files.topics.text}\n` } })],
  ])('reads every post again when %s changes', (_name, change) => {
    const first = new EntriesMemo();
    buildSiteModel(FIXTURE, VISIBILITY, first);
    const next = storedAfter(first);
    buildSiteModel(change(FIXTURE), VISIBILITY, next);
    expect(next.computedCount).toBe(FIXTURE.posts.length);
  });

  test('keys delimit their inputs', () => {
    expect(memoKey('post', ['ab', 'c'])).not.toBe(memoKey('post', ['a', 'bc']));
    expect(memoKey('post', ['a'])).not.toBe(memoKey('compliance', ['a']));
  });
});

describe('the stored memo', () => {
  /** A project root with a src/ of its own, so the code version can change, and a content directory. */
  function project(): { root: string; contentDir: string } {
    const root = mkdtempSync(path.join(ROOT, 'test', '.tmp', 'read-memo-'));
    mkdirSync(path.join(root, 'src', 'lib'), { recursive: true });
    writeFileSync(path.join(root, 'src', 'lib', 'reader.ts'), 'export const version = 1;\n');
    const contentDir = path.join(root, 'content');
    cpSync(FIXTURE_CONTENT, contentDir, { recursive: true });
    return { root, contentDir };
  }

  function run(environment: { root: string; contentDir: string }): EntriesMemo {
    const stored = openReadMemo(environment);
    buildSiteModel(readContentFiles({ ...environment, now: new Date(TEST_NOW) }), VISIBILITY, stored.memo);
    stored.save();
    return stored.memo;
  }

  test('is found by the next run, per content directory, and dropped when the code changes', () => {
    const environment = project();
    const file = readMemoFile(imageCacheDir(process.env, environment.root), environment.contentDir);
    expect(run(environment).computedCount).toBe(FIXTURE.posts.length);
    expect(existsSync(file)).toBe(true);
    const written = readFileSync(file, 'utf8');
    expect(run(environment).computedCount).toBe(0);
    // Nothing new: the file is left as it was.
    expect(readFileSync(file, 'utf8')).toBe(written);
    writeFileSync(path.join(environment.root, 'src', 'lib', 'reader.ts'), 'export const version = 2;\n');
    expect(run(environment).computedCount).toBe(FIXTURE.posts.length);
  });

  test('continued in one process (the dev server), it is dropped when the code changes', () => {
    const environment = project();
    const files = readContentFiles({ ...environment, now: new Date(TEST_NOW) });
    const first = openReadMemo(environment);
    buildSiteModel(files, VISIBILITY, first.memo);
    const continued = openReadMemo(environment, first);
    buildSiteModel(files, VISIBILITY, continued.memo);
    expect(continued.memo.computedCount).toBe(0);
    writeFileSync(path.join(environment.root, 'src', 'lib', 'reader.ts'), 'export const version = 3;\n');
    const afterChange = openReadMemo(environment, continued);
    buildSiteModel(files, VISIBILITY, afterChange.memo);
    expect(afterChange.memo.computedCount).toBe(FIXTURE.posts.length);
  });

  test('a damaged file is read as an empty memo', () => {
    const environment = project();
    const file = readMemoFile(imageCacheDir(process.env, environment.root), environment.contentDir);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '{"code": "half-writ');
    expect(run(environment).computedCount).toBe(FIXTURE.posts.length);
    expect(run(environment).computedCount).toBe(0);
  });
});
