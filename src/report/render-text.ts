/**
 * A report document as terminal text: underlined headings, aligned tables, indented lists and
 * details shown in full. Untrusted text is kept to one line with control and bidi characters
 * removed, so a contact's name cannot move the cursor or recolour the terminal.
 */
import type { Block, Inline, ListItem, ReportDocument } from "./doc";
import { plainText } from "./doc";
import { toSingleLine } from "./markdown";

const inline = (text: Inline): string => toSingleLine(plainText(text));

/** Width in terminal columns, close enough: one per code point. */
const width = (text: string): number => [...text].length;

function pad(text: string, to: number, align: "left" | "center" | "right" = "left"): string {
  const room = Math.max(0, to - width(text));
  if (align === "right") return " ".repeat(room) + text;
  if (align === "center") return " ".repeat(Math.floor(room / 2)) + text + " ".repeat(Math.ceil(room / 2));
  return text + " ".repeat(room);
}

function tableText(block: Extract<Block, { type: "table" }>): string[] {
  const rows = block.rows.map((row) => block.headers.map((_, column) => inline(row[column] ?? "")));
  const headers = block.headers.map((header) => toSingleLine(header));
  const widths = headers.map((header, column) => Math.max(width(header), ...rows.map((row) => width(row[column]!))));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => pad(cell, widths[column]!, block.align?.[column]))
      .join("  ")
      .trimEnd();
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
}

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g;

function listItemText(item: ListItem): string[] {
  const withChildren = typeof item === "object" && !Array.isArray(item) && "children" in item;
  const out = [`- ${inline(withChildren ? item.text : (item as Inline))}`];
  if (withChildren) out.push(...indent(blocksText(item.children), "  "));
  return out;
}

const indent = (lines: string[], by: string) => lines.map((line) => (line === "" ? "" : by + line));

function headingText(level: number, text: string): string[] {
  if (level <= 1) return [text, "=".repeat(width(text))];
  if (level === 2) return [text, "-".repeat(width(text))];
  return [text];
}

function blockText(block: Block): string[] {
  switch (block.type) {
    case "heading":
      return headingText(block.level, inline(block.text));
    case "paragraph":
      return [inline(block.text)];
    case "list":
      return block.items.flatMap(listItemText);
    case "table":
      return tableText(block);
    case "details":
      return [`${inline(block.summary)}:`, ...indent(blocksText(block.blocks), "  ")];
    case "code":
      return indent(block.text.replace(/\r\n?/g, "\n").replace(/\n+$/, "").replace(CONTROLS, "").split("\n"), "    ");
    case "prerendered":
      return block.text.replace(/\n+$/, "").replace(CONTROLS, "").split("\n");
    case "section":
      return [...headingText(block.level - 1, inline(block.title)), "", ...blocksText(block.blocks)];
  }
}

function blocksText(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    const lines = blockText(block);
    if (lines.length === 0) continue;
    if (out.length > 0) out.push("");
    out.push(...lines);
  }
  return out;
}

/** The document as terminal text (the marker is not shown); ends with a newline. */
export function renderText(document: ReportDocument): string {
  return `${blocksText(document.blocks).join("\n")}\n`;
}
