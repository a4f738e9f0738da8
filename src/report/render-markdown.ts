/**
 * A report document as GitHub Markdown. Every string of the document is untrusted text and goes
 * through the one escaping routine of `markdown.ts` (HTML, Markdown, mentions, issue references
 * and our hidden markers made inert); only this file writes Markdown syntax around it.
 */
import type { Block, Inline, ListItem, ReportDocument, Section } from "./doc";
import { pieces } from "./doc";
import { breakMarkers, escapeHtmlText, escapeMarkdown, inlineCode, toSingleLine } from "./markdown";

/** Options of {@link renderMarkdown}. */
export interface MarkdownOptions {
  /** Ids of sections to render collapsed (in `<details>`), whatever the section says. */
  folded?: ReadonlySet<string>;
  /** Ids of sections left out, each replaced by a note (see `fit.ts`). */
  omitted?: ReadonlyMap<string, string>;
}

/** Inline text as Markdown; `inTable` escapes pipes in code spans the way GFM tables read them. */
export function inlineMarkdown(text: Inline, inTable = false): string {
  return pieces(text)
    .map((piece) => {
      if (typeof piece === "string") return escapeMarkdown(piece);
      if ("code" in piece) return inlineCode(piece.code, { inTable });
      const inner = escapeMarkdown("strong" in piece ? piece.strong : piece.emphasis).trim();
      if (inner === "") return "";
      return "strong" in piece ? `**${inner}**` : `_${inner}_`;
    })
    .join("");
}

/** Inline text inside raw HTML (a `<summary>`), where Markdown is not read. */
function inlineHtml(text: Inline): string {
  return pieces(text)
    .map((piece) => {
      if (typeof piece === "string") return escapeHtmlText(piece);
      if ("code" in piece) return `<code>${escapeHtmlText(piece.code)}</code>`;
      if ("strong" in piece) return `<b>${escapeHtmlText(piece.strong)}</b>`;
      return `<i>${escapeHtmlText(piece.emphasis)}</i>`;
    })
    .join("");
}

const ALIGNMENT_ROW = { left: ":---", center: ":---:", right: "---:" } as const;

function tableMarkdown(block: Extract<Block, { type: "table" }>): string[] {
  if (block.headers.length === 0) throw new RangeError("report table: a table needs at least one column");
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const out = [
    line(block.headers.map((header) => escapeMarkdown(header).trim())),
    line(block.headers.map((_, column) => (block.align?.[column] ? ALIGNMENT_ROW[block.align[column]] : "---"))),
  ];
  block.rows.forEach((row, index) => {
    if (row.length > block.headers.length) {
      throw new RangeError(`report table: row ${index} has ${row.length} cells for ${block.headers.length} columns`);
    }
    out.push(line(block.headers.map((_, column) => inlineMarkdown(row[column] ?? "", true).trim())));
  });
  return out;
}

/** A fence longer than any run of backticks in the text. */
function fenceFor(text: string): string {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return "`".repeat(Math.max(3, longest + 1));
}

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g;

function codeMarkdown(block: Extract<Block, { type: "code" }>): string[] {
  const text = breakMarkers(block.text.replace(/\r\n?/g, "\n").replace(CONTROLS, "")).replace(/\n+$/, "");
  const fence = fenceFor(text);
  const language = block.language && /^[A-Za-z0-9_-]+$/.test(block.language) ? block.language : "";
  return [fence + language, ...text.split("\n"), fence];
}

function listItemMarkdown(item: ListItem, options: MarkdownOptions): string[] {
  const withChildren = typeof item === "object" && !Array.isArray(item) && "children" in item;
  const text = withChildren ? item.text : (item as Inline);
  const out = [`- ${inlineMarkdown(text)}`];
  if (withChildren && item.children.length > 0) {
    const nested = blocksMarkdown(item.children, options);
    out.push(...nested.map((line) => (line === "" ? "" : `  ${line}`)));
  }
  return out;
}

function detailsMarkdown(summary: string, inner: string[]): string[] {
  return [`<details><summary>${summary}</summary>`, "", ...inner, "", "</details>"];
}

function sectionMarkdown(section: Section, options: MarkdownOptions): string[] {
  const omitted = options.omitted?.get(section.id);
  const body = omitted === undefined ? blocksMarkdown(section.blocks, options) : [escapeMarkdown(omitted)];
  if ((section.collapsed || options.folded?.has(section.id)) && omitted === undefined) {
    return detailsMarkdown(inlineHtml(section.title), body);
  }
  return [`${"#".repeat(section.level)} ${inlineMarkdown(section.title)}`, "", ...body];
}

function blockMarkdown(block: Block, options: MarkdownOptions): string[] {
  switch (block.type) {
    case "heading":
      return [`${"#".repeat(block.level)} ${inlineMarkdown(block.text)}`];
    case "paragraph":
      return [inlineMarkdown(block.text)];
    case "list":
      return block.items.flatMap((item) => listItemMarkdown(item, options));
    case "table":
      return tableMarkdown(block);
    case "details":
      return detailsMarkdown(inlineHtml(block.summary), blocksMarkdown(block.blocks, options));
    case "code":
      return codeMarkdown(block);
    case "prerendered":
      return block.markdown.replace(/\n+$/, "").split("\n");
    case "section":
      return sectionMarkdown(block, options);
  }
}

function blocksMarkdown(blocks: readonly Block[], options: MarkdownOptions): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    const lines = blockMarkdown(block, options);
    if (lines.length === 0) continue;
    if (out.length > 0) out.push("");
    out.push(...lines);
  }
  return out;
}

/** The document as GitHub Markdown, its marker (if any) on the first line; ends with a newline. */
export function renderMarkdown(document: ReportDocument, options: MarkdownOptions = {}): string {
  const body = blocksMarkdown(document.blocks, options).join("\n");
  const marker = document.marker === undefined ? "" : `${toSingleLine(document.marker)}\n`;
  return `${marker}${body}\n`;
}

/** Markdown of a few blocks, for reports that are still partly written by hand. */
export function blocksToMarkdown(blocks: readonly Block[]): string {
  return `${blocksMarkdown(blocks, {}).join("\n")}\n`;
}
