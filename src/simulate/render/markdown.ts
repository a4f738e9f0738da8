/**
 * The simulation as GitHub Markdown, for the pull-request comment and job summaries: the report
 * document of `document.ts` rendered by `src/report`, whose one escaping routine makes every id,
 * email and contact value a PR author controls inert (mentions, references, HTML, markers).
 */
import { renderMarkdown } from "../../report/render-markdown";
import type { SimulationReport } from "../types";
import { simulationDocumentBlocks, type SimulationDocumentOptions } from "./document";
import type { SimulationContext } from "./words";

/** Options of {@link renderSimulationMarkdown}. */
export type SimulationMarkdownOptions = SimulationDocumentOptions & {
  /** Heading text. Default `Impact simulation`. */
  title?: string;
};

/** The report as Markdown, ending with a newline. */
export function renderSimulationMarkdown(
  report: SimulationReport,
  context: SimulationContext,
  options: SimulationMarkdownOptions = {},
): string {
  return renderMarkdown({ blocks: simulationDocumentBlocks(report, context, options) });
}
