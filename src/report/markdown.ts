/**
 * GitHub Markdown for untrusted text: contact names, form fields, company names and anything else
 * that came from a person or a portal ends up in PR comments, issues and step summaries. There it
 * must read as plain text: no HTML, no links or images, no @mentions or #references that notify
 * people, and no way to break out of a table cell or a code span.
 *
 * GitHub links mentions, issue references and bare URLs in the rendered text, after Markdown
 * escapes are resolved, so a backslash cannot stop them: a zero-width space (U+200B) after `@`,
 * `#`, `://`, `www` and `GH-` does, and stays invisible to readers.
 */

const ZERO_WIDTH_SPACE = "\u200b";

/** ASCII punctuation that means something to CommonMark, GFM (tables, strikethrough) or GitHub math. */
const BACKSLASH_ESCAPED = new Set("\\`*_{}[]()#+-.!|~$=^".split(""));

const HTML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

// C0/C1 controls (line breaks handled separately), bidi overrides and isolates (which can make text
// read differently from what it is), and lone surrogates.
const INVISIBLE_OR_CONTROL =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const LINE_BREAKS = /\r\n|[\r\n\t\u2028\u2029\u0085]/g;

/**
 * Breaks the opening of an HTML comment (`<!--` becomes `<!` ZWSP `--`), so that untrusted text
 * shown verbatim (code spans and blocks) can never carry one of our hidden markers
 * (`<!-- routeops:... -->`), which comments and issues are found by.
 */
export function breakMarkers(text: string): string {
  return text.replace(/<!--/g, `<!${ZERO_WIDTH_SPACE}--`);
}

/** Drops control and bidi characters and turns line breaks and tabs into spaces: one line of text. */
export function toSingleLine(text: string): string {
  return text.replace(LINE_BREAKS, " ").replace(INVISIBLE_OR_CONTROL, "");
}

function startsWithIgnoreCase(text: string, at: number, word: string): boolean {
  return text.slice(at, at + word.length).toLowerCase() === word;
}

/**
 * One line of untrusted text with each character escaped by `escapeChar`, and mentions, issue
 * references and autolinks broken with an invisible zero-width space: the one place that knows
 * what GitHub links.
 */
function escapeLine(text: string, escapeChar: (ch: string) => string): string {
  const line = toSingleLine(text);
  let out = "";
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    out += escapeChar(ch);
    // Break what GitHub would turn into a mention, an issue/PR reference or a link.
    if (ch === "@" || ch === "#") {
      out += ZERO_WIDTH_SPACE;
    } else if (ch === ":" && line.startsWith("//", i + 1)) {
      out += ZERO_WIDTH_SPACE;
    } else if ((ch === "w" || ch === "W") && startsWithIgnoreCase(line, i, "www.")) {
      out += line.slice(i + 1, i + 3) + ZERO_WIDTH_SPACE;
      i += 2;
    } else if (ch === "-" && i >= 2 && /^gh$/i.test(line.slice(i - 2, i)) && /^[0-9]/.test(line.slice(i + 1))) {
      out += ZERO_WIDTH_SPACE;
    }
  }
  return out;
}

/**
 * Escapes untrusted text so that GitHub renders it literally, on one line: line breaks become
 * spaces, HTML is entity-escaped, Markdown punctuation is backslash-escaped, and mentions,
 * references and autolinks are broken with an invisible zero-width space.
 */
export function escapeMarkdown(text: string): string {
  return escapeLine(text, (ch) => HTML_ENTITIES[ch] ?? (BACKSLASH_ESCAPED.has(ch) ? "\\" + ch : ch));
}

const HTML_TEXT_ENTITIES: Record<string, string> = { ...HTML_ENTITIES, '"': "&quot;", "'": "&#39;" };

/**
 * Escapes untrusted text inside raw HTML that GitHub does not parse as Markdown (a `<summary>`):
 * entities for HTML, no backslashes (they would show), and mentions and references broken as in
 * {@link escapeMarkdown}, since GitHub links them in HTML text too. One line.
 */
