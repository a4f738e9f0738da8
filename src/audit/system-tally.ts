/**
 * The figures every routing system shares (volume, unowned, SLA, pipeline), tallied lead by lead.
 * The unified view is built from these, one per system, never from a blend.
 */
import { converted, unownedReason, type RoutedLead } from "./lead";
import type { UnownedCounts } from "./model";
import { slaOutcome } from "./sla";
import { emptySlaTally, type SlaTally } from "./statistics";

export interface SystemTally {
  leads: number;
  previousLeads: number;
  unowned: UnownedCounts;
  sla: SlaTally;
  opportunities: number;
  /** A lead of the audit window. */
  add(lead: RoutedLead): void;
  /** A lead of the previous window (counted for the trend only). */
  addPrevious(): void;
}

export function systemTally(now: number): SystemTally {
  const tally: SystemTally = {
    leads: 0,
    previousLeads: 0,
    unowned: { total: 0, noOwner: 0, deactivatedOwner: 0, nurture: 0 },
    sla: emptySlaTally(),
    opportunities: 0,
    add(lead) {
      tally.leads++;
      const reason = unownedReason(lead);
      if (reason === "no_owner") tally.unowned.noOwner++;
      if (reason === "deactivated_owner") tally.unowned.deactivatedOwner++;
      if (reason === "nurture") tally.unowned.nurture++;
      if (reason === "no_owner" || reason === "deactivated_owner") tally.unowned.total++;
      tally.sla[slaOutcome(lead, now)]++;
      if (converted(lead)) tally.opportunities++;
    },
    addPrevious() {
      tally.previousLeads++;
    },
  };
  return tally;
}

/** Counts kept per key (source type, rep, territory), created on first use. */
export class KeyedTally<T> {
  private readonly entries = new Map<string, T>();
  constructor(private readonly create: () => T) {}

  get(key: string): T {
    let entry = this.entries.get(key);
    if (entry === undefined) {
      entry = this.create();
      this.entries.set(key, entry);
    }
    return entry;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  keys(): string[] {
    return [...this.entries.keys()];
  }
}
