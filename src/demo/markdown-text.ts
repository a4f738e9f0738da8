/** Untrusted text (generated leads, names, messages) inside the demo's Markdown reports. */
import { escapeMarkdown } from "../report/markdown";

/**
 * Text safe in a Markdown paragraph or table cell: the one escaping routine of reports (HTML,
 * Markdown, mentions, issue references and markers made inert), so that a demo report pasted
 * into GitHub cannot ping anyone either.
 */
export function markdownText(text: string): string {
  return escapeMarkdown(text);
}
