/**
 * Per-rep fairness of a pool in a simulation: each member's share of the pool's leads against
 * their share of the pool's weight, before and after, and how often they were skipped (absent,
 * capped, not started, left). The same figures the audit reports from the decision log.
 */
import type { CompiledRouting } from "../engine";
import type { Decision } from "../engine/types";
import type { RepShare } from "./types";

type Side = "before" | "after";

/** Counts skips per pool and rep, for both configs. */
export class SkipTally {
  private readonly counts = new Map<string, { before: number; after: number }>();

  add(side: Side, decision: Decision): void {
    for (const skip of decision.skipped ?? []) {
      const key = `${skip.pool}\u0000${skip.rep.toLowerCase()}`;
      const entry = this.counts.get(key) ?? { before: 0, after: 0 };
      entry[side]++;
      this.counts.set(key, entry);
    }
  }

  get(pool: string, rep: string): { before: number; after: number } {
    return this.counts.get(`${pool}\u0000${rep.toLowerCase()}`) ?? { before: 0, after: 0 };
  }
}

function weights(compiled: CompiledRouting, pool: string): Map<string, number> {
  const members = compiled.pools.get(pool)?.members ?? [];
  return new Map(members.map((m) => [m.rep.toLowerCase(), m.weight]));
}

const percent = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((1000 * part) / whole) / 10 : null;

/** Each member of `pool` (in either config) with leads and weight shares, in member order. */
export function repShares(
  base: CompiledRouting,
  head: CompiledRouting,
  pool: string,
  leads: { rep: string | null; before: number; after: number }[],
  totals: { before: number; after: number },
  skips: SkipTally,
): RepShare[] {
  const before = weights(base, pool);
  const after = weights(head, pool);
  const totalBefore = [...before.values()].reduce((a, b) => a + b, 0);
  const totalAfter = [...after.values()].reduce((a, b) => a + b, 0);
  const reps = [...new Set([...before.keys(), ...after.keys()])];
  for (const row of leads)
    if (row.rep !== null && !reps.includes(row.rep.toLowerCase())) reps.push(row.rep.toLowerCase());
  return reps.map((rep) => {
    const got = leads.find((row) => row.rep?.toLowerCase() === rep) ?? { before: 0, after: 0 };
    const skipped = skips.get(pool, rep);
    return {
      rep,
      leads: { before: got.before, after: got.after },
      leadShare: { before: percent(got.before, totals.before), after: percent(got.after, totals.after) },
      weightShare: {
        before: percent(before.get(rep) ?? 0, totalBefore),
        after: percent(after.get(rep) ?? 0, totalAfter),
      },
      skipped,
    };
  });
}
