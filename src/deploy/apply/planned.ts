/**
 * A plan together with what deploy checks before writing: the names the config wants (so that an
 * object with such a name but no managed marker is recognised as in the way) and the action
 * types its flows use (checked against the portal's listing before any write).
 */
import { actionTypeUsage, type ActionTypeUsage } from "../action-types";
import type { DesiredState, LiveState } from "../model/state";
import { planChanges } from "../plan/plan-changes";
import type { Plan } from "../plan/types";

/** What `routeops deploy` applies: a plan and the facts its safety checks need. */
export interface PlannedDeploy {
  plan: Plan;
  /** Names of everything the config wants in the portal. */
  wanted: { group: string; properties: string[]; flows: string[] };
  /** Action types the desired flows use (all of them, not only those of changed flows). */
  actionTypes: ActionTypeUsage[];
  /** Whether the plan was computed with adopt (objects without the managed marker taken over). */
  adopt: boolean;
}

/** Plans the desired state against the live state and keeps what deploy's checks need. */
export function planDeploy(desired: DesiredState, live: LiveState, options: { adopt?: boolean } = {}): PlannedDeploy {
  const adopt = options.adopt === true;
  return {
    plan: planChanges(desired, live, { adopt }),
    wanted: {
      group: desired.group.name,
      properties: desired.properties.map((property) => property.name),
      flows: desired.flows.map((flow) => flow.body.name),
    },
    actionTypes: actionTypeUsage(desired),
    adopt,
  };
}

/** Whether the plan changes the portal (what `--detailed-exitcode` reports as 2). */
export function hasChanges(plan: Plan): boolean {
  const { add, change, destroy } = plan.summary;
  return add + change + destroy > 0;
}
