/**
 * The few statistics the audit reports, defined once so that every section computes them alike.
 */
import type { DurationBucket, DurationStats, Rate, SlaCounts, Trend } from "./model";

/**
 * Nearest-rank percentile of an ascending list: the smallest value such that at least `p` percent
 * of the values are at or below it (rank `ceil(p/100 * n)`). Always one of the observed values,
 * so "median 42 minutes" is a lead that really took 42 minutes.
 */
export function percentile(sortedAscending: readonly number[], p: number): number | null {
  const n = sortedAscending.length;
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * n));
  return sortedAscending[rank - 1] ?? null;
}

export function durationStats(minutes: readonly number[]): DurationStats {
  const sorted = [...minutes].sort((a, b) => a - b);
  return { count: sorted.length, medianMinutes: percentile(sorted, 50), p90Minutes: percentile(sorted, 90) };
}

export function rate(numerator: number, denominator: number): Rate {
  return { numerator, denominator, rate: denominator === 0 ? null : numerator / denominator };
}

export function trend(current: number, previous: number): Trend {
  return {
    current,
    previous,
    change: current - previous,
    changeRate: previous === 0 ? null : (current - previous) / previous,
  };
}

/** Speed-to-lead buckets: within 15 minutes, an hour, 4 hours, a business day (8 h), longer. */
export const SPEED_BUCKETS: readonly { label: string; upToMinutes: number | null }[] = [
  { label: "up to 15 min", upToMinutes: 15 },
  { label: "15-60 min", upToMinutes: 60 },
  { label: "1-4 h", upToMinutes: 240 },
  { label: "4-8 h", upToMinutes: 480 },
  { label: "over 8 h", upToMinutes: null },
];

export function bucketed(minutes: readonly number[]): DurationBucket[] {
  const buckets = SPEED_BUCKETS.map((bucket) => ({ ...bucket, count: 0 }));
  for (const value of minutes) {
    const bucket = buckets.find((b) => b.upToMinutes === null || value <= b.upToMinutes);
    if (bucket) bucket.count++;
  }
  return buckets;
}

/** Mutable SLA tally; `slaCounts` freezes it with its compliance rate. */
export interface SlaTally {
  met: number;
  breached: number;
  pending: number;
  noSla: number;
  notMeasurable: number;
}

export function emptySlaTally(): SlaTally {
  return { met: 0, breached: 0, pending: 0, noSla: 0, notMeasurable: 0 };
}

export function slaCounts(tally: SlaTally): SlaCounts {
  return { ...tally, compliance: rate(tally.met, tally.met + tally.breached) };
}

/** Adds SLA tallies field by field (the unified view's totals). */
export function sumSla(tallies: readonly SlaTally[]): SlaTally {
  const sum = emptySlaTally();
  for (const t of tallies) {
    sum.met += t.met;
    sum.breached += t.breached;
    sum.pending += t.pending;
    sum.noSla += t.noSla;
    sum.notMeasurable += t.notMeasurable;
  }
  return sum;
}
