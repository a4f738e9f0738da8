/**
 * The replay's leads per week into each pool, before and after: what the expected shares'
 * capacity caps bind against and what "Leads a week" multiplies the shares by. Known only when
 * the replay spans at least a week (a shorter one says little about a week).
 */
const WEEK_MS = 7 * 86_400_000;

export interface WeeklyVolumes {
  before: Map<string, number>;
  after: Map<string, number>;
}

export function weeklyVolumes(
  span: { from: number | null; to: number | null },
  pools: Iterable<{ pool: string; before: number; after: number }>,
): WeeklyVolumes | null {
  const { from, to } = span;
  if (from === null || to === null || to - from < WEEK_MS) return null;
  const weeks = (to - from) / WEEK_MS;
  const out: WeeklyVolumes = { before: new Map(), after: new Map() };
  for (const pool of pools) {
    out.before.set(pool.pool, pool.before / weeks);
    out.after.set(pool.pool, pool.after / weeks);
  }
  return out;
}
