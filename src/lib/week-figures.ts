import { shiftWeek, weekOf, type IsoDate } from './dates.ts';
import { computeIndexFigures, computeRelativeFigures, type RatioPoint } from './metrics.ts';
import { findFieldLine, type Problem } from './problems.ts';
import type { ParsedPost } from './read-post.ts';
import type { Registry } from './registry.ts';
import { findWeek, type Series, type SourcedClose } from './series.ts';
import type { WeekFigures } from './stated-figures.ts';

/** The closes weekly and feature posts state, each with its file, field and line. */
export function collectCloses(posts: readonly ParsedPost[]): SourcedClose[] {
  return posts.flatMap((post) =>
    Object.entries(post.frontmatter.indices ?? {}).flatMap(([index, figures]) => {
      if (figures.close === undefined) return [];
      const field = `indices.${index}.close`;
      const line = findFieldLine(post.source, field);
      return [{ index, date: post.frontmatter.date, close: figures.close, file: post.file, field, ...(line === undefined ? {} : { line }) }];
    }),
  );
}

/** The figures of the week of `date`: every index with a close that week and the week before, and the ratio. */
export function computeWeekFigures(registry: Registry, series: Series, ratio: readonly RatioPoint[], date: IsoDate): WeekFigures {
  const week = weekOf(date);
  const indices: WeekFigures['indices'] = Object.fromEntries(
    registry.indices.flatMap((index) => {
      const figures = computeIndexFigures(index.id, series.get(index.id) ?? [], week);
      return figures ? [[index.id, figures]] : [];
    }),
  );
  return { date, week, indices, relative: computeRelativeFigures(ratio, week, registry.site.movingAverageWeeks) };
}

/**
 * A post's figures need, for every index it shows, a close in its own week dated on its as-of date and
 * a close in the week immediately before; otherwise the change "on the week" would span more than a
 * week or the post would describe a day it does not name. Each gap is a problem naming the index, the
 * week and the fix.
 */
export function checkWeekCloses(post: ParsedPost, shown: readonly string[], series: Series, closesPath: string): Problem[] {
  const { date } = post.frontmatter;
  const week = weekOf(date);
  return shown.flatMap((index): Problem[] => {
    const field = post.frontmatter.indices?.[index] === undefined ? 'indices' : `indices.${index}`;
    const line = findFieldLine(post.source, field);
    const at = { file: post.file, field, ...(line === undefined ? {} : { line }) };
    const observations = series.get(index) ?? [];
    const current = findWeek(observations, week);
    if (!current) {
      return [{ ...at, message: `has no ${index} close for the week ending ${week} (the post is dated ${date}) in ${closesPath} or this post.`, hint: `Import it with npm run data:import, or add indices.${index}.close.` }];
    }
    const problems: Problem[] = [];
    if (current.date !== date) {
      const dateLine = findFieldLine(post.source, 'date');
      problems.push({ ...at, field: 'date', ...(dateLine === undefined ? {} : { line: dateLine }), message: `is ${date}, but the ${index} close of that week is dated ${current.date}.`, hint: 'A weekly post is dated on the day of the last close it discusses: correct the date or the close.' });
    }
    const previousWeek = shiftWeek(week, -1);
    if (!findWeek(observations, previousWeek)) {
      problems.push({ ...at, message: `has no ${index} close for the previous week, ending ${previousWeek}, so the change on the week cannot be computed.`, hint: `Import that week with npm run data:import (the change is never taken from an older week).` });
    }
    return problems;
  });
}
