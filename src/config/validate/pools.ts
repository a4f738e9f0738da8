/**
 * Pools and named owners: every place that hands a lead to people must reach an active rep, and
 * weights must be usable by weighted round robin.
 */
import type { RepConfig } from "../types";
import type { RoutingDirectory } from "./directory";
import { error, warning, type Finding } from "./finding";
import { isIsoDate } from "./calendar-values";
import { element } from "./path";

/** Options that depend on the caller's clock; the pure core never reads it. */
export interface AvailabilityOptions {
  /** Only absences on or after this day (`YYYY-MM-DD`) matter. Default: every day. */
  today?: string;
}

/** Reports bad weights, pools nobody can take, pools fully out of office, and named owners who cannot receive leads. */
export function checkPools(dir: RoutingDirectory, options: AvailabilityOptions = {}): Finding[] {
  const findings: Finding[] = [];
  dir.config.pools.forEach((pool, i) => {
    const at = ["pools", element(pool, i)];
    pool.members.forEach((member, j) => {
      if (member.weight !== undefined && !(Number.isInteger(member.weight) && member.weight > 0)) {
        findings.push(
          error(
            "invalid_weight",
            [...at, "members", j, "weight"],
            `weight ${member.weight} is not a positive integer: a weight is a share of leads (1, 2, 3...)`,
          ),
        );
      }
    });
    const active = new Map<string, RepConfig>();
    for (const member of pool.members) {
      const rep = dir.activeRepFor(member.rep);
      if (rep) active.set(rep.email.toLowerCase(), rep);
    }
    if (active.size === 0) {
      findings.push(
        error(
          "pool_without_active_member",
          [...at, "members"],
          pool.members.length === 0
            ? "pool has no members: add at least one active rep"
            : "no member of this pool is (or is replaced by) an active rep: every lead routed here would fall through",
        ),
      );
      return;
    }
    const day = firstDayAllAway([...active.values()], options.today);
    if (day !== undefined) {
      findings.push(
        warning(
          "pool_all_out_of_office",
          [...at, "members"],
          `every active member is out of office on ${day}: leads routed to this pool that day go to the fallback rule`,
        ),
      );
    }
  });
  dir.config.queues.forEach((queue, i) => {
    if (dir.rep(queue.backupOwner) && !dir.activeRepFor(queue.backupOwner)) {
      findings.push(
        error(
          "no_active_rep",
          ["queues", element(queue, i), "backupOwner"],
          `backup owner ${queue.backupOwner} is inactive and no replacement chain leads to an active rep`,
        ),
      );
    }
  });
  for (const { rule, at } of dir.systemRules()) {
    const outcome = rule.outcome;
    if (outcome.type === "rep" && dir.rep(outcome.rep) && !dir.activeRepFor(outcome.rep)) {
      findings.push(
        error(
          "no_active_rep",
          [...at, "outcome", "rep"],
          `${outcome.rep} is inactive and no replacement chain leads to an active rep`,
        ),
      );
    }
  }
  return findings;
}

/** The first day (on or after `today`) on which every rep is out of office, if any. */
function firstDayAllAway(reps: RepConfig[], today: string | undefined): string | undefined {
  const ranges = reps.map((rep) =>
    (rep.outOfOffice ?? []).filter((r) => isIsoDate(r.from) && isIsoDate(r.to) && r.from <= r.to),
  );
  const candidates = ranges
    .flat()
    .map((r) => (today !== undefined && r.from < today ? today : r.from))
    .sort();
  return candidates.find((day) => ranges.every((own) => own.some((r) => r.from <= day && day <= r.to)));
}
