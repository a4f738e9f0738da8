/** Queues, territories, segments, SLA policies and calendars compared, in words. */
import type { RoutingConfig, SegmentConfig, TerritoryMatch } from "../config/types";
import { describeSlaTarget } from "../engine/business-time";
import { canonical } from "../graph/changes";
import type { ChangeArea, RoutingChange } from "./types";

interface Keyed {
  id: string;
}

/** Added, removed and (per field, in words) changed entries of one collection. */
function byId<T extends Keyed>(
  area: ChangeArea,
  noun: string,
  head: readonly T[],
  base: readonly T[],
  describe: (entry: T) => string,
  fields: (entry: T) => Record<string, string>,
): RoutingChange[] {
  const out: RoutingChange[] = [];
  const before = new Map(base.map((entry) => [entry.id, entry]));
  for (const entry of head) {
    const old = before.get(entry.id);
    if (!old) {
      out.push({
        area,
        kind: "added",
        subject: entry.id,
        to: describe(entry),
        text: `${noun} ${entry.id} added: ${describe(entry)}`,
      });
      continue;
    }
    const was = fields(old);
    for (const [field, to] of Object.entries(fields(entry))) {
      const from = was[field] ?? "";
      if (from !== to) {
        out.push({
          area,
          kind: "changed",
          subject: entry.id,
          field,
          from,
          to,
          text: `${noun} ${entry.id}: ${field} ${from} -> ${to}`,
        });
      }
    }
  }
  const now = new Set(head.map((entry) => entry.id));
  for (const old of base) {
    if (!now.has(old.id)) {
      out.push({
        area,
        kind: "removed",
        subject: old.id,
        from: describe(old),
        text: `${noun} ${old.id} removed (was: ${describe(old)})`,
      });
    }
  }
  return out;
}

const list = (values: readonly string[] | undefined) => (values && values.length > 0 ? values.join(", ") : "");

function clauseText(match: TerritoryMatch): string {
  if (match.states?.length) return `${match.country} (states ${match.states.join(", ")})`;
  if (match.exceptStates?.length) return `${match.country} (except states ${match.exceptStates.join(", ")})`;
  return match.country;
}

/** Countries and states a territory gained or lost, one line each. */
function territoryChanges(head: RoutingConfig, base: RoutingConfig): RoutingChange[] {
  const out: RoutingChange[] = [];
  const before = new Map(base.territories.map((territory) => [territory.id, territory]));
  const describe = (matches: TerritoryMatch[]) => matches.map(clauseText).join(", ") || "no countries";
  for (const territory of head.territories) {
    const old = before.get(territory.id);
    const subject = territory.id;
    if (!old) {
      out.push({
        area: "territories",
        kind: "added",
        subject,
        to: describe(territory.matches),
        text: `Territory ${subject} added: ${describe(territory.matches)}`,
      });
      continue;
    }
    const oldByCountry = new Map(old.matches.map((match) => [match.country.toUpperCase(), match]));
    const newCountries = new Set(territory.matches.map((match) => match.country.toUpperCase()));
    for (const match of territory.matches) {
      const previous = oldByCountry.get(match.country.toUpperCase());
      if (!previous) {
        out.push({
          area: "territories",
          kind: "added",
          subject,
          to: clauseText(match),
          text: `Territory ${subject}: ${clauseText(match)} added`,
        });
        continue;
      }
      for (const field of ["states", "exceptStates"] as const) {
        const was = new Set(previous[field] ?? []);
        const is = new Set(match[field] ?? []);
        const added = [...is].filter((state) => !was.has(state));
        const removed = [...was].filter((state) => !is.has(state));
        const words = field === "states" ? "states" : "excepted states";
        if (added.length > 0) {
          out.push({
            area: "territories",
            kind: "added",
            subject,
            field,
            to: added.join(", "),
            text: `Territory ${subject}: ${match.country} ${words} ${added.join(", ")} added`,
          });
        }
        if (removed.length > 0) {
          out.push({
            area: "territories",
            kind: "removed",
            subject,
            field,
            from: removed.join(", "),
            text: `Territory ${subject}: ${match.country} ${words} ${removed.join(", ")} removed`,
          });
        }
      }
    }
    for (const match of old.matches) {
      if (!newCountries.has(match.country.toUpperCase())) {
        out.push({
          area: "territories",
          kind: "removed",
          subject,
          from: clauseText(match),
          text: `Territory ${subject}: ${clauseText(match)} removed`,
        });
      }
    }
    if ((old.label ?? "") !== (territory.label ?? "")) {
      out.push({
        area: "territories",
        kind: "changed",
        subject,
        field: "label",
        from: old.label ?? "",
        to: territory.label ?? "",
        text: `Territory ${subject}: label ${old.label ?? "(none)"} -> ${territory.label ?? "(none)"}`,
      });
    }
  }
  const now = new Set(head.territories.map((territory) => territory.id));
  for (const old of base.territories) {
    if (!now.has(old.id)) {
      out.push({
        area: "territories",
        kind: "removed",
        subject: old.id,
        from: describe(old.matches),
        text: `Territory ${old.id} removed (was: ${describe(old.matches)})`,
      });
    }
  }
  return out;
}

