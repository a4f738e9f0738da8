/**
 * The few changed decisions a report shows in full. The replay routes without traces; a contact
 * kept as an example is routed again, with traces, from copies of the rotation states taken just
 * before it, so its traced decisions are exactly the ones the replay made.
 */
import type { RotationState } from "../engine/types";
import type { SimulationExample } from "./types";

/** A copy of a rotation state (a pool or rep named `__proto__` stays an own key). */
export function copyRotation(state: RotationState): RotationState {
  const pools: Record<string, Record<string, number>> = {};
  for (const pool of Object.keys(state.pools)) {
    const counters: Record<string, number> = {};
    const source = state.pools[pool]!;
    for (const rep of Object.keys(source)) setOwn(counters, rep, source[rep]!);
    setOwn(pools, pool, counters);
  }
  return { pools };
}

function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  if (key === "__proto__")
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/**
 * Keeps up to `limit` examples, preferring different kinds of change (a kind is the set of changed
 * fields: an owner move and an SLA move are shown before a second owner move), then the earliest
 * of kinds already shown.
 */
export class ExampleKeeper {
  private readonly distinct: SimulationExample[] = [];
  private readonly backlog: SimulationExample[] = [];
  private readonly kinds = new Set<string>();

  constructor(private readonly limit: number) {}

  /** Whether another changed decision could still be kept (then rotation states must be copied first). */
  get wanting(): boolean {
    return this.distinct.length < this.limit;
  }

  /** Whether a change of this kind would be kept. */
  wants(kind: string): boolean {
    if (!this.wanting) return false;
    return !this.kinds.has(kind) || this.backlog.length < this.limit - this.distinct.length;
  }

  keep(kind: string, example: SimulationExample): void {
    if (!this.kinds.has(kind)) {
      this.kinds.add(kind);
      this.distinct.push(example);
    } else {
      this.backlog.push(example);
    }
  }

  /** The examples, in replay order. */
  result(): SimulationExample[] {
    const room = Math.max(0, this.limit - this.distinct.length);
    return [...this.distinct, ...this.backlog.slice(0, room)].sort((a, b) => a.index - b.index);
  }
}
