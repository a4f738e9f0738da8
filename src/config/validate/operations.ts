/**
 * Routing operations: capacity caps, escalation steps, overflow outcomes and notification
 * channels must be usable (references are checked with the others, in `references.ts`).
 */
import type { CapacityConfig } from "../types";
import type { RoutingDirectory } from "./directory";
import { error, warning, type Finding } from "./finding";
import { element, type PathSegment } from "./path";

/** Reports unusable caps, delays out of order, overflows that can never apply and duplicate channels. */
export function checkOperations(dir: RoutingDirectory): Finding[] {
  const findings: Finding[] = [];
  const capacity = (caps: CapacityConfig | undefined, at: PathSegment[], forPool: boolean) => {
    if (!caps) return;
    for (const key of ["perDay", "perWeek", "open"] as const) {
      const value = caps[key];
      if (value === undefined) continue;
      if (!(Number.isInteger(value) && value >= 0)) {
        findings.push(
          error("invalid_capacity", [...at, key], `${key} ${value} is not a whole number of leads (0, 1, 2...)`),
        );
      }
    }
    if (forPool && caps.open !== undefined) {
      findings.push(
        warning(
          "pool_open_capacity",
          [...at, "open"],
          "a pool has no open-lead cap of its own: set `open` on its reps",
        ),
      );
    }
    if (caps.perDay !== undefined && caps.perWeek !== undefined && caps.perWeek < caps.perDay) {
      findings.push(
        warning(
          "capacity_week_below_day",
          [...at, "perWeek"],
          `perWeek ${caps.perWeek} is below perDay ${caps.perDay}: the daily cap can never be reached`,
        ),
      );
    }
  };
  dir.config.reps.forEach((rep, i) => capacity(rep.capacity, ["reps", element(rep, i), "capacity"], false));
  dir.config.pools.forEach((pool, i) => capacity(pool.capacity, ["pools", element(pool, i), "capacity"], true));

  const minutes = (unit: string, amount: number) =>
    unit === "business_days" ? amount * 24 * 60 : unit === "business_hours" ? amount * 60 : amount;
  dir.config.slaPolicies.forEach((policy, i) => {
    let previous = -1;
    (policy.escalation ?? []).forEach((step, j) => {
      const at = ["slaPolicies", element(policy, i), "escalation", j];
      const { amount, unit } = step.after;
      if (!(Number.isFinite(amount) && amount >= 0)) {
        findings.push(
          error(
            "invalid_delay",
            [...at, "after", "amount"],
            `delay ${amount} must be zero or more ${unit.replace("_", " ")}`,
          ),
        );
        return;
      }
      const length = minutes(unit, amount);
      if (length < previous) {
        findings.push(
          warning(
            "escalation_out_of_order",
            [...at, "after"],
            "this step comes sooner than the step before it: list steps in the order they happen",
          ),
        );
      }
      previous = Math.max(previous, length);
    });
  });

  for (const { rule, at } of dir.systemRules()) {
    if (rule.overflow && rule.outcome.type !== "pool") {
      findings.push(
        warning(
          "overflow_without_pool",
          [...at, "overflow"],
          `the rule's outcome is a ${rule.outcome.type}, not a pool: the overflow only applies when a pool has nobody available`,
        ),
      );
    }
    if (
      rule.overflow?.type === "pool" &&
      rule.outcome.type === "pool" &&
      "pool" in rule.outcome &&
      rule.outcome.pool === rule.overflow.pool
    ) {
      findings.push(
        error(
          "overflow_to_same_pool",
          [...at, "overflow", "pool"],
          "the overflow is the rule's own pool: it has nobody available either",
        ),
      );
    }
  }

  const seen = new Set<string>();
  (dir.config.notifications?.channels ?? []).forEach((channel, i) => {
    if (seen.has(channel.id)) {
      findings.push(
        error("duplicate_id", ["notifications", "channels", i, "id"], `channel id "${channel.id}" is used twice`),
      );
    }
    seen.add(channel.id);
  });
  return findings;
}
