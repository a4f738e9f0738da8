/**
 * The routing graph as a report document and as GitHub Markdown: a `mermaid` code block (GitHub
 * renders it as a diagram) and, when compared with a base, what changed in the routing's words:
 * each rule or source type added, removed, or changed (its condition, outcome, SLA, order), and
 * each pool member joined, left or re-weighted.
 */
import { code, codeBlock, heading, list, paragraph, strong, table, type Block } from "../report/doc";
import { renderMarkdown } from "../report/render-markdown";
import type { RoutingGraph } from "./flowchart";

/** Options of {@link graphMarkdown}. */
export interface GraphMarkdownOptions {
  /** Heading text; default `Routing graph`. */
  title?: string;
  /** What the graph was compared with (a git ref or path): adds the list of changes. */
  base?: string;
}

/** What a changed field of a rule or source type is called. */
const FIELD_WORDS: Record<string, string> = {
  when: "condition",
  outcome: "outcome",
  sla: "SLA",
  notification: "notification",
  position: "order (moved)",
  matchers: "what it matches",
  system: "system",
  intent: "intent",
  label: "label",
  handoff: "handoff",
};

const fieldWords = (fields: readonly string[]): string => fields.map((field) => FIELD_WORDS[field] ?? field).join(", ");

/** The graph's blocks: the diagram and, given `options.base`, the changes (without a heading). */
export function graphBlocks(graph: RoutingGraph, options: Pick<GraphMarkdownOptions, "base"> = {}): Block[] {
  const blocks: Block[] = [codeBlock(graph.mermaid, "mermaid")];
  if (options.base === undefined) return blocks;
  const total = graph.changes.length + graph.poolChanges.length;
  if (total === 0) return [...blocks, paragraph(`No routing changes compared with ${options.base}.`)];
  blocks.push(
    paragraph(
      strong(`${total} routing change${total === 1 ? "" : "s"}`),
      ` compared with ${options.base} (highlighted above):`,
    ),
  );
  if (graph.changes.length > 0) {
    blocks.push(
      table(
        ["Layer", "Id", "Change", "What changed"],
        graph.changes.map((change) => [change.layer, code(change.id), change.kind, fieldWords(change.fields)]),
      ),
    );
  }
  if (graph.poolChanges.length > 0) blocks.push(list(graph.poolChanges.map((change) => change.text)));
  return blocks;
}

/** Markdown with the heading, the diagram and, given `options.base`, the changes. Ends with a newline. */
export function graphMarkdown(graph: RoutingGraph, options: GraphMarkdownOptions = {}): string {
  return renderMarkdown({ blocks: [heading(3, options.title ?? "Routing graph"), ...graphBlocks(graph, options)] });
}
