import type { ReengagementConfig, UnclassifiedConfig } from "routeops";

/**
 * Re-engagement is checked before any inbound rule: an inbound lead with an outbound touch by a
 * rep in the last 365 days belongs to that rep (after replacements), unless the rep does not
 * cover the contact's territory; then the inbound rules decide and the rep collaborates.
 */
export const reengagement: ReengagementConfig = {
  lookbackDays: 365,
  touchKinds: ["sequence_enrollment", "call", "event"],
  intent: "high",
  rules: [
    {
      id: "reengagement-original-rep",
      when: { originalRepCoversTerritory: true },
      handoff: "original_rep",
      sla: "reengagement",
      notification: "urgent",
    },
    {
      id: "reengagement-collaborative",
      when: {},
      handoff: "collaborative",
      sla: "reengagement",
      notification: "urgent",
    },
  ],
  // Conversion credit for re-engagements is split 50/50 between the original outbound rep and
  // the rep who handled the inbound lead.
  attribution: { originalRep: 50, handler: 50 },
};

/** Contacts that no source type classifies are caught, never lost. */
export const unclassified: UnclassifiedConfig = {
  rule: "unclassified",
  queue: "routing-desk",
  sla: null,
  notification: "none",
};
