import type { SourceTypeConfig } from "routeops";

/**
 * The source identification layer: evaluated in this order, the first match wins. A contact that
 * matches none is unclassified (see `unclassified` in index.ts).
 */
export const sources: SourceTypeConfig[] = [
  {
    id: "inbound_demo_request",
    label: "Inbound: demo request",
    system: "inbound",
    intent: "high",
    matchers: [{ event: "form_submission", formId: ["demo-request"] }, { event: "meeting_booked" }],
  },
  {
    id: "inbound_pricing_page",
    label: "Inbound: pricing page",
    system: "inbound",
    intent: "high",
    matchers: [{ event: "form_submission", pagePathPrefix: ["/pricing"] }],
  },
  {
    id: "inbound_chatbot",
    label: "Inbound: chatbot",
    system: "inbound",
    intent: { rules: [{ when: { chatQualified: true }, intent: "high" }], otherwise: "standard" },
    matchers: [{ event: "chat_completed" }],
  },
  {
    id: "inbound_content_download",
    label: "Inbound: content download",
    system: "inbound",
    intent: { rules: [{ when: { segment: ["mid-market", "enterprise"] }, intent: "standard" }], otherwise: "low" },
    matchers: [
      { event: "form_submission", formIdPrefix: ["ebook-", "whitepaper-"] },
      { event: "form_submission", formId: ["newsletter"] },
    ],
  },
  {
    id: "inbound_general_form",
    label: "Inbound: general form",
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
    id: "outbound_cold_call",
    label: "Outbound: cold call",
    system: "outbound",
    matchers: [{ event: "call_logged", callOutcome: ["connected"] }],
  },
  {
    id: "outbound_event",
    label: "Outbound: event",
    system: "outbound",
    matchers: [{ event: "list_import", importSourcePrefix: ["event:"] }],
  },
];
