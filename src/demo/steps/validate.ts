/** Step 1: the routing config, checked as `routeops validate` checks it. */
import { countDiagnostics, hasErrors } from "../../config/diagnostics";
import type { RoutingConfig } from "../../config/types";
import { loadAndValidate } from "../../files/config-loader";
import {
  diagnosticsSummary,
  formatDiagnosticLine,
  formatDiagnosticsJson,
  sortDiagnostics,
} from "../../report/diagnostics";
import type { StepOutcome } from "./step";

/** The step's outcome, and the config when it can be used. */
export function validateStep(
  configPath: string,
  cwd: string,
  now: number,
): { outcome: StepOutcome; config?: RoutingConfig } {
  // As `routeops validate`: absences that are over cannot empty a pool any more.
  const today = new Date(now).toISOString().slice(0, 10);
  const { config, diagnostics } = loadAndValidate(configPath, { cwd, today });
  const { errors, warnings } = countDiagnostics(diagnostics);
  const outcome: StepOutcome = {
    status: config && !hasErrors(diagnostics) ? "ok" : "failed",
    summary: `${configPath}: ${diagnosticsSummary(diagnostics)}`,
    details: sortDiagnostics(diagnostics).map(formatDiagnosticLine),
    reports: [{ name: "validate.json", text: formatDiagnosticsJson(diagnostics) }],
    figures: { config: configPath, errors, warnings, version: config?.version ?? null },
  };
  return outcome.status === "ok" && config ? { outcome, config } : { outcome };
}
