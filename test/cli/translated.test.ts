import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runTranslated } from '../../src/cli/translated.ts';
import { hashSource } from '../../src/lib/content-files.ts';
import { ROOT, TEST_NOW } from '../helpers/build-site.ts';
import { copyContent, runCli, shown } from '../helpers/cli.ts';

const post = (contentDir: string, locale: 'ja' | 'en', name: string) => path.join(contentDir, 'posts', locale, name.slice(0, 4), `${name}.mdx`);

describe('npm run translated', () => {
  test('records the hash of the Japanese source after date:, changing nothing else', async () => {
    const contentDir = copyContent();
    const en = post(contentDir, 'en', '2026-02-13');
    const before = readFileSync(en, 'utf8');
    expect(before).not.toContain('translatedFrom');
    const hash = hashSource(readFileSync(post(contentDir, 'ja', '2026-02-13'), 'utf8'));
    const result = await runCli('translated', [en], { contentDir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${shown(en)}: translatedFrom: ${hash}`);
    expect(readFileSync(en, 'utf8')).toBe(before.replace('date: 2026-02-13\n', `date: 2026-02-13\ntranslatedFrom: "${hash}"\n`));
    expect(readdirSync(path.dirname(en)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('accepts the Japanese path, and a second run changes nothing', async () => {
    const contentDir = copyContent();
    const en = post(contentDir, 'en', '2026-02-13');
    const ja = post(contentDir, 'ja', '2026-02-13');
    const source = readFileSync(ja, 'utf8');
    expect((await runCli('translated', [ja], { contentDir })).code).toBe(0);
    const once = readFileSync(en, 'utf8');
    const again = await runCli('translated', [en], { contentDir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already records translatedFrom');
    expect(readFileSync(en, 'utf8')).toBe(once);
    expect(readFileSync(ja, 'utf8')).toBe(source);
  });

  test('turns a stale translation back into a translated one', async () => {
    const contentDir = copyContent();
    const en = post(contentDir, 'en', '2026-02-13');
    const ja = post(contentDir, 'ja', '2026-02-13');
    await runCli('translated', [en], { contentDir });
    writeFileSync(ja, `${readFileSync(ja, 'utf8')}\n追記。\n`);
    expect((await runCli('check', ['--all'], { contentDir })).stdout).toMatch(/^stale +2026-02-13 /m);
    expect((await runCli('translated', [en], { contentDir })).code).toBe(0);
    expect(readFileSync(en, 'utf8').match(/translatedFrom/g)).toHaveLength(1);
    expect((await runCli('check', ['--all'], { contentDir })).stdout).toMatch(/^translated +2026-02-13 /m);
  });

  test('resolves a relative path from where the author ran npm (INIT_CWD), not from the project root', async () => {
    const contentDir = copyContent();
    const en = post(contentDir, 'en', '2026-02-13');
    const result = await runCli('translated', ['2026-02-13.mdx'], { contentDir, env: { INIT_CWD: path.dirname(en) } });
    expect(result.code).toBe(0);
    expect(readFileSync(en, 'utf8')).toContain('translatedFrom: "');
  });

  test('refuses a post without translation, a path that is not a post, and no path at all', async () => {
    const contentDir = copyContent();
    const missing = await runCli('translated', [post(contentDir, 'ja', '2026-02-06')], { contentDir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`${shown(post(contentDir, 'en', '2026-02-06'))} does not exist`);
    expect(existsSync(post(contentDir, 'en', '2026-02-06'))).toBe(false);
    const stray = await runCli('translated', [path.join(contentDir, 'site.json')], { contentDir });
    expect(stray.code).toBe(1);
    expect(stray.stderr).toContain('not a post below');
    expect((await runCli('translated', [], { contentDir })).code).toBe(2);
    expect((await runCli('translated', ['--help'], { contentDir })).stdout).toContain('Usage: npm run translated');
  });

  test('refuses to write when the file changes while it is being updated', () => {
    const contentDir = copyContent();
    const en = post(contentDir, 'en', '2026-02-13');
    const saved = `${readFileSync(en, 'utf8')}\nA sentence the translator saved meanwhile.\n`;
    const errors: string[] = [];
    const code = runTranslated([en], { log: () => {}, error: (line) => errors.push(line), environment: { root: ROOT, contentDir, now: new Date(TEST_NOW) } }, {
      write: (temporary, text) => {
        writeFileSync(temporary, text);
        writeFileSync(en, saved);
      },
    });
    expect(code).toBe(1);
    expect(errors.join('\n')).toContain('changed while it was being updated; nothing was written');
    expect(readFileSync(en, 'utf8')).toBe(saved);
    expect(readdirSync(path.dirname(en)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
