import { z } from 'zod';
import type { ContentFile } from './content-files.ts';
import { findFieldLine, type Problem } from './problems.ts';
import { parseJson } from './read-registry.ts';
import type { WeekFigures } from './stated-figures.ts';

/**
 * What each published post showed, by post id (`2026/2026-02-13`): its figures as shown, and how many
 * corrections it had when they were recorded. Written by `npm run check -- --record` to
 * content/data/published.json, so a re-import that revises a close cannot rewrite a published post
 * silently.
 */
export const PublishedLockSchema = z.record(
  z.string().regex(/^\d{4}\/\d{4}-\d{2}-\d{2}(?:-[a-z0-9-]+)?$/, { error: 'expected a post id such as 2026/2026-02-13' }),
  z.strictObject({
    corrections: z.int().min(0),
    figures: z.record(z.string(), z.number()),
  }),
);
/** What each published post showed. */
export type PublishedLock = z.infer<typeof PublishedLockSchema>;

/** A figure as the pages show it by default, to two decimals: a change below that is no change to a reader. */
function asShown(value: number): number {
  return Number(value.toFixed(2));
}

/** The figures a post's pages show (key figures, ratio row, `<Figure>`), by name: `russell2000growth.close` → 1709.95. */
export function shownFigures(figures: WeekFigures): Record<string, number> {
  const shown: Record<string, number> = {};
  for (const [id, index] of Object.entries(figures.indices)) {
    for (const [field, value] of [['close', index.close], ['change', index.change], ['changePercent', index.changePercent], ['ytdChangePercent', index.ytdChangePercent]] as const) {
      if (value !== undefined) shown[`${id}.${field}`] = asShown(value);
    }
  }
  const relative = figures.relative;
  if (relative) {
    for (const [field, value] of [['ratio', relative.ratio], ['movingAverage', relative.movingAverage], ['deviation', relative.deviation], ['relativeDeviation', relative.relativeDeviation]] as const) {
      if (value !== undefined) shown[`relative.${field}`] = asShown(value);
    }
  }
  return Object.fromEntries(Object.entries(shown).sort(([a], [b]) => a.localeCompare(b)));
}

/** Reads content/data/published.json; an absent or empty file is an empty lock (nothing published yet). */
export function parsePublishedLock(file: ContentFile | undefined, problems: Problem[]): PublishedLock {
  if (!file || file.text.trim() === '') return {};
  return parseJson(file, PublishedLockSchema, problems) ?? {};
}

/** A published post as the lock checks it. */
export interface LockedPost {
  id: string;
  file: string;
  /** The file's text, for the line of `corrections`. */
  source: string;
  figures: WeekFigures;
  corrections: number;
}

const show = (value: number | undefined): string => (value === undefined ? 'nothing' : value.toFixed(2));

/**
 * Compares what a published post shows now with what it showed when recorded. A figure that changed
 * (old → new) is an error until the post records a correction made since; then it is a note asking to
 * record the new figures.
 */
export function checkPublishedFigures(post: LockedPost, lock: PublishedLock, lockPath: string): { problems: Problem[]; notes: Problem[] } {
  const entry = lock[post.id];
  if (!entry) return { problems: [], notes: [] };
  const now = shownFigures(post.figures);
  const changed = [...new Set([...Object.keys(entry.figures), ...Object.keys(now)])]
    .sort()
    .filter((key) => entry.figures[key] !== now[key]);
  if (changed.length === 0) return { problems: [], notes: [] };
  if (post.corrections > entry.corrections) {
    return { problems: [], notes: [{ file: post.file, message: `has a correction for its revised figures (${changed.join(', ')}): run npm run check -- --record to record them in ${lockPath}.` }] };
  }
  const line = findFieldLine(post.source, 'corrections') ?? findFieldLine(post.source, 'date');
  return {
    notes: [],
    problems: changed.map((key) => ({
      file: post.file,
      field: 'corrections',
      ...(line === undefined ? {} : { line }),
      message: `${key} has changed since publication: ${show(entry.figures[key])} → ${show(now[key])} (${lockPath} records what readers saw).`,
      hint: 'The closes were revised after the post went out: add a correction (its date and what changed, in both languages) under corrections, then run npm run check -- --record.',
    })),
  };
}

/**
 * The lock with every published post recorded: posts not yet in it are added, posts with a correction
 * made since their entry are recorded anew; every other entry is kept as it was. Returns the ids recorded.
 */
export function recordPublishedFigures(lock: PublishedLock, posts: readonly Pick<LockedPost, 'id' | 'figures' | 'corrections'>[]): { lock: PublishedLock; recorded: string[] } {
  const next: PublishedLock = { ...lock };
  const recorded: string[] = [];
  for (const post of posts) {
    const entry = lock[post.id];
    if (entry && entry.corrections >= post.corrections) continue;
    next[post.id] = { corrections: post.corrections, figures: shownFigures(post.figures) };
    recorded.push(post.id);
  }
  return { lock: Object.fromEntries(Object.entries(next).sort(([a], [b]) => a.localeCompare(b))), recorded };
}

/** The lock file's text: two-space JSON, posts in id order, so a diff shows only what changed. */
export function formatPublishedLock(lock: PublishedLock): string {
  return `${JSON.stringify(lock, null, 2)}\n`;
}
