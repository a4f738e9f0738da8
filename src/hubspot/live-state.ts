/**
 * Reads what `routeops plan` compares the routing config with: the portal's owners, the managed
 * property group, every contact property that is ours or looks like ours (archived ones too),
 * every workflow that looks like ours in full, and the action types workflows may use.
 *
 * In as few calls as HubSpot allows: owners (one page of active, one of archived owners for
 * portals under 100 users), the group, the active and the archived properties (HubSpot lists
 * them separately), the flow list and one batch read of the flows named like ours, and the
 * action types: 8 calls for a portal of RouteOps' size, whatever it holds.
 */
import {
  looksLikeManagedFlowName,
  looksLikeManagedPropertyName,
  MANAGED_GROUP,
  type LiveFlow,
  type LiveProperty,
  type LiveState,
  type OwnerDirectory,
} from "../deploy";
import type { HubSpotAdapter } from "./adapter";
import type { HubSpotOwner, PropertyDefinition } from "./model";

/** The live state plus what the deploy checks before writing: the portal's action type ids. */
export interface PortalLiveState extends LiveState {
  /** Ids of the workflow action types the portal offers for contact flows. */
  actionTypes: string[];
}

/** Reads the live state RouteOps plans against (see the module comment for the calls it makes). */
export async function readLiveState(adapter: HubSpotAdapter): Promise<PortalLiveState> {
  // Independent reads go out together; the adapter's limiter keeps them within HubSpot's limits.
  const [owners, group, active, archived, flows, actionTypes] = await Promise.all([
    adapter.listOwners(),
    adapter.getPropertyGroup("contacts", MANAGED_GROUP.name),
    adapter.listProperties("contacts"),
    adapter.listProperties("contacts", { archived: true }),
    readManagedFlows(adapter),
    adapter.listActionTypes("0-1"),
  ]);
  return {
    group: group ? { name: group.name, label: group.label, archived: group.archived === true } : null,
    properties: [...active.filter(isOurs).map(liveProperty), ...archived.filter(isOurs).map(archivedProperty)],
    flows,
    owners: ownerDirectory(owners),
    actionTypes: [...new Set(actionTypes.map((type) => type.actionTypeId).filter((id) => id !== ""))],
  };
}

/** Owners as the deploy compiler knows them: those with an email (queues and system owners have none). */
export function ownerDirectory(owners: HubSpotOwner[]): OwnerDirectory {
  return owners
    .filter((owner): owner is HubSpotOwner & { email: string } => typeof owner.email === "string" && owner.email !== "")
    .map((owner) => ({
      id: owner.id,
      email: owner.email,
      archived: owner.archived,
      ...(owner.userId !== null ? { userId: owner.userId } : {}),
      ...(owner.firstName ? { firstName: owner.firstName } : {}),
      ...(owner.lastName ? { lastName: owner.lastName } : {}),
    }));
}

async function readManagedFlows(adapter: HubSpotAdapter): Promise<LiveFlow[]> {
  const ids = (await adapter.listFlows()).filter((flow) => looksLikeManagedFlowName(flow.name)).map((flow) => flow.id);
  if (ids.length === 0) return [];
  const flows = await adapter.getFlows(ids);
  return flows.map((flow) => ({ ...flow, isEnabled: flow["isEnabled"] === true }) as LiveFlow);
}

function isOurs(property: PropertyDefinition): boolean {
  return looksLikeManagedPropertyName(property.name) || property.groupName === MANAGED_GROUP.name;
}

function liveProperty(property: PropertyDefinition): LiveProperty {
  const { createdAt, updatedAt, ...rest } = property;
  return {
    ...rest,
    description: property.description ?? "",
    ...(createdAt ? { createdAt } : {}),
    ...(updatedAt ? { updatedAt } : {}),
  };
}

function archivedProperty(property: PropertyDefinition): LiveProperty {
  return { ...liveProperty(property), archived: true };
}
