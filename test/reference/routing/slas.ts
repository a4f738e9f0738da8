import type { EscalationStep, SlaPolicyConfig } from "routeops";

/**
 * Inbound breach: remind the rep at once, tell the RevOps manager after 30 business minutes, and
 * reassign to the next available member of the pool after 60.
 */
const urgent: { escalation: EscalationStep[] } = {
  escalation: [
    { after: { unit: "business_minutes", amount: 0 }, action: "notify_rep" },
    { after: { unit: "business_minutes", amount: 30 }, action: "notify_manager", manager: "mia.lopez@acme.test" },
    { after: { unit: "business_minutes", amount: 60 }, action: "reassign" },
  ],
};

/** Outbound escalates calmly: a reminder an hour after the breach, then a note in the team channel a day later. */
const calm: { escalation: EscalationStep[] } = {
  escalation: [
    { after: { unit: "business_hours", amount: 1 }, action: "notify_rep" },
    { after: { unit: "business_days", amount: 1 }, action: "notify_channel", channel: "sales-escalations" },
  ],
};

export const slaPolicies: SlaPolicyConfig[] = [
  { id: "inbound-high", label: "High-intent inbound", ...urgent, target: { unit: "business_minutes", amount: 60 } },
  { id: "inbound-standard", label: "Standard inbound", target: { unit: "business_hours", amount: 4 } },
  { id: "reengagement", label: "Re-engagement", target: { unit: "business_minutes", amount: 60 } },
  { id: "outbound-reply", label: "Sequence reply, same business day", target: { unit: "end_of_business_day" } },
  {
    id: "outbound-call",
    label: "Cold call follow-up (24 business hours)",
    target: { unit: "business_days", amount: 1 },
    ...calm,
  },
  { id: "outbound-event", label: "Event follow-up (48 business hours)", target: { unit: "business_days", amount: 2 } },
];
