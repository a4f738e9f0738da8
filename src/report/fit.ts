/**
 * Fitting a report document into a GitHub body (a PR comment or an issue: 65,536 characters).
 * Large sections that may fold are collapsed into `<details>` so the report stays readable; when
 * it is still too long, the largest sections that may be left out are replaced, largest first, by
 * a note saying where the full report is, and only as a last resort is the text cut (with a note).
 * Sections that are neither foldable nor omittable (the list of routing changes) are always shown.
 */
import { fitToLimit, GITHUB_BODY_LIMIT } from "./body-limit";
import type { Block, ReportDocument, Section } from "./doc";
import { renderMarkdown, type MarkdownOptions } from "./render-markdown";

export interface FitMarkdownOptions {
  /** In characters; default GitHub's 65,536. */
  limit?: number;
  /** Sections at least this long (characters) that may fold are folded; default a quarter of the limit. */
  foldAbove?: number;
  /** Where the full report is, in a sentence (`The full report is in the job summary ...`). */
  fullReportHint: string;
}

export interface FittedMarkdown {
  markdown: string;
  /** Ids of the sections rendered collapsed to save room. */
  folded: string[];
  /** Ids of the sections left out (replaced by a note). */
  omitted: string[];
  /** The text had to be cut as well. */
  truncated: boolean;
  /** The Markdown did not fit as it was: the full report should be published elsewhere. */
  shortened: boolean;
}

function sectionsOf(blocks: readonly Block[], into: Section[] = []): Section[] {
  for (const block of blocks) {
    if (block.type === "section") {
      into.push(block);
      sectionsOf(block.blocks, into);
    } else if (block.type === "details") sectionsOf(block.blocks, into);
    else if (block.type === "list") {
      for (const item of block.items) {
        if (typeof item === "object" && !Array.isArray(item) && "children" in item) sectionsOf(item.children, into);
      }
    }
  }
  return into;
}

/** The document's Markdown within the limit, folding and leaving out sections as needed. */
export function fitMarkdown(document: ReportDocument, options: FitMarkdownOptions): FittedMarkdown {
  const limit = options.limit ?? GITHUB_BODY_LIMIT;
  const foldAbove = options.foldAbove ?? Math.floor(limit / 4);
  const sections = sectionsOf(document.blocks);
  const sizeOf = (section: Section, render: MarkdownOptions) => renderMarkdown({ blocks: [section] }, render).length;

  const folded = new Set<string>();
  const omitted = new Map<string, string>();
  const render = () => renderMarkdown(document, { folded, omitted });
  let markdown = render();
  const shortened = markdown.length > limit;
  for (const section of sections) {
    if (section.fold && (shortened || sizeOf(section, {}) >= foldAbove)) folded.add(section.id);
  }
  markdown = render();

  while (markdown.length > limit) {
    const candidates = sections
      .filter((section) => section.omittable && !omitted.has(section.id))
      .map((section) => ({ section, size: sizeOf(section, { folded, omitted }) }))
      .sort((a, b) => b.size - a.size);
    const largest = candidates[0];
    if (!largest) break;
    for (const inner of sectionsOf(largest.section.blocks)) omitted.delete(inner.id);
    omitted.set(
      largest.section.id,
      `Left out here (${largest.size.toLocaleString("en-US")} characters) to stay within GitHub's ` +
        `${limit.toLocaleString("en-US")}-character limit. ${options.fullReportHint}`,
    );
    markdown = render();
  }
  const fitted = fitToLimit(markdown, { limit, fullReportHint: options.fullReportHint });
  return {
    markdown: fitted.text,
    folded: [...folded],
    omitted: [...omitted.keys()],
    truncated: fitted.truncated,
    shortened,
  };
}
