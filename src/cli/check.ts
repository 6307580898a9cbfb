import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { formatAllowances, formatTranslationTable, getPublicationState, getTranslationRows } from '../lib/check-report.ts';
import { formatProblems, formatWarnings, isError } from '../lib/problems.ts';
import { formatPublishedLock, recordPublishedFigures } from '../lib/published-figures.ts';
import { readSiteModel } from '../site/read-content.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { resolveIo, type CliIo } from './cli-io.ts';

const HELP = `Usage: npm run check [-- --all] [-- --strict] [-- --record]

Validates every post and data file without building the site, with the same rules and messages as
the build: frontmatter schema, file names and dates, one weekly post per week, the closes in
content/data/closes.csv against the closes in posts, the figures authors state, translation pairing,
the figures of translations, the MDX syntax of every body, and the components bodies use (every
<Figure /> cites a figure the post has, every <Chart name="…" /> one of its charts), and what
content/compliance.json asks of every post in both languages (docs/compliance.md): no guaranteeing
language (an error); superlatives about returns and forecasts without a hedge (warnings); a
<ProductNotice /> beside every mention of the firm's funds; and that no figure a published post
showed has changed since content/data/published.json recorded it, unless the post records a
correction. The standing pages in content/pages (about, disclosures, data-sources) are checked for
their place, frontmatter, body, translation pairing and wording. Drafts and scheduled posts are
checked too.

Prints every error at once (file, field, line, what to do), then the warnings, the wording let
through in a <Quote reason="…"> with its reason, then the translation status of every post:
translated, stale (the Japanese source changed after translation), untracked (no translatedFrom
recorded yet) or missing.

  --all     list every post in the translation table, not only those that need work
  --strict  fail on warnings too
  --record  when there is no error, record in content/data/published.json the figures of every
            published post not yet recorded, or corrected since (run it when you publish)
  --help    show this help

Exits 1 if there is any error (or, with --strict, any warning), 0 otherwise; stale or missing
translations are not errors.`;

/** Runs the check; returns the exit code. */
export function runCheck(argv: readonly string[], options: Partial<CliIo> = {}): number {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      all: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      record: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const { log, error, environment } = resolveIo(options);
  if (values.help) {
    log(HELP);
    return 0;
  }
  const started = performance.now();
  // The build's own validation over the same model; drafts and scheduled posts are checked like any
  // other, since they will be published one day.
  const { files, problems: found, notes, allowances, posts, publishedLock } = readSiteModel(environment, { now: environment.now, includeDrafts: true });
  const elapsed = Math.round(performance.now() - started);
  // --strict reads every warning as an error: the same lines, reported and counted as problems.
  const problems = values.strict ? found.map(({ severity: _, ...problem }) => problem) : found.filter(isError);
  const warnings = values.strict ? [] : found.filter((problem) => !isError(problem));
  if (problems.length > 0) error(`${formatProblems(problems)}\n`);
  if (warnings.length > 0) log(`${formatWarnings(warnings)}\n`);
  if (allowances.length > 0) log(`${formatAllowances(allowances)}\n`);
  for (const note of notes) log(`Note: ${note.file} ${note.message}`);
  log(formatTranslationTable(getTranslationRows(posts, environment.now), { all: values.all }));
  log('');
  const checked = `${files.posts.length} post file${files.posts.length === 1 ? '' : 's'} and the data files in ${elapsed} ms`;
  const warned = warnings.length === 0 ? '' : ` ${warnings.length} warning${warnings.length === 1 ? '' : 's'} (listed above; --strict fails on them).`;
  if (problems.length === 0) {
    log(`No problems: checked ${checked}.${warned}`);
    if (values.record) {
      const published = posts.flatMap((post) => (post.figures && getPublicationState(post.source.frontmatter, environment.now) === 'published'
        ? [{ id: post.id, figures: post.figures, corrections: post.source.frontmatter.corrections?.length ?? 0 }]
        : []));
      const { lock, recorded } = recordPublishedFigures(publishedLock, published);
      const file = path.join(environment.contentDir, 'data', 'published.json');
      if (recorded.length > 0) writeFileAtomic(file, formatPublishedLock(lock), { expected: files.published?.text ?? '' });
      log(recorded.length === 0 ? 'Every published post is recorded.' : `Recorded the figures of ${recorded.join(', ')} in ${files.published?.path ?? file}.`);
    }
    return 0;
  }
  const fileCount = new Set(problems.map((problem) => problem.file)).size;
  error(`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${fileCount} file${fileCount === 1 ? '' : 's'} (checked ${checked}).${warned}`);
  return 1;
}
