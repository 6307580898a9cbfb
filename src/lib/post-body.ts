import { mdxToMdast } from 'satteri';
import type { Problem } from './problems.ts';

/** A value an attribute of a post component can take: written literally, never computed. */
export type LiteralValue = string | number | boolean | null | readonly LiteralValue[];

/** One use of a component in a post body, as the MDX syntax tree has it. */
export interface ComponentUse {
  name: string;
  /** 1-based line in the post file (the frontmatter counted). */
  line: number;
  attributes: Readonly<Record<string, LiteralValue>>;
}

/** A quotation the author marked with `<Quote reason="…">`: its wording is someone else's, for the reason given. */
export interface QuoteMark {
  reason: string;
  /** 1-based line of the `<Quote>` tag. */
  line: number;
}

/** A piece of text as a reader sees it, with the line it starts on and the quotation it sits in, if any. */
export interface ProseSpan {
  text: string;
  line: number;
  quote?: QuoteMark;
}

/**
 * Text read as one run, where a sentence can continue from span to span: a paragraph, heading or table
 * cell of the body (field `body`), or a text of the frontmatter (field `title`, `risks.0.note.en`…).
 */
export interface ProseBlock {
  field: string;
  spans: readonly ProseSpan[];
}

/** What a post body holds that Shūhō reads: its component uses and its text, in order, and what was wrong with it. */
export interface PostBody {
  components: readonly ComponentUse[];
  /** The body's text from the syntax tree: no code, comments or attribute values; a component stands as `<Name />`. */
  prose: readonly ProseBlock[];
  problems: readonly Problem[];
}

/** The frontmatter block at the top of a post, which MDX must not see. */
const FRONTMATTER = /^---\n[\s\S]*?\n---[ \t]*(?:\n|$)/;

/** satteri reports `line:column: reason (line:column) (rule-id)`, positions relative to the text it parsed. */
const SATTERI_ERROR = /^(\d+):(\d+):\s*(.*?)(?:\s*\(\d+:\d+\))?(?:\s*\([\w:-]+\))?\s*$/s;

const SYNTAX_HINT = 'MDX reads `<` and `{` as the start of a component or an expression: close the tag, or write a literal `<` as `&lt;` and `{` as `\\{`.';

/** The parts of satteri's MDX syntax tree read here. */
interface MdastNode {
  type: string;
  name?: string | null;
  value?: unknown;
  attributes?: readonly { type: string; name?: string; value?: unknown }[];
  children?: readonly MdastNode[];
  position?: { start: { line: number } };
}

/** A JSON literal (`2`, `true`, `"x"`, `["a", "b"]`) written in braces; anything else is code. */
function readLiteral(expression: string): { value: LiteralValue } | undefined {
  try {
    return { value: JSON.parse(expression) as LiteralValue };
  } catch {
    return undefined;
  }
}

/** A comment-only expression, `{/* … *\/}`: MDX renders nothing for it. */
function isComment(expression: string): boolean {
  return /^\s*\/\*[\s\S]*\*\/\s*$/.test(expression);
}

/**
 * Reads a post body with satteri, the MDX parser Astro's MDX integration compiles with, so what is a
 * component here is a component in the build: comments, code blocks and inline code are text. Only
 * literal attributes are accepted: a component's output must follow from the post alone, and an
 * expression would only fail, or differ, at render time.
 */
