import { availableCharts, planPostCharts } from './charts.ts';
import { citeFigure } from './key-figures.ts';
import type { Problem } from './problems.ts';
import type { SitePost } from './site-model.ts';

/** Text MDX does not render as components: frontmatter, `{/* comments *\/}`, fenced and inline code. */
const INERT = /^\uFEFF?---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)|\{\/\*[\s\S]*?\*\/\}|^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$|`[^`\n]+`/gm;

/** Blanks what is not rendered, keeping every line break so positions still give the file's line. */
function renderedPart(source: string): string {
  return source.replace(INERT, (match) => match.replace(/[^\n]/g, ' '));
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function attributes(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map((match) => [match[1] ?? '', match[2] ?? match[3] ?? '']));
}

/** The message of an error a component would throw at build time, without the file name it starts with. */
function reason(error: unknown, file: string): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.startsWith(`${file}: `) ? message.slice(file.length + 2) : message;
}

/**
 * Checks the components a post body uses against what the post has, with the functions the pages
 * call: every `<Figure />` cites a figure the post has (`citeFigure`), every `<Chart name="…" />`
 * names one of its charts (`availableCharts`). A body that passes renders; one that does not would
 * stop the build with the same message, but only after the build had started.
 */
export function checkBodyComponents(file: string, source: string, post: SitePost): Problem[] {
  const text = renderedPart(source.replace(/\r\n?/g, '\n'));
  const problems: Problem[] = [];
  const at = (offset: number, message: string): Problem => ({ file, field: 'body', line: lineAt(text, offset), message });
  // Declared charts belong to the source; their ids are checked once, with it.
  if (file === post.source.file) {
    try {
      planPostCharts(post, [], file);
    } catch (error) {
      problems.push({ file, field: 'charts', message: reason(error, file) });
    }
  }
  for (const match of text.matchAll(/<Figure\b([^>]*)>/g)) {
    const { field, index } = attributes(match[1] ?? '');
    const tag = match[0].replace(/\s+/g, ' ');
    if (field === undefined) problems.push(at(match.index, `${tag}: needs field="…".`));
    else if (!post.figures) problems.push(at(match.index, `${tag}: needs market data, and this post has none.`));
    else {
      try {
        citeFigure(post.figures, field, index, file);
      } catch (error) {
        problems.push(at(match.index, reason(error, file)));
      }
    }
  }
  const available = availableCharts(post);
  for (const match of text.matchAll(/<Chart\s+name\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const name = match[1] ?? match[2] ?? '';
    if (!available.includes(name)) {
      problems.push(at(match.index, `<Chart name="${name}" />: no such chart; this post has ${available.length === 0 ? 'none' : available.join(', ')}.`));
    }
  }
  return problems;
}
