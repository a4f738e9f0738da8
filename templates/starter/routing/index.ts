/**
 * Your lead routing. A small starting point: one office calendar, three people, two pools, one
 * queue, one territory, four source types and the rules that use them. Change it freely: every
 * id is yours. Validate with `npx routeops validate`, test with `npx routeops test`.
 *
 * Hover over a key in your editor to read what it means; the full model, and a larger example
 * organisation (`npx routeops init --reference`), are in the routeops package.
 */
import { defineRouting } from "routeops";

const weekdays9to5 = {
  mon: ["09:00-17:00"],
  tue: ["09:00-17:00"],
  wed: ["09:00-17:00"],
  thu: ["09:00-17:00"],
  fri: ["09:00-17:00"],
};

export default defineRouting({
  version: "1",
  calendars: [{ id: "office", timeZone: "America/New_York", weeklyHours: weekdays9to5, holidays: ["2026-12-25"] }],
  defaultCalendar: "office",
  reps: [
    { email: "alex@example.com", name: "Alex Doe", role: "AE", calendar: "office", territories: ["north-america"] },
    { email: "sam@example.com", name: "Sam Roe", role: "SDR", calendar: "office", territories: ["north-america"] },
    { email: "robin@example.com", name: "Robin Poe", role: "RevOps", calendar: "office", territories: [] },
  ],
  pools: [
    { id: "inbound-ae", label: "Inbound AEs", calendar: "office", members: [{ rep: "alex@example.com", weight: 1 }] },
    { id: "inbound-sdr", label: "Inbound SDRs", calendar: "office", members: [{ rep: "sam@example.com", weight: 1 }] },
  ],
  queues: [{ id: "routing-desk", label: "Routing desk", backupOwner: "robin@example.com", calendar: "office" }],
  territories: [{ id: "north-america", label: "North America", matches: [{ country: "US" }, { country: "CA" }] }],
  segments: [
    { id: "enterprise", minEmployees: 1000 },
    { id: "smb", maxEmployees: 999, whenUnknown: true },
  ],
  sources: [
    {
      id: "inbound_demo_request",
      label: "Inbound: demo request",
      system: "inbound",
      intent: "high",
      matchers: [{ event: "form_submission", formId: ["demo-request"] }, { event: "meeting_booked" }],
    },
    {
      id: "inbound_contact_form",
      label: "Inbound: contact form",
      system: "inbound",
      intent: "standard",
      matchers: [{ event: "form_submission", formId: ["contact-us"] }],
    },
    {
      id: "outbound_sequence_reply",
      label: "Outbound: sequence reply",
      system: "outbound",
      matchers: [{ event: "sequence_reply" }],
    },
    {
      id: "outbound_event",
      label: "Outbound: event badge scan",
      system: "outbound",
      matchers: [{ event: "list_import", importSourcePrefix: ["event:"] }],
    },
  ],
  slaPolicies: [
    { id: "inbound-high", label: "High-intent inbound", target: { unit: "business_minutes", amount: 60 } },
    { id: "inbound-standard", label: "Standard inbound", target: { unit: "business_hours", amount: 4 } },
    { id: "outbound-reply", label: "Sequence reply, same business day", target: { unit: "end_of_business_day" } },
  ],
  systems: {
    inbound: {
      slaByIntent: { high: "inbound-high", standard: "inbound-standard", low: "inbound-standard" },
      rules: [
        {
          id: "inbound-account-owner",
          description: "Contacts of an owned account go to the account owner.",
          when: { companyHasOwner: true },
          outcome: { type: "owner", from: "account_owner" },
          sla: "by_intent",
          notification: "urgent",
        },
        {
          id: "inbound-high-intent",
          description: "Demo requests go to the AE pool.",
          when: { intent: ["high"], hasTerritory: true },
          outcome: { type: "pool", pool: "inbound-ae" },
          sla: "inbound-high",
          notification: "urgent",
        },
        {
          id: "inbound-standard",
          description: "Other inbound leads go to the SDR pool.",
          when: { intent: ["standard"], hasTerritory: true },
          outcome: { type: "pool", pool: "inbound-sdr" },
          sla: "inbound-standard",
          notification: "urgent",
        },
        {
          id: "inbound-fallback",
          description: "No contact exits without an assignment.",
          when: {},
          outcome: { type: "queue", queue: "routing-desk" },
          sla: "by_intent",
          notification: "urgent",
        },
      ],
    },
    outbound: {
      rules: [
        {
          id: "outbound-sequence-owner",
          description: "A reply goes to the rep whose sequence it answers.",
          when: { sourceType: ["outbound_sequence_reply"] },
          outcome: { type: "owner", from: "event_owner" },
          sla: "outbound-reply",
          notification: "calm",
        },
        {
          id: "outbound-fallback",
          description: "Other outbound leads (event badge scans) go to the routing desk.",
          when: {},
          outcome: { type: "queue", queue: "routing-desk" },
          sla: "outbound-reply",
          notification: "calm",
        },
      ],
    },
  },
  reengagement: {
    lookbackDays: 365,
    touchKinds: ["sequence_enrollment", "call", "event"],
    intent: "high",
    rules: [
      {
        id: "reengagement-original-rep",
        when: {},
        handoff: "original_rep",
        sla: "inbound-high",
        notification: "urgent",
      },
    ],
    attribution: { originalRep: 50, handler: 50 },
  },
  unclassified: { rule: "unclassified", queue: "routing-desk", sla: null, notification: "none" },
});
