/**
 * Why deploy will not write a plan, checked before the first write: action types the portal
 * lacks, objects it cannot write (a name in HubSpot's recycle bin), objects without the managed
 * marker where the config wants its own (unless adopted), and destroys not allowed explicitly.
 */
import { checkActionTypes } from "../action-types";
import type { PlanItem } from "../plan/types";
import type { PlannedDeploy } from "./planned";

export type DeployRefusalCode =
  "action_type_missing" | "objects_blocked" | "unmanaged_in_the_way" | "destroy_not_allowed";

/** One reason deploy stops before writing anything. */
export interface DeployRefusal {
  code: DeployRefusalCode;
  /** What is wrong and what to do. */
  message: string;
  /** The objects concerned, as people name them (`property routeops_pool`, `workflow "..."`). */
  objects: string[];
}

export interface RefusalContext {
  /** `--allow-destroy`: archiving properties and deleting workflows is allowed. */
  allowDestroy: boolean;
  /** Action type ids the portal lists for contact workflows. */
  portalActionTypes: readonly string[];
}

const KIND = { group: "property group", property: "property", flow: "workflow" } as const;

/** `property routeops_pool`, `workflow "RouteOps: inbound routing"`. */
export function objectLabel(item: Pick<PlanItem, "kind" | "key">): string {
  return `${KIND[item.kind]} ${item.kind === "flow" ? `"${item.key}"` : item.key}`;
}

/** Every reason to refuse, in the order they should be fixed; empty when deploy may write. */
export function deployRefusals(planned: PlannedDeploy, context: RefusalContext): DeployRefusal[] {
  const refusals: DeployRefusal[] = [];
  const missing = checkActionTypes(planned.actionTypes, context.portalActionTypes);
  if (missing.length > 0) {
    refusals.push({
      code: "action_type_missing",
      message: missing.map((entry) => entry.error.message).join("\n"),
      objects: missing.map((entry) => `action type ${entry.actionTypeId}`),
    });
  }
  const { plan } = planned;
  const blocked = plan.items.filter((item) => item.action === "blocked");
  if (blocked.length > 0) {
    refusals.push({
      code: "objects_blocked",
      message: blocked.map((item) => `${objectLabel(item)} cannot be written: ${item.reason ?? "blocked"}`).join("\n"),
      objects: blocked.map(objectLabel),
    });
  }
  const inTheWay = unmanagedInTheWay(planned);
  if (inTheWay.length > 0) {
    refusals.push({
      code: "unmanaged_in_the_way",
      message:
        `${inTheWay.map(objectLabel).join(", ")} ${inTheWay.length === 1 ? "exists" : "exist"} in HubSpot without the ` +
        `managed marker, and the routing config needs ${inTheWay.length === 1 ? "that name" : "those names"}: plan and ` +
        "deploy with --adopt to take them over, or rename or delete them in HubSpot.",
      objects: inTheWay.map(objectLabel),
    });
  }
  const destroys = destructiveChanges(plan);
  if (destroys.length > 0 && !context.allowDestroy) {
    refusals.push({
      code: "destroy_not_allowed",
      message:
        `The plan destroys: ${destroys.map((entry) => entry.what).join("; ")}. ` +
        "Archived properties go to HubSpot's recycle bin (their names cannot be reused for 90 days); contacts " +
        "that hold a removed option keep a value HubSpot no longer offers. Re-run with --allow-destroy to apply it.",
      objects: destroys.map((entry) => entry.object),
    });
  }
  return refusals;
}

/** A change that loses something: a workflow deleted, a property archived, options of a property removed. */
export interface DestructiveChange {
  object: string;
  /** `archive property routeops_old`, `remove option inbound_general_form of property routeops_source_type`. */
  what: string;
}

/** What in the plan needs `--allow-destroy`. */
export function destructiveChanges(plan: PlannedDeploy["plan"]): DestructiveChange[] {
  const out: DestructiveChange[] = [];
  for (const item of plan.items) {
    if (item.action === "delete" || item.action === "archive") {
      out.push({ object: objectLabel(item), what: `${item.action} ${objectLabel(item)}` });
    } else if (item.kind === "property" && item.action === "update") {
      // Canonical options are keyed by value: a removed option is `options.<value>` going away.
      const removed = item.changes
        .filter((change) => change.path.startsWith("options.") && isRecord(change.from) && change.to === undefined)
        .map((change) => change.path.slice("options.".length));
      const allGone = item.changes.some(
        (change) => change.path === "options" && isRecord(change.from) && !isRecord(change.to),
      );
      if (removed.length > 0 || allGone) {
        const values = allGone
          ? "every option"
          : `${removed.length === 1 ? "option" : "options"} ${removed.join(", ")}`;
        out.push({ object: objectLabel(item), what: `remove ${values} of ${objectLabel(item)}` });
      }
    }
  }
  return out;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Unmanaged objects that have a name the config wants, where no managed object takes that name. */
function unmanagedInTheWay(planned: PlannedDeploy): PlanItem[] {
  const wanted = {
    group: new Set([planned.wanted.group]),
    property: new Set(planned.wanted.properties),
    flow: new Set(planned.wanted.flows),
  };
  const taken = new Set(
    planned.plan.items
      .filter((item) => item.action === "create" || item.action === "update" || item.action === "noop")
      .map((item) => `${item.kind}\u0000${item.key}`),
  );
  return planned.plan.items.filter(
    (item) =>
      item.action === "unmanaged" && wanted[item.kind].has(item.key) && !taken.has(`${item.kind}\u0000${item.key}`),
  );
}
