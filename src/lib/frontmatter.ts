import { z } from 'zod';
import { dayOfWeek, isIsoDate, isWeekday, zonedTimeToInstant, type IsoDate } from './dates.ts';
import { isBuiltInChart } from './charts.ts';
import { LocalizedTextSchema, type Registry } from './registry.ts';

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * A calendar date checked as written. Frontmatter is read with YAML's core schema (src/lib/read-post.ts),
 * so a date arrives as the text the author typed, and an unquoted 2026-02-30 is refused, never turned
 * into 2 March.
 */
export const CalendarDateSchema = z.string({ error: 'expected a date written YYYY-MM-DD' }).refine(isIsoDate, {
  error: 'expected a real date written YYYY-MM-DD',
});

// An impossible date (2026-02-30) is already reported above; zod still runs this check, which must not throw.
const MarketDaySchema = CalendarDateSchema.refine((value: IsoDate) => !isIsoDate(value) || isWeekday(value), {
  error: (issue) =>
    `expected a weekday, the day of the last close the post discusses; received ${String(issue.input)}, a ${WEEKDAY_NAMES[dayOfWeek(String(issue.input))]}`,
});

const PUBLISH_AT = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * When a post goes out, as written: a date and time with an offset, or without one in the site's
 * time zone (`timeZone` in content/site.json). Checked from its text, so a day or hour that does not
 * exist is refused, and resolved to the instant as an ISO string in UTC.
 */
function createPublishAtSchema(timeZone: string) {
  const expected = `expected a date and time such as 2026-02-14T09:00 (in ${timeZone}) or 2026-02-14T09:00:00+09:00`;
  return z.string({ error: expected }).transform((text, context) => {
    const match = PUBLISH_AT.exec(text.trim());
    const [, date = '', hour = '', minute = '', second = '0', offset] = match ?? [];
    if (!match || !isIsoDate(date) || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) {
      context.addIssue({ code: 'custom', input: text, message: expected });
      return z.NEVER;
    }
    if (offset !== undefined) return new Date(`${date}T${hour}:${minute}:${second.padStart(2, '0')}${offset}`).toISOString();
    return zonedTimeToInstant({ date, hour: Number(hour), minute: Number(minute), second: Number(second) }, timeZone).toISOString();
  });
}

// zod 4 numbers refuse Infinity and NaN already.
const FiniteNumberSchema = z.number({ error: 'expected a number' });

/** A value a chart axis label or legend can show; plain strings are the same in both languages. */
const ChartTextSchema = z.union([z.string().min(1), LocalizedTextSchema]);

/** A dataset a feature post declares for its own charts. */
export const CustomChartSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/, { error: 'expected an id in lower-case letters, digits and hyphens' }),
    type: z.enum(['bar', 'line']),
    title: LocalizedTextSchema,
    unit: z.enum(['percent', 'multiple', 'points', 'index']),
    labels: z.array(ChartTextSchema).min(1),
    datasets: z
      .array(z.strictObject({ label: ChartTextSchema, values: z.array(FiniteNumberSchema).min(1) }))
      .min(1),
    source: z.string().min(1),
    horizontal: z.boolean().default(false),
  })
  .superRefine((chart, context) => {
    chart.datasets.forEach((dataset, i) => {
      if (dataset.values.length !== chart.labels.length) {
        context.addIssue({
          code: 'custom',
          path: ['datasets', i, 'values'],
          input: dataset.values,
          message: `expected ${chart.labels.length} values, one per label`,
        });
      }
    });
  });
/** A dataset a feature post declares for its own charts. */
export type CustomChart = z.infer<typeof CustomChartSchema>;

/** Risk levels, lowest first. */
export const RISK_LEVELS = ['low', 'moderate', 'elevated', 'high'] as const;
/** How a risk moved since last week. */
export const RISK_TRENDS = ['improving', 'unchanged', 'worsening'] as const;

/**
 * The frontmatter schema for posts, built from the registry so topic, index and risk ids
 * are checked against content/data. Used by the Astro content collection and by the CLI alike.
 */
