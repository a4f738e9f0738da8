/**
 * The writes of a plan, in the order that never leaves the portal half-routed: the property
 * group, the properties (every create in one batch), the flows (created disabled, or updated in
 * their current state), flow deletes, property archives, and last the flow enables, once
 * everything an enabled flow references exists.
 */
import type { FlowBody } from "../model/flow";
import type { PropertyDefinition, PropertyGroupDefinition } from "../model/property";
import { planSteps } from "../plan/steps";
import type { Plan, PlanItem } from "../plan/types";
import { RouteOpsError } from "../../errors";

/** One write of a deploy, as `applyPlan` makes it and the apply report lists it. */
export type DeployWrite =
  | { op: "create-group"; key: string; group: PropertyGroupDefinition }
  | { op: "update-group"; key: string; group: PropertyGroupDefinition }
  /** Every property the plan creates, in one batch (HubSpot takes 100 per request). */
  | { op: "create-properties"; key: string; properties: PropertyDefinition[] }
  | { op: "update-property"; key: string; property: PropertyDefinition }
  /** Created disabled; the enable write comes last. */
  | { op: "create-flow"; key: string; body: FlowBody }
  | { op: "update-flow"; key: string; id: string; revisionId: string; body: FlowBody }
  | { op: "delete-flow"; key: string; id: string }
  | { op: "archive-property"; key: string }
  /** `id` and `revisionId` are those of the plan, or of this deploy's own create or update of the flow. */
  | { op: "enable-flow"; key: string; id?: string; revisionId?: string; body: FlowBody };

export type DeployWriteOp = DeployWrite["op"];

/** Thrown when a plan item lacks what its write needs (a hand-edited or truncated saved plan). */
export class DeployPlanError extends RouteOpsError {
  override name = "DeployPlanError";
  constructor(message: string) {
    super("invalid_plan", message);
  }
}

function required<T>(value: T | undefined, what: string, item: { kind: string; key: string }): T {
  if (value === undefined) throw new DeployPlanError(`the plan's ${item.kind} "${item.key}" has no ${what}`);
  return value;
}

/** The plan's writes in apply order (see the module comment). */
export function deployWrites(plan: Plan): DeployWrite[] {
  // The item a flow's enable comes from: its create or update (a duplicate of it may be deleted).
  const writtenFlow = new Map<string, PlanItem>();
  for (const item of plan.items) {
    if (item.kind === "flow" && (item.action === "create" || item.action === "update")) writtenFlow.set(item.key, item);
  }
  const writes: DeployWrite[] = [];
  const creates: PropertyDefinition[] = [];
  let batchAt = -1;
  for (const step of planSteps(plan)) {
    const where = { kind: step.op.endsWith("flow") ? "flow" : "property", key: step.key };
    const body = <T>() => required(step.desired as T | undefined, "body to write", where);
    switch (step.op) {
      case "create-group":
      case "update-group":
        writes.push({ op: step.op, key: step.key, group: body<PropertyGroupDefinition>() });
        break;
      case "create-property":
        if (batchAt < 0) {
          batchAt = writes.length;
          writes.push({ op: "create-properties", key: "", properties: creates });
        }
        creates.push(body<PropertyDefinition>());
        break;
      case "update-property":
        writes.push({ op: "update-property", key: step.key, property: body<PropertyDefinition>() });
        break;
      case "create-flow":
        writes.push({ op: "create-flow", key: step.key, body: { ...body<FlowBody>(), isEnabled: false } });
        break;
      case "update-flow":
        writes.push({
          op: "update-flow",
          key: step.key,
          id: required(step.id, "workflow id", where),
          revisionId: required(step.revisionId, "revision id", where),
          body: body<FlowBody>(),
        });
        break;
      case "delete-flow":
        writes.push({ op: "delete-flow", key: step.key, id: required(step.id, "workflow id", where) });
        break;
      case "archive-property":
        writes.push({ op: "archive-property", key: step.key });
        break;
      case "enable-flow": {
        const item = writtenFlow.get(step.key);
        const desired = required(item?.desired as FlowBody | undefined, "body to write", where);
        writes.push({
          op: "enable-flow",
          key: step.key,
          ...(step.id ? { id: step.id } : {}),
          ...(item?.revisionId ? { revisionId: item.revisionId } : {}),
          body: { ...desired, isEnabled: true },
        });
        break;
      }
    }
  }
  if (batchAt >= 0) {
    const names = creates.map((property) => property.name);
    writes[batchAt] = { op: "create-properties", key: names.join(", "), properties: creates };
  }
  return writes;
}

/** `a, b, c and 26 more`. */
function shortList(names: string[], shown = 3): string {
  return names.length <= shown + 1
    ? names.join(", ")
    : `${names.slice(0, shown).join(", ")} and ${names.length - shown} more`;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** One line for people: `create workflow "RouteOps: inbound routing" (disabled)`. */
export function describeWrite(write: DeployWrite): string {
  switch (write.op) {
    case "create-group":
      return `create property group ${write.key}`;
    case "update-group":
      return `update property group ${write.key}`;
    case "create-properties":
      return `create ${plural(write.properties.length, "property", "properties")} (${shortList(write.properties.map((p) => p.name))})`;
    case "update-property":
      return `update property ${write.key}`;
    case "create-flow":
      return `create workflow "${write.key}" (disabled)`;
    case "update-flow":
      return `update workflow "${write.key}" (id ${write.id})`;
    case "delete-flow":
      return `delete workflow "${write.key}" (id ${write.id})`;
    case "archive-property":
      return `archive property ${write.key}`;
    case "enable-flow":
      return `enable workflow "${write.key}"${write.id ? ` (id ${write.id})` : ""}`;
  }
}
