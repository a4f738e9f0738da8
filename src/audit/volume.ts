/**
 * Lead volume per UTC day and routing system, for the report's bar charts.
 */
import { AUDIT_SYSTEMS, type AuditSystem, type VolumeSection } from "./model";
import { utcDay, utcDaysOf, type AuditWindow } from "./window";

export interface VolumeTally {
  add(system: AuditSystem, routedAt: number): void;
  result(): VolumeSection;
}

export function volumeTally(window: AuditWindow): VolumeTally {
  const days = new Map(utcDaysOf(window).map((day) => [day, emptyDay()]));
  return {
    add(system, routedAt) {
      const day = days.get(utcDay(routedAt));
      if (day) day[system]++;
    },
    result() {
      return { days: [...days.entries()].map(([day, counts]) => ({ day, ...counts })) };
    },
  };
}

function emptyDay(): Record<AuditSystem, number> {
  return Object.fromEntries(AUDIT_SYSTEMS.map((system) => [system, 0])) as Record<AuditSystem, number>;
}
