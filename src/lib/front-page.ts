import { listWeeks, shiftWeek } from './dates.ts';
import type { RiskEntry } from './frontmatter.ts';
import type { IndexFigures, RelativeFigures } from './metrics.ts';
import type { IndexInfo } from './registry.ts';
import { findWeek } from './series.ts';
import type { SiteModel, SitePost } from './site-model.ts';

/** One index on the front page: this week's figures and its recent weeks for a sparkline. */
export interface FrontPageIndex {
  index: IndexInfo;
  figures: IndexFigures;
  /** Closes of the last weeks up to this one, oldest first; null for a week without a close. */
  trend: (number | null)[];
}

/** The week's front page: the latest weekly post's figures, its risk watch, and the posts after it. */
export interface FrontPage {
  post: SitePost;
  indices: FrontPageIndex[];
  relative: (RelativeFigures & { trend: (number | null)[]; averageTrend: (number | null)[] }) | undefined;
  risks: readonly RiskEntry[];
  /** The newest other visible posts, newest first. */
  recent: SitePost[];
}

/**
 * The front page from the site model: the newest visible weekly post with figures leads, each index
 * with its close, weekly move and `trendWeeks` calendar weeks of closes, the ratio against its
 * moving average, the risk watch; then up to `recentCount` other posts. Undefined without a weekly post.
 */
export function buildFrontPage(site: SiteModel, trendWeeks: number, recentCount: number): FrontPage | undefined {
  const post = site.visiblePosts.find((candidate) => candidate.kind === 'weekly' && candidate.figures !== undefined);
  const figures = post?.figures;
  if (!post || !figures) return undefined;
  const weeks = listWeeks(shiftWeek(figures.week, -(trendWeeks - 1)), figures.week);
  const indices = site.registry.indices.flatMap((index): FrontPageIndex[] => {
    const indexFigures = figures.indices[index.id];
    if (!indexFigures) return [];
    const series = site.series.get(index.id) ?? [];
    return [{ index, figures: indexFigures, trend: weeks.map((week) => findWeek(series, week)?.close ?? null) }];
  });
  const relative = figures.relative && {
    ...figures.relative,
    trend: weeks.map((week) => findWeek(site.ratio, week)?.ratio ?? null),
    averageTrend: weeks.map((week) => findWeek(site.ratio, week)?.movingAverage ?? null),
  };
  return {
    post,
    indices,
    relative,
    risks: post.risks,
    recent: site.visiblePosts.filter((candidate) => candidate !== post).slice(0, recentCount),
  };
}
