export { routingGraph } from "./flowchart";
export type { RoutingGraph, RoutingGraphOptions } from "./flowchart";
export { routingChanges } from "./changes";
export type { RoutingLayer, RuleChange } from "./changes";
export { graphBlocks, graphMarkdown, type GraphMarkdownOptions } from "./markdown";
export { mermaidLabel, mermaidText } from "./mermaid-text";
