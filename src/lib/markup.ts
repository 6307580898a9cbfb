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
