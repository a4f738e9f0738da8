/** Shared wording of plan renderers: symbols, headings, values. */
import type { DeployWarning } from "../diagnostics";
import type { FieldChange, Plan, PlanItem } from "../plan/types";

export const NO_CHANGES = "No changes. Your HubSpot portal matches the configuration.";

/** Items that change the portal, in apply order. */
export function actionable(plan: Plan): PlanItem[] {
  return plan.items.filter((item) => ["create", "update", "delete", "archive"].includes(item.action));
}

/** What the deployed workflows do, and who decides (router mode names the config version the router must run). */
export function modeLine(plan: Pick<Plan, "mode" | "configVersion">): string {
  return plan.mode === "router"
    ? `Mode: router. The workflows capture events and stamp routing requests; the RouteOps router decides with config ${plan.configVersion}.`
    : "Mode: workflows. The routing runs inside HubSpot workflows, with the HubSpot limitations listed below.";
}

export function summaryLine(plan: Plan): string {
  const { add, change, destroy } = plan.summary;
  return add + change + destroy === 0 ? NO_CHANGES : `Plan: ${add} to add, ${change} to change, ${destroy} to destroy.`;
}

export type PlanSymbol = "+" | "~" | "-";

export function symbolOf(item: PlanItem): PlanSymbol {
  return item.action === "create" ? "+" : item.action === "update" ? "~" : "-";
}

/** The legend entries for the symbols a plan uses, in terraform's order. */
export function legend(plan: Plan): { symbol: PlanSymbol; words: string }[] {
  const used = new Set(actionable(plan).map(symbolOf));
  return (
    [
      { symbol: "+", words: "create" },
      { symbol: "~", words: "update in-place" },
      { symbol: "-", words: "destroy" },
    ] as const
  ).filter((entry) => used.has(entry.symbol));
}

const KIND_WORDS = { group: "property group", property: "property", flow: "workflow" } as const;

export function objectName(item: Pick<PlanItem, "kind" | "key">): string {
  return `${KIND_WORDS[item.kind]} ${item.kind === "flow" ? `"${item.key}"` : item.key}`;
}

/** `property routeops_pool will be updated in-place` and the like. */
export function heading(item: PlanItem): string {
  const onlyEnable = item.action === "update" && item.changes.every((change) => change.path === "isEnabled");
  const verb =
    item.action === "create"
      ? "will be created"
      : item.action === "delete"
        ? "will be destroyed"
        : item.action === "archive"
          ? "will be archived (destroyed)"
          : onlyEnable
            ? "will be enabled"
            : item.adopt
              ? "will be taken over and updated in-place"
              : "will be updated in-place";
  return `${objectName(item)} ${verb}${item.id ? ` (id ${item.id})` : ""}`;
}

/** One value, short: strings quoted, structures as compact JSON cut at `max` characters. */
export function showValue(value: unknown, max = 100): string {
  if (value === undefined) return "(absent)";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export interface ChangeLine {
  symbol: PlanSymbol;
  text: string;
}

/** A field change in one line; `max` cuts long values (the Markdown plan shows them whole). */
export function changeLine(change: FieldChange, max = 100): ChangeLine {
  if (change.from === undefined) return { symbol: "+", text: `${change.path}: ${showValue(change.to, max)}` };
  if (change.to === undefined) return { symbol: "-", text: `${change.path}: ${showValue(change.from, max)}` };
  return { symbol: "~", text: `${change.path}: ${showValue(change.from, max)} -> ${showValue(change.to, max)}` };
}

/** What a created object will be, in one line. */
export function creationSummary(item: PlanItem): string {
  const desired = item.desired as Record<string, unknown> | undefined;
  if (!desired) return "";
  if (item.kind === "group") return `label: ${showValue(desired.label)}`;
  if (item.kind === "property") {
    const count = Array.isArray(desired.options) ? desired.options.length : undefined;
    const options = count === undefined ? "" : `, ${count} option${count === 1 ? "" : "s"}`;
    const owner = desired.externalOptions ? ", owner-referenced" : "";
    return `label: ${showValue(desired.label)}, ${String(desired.type)}/${String(desired.fieldType)}${options}${owner}`;
  }
  const actions = Array.isArray(desired.actions) ? desired.actions.length : 0;
  const enrollment = (desired.enrollmentCriteria as { type?: string } | undefined)?.type ?? "?";
  return `${actions} actions, ${enrollment === "EVENT_BASED" ? "event-based" : "list-based"} enrolment, created disabled and enabled last`;
}

export function warningLine(warning: DeployWarning): string {
  return `${warning.code}${warning.subject ? ` (${warning.subject})` : ""}: ${warning.message}`;
}

/** How many field changes a renderer shows per object before it says how many more there are. */
export const MAX_CHANGES_SHOWN = 25;
