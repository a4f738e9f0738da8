/**
 * The plan as one stable JSON envelope (keys in a fixed order, absent values as null), for
 * machines: CI steps, `--plan-file`, the audit.
 */
import { describeDrift } from "../plan/drift";
import type { Plan } from "../plan/types";

export const PLAN_SCHEMA = "routeops.plan/1";

export interface PlanJsonOptions {
  /** Include what each create and update writes (needed to apply a saved plan). */
  includeBodies?: boolean;
}

const orNull = (value: unknown) => (value === undefined ? null : value);

export function planEnvelope(plan: Plan, options: PlanJsonOptions = {}): Record<string, unknown> {
  const { add, change, destroy } = plan.summary;
  return {
    schema: PLAN_SCHEMA,
    status: plan.summary.blocked > 0 ? "blocked" : add + change + destroy > 0 ? "changes" : "no-changes",
    configVersion: plan.configVersion,
    mode: plan.mode,
    computedFor: new Date(plan.computedFor).toISOString(),
    summary: { ...plan.summary },
    fingerprint: { live: plan.fingerprint.live, flowRevisions: { ...plan.fingerprint.flowRevisions } },
    items: plan.items.map((item) => ({
      kind: item.kind,
      key: item.key,
      action: item.action,
      id: orNull(item.id),
      revisionId: orNull(item.revisionId),
      adopt: item.adopt === true,
      enable: item.enable === true,
      reason: orNull(item.reason),
      changes: item.changes.map((c) => ({ path: c.path, from: orNull(c.from), to: orNull(c.to) })),
      ...(options.includeBodies ? { desired: orNull(item.desired) } : {}),
    })),
    drift: plan.drift.map((d) => ({ ...d, message: describeDrift(d) })),
    warnings: plan.warnings.map((w) => ({ code: w.code, subject: orNull(w.subject), message: w.message })),
  };
}

export function renderPlanJson(plan: Plan, options: PlanJsonOptions = {}): string {
  return `${JSON.stringify(planEnvelope(plan, options), null, 2)}\n`;
}
