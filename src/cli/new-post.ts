import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseClosesCsv, CLOSES_HEADER } from '../lib/closes.ts';
import { formatProblems, type Problem } from '../lib/problems.ts';
import { planPost } from '../lib/scaffold.ts';
import { parseRegistry } from '../lib/read-registry.ts';
import { displayPath } from '../site/environment.ts';
import { readSiteModel } from '../site/read-content.ts';
import { resolveIo, type CliIo } from './cli-io.ts';

const HELP = `Usage: npm run new -- weekly <YYYY-MM-DD> [--en]
       npm run new -- feature <YYYY-MM-DD> <slug> [--en]

Creates a Japanese post as a draft (draft: true), and with --en its English companion:
  content/posts/ja/<YYYY>/<YYYY-MM-DD>.mdx           a weekly post
  content/posts/ja/<YYYY>/<YYYY-MM-DD>-<slug>.mdx    a feature

A weekly post is prefilled with the as-of date, the closes content/data/closes.csv already has for
that date, last week's topics and risk watch (levels, trends and notes, to edit) and the usual
section headings. Import the week's closes first (npm run data:import) to have them filled in.

With --en and an existing Japanese post, only the English companion is created.

  --en     also create the English companion (its translatedFrom is set later by npm run translated)
  --help   show this help

Refuses a weekend or malformed date, a second weekly post in one week, and any file that exists:
it never overwrites.`;

/** Runs the scaffold; returns the exit code. */
export function runNewPost(argv: readonly string[], options: Partial<CliIo> = {}): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { en: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  });
  const { log, error, environment } = resolveIo(options);
  if (values.help) {
    log(HELP);
    return 0;
  }
  const [kind, date, slug, ...extra] = positionals;
  if ((kind !== 'weekly' && kind !== 'feature') || date === undefined || extra.length > 0) {
    error(`Expected "weekly <date>" or "feature <date> <slug>", received "${positionals.join(' ')}".\n\n${HELP}`);
    return 2;
  }
  // Posts with errors of their own do not stop a new one: the last valid weekly post is carried over.
  const { files, posts } = readSiteModel(environment, { now: environment.now, includeDrafts: true });
  const problems: Problem[] = [];
  const registry = parseRegistry(files, problems);
  if (!registry) {
    error(`${formatProblems(problems)}\n\nFix the data files first; nothing was written.`);
    return 1;
  }
  const closes = parseClosesCsv(files.closes.path, files.closes.text || `${CLOSES_HEADER}\n`, registry.indices.map((index) => index.id));
  const postsDir = path.join(environment.contentDir, 'posts');
  const plan = planPost(
    { kind, date, slug, withTranslation: values.en },
    {
      registry,
      closes: closes.rows,
      postPaths: files.posts.map((post) => post.relativePath),
      weeklyPosts: posts.filter((post) => post.kind === 'weekly').map((post) => ({ date: post.date, topics: post.source.frontmatter.topics, risks: post.risks })),
      postsDir: displayPath(environment.root, postsDir),
      closesFile: files.closes.path,
    },
  );
  if (!plan.ok) {
    error(plan.reason);
    return 1;
  }
  for (const file of plan.files) {
    const target = path.join(postsDir, file.relativePath);
    mkdirSync(path.dirname(target), { recursive: true });
    try {
      // 'wx' fails if the file appeared since the plan was made: an author's file is never overwritten.
      writeFileSync(target, file.text, { encoding: 'utf8', flag: 'wx' });
    } catch (failure) {
      if ((failure as NodeJS.ErrnoException).code !== 'EEXIST') throw failure;
      error(`${displayPath(environment.root, target)} appeared meanwhile; it was left as it is.`);
      return 1;
    }
    log(`Created ${displayPath(environment.root, target)}`);
  }
  if (closes.problems.length > 0) plan.notes.push(`${files.closes.path} has problems of its own; npm run check lists them.`);
  for (const note of plan.notes) log(`  · ${note}`);
  log('Next: write, npm run check, preview with npm run dev; set draft: false to publish.');
  return 0;
}
