import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { copyContent, runCli, shown } from '../helpers/cli.ts';
import { readFrontmatter } from '../../src/lib/read-post.ts';

/** A written post's frontmatter, read as Shūhō reads it. */
function frontmatter(file: string): Record<string, unknown> {
  return readFrontmatter(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** The closes content/data/closes.csv holds for one date, as a post's `indices` would. */
function closesOn(contentDir: string, date: string): Record<string, { close: number }> {
  const rows = readFileSync(path.join(contentDir, 'data', 'closes.csv'), 'utf8').split('\n').filter((line) => line.startsWith(`${date},`));
  return Object.fromEntries(rows.map((line) => {
    const [, index = '', close = ''] = line.split(',');
    return [index, { close: Number(close) }];
  }));
}

function listPosts(contentDir: string): string[] {
  return readdirSync(path.join(contentDir, 'posts'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.mdx')).sort();
}

describe('npm run new', () => {
  test('--help explains the command', async () => {
    const result = await runCli('new', ['--help'], { contentDir: copyContent() });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('npm run new -- weekly <YYYY-MM-DD> [--en]');
  });

  test('creates a prefilled weekly draft and its English companion that pass npm run check', async () => {
    const contentDir = copyContent();
    const result = await runCli('new', ['weekly', '2026-02-20', '--en'], { contentDir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const ja = path.join(contentDir, 'posts', 'ja', '2026', '2026-02-20.mdx');
    const en = path.join(contentDir, 'posts', 'en', '2026', '2026-02-20.mdx');
    expect(result.stdout).toContain(`Created ${shown(ja)}`);
    expect(result.stdout).toContain(`Created ${shown(en)}`);

    const lastWeek = frontmatter(path.join(contentDir, 'posts', 'ja', '2026', '2026-02-13.mdx'));
    const source = frontmatter(ja);
    expect(source['date']).toBe('2026-02-20');
    expect(source['draft']).toBe(true);
    expect(source['topics']).toEqual(lastWeek['topics']);
    expect(source['risks']).toEqual(lastWeek['risks']);
    const closes = closesOn(contentDir, '2026-02-20');
    expect(Object.keys(closes).length).toBeGreaterThan(0);
    expect(source['indices']).toEqual(closes);
    expect(readFileSync(ja, 'utf8')).toContain('\n## プライベート・クレジット\n');
    expect(readFileSync(en, 'utf8')).toContain('\n## Private credit\n');
    expect(frontmatter(en)['translatedFrom']).toBeUndefined();

    const check = await runCli('check', [], { contentDir });
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/untracked +2026-02-20 +draft/);
  });

  test('never overwrites: a second run refuses and leaves both files as they are', async () => {
    const contentDir = copyContent();
    expect((await runCli('new', ['weekly', '2026-02-20', '--en'], { contentDir })).code).toBe(0);
    const ja = path.join(contentDir, 'posts', 'ja', '2026', '2026-02-20.mdx');
    writeFileSync(ja, `${readFileSync(ja, 'utf8')}\n著者が書いた段落。\n`);
    const written = readFileSync(ja, 'utf8');
    const again = await runCli('new', ['weekly', '2026-02-20'], { contentDir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`${shown(ja)} already exists; nothing was written.`);
    expect(readFileSync(ja, 'utf8')).toBe(written);
    const companion = await runCli('new', ['weekly', '2026-02-20', '--en'], { contentDir });
    expect(companion.code).toBe(1);
    expect(companion.stderr).toContain('en/2026/2026-02-20.mdx already exists');
  });

  test('adds the English companion of an existing Japanese post', async () => {
    const contentDir = copyContent();
    const before = listPosts(contentDir);
    expect(before).toContain('ja/2026/2026-02-06.mdx');
    expect(before).not.toContain('en/2026/2026-02-06.mdx');
    const ja = readFileSync(path.join(contentDir, 'posts', 'ja', '2026', '2026-02-06.mdx'), 'utf8');
    const result = await runCli('new', ['weekly', '2026-02-06', '--en'], { contentDir });
    expect(result.code).toBe(0);
    expect(listPosts(contentDir)).toEqual([...before, 'en/2026/2026-02-06.mdx'].sort());
    expect(readFileSync(path.join(contentDir, 'posts', 'ja', '2026', '2026-02-06.mdx'), 'utf8')).toBe(ja);
  });

  test.each([
    [['weekly', '2026-02-21'], '2026-02-21 is a Saturday'],
    [['weekly', '2026-02-31'], '"2026-02-31" is not a date'],
    [['weekly', '2026-02-11'], 'The week of 2026-02-11 already has a weekly post'],
    [['feature', '2026-02-20', 'Bad Slug'], 'slug "Bad Slug": expected lower-case letters'],
  ])('refuses %j, writing nothing', async (args, message) => {
    const contentDir = copyContent();
    const before = listPosts(contentDir);
    const result = await runCli('new', args, { contentDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(listPosts(contentDir)).toEqual(before);
  });

  test('rejects a usage error with exit code 2', async () => {
    const contentDir = copyContent();
    expect((await runCli('new', ['monthly', '2026-02-20'], { contentDir })).code).toBe(2);
    const unknown = await runCli('new', ['weekly', '2026-02-20', '--force'], { contentDir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--force'");
    expect(listPosts(contentDir)).toEqual(listPosts(copyContent()));
  });

  test('a week without closes yet: the check asks for them, and passes once they are imported', async () => {
    const contentDir = copyContent();
    // Good Friday week: the week closes on Thursday, and the post is dated that day.
    const date = '2026-04-02';
    expect(closesOn(contentDir, date)).toEqual({});
    const created = await runCli('new', ['weekly', date], { contentDir });
    expect(created.code).toBe(0);
    expect(created.stdout).toContain(`No closes for ${date}`);
    expect(frontmatter(path.join(contentDir, 'posts', 'ja', '2026', `${date}.mdx`))['indices']).toBeUndefined();

    const before = await runCli('check', [], { contentDir });
    expect(before.code).toBe(1);
    expect(before.stderr).toContain(`has no russell2000growth close for the week ending 2026-04-03 (the post is dated ${date})`);

    const csv = path.join(path.dirname(contentDir), 'week.csv');
    writeFileSync(csv, `date,russell_2000_growth_RUO,sp500_GSPC,djia_DJI\n${date},1601.25,6401.5,45001.75\n`);
    const imported = await runCli('data:import', [csv], { contentDir });
    expect(imported.stdout).toContain('3 added');
    const after = await runCli('check', [], { contentDir });
    expect(after.stderr).toBe('');
    expect(after.code).toBe(0);
  });

  test('creates a feature draft in both languages that passes npm run check', async () => {
    const contentDir = copyContent();
    const result = await runCli('new', ['feature', '2026-02-18', 'q1-outlook', '--en'], { contentDir });
    expect(result.code).toBe(0);
    for (const locale of ['ja', 'en']) {
      const file = path.join(contentDir, 'posts', locale, '2026', '2026-02-18-q1-outlook.mdx');
      expect(existsSync(file)).toBe(true);
      expect(frontmatter(file)).toMatchObject({ kind: 'feature', draft: true });
    }
    const check = await runCli('check', [], { contentDir });
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
  });
});
