import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { hashSource } from '../lib/content-files.ts';
import { getPostPair, setTranslatedFrom } from '../lib/translation-status.ts';
import { displayPath } from '../site/environment.ts';
import { FileChangedError, writeFileAtomic, type AtomicWriteOptions } from './atomic-write.ts';
import { resolveInput, resolveIo, type CliIo } from './cli-io.ts';

const HELP = `Usage: npm run translated -- <post.mdx> [<post.mdx> …]

Records that an English post is up to date with its Japanese source: writes
"translatedFrom: <hash of the Japanese file>" into the English file's frontmatter (replacing the
line, or adding it after "date:"). Run it when a translation is finished or brought up to date;
npm run check then reports the post as translated until the Japanese source changes again (stale).

  <post.mdx>  the English post or its Japanese source, e.g. content/posts/en/2026/2026-02-13.mdx
  --help      show this help

Only that line of the English file changes, written atomically; the Japanese file is never touched.`;

/** Records `translatedFrom` for each post given; returns the exit code. */
export function runTranslated(argv: readonly string[], options: Partial<CliIo> = {}, writeOptions: Pick<AtomicWriteOptions, 'write'> = {}): number {
  const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: { help: { type: 'boolean', default: false } } });
  const { log, error, environment } = resolveIo(options);
  if (values.help) {
    log(HELP);
    return 0;
  }
  if (positionals.length === 0) {
    error(`translated needs the path of a post.\n\n${HELP}`);
    return 2;
  }
  const postsDir = path.join(environment.contentDir, 'posts');
  const shown = (file: string) => displayPath(environment.root, file);
  let code = 0;
  for (const input of positionals) {
    const relative = path.relative(postsDir, resolveInput(input, environment)).split(path.sep).join('/');
    const pair = getPostPair(relative);
    if (!pair) {
      error(`${input}: not a post below ${shown(postsDir)} (expected ja/<YYYY>/<name>.mdx or en/<YYYY>/<name>.mdx).`);
      code = 1;
      continue;
    }
    const source = path.join(postsDir, pair.source);
    const translation = path.join(postsDir, pair.translation);
    if (!existsSync(source)) {
      error(`${shown(translation)}: its Japanese source ${shown(source)} does not exist.`);
      code = 1;
      continue;
    }
    if (!existsSync(translation)) {
      error(`${shown(translation)} does not exist: there is no translation to record yet.`);
      code = 1;
      continue;
    }
    const hash = hashSource(readFileSync(source, 'utf8'));
    const before = readFileSync(translation, 'utf8');
    let after: string;
    try {
      after = setTranslatedFrom(before, hash);
    } catch (failure) {
      error(`${shown(translation)} ${(failure as Error).message}`);
      code = 1;
      continue;
    }
    if (after === before) {
      log(`${shown(translation)} already records translatedFrom: ${hash}.`);
      continue;
    }
    try {
      // An editor may have saved the file since it was read: never replace words the author just wrote.
      writeFileAtomic(translation, after, { ...writeOptions, expected: before });
    } catch (failure) {
      if (!(failure instanceof FileChangedError)) throw failure;
      error(`${shown(translation)} changed while it was being updated; nothing was written. Run the command again.`);
      code = 1;
      continue;
    }
    log(`${shown(translation)}: translatedFrom: ${hash} (${shown(source)}).`);
  }
  return code;
}
