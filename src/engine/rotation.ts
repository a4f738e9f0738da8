/**
 * Smooth weighted round robin (the nginx algorithm) over explicit, JSON-serialisable state, so
 * that a replay started from the same state hands out the same leads in the same order.
 */
import type { RotationState } from "./types";

/** A pool member taking part in one pick: a rep who is active and not out of office. */
export interface RotationCandidate {
  /** Rep email (after replacements). */
  rep: string;
  /** Positive weight (merged members carry the sum of their weights). */
  weight: number;
}

/** A fresh rotation: every member of every pool starts at 0. */
export function createRotationState(): RotationState {
  return { pools: {} };
}

// Own-property writes through defineProperty: a pool or rep named `__proto__` must not reach
// Object.prototype.
function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  if (key === "__proto__")
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function poolCounters(state: RotationState, pool: string): Record<string, number> {
  if (typeof state.pools !== "object" || state.pools === null) state.pools = {};
  const existing = Object.prototype.hasOwnProperty.call(state.pools, pool) ? state.pools[pool] : undefined;
  if (typeof existing === "object" && existing !== null) return existing;
  const created: Record<string, number> = {};
  setOwn(state.pools, pool, created);
  return created;
}

/**
 * Picks the next member of `pool` among `candidates` and advances `state` in place: every
 * candidate's counter grows by its weight, the highest counter wins (ties go to the earlier
 * candidate) and the winner's counter drops by the candidates' total weight. Members who are not
 * candidates this time keep their counters. Weights 2:1 give A, B, A, A, B, A, ...
 * Returns null when there is no candidate. `owed` (pools with `catchUp`) are members who are away
 * this time but earn their weight anyway.
 */
export function pickNext(
  state: RotationState,
  pool: string,
  candidates: readonly RotationCandidate[],
  owed: readonly RotationCandidate[] = [],
): string | null {
  if (candidates.length === 0) return null;
  const counters = poolCounters(state, pool);
  // Catch-up: members who are away still earn their weight, so they are owed the leads they
  // missed and catch up on return. Without it (the default) an absence costs nobody anything later.
  let owedTotal = 0;
  for (const { rep, weight } of owed) {
    const stored = Object.prototype.hasOwnProperty.call(counters, rep) ? counters[rep] : 0;
    setOwn(counters, rep, (typeof stored === "number" && Number.isFinite(stored) ? stored : 0) + weight);
    owedTotal += weight;
  }
  let total = 0;
  let best = -1;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < candidates.length; i++) {
    const { rep, weight } = candidates[i]!;
    const stored = Object.prototype.hasOwnProperty.call(counters, rep) ? counters[rep] : 0;
    const value = (typeof stored === "number" && Number.isFinite(stored) ? stored : 0) + weight;
    setOwn(counters, rep, value);
    total += weight;
    if (value > bestValue) {
      bestValue = value;
      best = i;
    }
  }
  const winner = candidates[best]!.rep;
  setOwn(counters, winner, bestValue - total - owedTotal);
  return winner;
}
