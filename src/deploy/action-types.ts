/**
 * The one table of HubSpot workflow action type ids RouteOps uses, each marked as
 * /work/shared/hubspot-api.md classifies it. UNVERIFIED ids come from community sources only:
 * deploy lists the portal's action types first and stops before writing flows when one is missing.
 */
import type { DeployError } from "./diagnostics";
import type { DesiredState } from "./model/state";

export type ActionTypeStatus = "documented" | "UNVERIFIED";

export interface ActionTypeEntry {
  actionTypeId: string;
  /** Built-in action types are version 0. */
  actionTypeVersion: 0;
  status: ActionTypeStatus;
  /** HubSpot's name for the action. */
  label: string;
  /** Where the id comes from. */
  source: string;
}

export const ACTION_TYPES = {
  delay: {
    actionTypeId: "0-1",
    actionTypeVersion: 0,
    status: "documented",
    label: "Delay",
    source: "HubSpot automation v4 guide",
  },
  createTask: {
    actionTypeId: "0-3",
    actionTypeVersion: 0,
    status: "documented",
    label: "Create task",
    source: "action table derived from HubSpot's v4 guide",
  },
  setProperty: {
    actionTypeId: "0-5",
    actionTypeVersion: 0,
    status: "documented",
    label: "Set property value",
    source: "action table derived from HubSpot's v4 guide",
  },
  emailNotification: {
    actionTypeId: "0-8",
    actionTypeVersion: 0,
    status: "documented",
    label: "Send internal email notification",
    source: "action table derived from HubSpot's v4 guide",
  },
  inAppNotification: {
    actionTypeId: "0-9",
    actionTypeVersion: 0,
    status: "documented",
    label: "Send in-app notification",
    source: "action table derived from HubSpot's v4 guide",
  },
  rotateToOwner: {
    actionTypeId: "0-11",
    actionTypeVersion: 0,
    status: "UNVERIFIED",
    label: "Rotate record to owner",
    source: "community sources only",
  },
  enrollInSequence: {
    actionTypeId: "0-46510720",
    actionTypeVersion: 0,
    status: "UNVERIFIED",
    label: "Enroll in sequence",
    source: "community sources only",
  },
} as const satisfies Record<string, ActionTypeEntry>;

export type ActionTypeKey = keyof typeof ACTION_TYPES;

/** An action type the desired flows use, and which flows use it. */
export interface ActionTypeUsage {
  key: ActionTypeKey;
  actionTypeId: string;
  status: ActionTypeStatus;
  label: string;
  /** Names of the flows that use it. */
  flows: string[];
}

const keyById = new Map<string, ActionTypeKey>(
  (Object.keys(ACTION_TYPES) as ActionTypeKey[]).map((key) => [ACTION_TYPES[key].actionTypeId, key]),
);

/** The action types a desired state uses, in table order. */
export function actionTypeUsage(state: Pick<DesiredState, "flows">): ActionTypeUsage[] {
  const flowsByKey = new Map<ActionTypeKey, Set<string>>();
  for (const flow of state.flows) {
    for (const action of flow.body.actions) {
      if (action.type !== "SINGLE_CONNECTION") continue;
      const key = keyById.get(action.actionTypeId);
      if (!key) continue;
      const names = flowsByKey.get(key) ?? new Set<string>();
      names.add(flow.body.name);
      flowsByKey.set(key, names);
    }
  }
  return (Object.keys(ACTION_TYPES) as ActionTypeKey[])
    .filter((key) => flowsByKey.has(key))
    .map((key) => ({
      key,
      actionTypeId: ACTION_TYPES[key].actionTypeId,
      status: ACTION_TYPES[key].status,
      label: ACTION_TYPES[key].label,
      flows: [...(flowsByKey.get(key) ?? [])].sort(),
    }));
}

/** An action type the flows need and the portal does not offer. */
export interface MissingActionType extends ActionTypeUsage {
  error: DeployError;
}

/**
 * The used action types that the portal does not list (`GET /automation/2026-09-beta/action-types`).
 * Deploy stops with these errors before it writes any flow.
 */
export function checkActionTypes(
  usage: ActionTypeUsage[],
  portalActionTypes: readonly (string | { actionTypeId: string })[],
): MissingActionType[] {
  const offered = new Set(portalActionTypes.map((entry) => (typeof entry === "string" ? entry : entry.actionTypeId)));
  return usage
    .filter((entry) => !offered.has(entry.actionTypeId))
    .map((entry) => ({
      ...entry,
      error: {
        code: "action_type_missing",
        message:
          `The portal does not offer action type ${entry.actionTypeId} (${entry.label}, ${entry.status}), ` +
          `which ${entry.flows.length === 1 ? "flow" : "flows"} ${entry.flows.map((n) => `"${n}"`).join(", ")} ` +
          `${entry.flows.length === 1 ? "uses" : "use"}. No flow was written: check the portal's subscription ` +
          `(rotation and sequences need Sales Hub Professional) or update src/deploy/action-types.ts.`,
      },
    }));
}
