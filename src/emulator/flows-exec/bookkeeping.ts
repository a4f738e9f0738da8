/**
 * What the executor remembers between requests: how often each contact enrolled in each flow,
 * the runs parked on a delay, and the contacts changed from outside a run since their last
 * evaluation (with their properties as they were before the first of those changes).
 */
import type { PropertyChange } from "../portal/records";
import type { EventOccurrence } from "./occurrence";
import type { FlowRun } from "./run-log";

/** Enrolment counts: flow id -> contact id -> times enrolled. */
export class EnrollmentHistory {
  private readonly counts = new Map<string, Map<string, number>>();

  times(flowId: string, contactId: string): number {
    return this.counts.get(flowId)?.get(contactId) ?? 0;
  }

  add(flowId: string, contactId: string): void {
    const counts = this.counts.get(flowId) ?? new Map<string, number>();
    counts.set(contactId, (counts.get(contactId) ?? 0) + 1);
    this.counts.set(flowId, counts);
  }

  clear(): void {
    this.counts.clear();
  }
}

/** A run parked on a delay, or about to run a stretch. */
export interface RunState {
  run: FlowRun;
  flowId: string;
  contactId: string;
  /** The action to run next (undefined: the run ends). */
  next: string | undefined;
  /** The instant the next stretch runs at. */
  wakeAt: number;
  occurrence: EventOccurrence | undefined;
  depth: number;
  /** The contact's properties when the run started (re-enrolment triggers compare with them). */
  before: Record<string, string>;
}

/** Runs waiting on a delay. */
export class WaitingRuns {
  private runs: RunState[] = [];

  add(state: RunState): void {
    this.runs.push(state);
  }

  remove(state: RunState): void {
    this.runs = this.runs.filter((w) => w !== state);
  }

  of(flowId: string, contactId: string): RunState | undefined {
    return this.runs.find((w) => w.flowId === flowId && w.contactId === contactId);
  }

  /** The run due first at `now` (by due time, then run order), if any is due. */
  nextDue(now: number): RunState | undefined {
    let first: RunState | undefined;
    for (const w of this.runs) {
      if (w.wakeAt > now) continue;
      if (!first || w.wakeAt < first.wakeAt || (w.wakeAt === first.wakeAt && Number(w.run.id) < Number(first.run.id))) {
        first = w;
      }
    }
    return first;
  }

  clear(): void {
    this.runs = [];
  }
}

/** Contacts changed from outside a run, with their properties from before the first such change. */
export class OutsideChanges {
  private readonly changed = new Map<string, { before: Record<string, string>; seen: Set<string> }>();

  /** Notes a change; `current` is the record's properties now (the change is already applied). */
  note(change: PropertyChange, current: Record<string, string> | undefined): void {
    let entry = this.changed.get(change.objectId);
    if (!entry) {
      entry = { before: { ...(current ?? {}) }, seen: new Set() };
      this.changed.set(change.objectId, entry);
    }
    // Only a property's first change since the last evaluation tells its value from before.
    if (entry.seen.has(change.property)) return;
    entry.seen.add(change.property);
    if (change.previous === null) delete entry.before[change.property];
    else entry.before[change.property] = change.previous;
  }

  /** The contact's properties before its outside changes, forgetting them; undefined when none. */
  take(contactId: string): Record<string, string> | undefined {
    const entry = this.changed.get(contactId);
    this.changed.delete(contactId);
    return entry?.before;
  }

  /** Some changed contact, if any. */
  first(): string | undefined {
    return this.changed.keys().next().value;
  }

  clear(): void {
    this.changed.clear();
  }
}
