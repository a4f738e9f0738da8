/**
 * A generated organisation of any size, for report tests that must not depend on the reference
 * config: reps spread over an EMEA and a North America pool (weights 1 to 3), territories, one
 * inbound and one outbound source type, rules, re-engagement, the unclassified catch.
 */
import type { RepConfig, RoutingConfig } from "../../src/config/types";

const WEEKDAYS = {
  mon: ["09:00-17:00"],
  tue: ["09:00-17:00"],
  wed: ["09:00-17:00"],
  thu: ["09:00-17:00"],
  fri: ["09:00-17:00"],
};

/** `reps` reps; `names` gives the display name of rep i (default `Rep i`). */
export function organisation(reps: number, names: (i: number) => string = (i) => `Rep ${i}`): RoutingConfig {
  const people: RepConfig[] = Array.from({ length: reps }, (_, i) => ({
    email: `rep${String(i).padStart(4, "0")}@acme.test`,
    name: names(i),
    role: i % 2 === 0 ? "AE" : "SDR",
    calendar: i % 2 === 0 ? "emea" : "na",
    territories: [i % 2 === 0 ? "emea" : "na"],
  }));
  const members = (parity: number) =>
    people.filter((_, i) => i % 2 === parity).map((rep, i) => ({ rep: rep.email, weight: 1 + (i % 3) }));
  return {
    version: "2026.12.1",
    calendars: [
      { id: "emea", timeZone: "Europe/Berlin", weeklyHours: WEEKDAYS },
      { id: "na", timeZone: "America/New_York", weeklyHours: WEEKDAYS },
    ],
    reps: people,
    pools: [
      { id: "emea", label: "EMEA AEs", calendar: "emea", members: members(0) },
      { id: "na", label: "North America SDRs", calendar: "na", members: members(1) },
    ],
    queues: [{ id: "desk", label: "Routing desk", backupOwner: people[0]!.email, calendar: "emea" }],
    territories: [
      { id: "emea", matches: [{ country: "DE" }, { country: "FR" }, { country: "GB" }] },
      { id: "na", matches: [{ country: "US" }, { country: "CA", states: ["ON", "QC"] }] },
    ],
    segments: [{ id: "all", whenUnknown: true }],
    sources: [
      {
        id: "inbound_demo",
        label: "Inbound: demo request",
        system: "inbound",
        intent: "high",
        matchers: [{ event: "form_submission", formId: ["demo"] }],
      },
      { id: "outbound_reply", label: "Outbound: reply", system: "outbound", matchers: [{ event: "sequence_reply" }] },
    ],
    slaPolicies: [
      { id: "fast", label: "Fast", target: { unit: "business_minutes", amount: 60 } },
      { id: "day", label: "Same day", target: { unit: "end_of_business_day" } },
    ],
    systems: {
      inbound: {
        slaByIntent: { high: "fast", standard: "day", low: null },
        rules: [
          {
            id: "inbound-territory",
            when: { hasTerritory: true },
            outcome: { type: "pool", byTerritory: { emea: "emea", na: "na" } },
            sla: "by_intent",
            notification: "urgent",
          },
          { id: "inbound-rest", when: {}, outcome: { type: "queue", queue: "desk" }, sla: "day", notification: "calm" },
        ],
      },
      outbound: {
        rules: [
          {
            id: "outbound-owner",
            when: {},
            outcome: { type: "queue", queue: "desk" },
            sla: "day",
            notification: "calm",
          },
        ],
      },
    },
    reengagement: {
      lookbackDays: 365,
      touchKinds: ["sequence_enrollment", "call"],
      intent: "high",
      rules: [{ id: "reengagement-pool", when: {}, handoff: "inbound_pool", sla: "fast", notification: "urgent" }],
      attribution: { originalRep: 50, handler: 50 },
    },
    unclassified: { rule: "unclassified", queue: "desk", sla: null, notification: "none" },
    defaultCalendar: "emea",
  };
}
