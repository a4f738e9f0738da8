/** The simulation as terminal text: the report document of `document.ts`, rendered by `src/report`. */
import { renderText } from "../../report/render-text";
import type { SimulationReport } from "../types";
import { simulationDocumentBlocks, type SimulationDocumentOptions } from "./document";
import type { SimulationContext } from "./words";

/** The report as text, ending with a newline. */
export function renderSimulationText(
  report: SimulationReport,
  context: SimulationContext,
  options: Pick<SimulationDocumentOptions, "maxRows"> = {},
): string {
  return renderText({ blocks: simulationDocumentBlocks(report, context, options) });
}
