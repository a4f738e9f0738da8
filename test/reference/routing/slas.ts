import type { SlaPolicyConfig } from "routeops";

export const slaPolicies: SlaPolicyConfig[] = [
  { id: "inbound-high", label: "High-intent inbound", target: { unit: "business_minutes", amount: 60 } },
  { id: "inbound-standard", label: "Standard inbound", target: { unit: "business_hours", amount: 4 } },
  { id: "reengagement", label: "Re-engagement", target: { unit: "business_minutes", amount: 60 } },
  { id: "outbound-reply", label: "Sequence reply, same business day", target: { unit: "end_of_business_day" } },
  {
    id: "outbound-call",
    label: "Cold call follow-up (24 business hours)",
    target: { unit: "business_days", amount: 1 },
  },
  { id: "outbound-event", label: "Event follow-up (48 business hours)", target: { unit: "business_days", amount: 2 } },
];
