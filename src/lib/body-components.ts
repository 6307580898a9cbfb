import { availableCharts, type ChartedPost } from './charts.ts';
import { CITABLE_FIELDS, citeFigure, FIGURE_STYLES, WORDED_FIELDS } from './key-figures.ts';
import type { ComponentUse, LiteralValue } from './post-body.ts';
import type { Problem } from './problems.ts';
import type { WeekFigures } from './stated-figures.ts';

/** What a body's components are checked against: the post's figures and charts, the index ids and the firm's product ids. */
export interface BodyContext extends ChartedPost {
  figures: WeekFigures | undefined;
  indexIds: readonly string[];
  productIds: readonly string[];
}

/** One attribute of a post component: whether it is required and what a valid value is. */
interface AttributeRule {
  isRequired: boolean;
  /** What is wrong with `value` for this post, or undefined when it is fine. */
  check: (value: LiteralValue, context: BodyContext, use: ComponentUse) => string | undefined;
}

const text = (value: LiteralValue): string | undefined => (typeof value === 'string' ? undefined : `expected text in quotes, received ${JSON.stringify(value)}`);

/**
 * The components a post body may use and their attributes: one entry each, read by `npm run check`
 * and the build alike (the pages receive the same names in src/components/post-components.ts).
 */
export const COMPONENT_RULES: Readonly<Record<string, Readonly<Record<string, AttributeRule>>>> = {
  Chart: {
    name: {
      isRequired: true,
      check: (value, context) => {
        if (typeof value !== 'string') return text(value);
        const available = availableCharts(context);
        return available.includes(value) ? undefined : `no such chart; this post has ${available.length === 0 ? 'none' : available.join(', ')}`;
      },
    },
  },
  Figure: {
    field: {
      isRequired: true,
      check: (value, context, use) => {
        if (typeof value !== 'string') return text(value);
        if (!(CITABLE_FIELDS as readonly string[]).includes(value)) return `unknown field; expected one of ${CITABLE_FIELDS.join(', ')}`;
        if (!context.figures) return 'needs market data, and this post has none';
        const index = use.attributes['index'];
        try {
          citeFigure(context.figures, value, typeof index === 'string' ? index : undefined);
          return undefined;
        } catch (error) {
          return (error as Error).message;
        }
      },
    },
    index: { isRequired: false, check: text },
    as: {
      isRequired: false,
      check: (value, _context, use) => {
        if (typeof value !== 'string' || !(FIGURE_STYLES as readonly string[]).includes(value)) return `expected one of ${FIGURE_STYLES.map((style) => `"${style}"`).join(', ')}`;
        const field = use.attributes['field'];
        return value === 'words' && !(WORDED_FIELDS as readonly string[]).includes(String(field)) ? `as="words" describes ${WORDED_FIELDS.join(', ')}; write ${String(field)} as a number` : undefined;
      },
    },
    decimals: {
      isRequired: false,
      check: (value) => (Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 6 ? undefined : `expected a whole number from 0 to 6, written decimals={2}; received ${JSON.stringify(value)}`),
    },
  },
  KeyFigures: {
    only: {
      isRequired: false,
      check: (value, context) => {
        if (!Array.isArray(value) || value.length === 0 || !value.every((id) => typeof id === 'string')) return 'expected a list of index ids, written only={["sp500"]}';
        const unknown = value.filter((id) => !context.indexIds.includes(id as string));
        return unknown.length === 0 ? undefined : `unknown index ${unknown.map((id) => `"${String(id)}"`).join(', ')}; expected ${context.indexIds.join(', ')}`;
      },
    },
  },
  RiskWatch: {},
  ProductNotice: {
    product: {
      isRequired: true,
      check: (value, context) => {
        if (typeof value !== 'string') return text(value);
        if (context.productIds.includes(value)) return undefined;
        return `unknown product; content/compliance.json lists ${context.productIds.length === 0 ? 'none' : context.productIds.join(', ')}`;
      },
    },
  },
  Quote: {
    reason: {
      isRequired: true,
      check: (value) => (typeof value === 'string' && value.trim() !== '' ? undefined : 'expected the reason the wording is quoted, e.g. reason="quoting the Fed chair"'),
    },
  },
};

/** A component use as the author wrote it, for messages: `<Chart name="x" />`. */
export function describeUse(use: ComponentUse): string {
  const attributes = Object.entries(use.attributes).map(([name, value]) => (typeof value === 'string' ? ` ${name}="${value}"` : ` ${name}={${JSON.stringify(value)}}`));
  return `<${use.name}${attributes.join('')} />`;
}

/**
 * Checks every component a post body uses against the post: known components, known and required
 * attributes, and values the post can show (a figure it has, a chart it has). A body that passes renders.
 */
export function checkBodyComponents(file: string, uses: readonly ComponentUse[], context: BodyContext): Problem[] {
  const names = Object.keys(COMPONENT_RULES);
  return uses.flatMap((use): Problem[] => {
    const at = (message: string, hint?: string): Problem => ({ file, field: 'body', line: use.line, message: `${describeUse(use)}: ${message}.`, ...(hint === undefined ? {} : { hint }) });
    const rules = COMPONENT_RULES[use.name];
    if (!rules) return [at(`unknown component; posts can use ${names.map((name) => `<${name}>`).join(', ')}`, 'Check the spelling, or write it as text.')];
    const problems: Problem[] = [];
    for (const name of Object.keys(use.attributes)) {
      if (!rules[name]) {
        const known = Object.keys(rules);
        problems.push(at(`unknown attribute "${name}"; <${use.name}> takes ${known.length === 0 ? 'none' : known.join(', ')}`));
      }
    }
    for (const [name, rule] of Object.entries(rules)) {
      const value = use.attributes[name];
      if (value === undefined) {
        if (rule.isRequired) problems.push(at(`needs ${name}="…"`));
        continue;
      }
      const wrong = rule.check(value, context, use);
      if (wrong !== undefined) problems.push(at(wrong));
    }
    return problems;
  });
}

/** The chart names a body places with `<Chart name="…" />`, in order. */
export function getPlacedCharts(uses: readonly ComponentUse[]): string[] {
  return uses.flatMap((use) => (use.name === 'Chart' && typeof use.attributes['name'] === 'string' ? [use.attributes['name']] : []));
}
