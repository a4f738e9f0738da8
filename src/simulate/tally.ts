/** Counters that a simulation updates once per contact and reads once at the end. */
import type { Transition } from "./types";

/** From → to counts (nested maps: no string keys to build per contact; `null` is a key like any other). */
export class TransitionTally {
  private readonly counts = new Map<string | null, Map<string | null, number>>();

  add(from: string | null, to: string | null): void {
    let row = this.counts.get(from);
    if (row === undefined) {
      row = new Map();
      this.counts.set(from, row);
    }
    row.set(to, (row.get(to) ?? 0) + 1);
  }

  /** Most frequent first; ties by from, then to (nulls first), so that reports are stable. */
  list(): Transition[] {
    const out: Transition[] = [];
    for (const [from, row] of this.counts) for (const [to, count] of row) out.push({ from, to, count });
    return out.sort((a, b) => b.count - a.count || compareKeys(a.from, b.from) || compareKeys(a.to, b.to));
  }
}

/** Before/after counts per key. */
export class PairTally<K> {
  readonly counts = new Map<K, { before: number; after: number }>();

  private entry(key: K): { before: number; after: number } {
    let entry = this.counts.get(key);
    if (entry === undefined) {
      entry = { before: 0, after: 0 };
      this.counts.set(key, entry);
    }
    return entry;
  }

  before(key: K): void {
    this.entry(key).before++;
  }

  after(key: K): void {
    this.entry(key).after++;
  }
}

/** Code point order with `null` first: stable across machines and locales. */
export function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/**
 * Keys in a preferred order (for example reps as the config lists them), then every other key in
 * code point order, `null` last.
 */
export function orderKeys(keys: Iterable<string | null>, preferred: readonly string[]): (string | null)[] {
  const present = new Set(keys);
  const out: (string | null)[] = [];
  for (const key of preferred) {
    if (present.delete(key)) out.push(key);
  }
  const rest = [...present].filter((key): key is string => key !== null).sort((a, b) => compareKeys(a, b));
  out.push(...rest);
  if (present.has(null)) out.push(null);
  return out;
}
