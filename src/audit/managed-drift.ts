/**
 * Managed-object drift: `routing/` compiled into the state a deploy would write and planned
 * against the live state (read by the HubSpot adapter exactly as `routeops plan` reads it), then
 * worded for the audit. Same compiler, same semantic comparison as the plan.
 */
import type { RoutingConfig } from "../config/types";
import { desiredState, planChanges, type LiveState } from "../deploy";
import type { DriftItem } from "./model";
import { describePlanDrift } from "./plan-drift";

/** The drift items, or why managed objects could not be compared. */
export function managedDrift(
  config: RoutingConfig,
  live: LiveState,
  now: number,
): DriftItem[] | { uncheckedReason: string } {
  const desired = desiredState(config, { owners: live.owners, at: now });
  if ("errors" in desired) {
    // Owner problems among them are reported as owner drift; the plan needs every rep resolved.
    const reasons = desired.errors.map((error) => error.message).join("; ");
    return { uncheckedReason: `routing/ cannot be compiled against this portal (${reasons})` };
  }
  return describePlanDrift(planChanges(desired.state, live));
}
