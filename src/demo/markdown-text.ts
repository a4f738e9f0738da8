/** Untrusted text (generated leads, names, messages) inside the demo's Markdown reports. */

/**
 * Text safe in a Markdown paragraph or table cell: HTML characters as entities, the characters
 * that would start emphasis, code, a link or a new cell escaped, one line. Lighter than the plan's
 * escaping (made for pull-request comments), so that the local file stays readable as text.
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\r\n]+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_[\]|~]/g, (char) => `\\${char}`);
}
