/**
 * The plan as a pull-request comment. Everything that comes from the portal or the config is
 * escaped (names, labels, values, reasons), so a label like `<img onerror=...>` or `| **x**` shows
 * as text. The hidden marker lets the comment be found and updated in place.
 */
import { escapeMarkdown } from "../../report/markdown";
import { describeDrift } from "../plan/drift";
import type { Plan } from "../plan/types";
import { actionable, changeLine, heading, MAX_CHANGES_SHOWN, NO_CHANGES, objectName, warningLine } from "./format";

/** Marks the comment so that a later plan replaces it instead of adding another. */
export const PLAN_COMMENT_MARKER = "<!-- routeops:plan -->";

const ACTION_WORDS = {
  create: "create",
  update: "update in-place",
  delete: "destroy",
  archive: "destroy (archive)",
} as const;

export function renderPlanMarkdown(plan: Plan): string {
  const e = escapeMarkdown;
  const out: string[] = [PLAN_COMMENT_MARKER, "### RouteOps plan", ""];
  const { add, change, destroy } = plan.summary;
  out.push(`Config ${e(plan.configVersion)}, computed for ${e(new Date(plan.computedFor).toISOString())}.`, "");
  out.push(
    add + change + destroy === 0
      ? `**${e(NO_CHANGES)}**`
      : `**Plan: ${add} to add, ${change} to change, ${destroy} to destroy.**`,
    "",
  );

  if (plan.drift.length > 0) {
    out.push("#### Changed outside RouteOps", "");
    for (const drift of plan.drift) out.push(`- ${e(describeDrift(drift))}`);
    out.push("");
  }
  const items = actionable(plan);
  if (items.length > 0) {
    out.push("| Action | Object | Details |", "| --- | --- | --- |");
    for (const item of items) {
      const details =
        item.action === "create"
          ? ""
          : (item.reason ?? `${item.changes.length} field change${item.changes.length === 1 ? "" : "s"}`);
      out.push(
        `| ${ACTION_WORDS[item.action as keyof typeof ACTION_WORDS]} | ${e(objectName(item))}${item.id ? ` \\(id ${e(item.id)}\\)` : ""} | ${e(details)} |`,
      );
    }
    out.push("");
    const changed = items.filter((item) => item.changes.length > 0);
    if (changed.length > 0) {
      out.push("<details><summary>Field changes</summary>", "");
      for (const item of changed) {
        out.push(`- **${e(heading(item))}**`);
        for (const change of item.changes.slice(0, MAX_CHANGES_SHOWN)) {
          const line = changeLine(change);
          out.push(`  - ${e(`${line.symbol} ${line.text}`)}`);
        }
        if (item.changes.length > MAX_CHANGES_SHOWN)
          out.push(`  - … and ${item.changes.length - MAX_CHANGES_SHOWN} more changes`);
      }
      out.push("", "</details>", "");
    }
  }
  const leftAlone = plan.items.filter((item) => item.action === "unmanaged" || item.action === "blocked");
  if (leftAlone.length > 0) {
    out.push("#### Left untouched", "");
    for (const item of leftAlone) {
      out.push(
        `- ${item.action === "blocked" ? "**blocked**" : "not managed"}: ${e(objectName(item))}: ${e(item.reason ?? "")}`,
      );
    }
    out.push("");
  }
  if (plan.warnings.length > 0) {
    out.push(
      `<details><summary>Warnings: where HubSpot cannot do exactly what the engine does (${plan.warnings.length})</summary>`,
      "",
    );
    for (const warning of plan.warnings) out.push(`- ${e(warningLine(warning))}`);
    out.push("", "</details>", "");
  }
  return `${out.join("\n")}\n`;
}
