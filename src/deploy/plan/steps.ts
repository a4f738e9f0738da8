/** The writes of a plan in the order deploy makes them; flows are enabled once everything else is written. */
import type { Plan, PlanStep } from "./types";

export function planSteps(plan: Plan): PlanStep[] {
  const steps: PlanStep[] = [];
  for (const item of plan.items) {
    const target = {
      key: item.key,
      ...(item.id ? { id: item.id } : {}),
      ...(item.revisionId ? { revisionId: item.revisionId } : {}),
    };
    if (item.action === "create") steps.push({ op: `create-${item.kind}`, ...target, desired: item.desired });
    if (item.action === "update") {
      // An update that only re-enables a flow is the enable step alone.
      const writes = item.kind !== "flow" || item.changes.some((change) => change.path !== "isEnabled");
      if (writes) steps.push({ op: `update-${item.kind}`, ...target, desired: item.desired });
    }
    if (item.action === "delete") steps.push({ op: "delete-flow", ...target });
    if (item.action === "archive") steps.push({ op: "archive-property", ...target });
  }
  for (const item of plan.items) {
    if (item.kind === "flow" && item.enable && (item.action === "create" || item.action === "update")) {
      steps.push({ op: "enable-flow", key: item.key, ...(item.id ? { id: item.id } : {}) });
    }
  }
  return steps;
}
