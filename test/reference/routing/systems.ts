import type { InboundSystemConfig, OutboundSystemConfig } from "routeops";

const naPools = { "na-east": "inbound-ae-na-east", "na-west": "inbound-ae-na-west", emea: "inbound-ae-emea" };

/** Inbound: optimised for speed. Priority-ordered, the first match wins. */
export const inbound: InboundSystemConfig = {
  slaByIntent: { high: "inbound-high", standard: "inbound-standard", low: "inbound-standard" },
  rules: [
    {
      id: "inbound-account-owner",
      description: "Account-owned contacts always go to the rep who owns the relationship.",
      when: { companyHasOwner: true },
      outcome: { type: "owner", from: "account_owner" },
      sla: "by_intent",
      notification: "urgent",
    },
    {
      id: "inbound-enterprise",
      description: "High-intent enterprise leads in North America go to the enterprise AE pool.",
      when: { intent: ["high"], territory: ["na-east", "na-west"], segment: ["enterprise"] },
      outcome: { type: "pool", pool: "enterprise-na" },
      sla: "inbound-high",
      notification: "urgent",
    },
    {
      id: "inbound-high-intent",
      description: "High-intent leads go to the territory's inbound AE pool.",
      when: { intent: ["high"], hasTerritory: true },
      outcome: { type: "pool", byTerritory: naPools },
      sla: "inbound-high",
      notification: "urgent",
      // When the territory's pool is capped or away, the routing desk takes the lead (same SLA).
      overflow: { type: "queue", queue: "routing-desk" },
    },
    {
      id: "inbound-nurture",
      description: "Low-intent leads go to nurture, not to a rep.",
      when: { intent: ["low"] },
      outcome: { type: "nurture", sequence: "nurture-content" },
      sla: null,
      notification: "none",
    },
    {
      id: "inbound-standard",
      description: "Standard-intent leads go to the territory's inbound SDR pool.",
      when: { intent: ["standard"], hasTerritory: true },
      outcome: {
        type: "pool",
        byTerritory: { "na-east": "inbound-sdr-na", "na-west": "inbound-sdr-na", emea: "inbound-sdr-emea" },
      },
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
};

/** Outbound: optimised for continuity with the rep who started the conversation. */
export const outbound: OutboundSystemConfig = {
  rules: [
    {
      id: "outbound-sequence-owner",
      when: { sourceType: ["outbound_sequence_reply"] },
      outcome: { type: "owner", from: "event_owner" },
      sla: "outbound-reply",
      notification: "calm",
    },
    {
      id: "outbound-caller",
      when: { sourceType: ["outbound_cold_call"] },
      outcome: { type: "owner", from: "event_owner" },
      sla: "outbound-call",
      notification: "calm",
    },
    {
      id: "outbound-account-owner",
      when: { sourceType: ["outbound_event"], companyHasOwner: true },
      outcome: { type: "owner", from: "account_owner" },
      sla: "outbound-event",
      notification: "calm",
    },
    {
      id: "outbound-event-territory",
      when: { sourceType: ["outbound_event"], hasTerritory: true },
      outcome: {
        type: "pool",
        byTerritory: { "na-east": "outbound-na", "na-west": "outbound-na", emea: "outbound-emea" },
      },
      sla: "outbound-event",
      notification: "calm",
    },
    {
      id: "outbound-fallback",
      when: {},
      outcome: { type: "queue", queue: "routing-desk" },
      sla: "outbound-event",
      notification: "calm",
    },
  ],
};