export function escapeHtmlText(text: string): string {
  return escapeLine(text, (ch) => HTML_TEXT_ENTITIES[ch] ?? ch);
}

/**
 * Escapes untrusted text for one GFM table cell: everything {@link escapeMarkdown} does (which
 * already keeps it on one line and escapes every `|`); an empty value stays an empty cell.
 */
export function escapeTableCell(text: string): string {
  return escapeMarkdown(text).trim();
}

/** Options of {@link inlineCode}. */
export interface InlineCodeOptions {
  /**
   * The code span goes into a table cell: pipes are escaped the way GFM tables expect (the table
   * removes the backslash before the code span is read).
   */
  inTable?: boolean;
}

/**
 * Untrusted text as a code span: shown verbatim in a monospace font, never parsed as Markdown,
 * HTML, a mention or a link. The backtick fence is longer than any run of backticks in the text.
 */
export function inlineCode(text: string, options: InlineCodeOptions = {}): string {
  let content = breakMarkers(toSingleLine(text));
  if (options.inTable) {
    // A backslash right before a pipe would pair with the pipe's own escape; a zero-width space
    // keeps them apart.
    content = content.replace(/\\(?=\|)/g, "\\" + ZERO_WIDTH_SPACE).replace(/\|/g, "\\|");
  }
  if (content === "") return "` `";
  let longestRun = 0;
  for (const run of content.match(/`+/g) ?? []) longestRun = Math.max(longestRun, run.length);
  const fence = "`".repeat(longestRun + 1);
  // CommonMark strips one space on each side when both are present: pad so that exactly our
  // padding is stripped and a leading or trailing backtick cannot merge with the fence.
  const allSpaces = /^ +$/.test(content);
  const pad = !allSpaces && /^[ `]|[ `]$/.test(content) ? " " : "";
  return fence + pad + content + pad + fence;
}

/** A table cell: plain text (escaped), code, or Markdown that our own code wrote. */
export type TableCell =
  | string
  | number
  | boolean
  | null
  | undefined
  /** Untrusted text shown as a code span. */
  | { code: string }
  /** Markdown written by RouteOps itself (never untrusted text): kept on one line, pipes escaped. */
  | { markdown: string };

/** Column alignment in {@link markdownTable}. */
export type ColumnAlignment = "left" | "center" | "right";

/** Escapes every pipe not already escaped by an odd run of backslashes. */
function escapeBarePipes(markdown: string): string {
  return markdown.replace(/(\\*)\|/g, (match, slashes: string) => (slashes.length % 2 === 1 ? match : `${slashes}\\|`));
}

function renderCell(cell: TableCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "object") {
    if ("code" in cell) return inlineCode(cell.code, { inTable: true });
    return escapeBarePipes(toSingleLine(cell.markdown)).trim();
  }
  return escapeTableCell(String(cell));
}

const ALIGNMENT_ROW: Record<ColumnAlignment, string> = { left: ":---", center: ":---:", right: "---:" };

/**
 * A GFM table. Headers and string cells are untrusted text and escaped; rows shorter than the
 * header are padded with empty cells. Ends with a newline.
 */
export function markdownTable(
  headers: string[],
  rows: TableCell[][],
  options: { align?: ColumnAlignment[] } = {},
): string {
  if (headers.length === 0) throw new RangeError("markdownTable: a table needs at least one column");
  const line = (cells: string[]): string => `| ${cells.join(" | ")} |`;
  const out = [
    line(headers.map((header) => escapeTableCell(header))),
    line(headers.map((_, column) => (options.align?.[column] ? ALIGNMENT_ROW[options.align[column]] : "---"))),
  ];
  rows.forEach((row, index) => {
    if (row.length > headers.length) {
      throw new RangeError(`markdownTable: row ${index} has ${row.length} cells for ${headers.length} columns`);
    }
    out.push(line(headers.map((_, column) => renderCell(row[column]))));
  });
  return out.join("\n") + "\n";
}
