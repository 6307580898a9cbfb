const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' } as const;

/**
 * Escapes text for XML and HTML, in content and in quoted attribute values, and drops the control
 * characters XML 1.0 cannot carry at all. Feeds and the pages' chart tables both write with it.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[&<>"']/g, (character) => ESCAPES[character as keyof typeof ESCAPES]);
}

/**
 * The `rel` of a link an author writes in Markdown: a page of another site gets `noopener noreferrer`,
 * so it can neither reach back into this page nor learn which post sent the reader; a link within the
 * site (relative, or to the site's own origin) gets none.
 */
export function linkRel(href: string | undefined, siteUrl: string): string | undefined {
  if (href === undefined || !/^https?:\/\//i.test(href)) return undefined;
  return new URL(href).origin === new URL(siteUrl).origin ? undefined : 'noopener noreferrer';
}