export function createFrontmatterSchema(registry: Registry) {
  const topicIds = registry.topics.map((topic) => topic.id);
  const indexIds = registry.indices.map((index) => index.id);
  const riskIds = registry.risks.map((risk) => risk.id);

  const IndexFiguresSchema = z.strictObject({
    close: z.number({ error: 'expected a positive number' }).positive({ error: 'expected a positive number' }).optional(),
    change: FiniteNumberSchema.optional(),
    changePercent: FiniteNumberSchema.optional(),
  });

  return z.strictObject({
    kind: z.enum(['weekly', 'feature']),
    title: z.string().trim().min(1, { error: 'expected a non-empty text' }),
    description: z.string().trim().min(1, { error: 'expected a non-empty text' }),
    date: MarketDaySchema,
    author: z.string().trim().min(1, { error: 'expected a non-empty text' }),
    topics: z
      .array(z.enum(topicIds as [string, ...string[]]))
      .min(1, { error: 'expected at least one topic' })
      .refine((list) => new Set(list).size === list.length, { error: 'expected each topic once' }),
    draft: z.boolean().default(false),
    updated: CalendarDateSchema.optional(),
    publishAt: createPublishAtSchema(registry.site.timeZone).optional(),
    sources: z
      .array(
        z.strictObject({
          title: z.string().trim().min(1, { error: 'expected a non-empty text' }),
          publisher: z.string().trim().min(1),
          url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }),
        }),
      )
      .default([]),
    indices: z
      .record(z.string(), IndexFiguresSchema)
      .superRefine((record, context) => {
        for (const id of Object.keys(record)) {
          if (!indexIds.includes(id)) {
            context.addIssue({
              code: 'custom',
              path: [id],
              input: id,
              message: `unknown index "${id}"; expected one of ${indexIds.join(', ')} (add it to content/data/indices.json)`,
            });
          }
        }
      })
      .optional(),
    relative: z
      .strictObject({
        ratio: FiniteNumberSchema.optional(),
        deviation: FiniteNumberSchema.optional(),
        relativeDeviation: FiniteNumberSchema.optional(),
      })
      .optional(),
    risks: z
      .array(
        z.strictObject({
          topic: z.enum(riskIds as [string, ...string[]]),
          level: z.enum(RISK_LEVELS),
          trend: z.enum(RISK_TRENDS),
          note: z.strictObject({ ja: z.string().trim().min(1), en: z.string().trim().min(1).optional() }),
        }),
      )
      .optional(),
    charts: z
      .array(CustomChartSchema)
      .superRefine((charts, context) => {
        const first = new Map<string, number>();
        charts.forEach((chart, i) => {
          if (isBuiltInChart(chart.id)) {
            context.addIssue({ code: 'custom', path: [i, 'id'], input: chart.id, message: `"${chart.id}" is the name of a built-in chart; choose another id` });
          }
          const earlier = first.get(chart.id);
          if (earlier === undefined) first.set(chart.id, i);
          else context.addIssue({ code: 'custom', path: [i, 'id'], input: chart.id, message: `"${chart.id}" is also the id of charts.${earlier}; give each chart its own id` });
        });
      })
      .optional(),
    /** Corrections made after publication, each dated and described per language; shown at the top of the post. */
    corrections: z
      .array(z.strictObject({ date: CalendarDateSchema, note: LocalizedTextSchema }))
      .min(1, { error: 'expected at least one correction; leave the key out when there is none' })
      .optional(),
    /** Set by `npm run translated`: a hash of the Japanese source this translation was made from. */
    translatedFrom: z.string().regex(/^[0-9a-f]{12}$/, { error: 'expected the 12-character hash `npm run translated` writes' }).optional(),
  });
}

/** A post's validated frontmatter. */
export type Frontmatter = z.infer<ReturnType<typeof createFrontmatterSchema>>;
/** One line of a post's risk watch. */
export type RiskEntry = NonNullable<Frontmatter['risks']>[number];

/** The top-level keys (and nested keys by path) the schema accepts, for "did you mean" hints. */
export function knownFrontmatterKeys(path: string): readonly string[] {
  const keys: Record<string, readonly string[]> = {
    '': ['kind', 'title', 'description', 'date', 'author', 'topics', 'draft', 'updated', 'publishAt', 'sources', 'indices', 'relative', 'risks', 'charts', 'corrections', 'translatedFrom'],
    relative: ['ratio', 'deviation', 'relativeDeviation'],
  };
  if (/^indices\.[^.]+$/.test(path)) return ['close', 'change', 'changePercent'];
  if (/^sources\.\d+$/.test(path)) return ['title', 'publisher', 'url'];
  if (/^risks\.\d+$/.test(path)) return ['topic', 'level', 'trend', 'note'];
  if (/^corrections\.\d+$/.test(path)) return ['date', 'note'];
  return keys[path] ?? [];
}
