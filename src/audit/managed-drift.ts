/**
 * Managed-object drift: `routing/` compiled into the state a deploy would write and planned
 * against the live state (read by the HubSpot adapter exactly as `routeops plan` reads it), then
 * worded for the audit. Same compiler, same semantic comparison as the plan.
 */
import type { DeployMode, RoutingConfig } from "../config/types";
import { desiredState, MANAGED_FLOWS, planChanges, type LiveState } from "../deploy";
import type { DriftItem } from "./model";
import { describePlanDrift } from "./plan-drift";

/**
 * The mode the portal was deployed in, from the managed workflows it holds: a team that chose
 * `--mode workflows` is audited against workflows mode. `undefined` (nothing deployed, or both
 * kinds) leaves it to the config.
 */
export function deployedMode(live: LiveState): DeployMode | undefined {
  const names = new Set(live.flows.map((flow) => flow.name));
  const router = Object.values(MANAGED_FLOWS.capture).some((name) => names.has(name));
  const workflows = [MANAGED_FLOWS.inbound, MANAGED_FLOWS.outbound, ...Object.values(MANAGED_FLOWS.source)].some(
    (name) => names.has(name),
  );
  return router === workflows ? undefined : router ? "router" : "workflows";
}

/** The drift items, or why managed objects could not be compared. */
export function managedDrift(
  config: RoutingConfig,
  live: LiveState,
  now: number,
): DriftItem[] | { uncheckedReason: string } {
  const mode = deployedMode(live);
  const desired = desiredState(config, { owners: live.owners, at: now, ...(mode ? { mode } : {}) });
  if ("errors" in desired) {
    // Owner problems among them are reported as owner drift; the plan needs every rep resolved.
    const reasons = desired.errors.map((error) => error.message).join("; ");
    return { uncheckedReason: `routing/ cannot be compiled against this portal (${reasons})` };
  }
  return describePlanDrift(planChanges(desired.state, live));
}
