/** A plan: what deploy will do to the portal, object by object, in the order it will do it. */
import type { DeployMode } from "../../config/types";
import type { DeployWarning } from "../diagnostics";
import type { FlowBody } from "../model/flow";
import type { PropertyDefinition, PropertyGroupDefinition } from "../model/property";

export type ObjectKind = "group" | "property" | "flow";

/**
 * `create`, `update` (in place), `delete` (flows) and `archive` (properties) change the portal;
 * `noop` objects already match; `unmanaged` objects look like ours without the managed marker and
 * are left alone; `blocked` objects cannot be written (a property name in HubSpot's recycle bin).
 */
export type PlanAction = "create" | "update" | "delete" | "archive" | "noop" | "unmanaged" | "blocked";

/** One field that changes, from the portal's value to the config's (`undefined` = absent). */
export interface FieldChange {
  path: string;
  from: unknown;
  to: unknown;
}

/** How a managed object was changed outside RouteOps. */
export type DriftKind = "changed" | "disabled" | "archived";

/** A managed object changed outside RouteOps (the audit words it "changed outside RouteOps"). */
export interface Drift {
  kind: ObjectKind;
  key: string;
  drift: DriftKind;
  /** Fields that differ from what RouteOps deployed, when the deployed config is the current one. */
  fields: string[];
  /** The config version recorded on the object. */
  deployedVersion: string | null;
}

export interface PlanItem {
  kind: ObjectKind;
  /** Group or property name, flow name. */
  key: string;
  action: PlanAction;
  /** The live flow's id (updates and deletes of flows). */
  id?: string;
  /** The live flow's revision the update was planned from (HubSpot's optimistic lock). */
  revisionId?: string;
  changes: FieldChange[];
  /** Why, for unmanaged, blocked, adopted and duplicate objects. */
  reason?: string;
  /** Taking over an object that carried no managed marker (`adopt: true`). */
  adopt?: boolean;
  /** The flow must be enabled once every write is done (created flows, disabled ones). */
  enable?: boolean;
  /** What to write, for creates and updates. */
  desired?: PropertyGroupDefinition | PropertyDefinition | FlowBody;
}

/** What the plan was computed from; a saved plan refuses to apply when the portal moved on. */
export interface PlanFingerprint {
  /** SHA-256 of the live state (group, properties, flow revisions, owners). */
  live: string;
  /** Revision of every live flow the plan read, by flow id. */
  flowRevisions: Record<string, string>;
}

export interface PlanSummary {
  add: number;
  change: number;
  destroy: number;
  unchanged: number;
  unmanaged: number;
  blocked: number;
  drift: number;
}

export interface Plan {
  configVersion: string;
  /** How the routing is carried out: `router` (capture flows, the router decides) or `workflows`. */
  mode: DeployMode;
  /** Epoch ms the desired state was computed for. */
  computedFor: number;
  fingerprint: PlanFingerprint;
  /** Every object, in apply order: group, properties, flows, then deletes and archives; report-only items last. */
  items: PlanItem[];
  drift: Drift[];
  warnings: DeployWarning[];
  summary: PlanSummary;
}

/** One write of `deploy`, in order. */
export interface PlanStep {
  op:
    | "create-group"
    | "update-group"
    | "create-property"
    | "update-property"
    | "create-flow"
    | "update-flow"
    | "delete-flow"
    | "archive-property"
    | "enable-flow";
  key: string;
  id?: string;
  revisionId?: string;
  desired?: PlanItem["desired"];
}
