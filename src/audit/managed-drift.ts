/**
 * Managed-object drift as the audit reads it: the managed group, every contact property grouped
 * or named like ours (archived ones too) and every workflow named like ours, in full, planned
 * against `routing/` with the deploy planner. The reads go through whatever HubSpot reader the
 * command passes in (the HubSpot adapter), so this stays free of I/O of its own.
 */
import type { RoutingConfig } from "../config/types";
import {
  desiredState,
  looksLikeManagedFlowName,
  looksLikeManagedPropertyName,
  MANAGED_GROUP,
  planChanges,
} from "../deploy";
import type { LiveProperty } from "../deploy/model/property";
import type { OwnerDirectory } from "../deploy/model/owners";
import type { LiveFlow, LiveState } from "../deploy/model/state";
import type { AuditOwner } from "./contact";
import type { DriftItem } from "./model";
import { describePlanDrift } from "./plan-drift";

/** A contact property as HubSpot lists it: the fields the planner compares. */
export interface ListedProperty {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  groupName: string;
  description?: string;
  options?: { label: string; value: string; displayOrder?: number; hidden?: boolean; description?: string }[];
  externalOptions?: boolean;
  referencedObjectType?: string;
  hidden?: boolean;
  formField?: boolean;
  hasUniqueValue?: boolean;
  hubspotDefined?: boolean;
  archived?: boolean;
  createdAt?: string | null;
  updatedAt?: string | null;
}

/** The HubSpot reads managed drift needs; the HubSpot adapter provides them. */
export interface ManagedObjectReader {
  getPropertyGroup(
    objectType: "contacts",
    name: string,
  ): Promise<{ name: string; label: string; archived?: boolean } | null>;
  listProperties(objectType: "contacts", options?: { archived?: boolean }): Promise<ListedProperty[]>;
  listFlows(): Promise<{ id: string; name: string }[]>;
  getFlows(ids: string[]): Promise<{ id: string; revisionId: string; name: string }[]>;
}

/** The drift items, or why managed objects could not be compared. */
export async function readManagedDrift(
  reader: ManagedObjectReader,
  config: RoutingConfig,
  owners: readonly AuditOwner[],
  now: number,
): Promise<DriftItem[] | { uncheckedReason: string }> {
  const desired = desiredState(config, { owners: ownerDirectory(owners), at: now });
  if ("errors" in desired) {
    // Owner problems among them are reported as owner drift; the plan needs every rep resolved.
    const reasons = desired.errors.map((error) => error.message).join("; ");
    return { uncheckedReason: `routing/ cannot be compiled against this portal (${reasons})` };
  }
  return describePlanDrift(planChanges(desired.state, await readLiveState(reader, owners)));
}

/** What the deploy planner compares against: the managed objects as HubSpot holds them. */
export async function readLiveState(reader: ManagedObjectReader, owners: readonly AuditOwner[]): Promise<LiveState> {
  const group = await reader.getPropertyGroup("contacts", MANAGED_GROUP.name);
  const active = await reader.listProperties("contacts");
  const archived = await reader.listProperties("contacts", { archived: true });
  const flowIds = (await reader.listFlows()).filter((flow) => looksLikeManagedFlowName(flow.name)).map((f) => f.id);
  const flows = flowIds.length > 0 ? await reader.getFlows(flowIds) : [];
  return {
    group: group ? { name: group.name, label: group.label, archived: group.archived === true } : null,
    properties: [...active, ...archived.map((property) => ({ ...property, archived: true }))]
      .filter((p) => looksLikeManagedPropertyName(p.name) || p.groupName === MANAGED_GROUP.name)
      .map((p) => toLiveProperty(p)),
    flows: flows as LiveFlow[],
    owners: ownerDirectory(owners),
  };
}

/** HubSpot owners as the deploy compiler takes them (owners without an email cannot be reps). */
export function ownerDirectory(owners: readonly AuditOwner[]): OwnerDirectory {
  return owners.flatMap((owner) =>
    owner.email
      ? [
          {
            id: owner.id,
            email: owner.email,
            archived: owner.archived,
            ...(owner.firstName ? { firstName: owner.firstName } : {}),
            ...(owner.lastName ? { lastName: owner.lastName } : {}),
          },
        ]
      : [],
  );
}

function toLiveProperty(property: ListedProperty): LiveProperty {
  const { createdAt, updatedAt, ...rest } = property;
  return { ...rest, ...(createdAt ? { createdAt } : {}), ...(updatedAt ? { updatedAt } : {}) };
}
