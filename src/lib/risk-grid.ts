import type { RiskEntry } from './frontmatter.ts';
import type { RiskTopic, Registry } from './registry.ts';
import type { SitePost } from './site-model.ts';

/** The risk watch across weeks: one row per risk, one column per weekly post (oldest first). */
export interface RiskGrid {
  weeks: { date: string; slug: string }[];
  rows: { risk: RiskTopic; cells: (RiskEntry | undefined)[] }[];
}

/** Builds the grid from the weekly posts that carry a risk watch; risks in registry order. */
export function buildRiskGrid(registry: Registry, posts: readonly SitePost[]): RiskGrid {
  const weekly = posts.filter((post) => post.kind === 'weekly' && post.risks.length > 0).sort((a, b) => a.date.localeCompare(b.date));
  const rows = registry.risks
    .map((risk) => ({ risk, cells: weekly.map((post) => post.risks.find((entry) => entry.topic === risk.id)) }))
    .filter((row) => row.cells.some((cell) => cell !== undefined));
  return { weeks: weekly.map((post) => ({ date: post.date, slug: post.slug })), rows };
}

/** A risk entry's note in a language, falling back to the Japanese note when no English one is written. */
export function riskNote(entry: RiskEntry, locale: 'ja' | 'en'): { text: string; lang: 'ja' | 'en' } {
  return locale === 'en' && entry.note.en !== undefined ? { text: entry.note.en, lang: 'en' } : { text: entry.note.ja, lang: 'ja' };
}
