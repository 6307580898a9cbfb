import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../helpers/build-site.ts';
import { copyContent, editFile, runCli, shown, type Command } from '../helpers/cli.ts';

const post = (contentDir: string, locale: 'ja' | 'en', name: string) => path.join(contentDir, 'posts', locale, name.slice(0, 4), `${name}.mdx`);
const data = (contentDir: string, name: string) => path.join(contentDir, 'data', name);

/** The 1-based line of the first line containing `needle`. */
function lineOf(file: string, needle: string): number {
  const index = readFileSync(file, 'utf8').split('\n').findIndex((line) => line.includes(needle));
  if (index === -1) throw new Error(`${file} has no line containing ${needle}`);
  return index + 1;
}

/** One kind of error: how to break a copy of the fixture site, and what the check must say about it. */
interface Case {
  name: string;
  breakSite: (contentDir: string) => string;
  /** Fragments of the message, given the file that was broken and the content directory. */
  expected: (file: string, contentDir: string) => string[];
}

const cases: Case[] = [
  {
    name: 'a misspelt field',
    breakSite: (dir) => {
      const file = post(dir, 'ja', '2026-02-13');
      editFile(file, /^title:/m, 'titel:');
      return file;
    },
    expected: (file) => [`titel (line ${lineOf(file, 'titel:')}): unknown field. Did you mean "title"?`, 'title: is required'],
  },
  {
    name: 'frontmatter that is not YAML',
    breakSite: (dir) => {
      const file = post(dir, 'ja', '2026-02-06');
      editFile(file, 'topics: [small-cap-growth]', 'topics: [small-cap-growth');
      return file;
    },
    expected: () => ['has frontmatter that is not valid YAML', '(line '],
  },
  {
    name: 'an as-of date on a weekend',
    breakSite: (dir) => {
      const file = post(dir, 'ja', '2026-02-06');
      editFile(file, 'date: 2026-02-06', 'date: 2026-02-07');
      return file;
    },
    expected: (file) => [`date (line ${lineOf(file, 'date:')})`, '2026-02-07, a Saturday'],
  },
  {
    name: 'a date that disagrees with the file name',
    breakSite: (dir) => {
      const file = post(dir, 'ja', '2026-02-06');
      editFile(file, 'date: 2026-02-06', 'date: 2026-02-05');
      return file;
    },
    expected: () => ['is 2026-02-05, but the file name says 2026-02-06. Rename the file or correct the date.'],
  },
  {
    name: 'a close that is not a number',
    breakSite: (dir) => {
      const file = post(dir, 'ja', '2026-02-06');
      editFile(file, 'close: 1734.22', 'close: "1,734.22"');
      return file;
    },
    expected: (file) => [`indices.russell2000growth.close (line ${lineOf(file, 'close:')})`, 'expected a positive number'],
  },
  {
    name: 'an unknown index',
    breakSite: (dir) => {
      const file = post(dir, 'ja', '2026-02-06');
      editFile(file, '  russell2000growth:', '  russell2000:');
      return file;
    },
    expected: () => ['indices.russell2000', 'unknown index "russell2000"'],
  },
  {
    name: 'an unknown topic',
    breakSite: (dir) => {
      const file = post(dir, 'ja', '2026-02-06');
      editFile(file, 'topics: [small-cap-growth]', 'topics: [small-caps]');
      return file;
    },
    expected: () => ['topics.0', 'received "small-caps"'],
  },
  {
    name: 'an unknown risk topic',
    breakSite: (dir) => {
      const file = post(dir, 'ja', '2026-02-13');
      editFile(file, 'topic: china-economy', 'topic: china');
      return file;
    },
    expected: () => ['risks.0.topic', 'received "china"'],
  },
  {
    name: 'two weekly posts in one week',
    breakSite: (dir) => {
      const file = post(dir, 'ja', '2026-02-13');
      writeFileSync(post(dir, 'ja', '2026-02-12'), readFileSync(file, 'utf8').replace('date: 2026-02-13', 'date: 2026-02-12'));
      return file;
    },
    // Files are read in name order, so the later one is reported, naming the earlier.
    expected: (_, dir) => [`: 2026-02-13 is in the same week as ${shown(post(dir, 'ja', '2026-02-12'))}. One weekly post per week`],
  },
  {
    name: 'a close that disagrees with the imported series',
    breakSite: (dir) => {
      const file = post(dir, 'ja', '2026-02-06');
      editFile(file, 'close: 1734.22', 'close: 1734.00');
      return file;
    },
    expected: (file, dir) => [
      `indices.russell2000growth.close (line ${lineOf(file, 'close:')}): russell2000growth closes at 1734 on 2026-02-06 here, but at 1734.22 in`,
      `${shown(data(dir, 'closes.csv'))} line ${lineOf(data(dir, 'closes.csv'), '2026-02-06,russell2000growth')}`,
    ],
  },
  {
    name: 'a stated figure that disagrees with the closes',
    breakSite: (dir) => {
      const file = post(dir, 'ja', '2026-02-13');
      editFile(file, 'changePercent: -1.40', 'changePercent: -1.50');
      return file;
    },
    expected: (file) => [`indices.russell2000growth.changePercent (line ${lineOf(file, 'changePercent:')}): states -1.5`, 'computed -1.40%', '(1709.95 − 1734.22) / 1734.22 × 100'],
  },
  {
    name: 'a translation whose figures differ from its source',
    breakSite: (dir) => {
      const file = post(dir, 'en', '2026-02-13');
      editFile(file, /^topics:(.*)$/m, 'topics:$1\nindices:\n  russell2000growth:\n    close: 1709.90');
      return file;
    },
    expected: (file) => [`indices.russell2000growth.close (line ${lineOf(file, 'close:')}): states 1709.9, but its source`, 'states 1709.95'],
  },
  {
    name: 'a translation without a source',
    breakSite: (dir) => {
      const file = post(dir, 'en', '2026-02-20');
      writeFileSync(file, readFileSync(post(dir, 'en', '2026-02-13'), 'utf8').replace('date: 2026-02-13', 'date: 2026-02-20'));
      return file;
    },
    expected: (_, dir) => [`is a translation with no Japanese source (expected ${shown(post(dir, 'ja', '2026-02-20'))})`],
  },
  {
    name: 'a malformed row in closes.csv',
    breakSite: (dir) => {
      const file = data(dir, 'closes.csv');
      editFile(file, '2026-02-13,sp500,6836.17', '2026-02-13,sp500,6836.17x');
      return file;
    },
    expected: (file) => [`close (line ${lineOf(file, '6836.17x')}): expected a positive number, received "6836.17x".`],
  },
  {
    name: 'a ratio naming an index the registry lacks',
    breakSite: (dir) => {
      const file = path.join(dir, 'site.json');
      editFile(file, '"numerator": "russell2000growth"', '"numerator": "russell2000"');
      return file;
    },
    expected: () => ['ratio.numerator: unknown index "russell2000"'],
  },
  {
    name: 'a body citing a figure that does not exist',
    breakSite: (dir) => {
      const file = post(dir, 'en', '2026-02-13');
      writeFileSync(file, `${readFileSync(file, 'utf8')}\nThe Dow moved <Figure index="djia" field="percent" />.\n`);
      return file;
    },
    expected: (file) => [`body (line ${lineOf(file, 'The Dow moved')}): <Figure index="djia" field="percent" />: unknown field; expected one of close, change, changePercent`],
  },
  {
    name: 'a body that is not valid MDX',
    breakSite: (dir) => {
      const file = post(dir, 'ja', '2026-02-06');
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n<KeyFigures>\n`);
      return file;
    },
    expected: () => ['body (line ', 'is not valid MDX'],
  },
];

describe('npm run check', () => {
  test('passes the fixture site and prints the translation status table', async () => {
    const contentDir = copyContent();
    const result = await runCli('check', [], { contentDir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Translations of \d+ posts: \d+ stale, \d+ untracked, \d+ missing, \d+ translated$/m);
    expect(result.stdout).toMatch(/^missing +2026-02-06 +published +npm run new -- weekly 2026-02-06 --en$/m);
    expect(result.stdout).toMatch(/^No problems: checked \d+ post files and the data files in \d+ ms\.$/m);
  });

  test('passes the shipped sample, whose translations are recorded and up to date', async () => {
    const result = await runCli('check', [], { contentDir: path.join(ROOT, 'content') });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Translations of (\d+) posts: 0 stale, 0 untracked, 0 missing, \1 translated$/m);
  });

  test('--help explains the command, --all lists every post', async () => {
    const contentDir = copyContent();
    const help = await runCli('check', ['--help'], { contentDir });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: npm run check');
    const all = await runCli('check', ['--all'], { contentDir });
    expect(all.stdout).toMatch(/^untracked +2026-02-13 /m);
  });

  test('the commands\' entry point names the commands it has when given another', async () => {
    const result = await runCli('chekc' as Command, [], { contentDir: copyContent() });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('Unknown command "chekc". Commands: check, new, translated, data:import.\n');
  });

  test.each(cases)('fails on $name, naming file, field, line and the fix', async ({ breakSite, expected }) => {
    const contentDir = copyContent();
    const file = breakSite(contentDir);
    const result = await runCli('check', [], { contentDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${shown(file)} has`);
    for (const fragment of expected(file, contentDir)) expect(result.stderr).toContain(fragment);
    expect(result.stderr).toMatch(/^\d+ problems? in \d+ files? \(checked /m);
  });

  test('guaranteeing language fails; a warning is printed apart and fails only with --strict; quoted wording is listed with its reason', async () => {
    const contentDir = copyContent();
    const file = post(contentDir, 'ja', '2026-02-06');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n来年、小型株は上昇します。\n\n<Quote reason="発言の引用">元本保証</Quote>という広告もありました。\n`);
    const lenient = await runCli('check', [], { contentDir });
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toBe('');
    expect(lenient.stdout).toContain(`${shown(file)} has a warning:\n  - body (line ${lineOf(file, '上昇します')}): states a forecast without a hedge ("上昇します"): "来年、小型株は上昇します。".`);
    expect(lenient.stdout).toMatch(/^Quoted with a reason \(\d+\):$/m);
    expect(lenient.stdout).toContain(`\n  - ${shown(file)} body (line ${lineOf(file, '元本保証')}): "元本保証" (guarantee), quoted because: 発言の引用\n`);
    expect(lenient.stdout).toMatch(/^No problems: checked .* 1 warning \(listed above; --strict fails on them\)\.$/m);
    const strict = await runCli('check', ['--strict'], { contentDir });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain(`${shown(file)} has a problem:\n  - body (line ${lineOf(file, '上昇します')}): states a forecast`);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nこの戦略なら損をしない。\n`);
    const failing = await runCli('check', [], { contentDir });
    expect(failing.code).toBe(1);
    expect(failing.stderr).toContain(`body (line ${lineOf(file, '損をしない')}): says "損をしない", which guarantees an outcome`);
  });

  test('a close revised under a published post is caught, naming the post and the figure, and passes once a correction is recorded', async () => {
    const contentDir = copyContent();
    const lock = data(contentDir, 'published.json');
    const recorded = await runCli('check', ['--record'], { contentDir });
    expect(recorded.code).toBe(0);
    expect(recorded.stdout).toContain(`Recorded the figures of 2026/2026-02-13, 2026/2026-02-06 in ${shown(lock)}.`);
    expect(JSON.parse(readFileSync(lock, 'utf8'))['2026/2026-02-13']).toMatchObject({ corrections: 0, figures: { 'djia.close': 49500.93, 'russell2000growth.close': 1709.95 } });
    expect((await runCli('check', ['--record'], { contentDir })).stdout).toContain('Every published post is recorded.');

    // A vendor revises the Dow's close of a week already published.
    editFile(data(contentDir, 'closes.csv'), '2026-02-13,djia,49500.93', '2026-02-13,djia,49550.00');
    const source = post(contentDir, 'ja', '2026-02-13');
    const revised = await runCli('check', [], { contentDir });
    expect(revised.code).toBe(1);
    expect(revised.stderr).toContain(`${shown(source)} has`);
    expect(revised.stderr).toContain(`corrections (line ${lineOf(source, 'date:')}): djia.close has changed since publication: 49500.93 → 49550.00 (${shown(lock)} records what readers saw). The closes were revised after the post went out: add a correction`);
    expect(revised.stderr).toContain('djia.changePercent has changed since publication:');
    expect((await runCli('check', ['--record'], { contentDir })).code).toBe(1);

    // The correction is recorded: the check passes, and --record takes the new figures.
    editFile(source, /^topics:(.*)$/m, 'topics:$1\ncorrections:\n  - date: 2026-02-20\n    note:\n      ja: NYダウの終値を訂正しました。\n      en: Corrected the Dow close.');
    const corrected = await runCli('check', [], { contentDir });
    expect(corrected.code).toBe(0);
    expect(corrected.stdout).toContain(`Note: ${shown(source)} has a correction for its revised figures (djia.change, djia.changePercent, djia.close, djia.ytdChangePercent): run npm run check -- --record`);
    expect((await runCli('check', ['--record'], { contentDir })).stdout).toContain('Recorded the figures of 2026/2026-02-13 in');
    expect(JSON.parse(readFileSync(lock, 'utf8'))['2026/2026-02-13']).toMatchObject({ corrections: 1, figures: { 'djia.close': 49550 } });
    expect((await runCli('check', [], { contentDir })).stdout).not.toContain('has a correction for its revised figures');
  });

  test('prints every problem at once, and the status table alongside', async () => {
    const contentDir = copyContent();
    const broken = [cases[4], cases[12], cases[13]].map((item) => item?.breakSite(contentDir) ?? '');
    const result = await runCli('check', [], { contentDir });
    expect(result.code).toBe(1);
    for (const file of broken) expect(result.stderr).toContain(`${shown(file)} has a problem:`);
    expect(result.stderr).toContain('3 problems in 3 files');
    expect(result.stdout).toMatch(/^Translations of \d+ posts/m);
  });

  test('a source with an error of its own does not make its translation an orphan', async () => {
    const contentDir = copyContent();
    editFile(post(contentDir, 'ja', '2026-02-13'), 'close: 1709.95', 'close: "1,709.95"');
    const result = await runCli('check', [], { contentDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('expected a positive number');
    expect(result.stderr).not.toContain('is a translation with no Japanese source');
    expect(result.stderr).toContain('1 problem in 1 file');
  });

  test('reports a stale translation without failing', async () => {
    const contentDir = copyContent();
    const source = post(contentDir, 'ja', '2026-02-13');
    expect((await runCli('translated', [post(contentDir, 'en', '2026-02-13')], { contentDir })).code).toBe(0);
    expect((await runCli('check', ['--all'], { contentDir })).stdout).toMatch(/^translated +2026-02-13 +published *$/m);
    writeFileSync(source, `${readFileSync(source, 'utf8')}\n追記した段落。\n`);
    const result = await runCli('check', [], { contentDir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Translations of \d+ posts: 1 stale/m);
    expect(result.stdout).toContain(`stale      2026-02-13`);
    expect(result.stdout).toContain(`the Japanese source changed after translation: update it, then npm run translated -- ${shown(post(contentDir, 'en', '2026-02-13'))}`);
  });
});
