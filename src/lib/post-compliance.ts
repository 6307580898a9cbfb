import type { ComplianceProfile } from './compliance.ts';
import type { ProseBlock } from './post-body.ts';
import { findFieldLine, type Problem } from './problems.ts';
import type { ParsedPost, PostWithProse } from './read-post.ts';
import { checkWording, findProductMentions, frontmatterProse, type Allowance } from './wording.ts';

/** The published texts of a post's frontmatter, each a block of prose on its own line. */
function frontmatterBlocks(post: ParsedPost): ProseBlock[] {
  const fm = post.frontmatter;
  const fields: [string, string][] = [['title', fm.title], ['description', fm.description]];
  // Risk notes and corrections are the source's, shown on both language pages.
  fm.risks?.forEach((risk, i) => {
    fields.push([`risks.${i}.note.ja`, risk.note.ja]);
    if (risk.note.en !== undefined) fields.push([`risks.${i}.note.en`, risk.note.en]);
  });
  fm.corrections?.forEach((correction, i) => {
    fields.push([`corrections.${i}.note.ja`, correction.note.ja], [`corrections.${i}.note.en`, correction.note.en]);
  });
  return fields.map(([field, text]) => frontmatterProse(post.source, field, text));
}

/**
 * What the compliance profile asks of one post file: its wording (src/lib/wording.ts), a
 * `<ProductNotice>` for every product of the firm it names, and corrections dated no earlier than the
 * post. Problems carry their severity; allowances are the listed phrases quoted with a reason.
 */
export function checkPostCompliance(post: PostWithProse, profile: Pick<ComplianceProfile, 'wording' | 'products'>): { problems: Problem[]; allowances: Allowance[] } {
  const blocks = [...frontmatterBlocks(post), ...post.prose];
  const { problems, allowances } = checkWording(post.file, blocks, profile.wording);
  for (const { product, name, field, line } of findProductMentions(blocks, profile.products)) {
    const hasNotice = post.components.some((use) => use.name === 'ProductNotice' && use.attributes['product'] === product.id);
    if (!hasNotice) {
      problems.push({
        file: post.file,
        field,
        line,
        message: `names the fund "${name}" but does not show its fees and risks.`,
        hint: `Add <ProductNotice product="${product.id}" /> near the mention: it shows the fee and risk text of content/compliance.json.`,
      });
    }
  }
  post.frontmatter.corrections?.forEach((correction, i) => {
    if (correction.date < post.frontmatter.date) {
      const line = findFieldLine(post.source, `corrections.${i}.date`);
      problems.push({
        file: post.file,
        field: `corrections.${i}.date`,
        ...(line === undefined ? {} : { line }),
        message: `is ${correction.date}, before the post's own date ${post.frontmatter.date}.`,
        hint: 'Date a correction on the day it was made.',
      });
    }
  });
  return { problems, allowances };
}
