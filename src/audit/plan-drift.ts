/**
 * Managed-object drift, from the deploy plan: the same semantic comparison `routeops plan` makes
 * between what `routing/` would deploy and what HubSpot holds, worded for the audit. The plan's
 * own drift (content that no longer matches what RouteOps wrote, a workflow disabled, a property
 * archived) says "changed outside RouteOps"; other differences say what they are (missing, not
 * deployed yet, no longer in routing/, created by hand without the managed marker).
 */
import { describeDrift, type Drift, type FieldChange, type Plan, type PlanItem } from "../deploy";
import type { DriftItem } from "./model";

/** Field changes listed per object before the rest is counted. */
const CHANGES_PER_ITEM = 5;
/** Longest value shown in a change line. */
const VALUE_LENGTH = 60;

const OBJECT: Record<PlanItem["kind"], DriftItem["object"]> = {
  group: "property_group",
  property: "property",
  flow: "flow",
};

export function describePlanDrift(plan: Plan): DriftItem[] {
  const driftByObject = new Map(plan.drift.map((drift) => [`${drift.kind}\u0000${drift.key}`, drift]));
  const items: DriftItem[] = [];
  const reported = new Set<string>();
  for (const item of plan.items) {
    const key = `${item.kind}\u0000${item.key}`;
    reported.add(key);
    const drift = driftByObject.get(key);
    // A no-op with drift was edited and edited back: it matches routing/, not what RouteOps wrote.
    if (drift) items.push(fromDrift(drift, item.changes));
    else if (item.action !== "noop") items.push(fromItem(item));
  }
  for (const drift of plan.drift) {
    if (!reported.has(`${drift.kind}\u0000${drift.key}`)) items.push(fromDrift(drift, []));
  }
  return items;
}

function fromDrift(drift: Drift, changes: FieldChange[]): DriftItem {
  const change = drift.drift === "changed" ? "edited" : drift.drift;
  const version = drift.deployedVersion ? [`deployed by config version ${drift.deployedVersion}`] : [];
  return {
    object: OBJECT[drift.kind],
    name: drift.key,
    change,
    details: [describeDrift(drift), ...version, ...changeLines(changes)],
  };
}

function fromItem(item: PlanItem): DriftItem {
  const base = { object: OBJECT[item.kind], name: item.key };
  switch (item.action) {
    case "create":
      return {
        ...base,
        change: "missing",
        details: ["not in HubSpot: deleted outside RouteOps, or added to routing/ and not deployed yet"],
      };
    case "update":
      return {
        ...base,
        change: "differs",
        details: [
          item.adopt
            ? "differs from routing/ and carries no managed marker"
            : "differs from routing/ (routing/ changed since the last deploy)",
          ...changeLines(item.changes),
        ],
      };
    case "delete":
    case "archive":
      return { ...base, change: "no longer in routing/", details: [item.reason ?? "no longer in the routing config"] };
    case "unmanaged":
      return {
        ...base,
        change: "unmanaged",
        details: [item.reason ?? "looks like a RouteOps object without the managed marker"],
      };
    case "blocked":
      return { ...base, change: "blocked", details: [item.reason ?? "cannot be written"] };
    default:
      return { ...base, change: item.action, details: [] };
  }
}

function changeLines(changes: FieldChange[]): string[] {
  const lines = changes.slice(0, CHANGES_PER_ITEM).map((c) => `${c.path}: ${shown(c.from)} -> ${shown(c.to)}`);
  if (changes.length > CHANGES_PER_ITEM) lines.push(`and ${changes.length - CHANGES_PER_ITEM} more change(s)`);
  return lines;
}

function shown(value: unknown): string {
  if (value === undefined) return "(none)";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > VALUE_LENGTH ? `${text.slice(0, VALUE_LENGTH - 3)}...` : text;
}
