/**
 * The routing graph as GitHub Markdown: a `mermaid` code block (GitHub renders it as a diagram)
 * and, when compared with a base, a table of what changed.
 */
import { escapeMarkdown, markdownTable } from "../report/markdown";
import type { RoutingGraph } from "./flowchart";

/** Options of {@link graphMarkdown}. */
export interface GraphMarkdownOptions {
  /** Heading text; default `Routing graph`. */
  title?: string;
  /** What the graph was compared with (a git ref or path): adds the list of changes. */
  base?: string;
}

const KIND_LABEL = { added: "added", changed: "changed", removed: "removed" } as const;

/** Markdown with the diagram and, given `options.base`, the changes. Ends with a newline. */
export function graphMarkdown(graph: RoutingGraph, options: GraphMarkdownOptions = {}): string {
  // The Mermaid text holds no backtick (labels encode it), so a plain fence cannot be closed early.
  const parts = [
    `### ${escapeMarkdown(options.title ?? "Routing graph")}`,
    "",
    "```mermaid",
    graph.mermaid.trimEnd(),
    "```",
  ];
  if (options.base !== undefined) {
    parts.push("");
    const total = graph.changes.length + graph.poolChanges.length;
    if (total === 0) {
      parts.push(`No routing changes compared with ${escapeMarkdown(options.base)}.`);
    } else {
      parts.push(
        `**${total} routing change${total === 1 ? "" : "s"}** compared with ${escapeMarkdown(options.base)} (highlighted above):`,
      );
      if (graph.changes.length > 0) {
        parts.push(
          "",
          markdownTable(
            ["Layer", "Id", "Change", "What changed"],
            graph.changes.map((change) => [
              change.layer,
              { code: change.id },
              KIND_LABEL[change.kind],
              change.fields.join(", "),
            ]),
          ).trimEnd(),
        );
      }
      if (graph.poolChanges.length > 0) {
        parts.push("", ...graph.poolChanges.map((change) => `- ${escapeMarkdown(change.text)}`));
      }
    }
  }
  return parts.join("\n") + "\n";
}
