import { describe, expect, it } from "vitest";
import type { RouteEvent } from "../../src/engine";
import { pagePath } from "../../src/engine";
import { routeLead } from "./leads";

const sourceOf = (event: RouteEvent) => routeLead({ country: "US", event }).sourceType;

describe("source identification layer (reference order)", () => {
  it("a demo-request form is inbound_demo_request", () => {
    expect(sourceOf({ kind: "form_submission", formId: "demo-request" })).toBe("inbound_demo_request");
  });

  it("a booked meeting is inbound_demo_request", () => {
    expect(sourceOf({ kind: "meeting_booked", meetingType: "demo" })).toBe("inbound_demo_request");
  });

  it("a demo-request form on the pricing page is still a demo request (first match wins)", () => {
    expect(sourceOf({ kind: "form_submission", formId: "demo-request", pageUrl: "https://acme.test/pricing" })).toBe(
      "inbound_demo_request",
    );
  });

  it("any other form on a /pricing page is inbound_pricing_page, absolute or relative URL", () => {
    expect(sourceOf({ kind: "form_submission", formId: "quote", pageUrl: "https://acme.test/pricing?plan=pro" })).toBe(
      "inbound_pricing_page",
    );
    expect(sourceOf({ kind: "form_submission", formId: "quote", pageUrl: "/pricing/enterprise#faq" })).toBe(
      "inbound_pricing_page",
    );
    expect(sourceOf({ kind: "form_submission", formId: "quote", pageUrl: "HTTPS://ACME.TEST/Pricing" })).toBe(
      "inbound_pricing_page",
    );
  });

  it("a form elsewhere, or with no page URL, is not a pricing-page lead", () => {
    expect(
      sourceOf({ kind: "form_submission", formId: "quote", pageUrl: "https://acme.test/blog/pricing" }),
    ).toBeNull();
    expect(sourceOf({ kind: "form_submission", formId: "quote" })).toBeNull();
  });

  it("a completed chat is inbound_chatbot, qualified or not", () => {
    expect(sourceOf({ kind: "chat_completed", qualified: true })).toBe("inbound_chatbot");
    expect(sourceOf({ kind: "chat_completed", qualified: false })).toBe("inbound_chatbot");
  });

  it("ebook-*, whitepaper-* and newsletter forms are inbound_content_download", () => {
    expect(sourceOf({ kind: "form_submission", formId: "ebook-routing" })).toBe("inbound_content_download");
    expect(sourceOf({ kind: "form_submission", formId: "whitepaper-sla" })).toBe("inbound_content_download");
    expect(sourceOf({ kind: "form_submission", formId: "newsletter" })).toBe("inbound_content_download");
  });

  it("the contact-us form is inbound_general_form", () => {
    expect(sourceOf({ kind: "form_submission", formId: "contact-us" })).toBe("inbound_general_form");
  });

  it("a sequence reply is outbound_sequence_reply", () => {
    expect(sourceOf({ kind: "sequence_reply", owner: "jade.wilson@acme.test" })).toBe("outbound_sequence_reply");
  });

  it("a connected call is outbound_cold_call; a call with no outcome counts as connected", () => {
    expect(sourceOf({ kind: "call_logged", owner: "jade.wilson@acme.test", outcome: "connected" })).toBe(
      "outbound_cold_call",
    );
    expect(sourceOf({ kind: "call_logged", owner: "jade.wilson@acme.test" })).toBe("outbound_cold_call");
  });

  it("a call that did not connect is unclassified", () => {
    expect(sourceOf({ kind: "call_logged", owner: "jade.wilson@acme.test", outcome: "no_answer" })).toBeNull();
  });

  it("a list import from an event: source is outbound_event; other imports are unclassified", () => {
    expect(sourceOf({ kind: "list_import", importSource: "event:saastr-2026" })).toBe("outbound_event");
    expect(sourceOf({ kind: "list_import", importSource: "webinar:q3" })).toBeNull();
    expect(sourceOf({ kind: "list_import" })).toBeNull();
  });

  it("an unknown form and a contact created with no cause are unclassified", () => {
    expect(sourceOf({ kind: "form_submission", formId: "careers-apply" })).toBeNull();
    expect(sourceOf({ kind: "contact_created" })).toBeNull();
  });
});

describe("unclassified contacts are caught, never lost", () => {
  it("go to the routing-desk queue and its backup owner, with no SLA and no notification", () => {
    const decision = routeLead({ country: "US", state: "NY", event: { kind: "contact_created" } });
    expect(decision).toMatchObject({
      sourceType: null,
      system: "unclassified",
      rule: "unclassified",
      intent: null,
      queue: "routing-desk",
      owner: "mia.lopez@acme.test",
      pool: null,
      slaPolicy: null,
      slaDueAt: null,
      notification: "none",
      reengagement: false,
    });
  });

  it("even with outbound history (re-engagement is for inbound leads only)", () => {
    const history = [{ kind: "call" as const, owner: "jade.wilson@acme.test", at: "2026-02-01T15:00:00Z" }];
    const decision = routeLead({ country: "US", history, event: { kind: "contact_created" } });
    expect(decision.system).toBe("unclassified");
    expect(decision.reengagement).toBe(false);
  });
});

describe("pagePath", () => {
  it.each([
    ["https://acme.test/pricing?plan=pro", "/pricing"],
    ["//acme.test/Pricing/x", "/pricing/x"],
    ["/pricing#top", "/pricing"],
    ["pricing", "/pricing"],
    ["https://acme.test", "/"],
    ["https://acme.test?x=1", "/"],
  ])("%s -> %s", (url, path) => {
    expect(pagePath(url)).toBe(path);
  });

  it("is null without a URL", () => {
    expect(pagePath(undefined)).toBeNull();
    expect(pagePath("  ")).toBeNull();
  });
});
