/**
 * The plan as text, modelled on terraform: drift and objects left alone first, a legend for the
 * symbols used, each object with its field changes (`from -> to`), the warnings, and the summary.
 */
import { describeDrift } from "../plan/drift";
import type { Plan } from "../plan/types";
import {
  actionable,
  changeLine,
  creationSummary,
  heading,
  legend,
  MAX_CHANGES_SHOWN,
  objectName,
  modeLine,
  summaryLine,
  symbolOf,
  warningLine,
} from "./format";

export function renderPlanText(plan: Plan): string {
  const out: string[] = [];
  const computed = new Date(plan.computedFor).toISOString();
  out.push(`RouteOps plan for config ${plan.configVersion} (computed for ${computed})`, modeLine(plan), "");

  if (plan.drift.length > 0) {
    out.push("Objects changed outside RouteOps since the last deploy:");
    for (const drift of plan.drift) out.push(`  ~ ${describeDrift(drift)}`);
    out.push("");
  }
  const unmanaged = plan.items.filter((item) => item.action === "unmanaged");
  if (unmanaged.length > 0) {
    out.push("Objects that look like RouteOps objects but carry no managed marker (left untouched):");
    for (const item of unmanaged)
      out.push(`  ? ${objectName(item)}${item.id ? ` (id ${item.id})` : ""}: ${item.reason ?? ""}`);
    out.push("");
  }
  const blocked = plan.items.filter((item) => item.action === "blocked");
  if (blocked.length > 0) {
    out.push("Objects RouteOps cannot write:");
    for (const item of blocked) out.push(`  ! ${objectName(item)}: ${item.reason ?? ""}`);
    out.push("");
  }

  const items = actionable(plan);
  if (items.length > 0) {
    out.push("Resource actions are indicated with the following symbols:");
    for (const entry of legend(plan)) out.push(`  ${entry.symbol} ${entry.words}`);
    out.push("", "RouteOps will perform the following actions:", "");
    for (const item of items) {
      out.push(`  # ${heading(item)}`);
      if (item.reason && item.action !== "update") out.push(`  # (${item.reason})`);
      out.push(`  ${symbolOf(item)} ${objectName(item)}`);
      if (item.action === "create") out.push(`      ${creationSummary(item)}`);
      for (const change of item.changes.slice(0, MAX_CHANGES_SHOWN)) {
        const line = changeLine(change);
        out.push(`      ${line.symbol} ${line.text}`);
      }
      if (item.changes.length > MAX_CHANGES_SHOWN)
        out.push(`      … and ${item.changes.length - MAX_CHANGES_SHOWN} more changes`);
      out.push("");
    }
  }

  if (plan.warnings.length > 0) {
    out.push("Warnings (where HubSpot cannot do exactly what the engine does):");
    for (const warning of plan.warnings) out.push(`  - ${warningLine(warning)}`);
    out.push("");
  }
  out.push(summaryLine(plan));
  return `${out.join("\n")}\n`;
}
