/** Expected shares before (base) and after (head), for the pools where some rep's share moves. */
import type { RoutingConfig } from "../config/types";
import { expectedShares, type PoolShares } from "./expected-share";

export interface RepShareChange {
  rep: string;
  /** `null`: not a member in that config. */
  before: { weight: number; share: number } | null;
  after: { weight: number; share: number; awayDays: string[]; cappedDays: string[] } | null;
}

export interface PoolShareChange {
  pool: string;
  /** First and last day of the week. */
  from: string;
  to: string;
  days: number;
  /** Fraction of the pool's leads beyond capacity caps (0 without volumes). */
  overCapacity: { before: number; after: number };
  reps: RepShareChange[];
}

/** Leads per week into each pool, by pool id, for each config: capacity caps apply with them. */
export interface ShareVolumes {
  before?: ReadonlyMap<string, number>;
  after?: ReadonlyMap<string, number>;
}

const moved = (a: number | undefined, b: number | undefined) => Math.abs((a ?? 0) - (b ?? 0)) >= 0.0005;

/**
 * For each week starting on a day of `weeks` (`YYYY-MM-DD`, usually Mondays), the pools whose
 * members' expected shares differ between the configs; members in config order, head first.
 */
export function shareChanges(
  head: RoutingConfig,
  base: RoutingConfig,
  weeks: readonly string[],
  volumes: ShareVolumes = {},
): PoolShareChange[] {
  const out: PoolShareChange[] = [];
  for (const week of weeks) {
    const before = new Map(expectedShares(base, week, volumes.before).map((pool) => [pool.pool, pool]));
    for (const pool of expectedShares(head, week, volumes.after)) {
      const old: PoolShares | undefined = before.get(pool.pool);
      const oldMembers = new Map((old?.members ?? []).map((member) => [member.rep.toLowerCase(), member]));
      const reps: RepShareChange[] = pool.members.map((member) => {
        const previous = oldMembers.get(member.rep.toLowerCase());
        return {
          rep: member.rep,
          before: previous ? { weight: previous.weight, share: previous.share } : null,
          after: {
            weight: member.weight,
            share: member.share,
            awayDays: member.awayDays,
            cappedDays: member.cappedDays,
          },
        };
      });
      const now = new Set(pool.members.map((member) => member.rep.toLowerCase()));
      for (const member of old?.members ?? []) {
        if (!now.has(member.rep.toLowerCase())) {
          reps.push({ rep: member.rep, before: { weight: member.weight, share: member.share }, after: null });
        }
      }
      const changed = reps.some(
        (rep) => moved(rep.before?.share, rep.after?.share) || rep.before?.weight !== rep.after?.weight,
      );
      if (changed) {
        const overCapacity = { before: old?.overCapacity ?? 0, after: pool.overCapacity };
        out.push({ pool: pool.pool, from: pool.from, to: pool.to, days: pool.days, overCapacity, reps });
      }
    }
  }
  return out;
}
