/** How SLA due times move between the base and the head, counted while streaming. */
import type { SlaShift } from "./types";

const HOUR = 60;
const DAY = 24 * HOUR;

/** Move sizes in minutes (head minus base), upper bounds exclusive; labels read from earliest to latest. */
const BUCKETS: readonly { label: string; below: number }[] = [
  { label: "more than 1 day earlier", below: -DAY },
  { label: "4 h to 1 day earlier", below: -4 * HOUR },
  { label: "1 h to 4 h earlier", below: -HOUR },
  { label: "up to 1 h earlier", below: 0 },
  { label: "up to 1 h later", below: HOUR + 1e-9 },
  { label: "1 h to 4 h later", below: 4 * HOUR + 1e-9 },
  { label: "4 h to 1 day later", below: DAY + 1e-9 },
  { label: "more than 1 day later", below: Number.POSITIVE_INFINITY },
];

function bucketOf(minutes: number): number {
  for (let i = 0; i < BUCKETS.length; i++) if (minutes < BUCKETS[i]!.below) return i;
  return BUCKETS.length - 1;
}

/** Streaming counter of due-time moves. */
export class SlaShiftTally {
  private compared = 0;
  private earlier = 0;
  private later = 0;
  private sumMinutes = 0;
  private min = Number.POSITIVE_INFINITY;
  private max = Number.NEGATIVE_INFINITY;
  private gained = 0;
  private lost = 0;
  private readonly buckets = new Array<number>(BUCKETS.length).fill(0);

  add(before: number | null, after: number | null): void {
    if (before === null || after === null) {
      if (before === null && after !== null) this.gained++;
      else if (before !== null && after === null) this.lost++;
      return;
    }
    this.compared++;
    if (before === after) return;
    const minutes = (after - before) / 60_000;
    if (minutes < 0) this.earlier++;
    else this.later++;
    this.sumMinutes += minutes;
    if (minutes < this.min) this.min = minutes;
    if (minutes > this.max) this.max = minutes;
    this.buckets[bucketOf(minutes)]!++;
  }

  result(): SlaShift {
    const moved = this.earlier + this.later;
    const round = (minutes: number) => Math.round(minutes * 10) / 10;
    return {
      compared: this.compared,
      moved,
      earlier: this.earlier,
      later: this.later,
      meanMinutes: moved === 0 ? null : round(this.sumMinutes / moved),
      minMinutes: moved === 0 ? null : round(this.min),
      maxMinutes: moved === 0 ? null : round(this.max),
      buckets: BUCKETS.map((bucket, i) => ({ label: bucket.label, count: this.buckets[i]! })).filter(
        (b) => b.count > 0,
      ),
      gained: this.gained,
      lost: this.lost,
    };
  }
}
