/**
 * Which action types the desired flows use, checked against the portal's action-types listing
 * before any flow is written. The table of ids, with the evidence for each, is the HubSpot
 * contract's (src/hubspot-contract/action-types.ts): UNVERIFIED ids come from community flows only.
 */
import { ACTION_TYPES, type ActionTypeKey, type IdStatus } from "../hubspot-contract/action-types";
import type { DeployError } from "./diagnostics";
import type { DesiredState } from "./model/state";

export { ACTION_TYPES, type ActionTypeKey };
export type ActionTypeStatus = IdStatus;

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
