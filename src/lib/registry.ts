import { z } from 'zod';
import { TRADING_CALENDARS } from './calendar.ts';
import { isTimeZone } from './dates.ts';

/** A text given in both languages. */
export const LocalizedTextSchema = z.strictObject({
  ja: z.string().trim().min(1),
  en: z.string().trim().min(1),
});

/** An id of the registry and the compliance profile: lower-case letters, digits and hyphens. */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'expected an id in lower-case letters, digits and hyphens' });

/** One market index the site can chart (content/data/indices.json). */
export const IndexSchema = z.strictObject({
  id: IdSchema,
  name: LocalizedTextSchema,
  shortName: LocalizedTextSchema,
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'expected a colour written #rrggbb' }),
  source: LocalizedTextSchema,
  trademark: LocalizedTextSchema.optional(),
  /** The exchange calendar the index trades on: its holidays, and which indices close a week on the same day. */
  calendar: z.enum(TRADING_CALENDARS).default('XNYS'),
  /** Column names in vendor CSV files that hold this index, for `npm run data:import`. */
  importColumns: z.array(z.string().min(1)).default([]),
});
/** One market index the site can chart. */
export type IndexInfo = z.infer<typeof IndexSchema>;

/** A topic a post can be filed under (content/data/topics.json). */
export const TopicSchema = z.strictObject({ id: IdSchema, label: LocalizedTextSchema });
/** A topic a post can be filed under. */
export type Topic = z.infer<typeof TopicSchema>;

/** A risk the weekly risk watch follows (content/data/risks.json). */
export const RiskTopicSchema = z.strictObject({
  id: IdSchema,
  label: LocalizedTextSchema,
  group: LocalizedTextSchema,
});
/** A risk the weekly risk watch follows. */
export type RiskTopic = z.infer<typeof RiskTopicSchema>;

/** Site-wide settings (content/site.json). */
export const SiteConfigSchema = z.strictObject({
  title: LocalizedTextSchema,
  tagline: LocalizedTextSchema,
  url: z.url({ protocol: /^https?$/ }),
  author: LocalizedTextSchema,
  ratio: z.strictObject({ numerator: IdSchema, denominator: IdSchema }),
  movingAverageWeeks: z.int().min(2).max(260),
  /** How far a stated derived figure (ratio, deviation) may sit from the computed one, in percentage points. */
  derivedTolerance: z.number().min(0).max(1),
  dataCredit: LocalizedTextSchema,
  postsPerPage: z.int().min(1).max(100),
  /** The time zone a `publishAt` without an offset is read in (IANA name). */
  timeZone: z.string().refine(isTimeZone, { error: 'expected an IANA time zone such as Asia/Tokyo' }).default('Asia/Tokyo'),
});
/** Site-wide settings. */
export type SiteConfig = z.infer<typeof SiteConfigSchema>;

/** Everything in content/data and content/site.json that posts are checked against. */
export interface Registry {
  site: SiteConfig;
  indices: readonly IndexInfo[];
  topics: readonly Topic[];
  risks: readonly RiskTopic[];
}

/** Looks up an index by id; throws for an id the registry does not have. */
export function getIndex(registry: Registry, id: string): IndexInfo {
  const found = registry.indices.find((index) => index.id === id);
  if (!found) throw new RangeError(`unknown index "${id}"; known: ${registry.indices.map((index) => index.id).join(', ')}`);
  return found;
}

/** Looks up a topic by id; throws for an id the registry does not have. */
export function getTopic(registry: Registry, id: string): Topic {
  const found = registry.topics.find((topic) => topic.id === id);
  if (!found) throw new RangeError(`unknown topic "${id}"`);
  return found;
}

/** Looks up a watched risk by id; throws for an id the registry does not have. */
export function getRiskTopic(registry: Registry, id: string): RiskTopic {
  const found = registry.risks.find((risk) => risk.id === id);
  if (!found) throw new RangeError(`unknown risk "${id}"`);
  return found;
}
