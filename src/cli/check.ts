import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { formatTranslationTable, getTranslationRows } from '../lib/check-report.ts';
import { formatProblems } from '../lib/problems.ts';
import { buildSiteModel } from '../lib/site-model.ts';
import { readContentFiles } from '../site/read-content.ts';
import { resolveIo, runMain, type CliIo } from './cli-io.ts';

const HELP = `Usage: npm run check [-- --all]

Validates every post and data file without building the site, with the same rules and messages as
the build: frontmatter schema, file names and dates, one weekly post per week, the closes in
content/data/closes.csv against the closes in posts, the figures authors state, translation pairing,
the figures of translations, the MDX syntax of every body, and the components bodies use (every
<Figure /> cites a figure the post has, every <Chart name="…" /> one of its charts). Drafts and
scheduled posts are checked too.

Prints every problem at once (file, field, line, what to do), then the translation status of every
post: translated, stale (the Japanese source changed after translation), untracked (no
translatedFrom recorded yet) or missing.

  --all    list every post in the translation table, not only those that need work
  --help   show this help

Exits 1 if there is any problem, 0 otherwise; stale or missing translations are not errors.`;

/** Runs the check; returns the exit code. */
export function runCheck(argv: readonly string[], options: Partial<CliIo> = {}): number {
  const { values } = parseArgs({
    args: [...argv],
    options: { all: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  });
  const { log, error, environment } = resolveIo(options);
  if (values.help) {
    log(HELP);
    return 0;
  }
  const started = performance.now();
  const files = readContentFiles(environment);
  // The build's own validation over the same model; drafts and scheduled posts are checked like any
  // other, since they will be published one day.
  const { problems, notes, posts } = buildSiteModel(files, { now: environment.now, includeDrafts: true });
  const elapsed = Math.round(performance.now() - started);
  if (problems.length > 0) error(`${formatProblems(problems)}\n`);
  for (const note of notes) log(`Note: ${note.file} ${note.message}`);
  log(formatTranslationTable(getTranslationRows(posts, environment.now), { all: values.all }));
  log('');
  const checked = `${files.posts.length} post file${files.posts.length === 1 ? '' : 's'} and the data files in ${elapsed} ms`;
  if (problems.length === 0) {
    log(`No problems: checked ${checked}.`);
    return 0;
  }
  const fileCount = new Set(problems.map((problem) => problem.file)).size;
  error(`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${fileCount} file${fileCount === 1 ? '' : 's'} (checked ${checked}).`);
  return 1;
}

if (import.meta.main) runMain(runCheck);
