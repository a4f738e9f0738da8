/**
 * Small hand-built routing config and contacts for the audit's metric tests. Figures expected by
 * the tests are worked out by hand from these, next to each test.
 */
import type { RoutingConfig } from "../../src/config/types";
import type { AuditContact, AuditOwner } from "../../src/audit/contact";

/** New York business hours, with Thanksgiving and the day after off (Thu 26 and Fri 27 Nov 2026). */
export const config: RoutingConfig = {
  version: "test.1",
  calendars: [
    {
      id: "ny",
      timeZone: "America/New_York",
      weeklyHours: {
        mon: ["09:00-17:00"],
        tue: ["09:00-17:00"],
        wed: ["09:00-17:00"],
        thu: ["09:00-17:00"],
        fri: ["09:00-17:00"],
      },
      holidays: ["2026-11-26", "2026-11-27"],
    },
    { id: "london", timeZone: "Europe/London", weeklyHours: { mon: ["09:00-17:00"], tue: ["09:00-17:00"] } },
  ],
  reps: [
    { email: "ann@acme.test", name: "Ann Avery", role: "AE", calendar: "ny", territories: ["east"] },
    { email: "bob@acme.test", name: "Bob Brown", role: "AE", calendar: "london", territories: ["uk"] },
    { email: "cat@acme.test", name: "Cat Cole", role: "hunter", calendar: "ny", territories: ["east"] },
    { email: "dan@acme.test", name: "Dan Dale", role: "AE", calendar: "ny", territories: ["east"] },
    {
      email: "old@acme.test",
      name: "Old Owner",
      role: "hunter",
      calendar: "ny",
      territories: ["east"],
      active: false,
      replacedBy: "cat@acme.test",
    },
  ],
  pools: [{ id: "ae-pool", calendar: "ny", members: [{ rep: "ann@acme.test" }, { rep: "dan@acme.test" }] }],
  queues: [{ id: "desk", backupOwner: "ann@acme.test", calendar: "ny" }],
  territories: [
    { id: "east", matches: [{ country: "US" }] },
    { id: "uk", matches: [{ country: "GB" }] },
  ],
  segments: [],
  sources: [
    {
      id: "demo",
      label: "Inbound: demo",
      system: "inbound",
      intent: "high",
      matchers: [{ event: "form_submission", formId: ["demo"] }],
    },
    {
      id: "ebook",
      label: "Inbound: ebook",
      system: "inbound",
      intent: "low",
      matchers: [{ event: "form_submission", formId: ["ebook"] }],
    },
    { id: "reply", label: "Outbound: reply", system: "outbound", matchers: [{ event: "sequence_reply" }] },
    {
      id: "event",
      label: "Outbound: event",
      system: "outbound",
      matchers: [{ event: "list_import", importSourcePrefix: ["event:"] }],
    },
  ],
  slaPolicies: [{ id: "fast", target: { unit: "business_minutes", amount: 60 } }],
  systems: {
    inbound: {
      slaByIntent: { high: "fast", standard: "fast", low: null },
      rules: [
        {
          id: "in-nurture",
          when: { intent: ["low"] },
          outcome: { type: "nurture", sequence: "n" },
          sla: null,
          notification: "none",
        },
        { id: "in-pool", when: {}, outcome: { type: "pool", pool: "ae-pool" }, sla: "fast", notification: "urgent" },
      ],
    },
    outbound: {
      rules: [
        {
          id: "out-owner",
          when: {},
          outcome: { type: "owner", from: "event_owner" },
          sla: "fast",
          notification: "calm",
        },
      ],
    },
  },
  reengagement: {
    lookbackDays: 365,
    touchKinds: ["sequence_enrollment"],
    intent: "high",
    rules: [{ id: "re-original", when: {}, handoff: "original_rep", sla: "fast", notification: "urgent" }],
    attribution: { originalRep: 50, handler: 50 },
  },
  unclassified: { rule: "unclassified", queue: "desk", sla: null, notification: "none" },
  defaultCalendar: "ny",
};

export const owners: AuditOwner[] = [
  { id: "1", email: "ann@acme.test", archived: false },
  { id: "2", email: "bob@acme.test", archived: false },
  { id: "3", email: "cat@acme.test", archived: false },
  { id: "4", email: "DAN@acme.test", archived: true },
  { id: "5", email: "old@acme.test", archived: true },
  { id: "9", email: "stranger@else.test", firstName: "Sam", lastName: "Stranger", archived: false },
];

/** An instant from an ISO string, for readability. */
export const at = (iso: string): number => Date.parse(iso);

let nextId = 1000;

/** A contact with the given properties (ISO instants are kept as strings, as HubSpot sends them). */
export function contact(properties: Record<string, string | null>, id = String(nextId++)): AuditContact {
  return { id, properties };
}

/** A routed lead's managed properties. */
export function routed(
  system: string,
  sourceType: string | null,
  routedAt: string,
  extra: Record<string, string | null> = {},
): Record<string, string | null> {
  return {
    createdate: routedAt,
    routeops_system: system,
    routeops_source_type: sourceType,
    routeops_routed_at: routedAt,
    ...extra,
  };
}

import { startAudit } from "../../src/audit/audit";
import type { AuditReport } from "../../src/audit/model";

/** The window most tests use: two weeks ending Monday 30 Nov 2026 00:00 UTC; "now" is 18:00 that day. */
export const window = { from: at("2026-11-16T00:00:00Z"), to: at("2026-11-30T00:00:00Z") };
export const now = at("2026-11-30T18:00:00Z");

export function audit(
  contacts: AuditContact[],
  options: { window?: { from: number; to: number }; now?: number; config?: RoutingConfig; portalId?: string } = {},
): AuditReport {
  const run = startAudit({
    config: options.config ?? config,
    owners,
    window: options.window ?? window,
    now: options.now ?? now,
    portalId: options.portalId ?? "4242",
  });
  for (const c of contacts) run.add(c);
  return run.finish([]);
}
