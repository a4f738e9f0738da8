/**
 * One report document model for every report RouteOps writes (plan, audit, simulate, graph, the
 * pull-request comment): headings, paragraphs, tables, lists, collapsible details and code, as
 * plain data. `render-markdown.ts` turns it into GitHub Markdown (escaping every piece of text with
 * the one routine in `markdown.ts`), `render-text.ts` into terminal text, and `fit.ts` folds it to
 * fit GitHub's size limits. Reports build documents; they never write Markdown by hand, so no
 * report can forget to escape a contact's or a company's name.
 */

/** A piece of inline text. Strings are untrusted text; the object forms style their text. */
export type InlinePiece =
  | string
  /** Shown verbatim in a monospace font (ids, paths, values). */
  | { code: string }
  /** Bold. */
  | { strong: string }
  /** Italic. */
  | { emphasis: string };

/** Inline text: one piece or a run of pieces, written one after the other. */
export type Inline = InlinePiece | readonly InlinePiece[];

export type Alignment = "left" | "center" | "right";

/** A list item: inline text, optionally with nested blocks under it. */
export type ListItem = Inline | { text: Inline; children: Block[] };

export type Block =
  | { type: "heading"; level: 1 | 2 | 3 | 4; text: Inline }
  | { type: "paragraph"; text: Inline }
  | { type: "list"; items: ListItem[] }
  | { type: "table"; headers: string[]; rows: Inline[][]; align?: Alignment[] }
  /** Collapsed on GitHub (`<details>`); shown in full in the terminal. */
  | { type: "details"; summary: Inline; blocks: Block[] }
  /** A code block; `language` is a fence info string such as `mermaid` (our own words only). */
  | { type: "code"; text: string; language?: string }
  /**
   * Markdown and text that another RouteOps renderer wrote (and escaped, with the routines of
   * `markdown.ts`): the simulation and the graph until they build documents themselves. Never
   * untrusted text.
   */
  | { type: "prerendered"; markdown: string; text: string }
  | Section;

/**
 * A titled part of a report. Sections are what {@link fitMarkdown} works with: `fold` sections go
 * into details when the report is too long, and `omittable` ones are left out (with a note naming
 * where the full report is) when even that is too long. A section without either is always shown.
 */
export interface Section {
  type: "section";
  /** Stable id, for tests and for saying which sections were folded or left out. */
  id: string;
  title: Inline;
  level: 2 | 3 | 4;
  blocks: Block[];
  /** May be folded into details to save room. */
  fold?: boolean;
  /** Always shown collapsed on GitHub (details under the title); in full in the terminal. */
  collapsed?: boolean;
  /** May be left out of a size-limited rendering. */
  omittable?: boolean;
}

/** A whole report. The hidden marker (our own, never user text) goes on the first line of Markdown. */
export interface ReportDocument {
  blocks: Block[];
  /** `<!-- routeops:KEY -->`, written verbatim before the Markdown; never in terminal text. */
  marker?: string;
}

// Builders: short names, because reports are made of many of them.

export const heading = (level: 1 | 2 | 3 | 4, text: Inline): Block => ({ type: "heading", level, text });
export const paragraph = (...text: InlinePiece[]): Block => ({ type: "paragraph", text });
export const list = (items: ListItem[]): Block => ({ type: "list", items });
export const table = (headers: string[], rows: Inline[][], align?: Alignment[]): Block => ({
  type: "table",
  headers,
  rows,
  ...(align ? { align } : {}),
});
export const details = (summary: Inline, blocks: Block[]): Block => ({ type: "details", summary, blocks });
export const codeBlock = (text: string, language?: string): Block => ({
  type: "code",
  text,
  ...(language ? { language } : {}),
});
export const code = (text: string): InlinePiece => ({ code: text });
export const strong = (text: string): InlinePiece => ({ strong: text });
export const emphasis = (text: string): InlinePiece => ({ emphasis: text });

export function section(
  id: string,
  level: 2 | 3 | 4,
  title: Inline,
  blocks: Block[],
  options: { fold?: boolean; collapsed?: boolean; omittable?: boolean } = {},
): Section {
  return { type: "section", id, level, title, blocks, ...options };
}

/** The pieces of an inline run. */
export function pieces(text: Inline): readonly InlinePiece[] {
  return typeof text === "string" || !Array.isArray(text) ? [text as InlinePiece] : (text as readonly InlinePiece[]);
}

/** The plain words of inline text (no styling), for terminal text and measuring. */
export function plainText(text: Inline): string {
  return pieces(text)
    .map((piece) =>
      typeof piece === "string"
        ? piece
        : "code" in piece
          ? piece.code
          : "strong" in piece
            ? piece.strong
            : piece.emphasis,
    )
    .join("");
}
