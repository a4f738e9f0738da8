/** Desired and live state: the two sides of a plan. */
import type { DeployMode } from "../../config/types";
import type { DeployWarning } from "../diagnostics";
import type { FlowBody } from "./flow";
import type { OwnerDirectory } from "./owners";
import type { LiveProperty, LivePropertyGroup, PropertyDefinition, PropertyGroupDefinition } from "./property";

/** A managed flow: its stable job key (see MANAGED_FLOWS) and the body to write. */
export interface DesiredFlow {
  /** For example `source/form_submission`, `touch/call`, `inbound`. */
  key: string;
  body: FlowBody;
}

/** Who a pool rotates among on the date the state is computed for (for reports and tests). */
export interface PoolRotation {
  pool: string;
  /** Local date (pool calendar) the availability was computed for. */
  date: string;
  /** Available reps after replacements and out-of-office, with their owner ids and weights. */
  members: { rep: string; ownerId: string; weight: number }[];
  /** The rotation list written to HubSpot (weights expressed by repetition); empty = no one available. */
  rotation: string[];
}

/** Everything RouteOps wants the portal to hold for one config, computed for one instant. */
export interface DesiredState {
  configVersion: string;
  /** `router`: capture flows only, the router decides; `workflows`: the routing runs in HubSpot. */
  mode: DeployMode;
  /** Epoch ms the state was computed for (out-of-office availability depends on it). */
  at: number;
  group: PropertyGroupDefinition;
  properties: PropertyDefinition[];
  flows: DesiredFlow[];
  pools: PoolRotation[];
  /** HubSpot limitations that apply to this config (also returned next to the state). */
  warnings: DeployWarning[];
}

/** A flow as read back (`GET /automation/v4/flows/{id}`): the body plus server fields. */
export interface LiveFlow {
  id: string;
  revisionId: string;
  name: string;
  isEnabled: boolean;
  description?: string;
  createdAt?: string;
  updatedAt?: string;
  [field: string]: unknown;
}

/** What phase 2 reads through the adapter before planning. */
export interface LiveState {
  /** The managed group, or null when the portal has none. */
  group: LivePropertyGroup | null;
  /** Every contact property in the group or named like ours, archived ones included (`archived: true`). */
  properties: LiveProperty[];
  /** Full bodies of every flow whose name looks like ours. */
  flows: LiveFlow[];
  owners: OwnerDirectory;
}