function segmentText(segment: SegmentConfig): string {
  const range =
    segment.minEmployees !== undefined && segment.maxEmployees !== undefined
      ? `${segment.minEmployees}-${segment.maxEmployees} employees`
      : segment.minEmployees !== undefined
        ? `${segment.minEmployees}+ employees`
        : segment.maxEmployees !== undefined
          ? `up to ${segment.maxEmployees} employees`
          : "any size";
  return `${range}${segment.whenUnknown ? ", and unknown size" : ""}`;
}

/** Queues, territories, segments, SLA policies (and the SLA per intent) and calendars. */
export function settingsChanges(head: RoutingConfig, base: RoutingConfig): RoutingChange[] {
  const queues = byId(
    "queues",
    "Queue",
    head.queues,
    base.queues,
    (queue) => `backup owner ${queue.backupOwner}, calendar ${queue.calendar}`,
    (queue) => ({ label: queue.label ?? "", "backup owner": queue.backupOwner, calendar: queue.calendar }),
  );
  const segments = byId("segments", "Segment", head.segments, base.segments, segmentText, (segment) => ({
    size: segmentText(segment),
  }));
  const policies = byId(
    "SLA policies",
    "SLA policy",
    head.slaPolicies,
    base.slaPolicies,
    (policy) => describeSlaTarget(policy.target),
    (policy) => ({ label: policy.label ?? "", target: describeSlaTarget(policy.target) }),
  );
  for (const intent of ["high", "standard", "low"] as const) {
    const from = base.systems.inbound.slaByIntent[intent] ?? "none";
    const to = head.systems.inbound.slaByIntent[intent] ?? "none";
    if (from !== to) {
      policies.push({
        area: "SLA policies",
        kind: "changed",
        subject: `intent ${intent}`,
        field: "slaByIntent",
        from,
        to,
        text: `SLA policy for ${intent}-intent inbound leads: ${from} -> ${to}`,
      });
    }
  }
  const calendars = byId(
    "calendars",
    "Calendar",
    head.calendars,
    base.calendars,
    (calendar) => calendar.timeZone,
    (calendar) => ({
      "time zone": calendar.timeZone,
      "weekly hours": Object.entries(calendar.weeklyHours)
        .map(([day, hours]) => `${day} ${list(hours)}`)
        .join("; "),
      holidays: list(calendar.holidays),
    }),
  );
  if (head.defaultCalendar !== base.defaultCalendar) {
    calendars.push({
      area: "calendars",
      kind: "changed",
      subject: "defaultCalendar",
      from: base.defaultCalendar,
      to: head.defaultCalendar,
      text: `Default calendar: ${base.defaultCalendar} -> ${head.defaultCalendar}`,
    });
  }
  return [...queues, ...territoryChanges(head, base), ...segments, ...policies, ...calendars];
}

/** True when two values are the same config (key order aside). */
export const sameValue = (a: unknown, b: unknown) => canonical(a) === canonical(b);