export function readPostBody(file: string, source: string): PostBody {
  // Blank the frontmatter line for line, so positions in the tree are lines of the file.
  const body = source.replace(FRONTMATTER, (block) => block.replace(/[^\n]/g, ''));
  let tree: MdastNode;
  try {
    tree = mdxToMdast(body) as MdastNode;
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const match = SATTERI_ERROR.exec(raw);
    return {
      components: [],
      prose: [],
      problems: [{
        file,
        field: 'body',
        ...(match ? { line: Number(match[1]) } : {}),
        message: `is not valid MDX${match ? ` at column ${match[2]}` : ''}: ${(match?.[3] ?? raw).trim()}.`,
        hint: SYNTAX_HINT,
      }],
    };
  }
  const components: ComponentUse[] = [];
  const problems: Problem[] = [];
  const visit = (node: MdastNode): void => {
    const line = node.position?.start.line ?? 1;
    const at = (message: string, hint: string): Problem => ({ file, field: 'body', line, message, hint });
    if (node.type === 'mdxjsEsm') {
      problems.push(at('has an import or export; posts use the built-in components without importing anything.', 'Remove the line: <Chart>, <Figure>, <KeyFigures>, <RiskWatch>, <ProductNotice> and <Quote> are always available.'));
    } else if ((node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') && !isComment(String(node.value))) {
      problems.push(at(`has the expression {${String(node.value)}}; a post's text is written, not computed.`, 'Write the text itself, a comment as {/* … */}, or a literal { as \\{.'));
    } else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && typeof node.name === 'string' && /^[A-Z]/.test(node.name)) {
      const attributes: Record<string, LiteralValue> = {};
      for (const attribute of node.attributes ?? []) {
        if (attribute.type !== 'mdxJsxAttribute' || attribute.name === undefined) {
          problems.push(at(`<${node.name} {${String(attribute.value)}} />: spread attributes are not supported.`, `Write each attribute, e.g. <${node.name} name="…" />.`));
          continue;
        }
        const { name, value } = attribute;
        if (value === null || value === undefined) attributes[name] = true;
        else if (typeof value === 'string') attributes[name] = value;
        else {
          const expression = String((value as { value?: unknown }).value ?? '');
          const literal = readLiteral(expression);
          if (literal) attributes[name] = literal.value;
          else {
            problems.push(at(
              `<${node.name} ${name}={${expression}} />: the attribute is computed.`,
              `Write it literally: ${name}="text", or ${name}={2}, {true} or {["a", "b"]}.`,
            ));
          }
        }
      }
      components.push({ name: node.name, line, attributes });
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return { components, prose: collectProse(tree), problems };
}

/** Nodes whose inline content is read as one block of text. */
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/** Inline content: MDX puts it straight into a component written on one line, `<Quote …>text</Quote>`. */
const PHRASING = new Set(['text', 'emphasis', 'strong', 'delete', 'link', 'break', 'inlineCode', 'mdxJsxTextElement', 'mdxTextExpression']);

function quoteOf(node: MdastNode, inside: QuoteMark | undefined): QuoteMark | undefined {
  if (node.name !== 'Quote') return inside;
  const reason = node.attributes?.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'reason')?.value;
  return { reason: typeof reason === 'string' ? reason : '', line: node.position?.start.line ?? 1 };
}

/**
 * The text a reader of the body sees, block by block. Code, comments and expressions are not text; a
 * component other than `<Quote>` renders its own words (a figure, a chart), so it stands in the text as
 * `<Name />` and a sentence around it still reads as one; what `<Quote>` wraps is marked as quoted.
 */
function collectProse(tree: MdastNode): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  const inline = (node: MdastNode, quote: QuoteMark | undefined, spans: ProseSpan[]): void => {
    const line = node.position?.start.line ?? 1;
    const span = (text: string): ProseSpan => (quote === undefined ? { text, line } : { text, line, quote });
    if (node.type === 'text') spans.push(span(String(node.value)));
    else if (node.type === 'break') spans.push(span('\n'));
    else if (node.type === 'mdxJsxTextElement' && node.name === 'Quote') for (const child of node.children ?? []) inline(child, quoteOf(node, quote), spans);
    else if (node.type === 'mdxJsxTextElement' && typeof node.name === 'string' && /^[A-Z]/.test(node.name)) spans.push(span(`<${node.name} />`));
    else if (node.type !== 'inlineCode' && node.type !== 'mdxTextExpression') for (const child of node.children ?? []) inline(child, quote, spans);
  };
  const flow = (node: MdastNode, quote: QuoteMark | undefined): void => {
    const children = node.children ?? [];
    if (TEXT_BLOCKS.has(node.type) || (node.type === 'mdxJsxFlowElement' && children.some((child) => PHRASING.has(child.type)))) {
      const spans: ProseSpan[] = [];
      const inner = node.type === 'mdxJsxFlowElement' ? quoteOf(node, quote) : quote;
      for (const child of children) inline(child, inner, spans);
      if (spans.length > 0) blocks.push({ field: 'body', spans });
    } else if (node.type !== 'code') {
      for (const child of node.children ?? []) flow(child, node.type === 'mdxJsxFlowElement' ? quoteOf(node, quote) : quote);
    }
  };
  flow(tree, undefined);
  return blocks;
}
