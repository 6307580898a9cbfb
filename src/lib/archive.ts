import { monthOf, yearOf } from './dates.ts';
import { getIndex, type IndexInfo, type Registry } from './registry.ts';
import type { SitePost } from './site-model.ts';

/** The week's headline figures: the lead index (the ratio's numerator, Russell 2000 Growth) and the ratio. */
export interface LeadFigures {
  index: IndexInfo;
  close: number;
  change: number;
  changePercent: number;
  /** The ratio of the configured pair in percent; undefined without both closes that day. */
  ratio: number | undefined;
}

/** The lead index's close and weekly move and the ratio on a post's as-of date, if the post has figures. */
export function getLeadFigures(post: SitePost, registry: Registry): LeadFigures | undefined {
  const id = registry.site.ratio.numerator;
  const figures = post.figures?.indices[id];
  if (!figures) return undefined;
  return {
    index: getIndex(registry, id),
    close: figures.close,
    change: figures.change,
    changePercent: figures.changePercent,
    ratio: post.figures?.relative?.ratio,
  };
}

/** One row of the archive. */
export interface ArchiveEntry {
  post: SitePost;
  lead: LeadFigures | undefined;
}

/** The posts of one calendar month of as-of dates, newest first. */
export interface ArchiveMonth {
  year: number;
  /** 1–12. */
  month: number;
  entries: ArchiveEntry[];
}

/** The months of one year that have posts, newest first. */
export interface ArchiveYear {
  year: number;
  months: ArchiveMonth[];
  /** Posts in the year. */
  count: number;
}

/**
 * Groups posts by the year and month of their as-of date, newest year, month and post first (same-day
 * posts by slug, as everywhere on the site). Only months with posts appear.
 */
export function groupArchive(posts: readonly SitePost[], registry: Registry): ArchiveYear[] {
  const sorted = [...posts].sort((a, b) => b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug));
  const years: ArchiveYear[] = [];
  for (const post of sorted) {
    const year = yearOf(post.date);
    const month = monthOf(post.date);
    let yearGroup = years.at(-1);
    if (yearGroup?.year !== year) {
      yearGroup = { year, months: [], count: 0 };
      years.push(yearGroup);
    }
    let monthGroup = yearGroup.months.at(-1);
    if (monthGroup?.month !== month) {
      monthGroup = { year, month, entries: [] };
      yearGroup.months.push(monthGroup);
    }
    monthGroup.entries.push({ post, lead: getLeadFigures(post, registry) });
    yearGroup.count += 1;
  }
  return years;
}
