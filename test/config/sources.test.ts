import { describe, expect, it } from "vitest";
import type { RoutingConfig } from "../../src/config";
import { byId, findingsAfter, messagesAfter } from "./broken-config";

describe("source types", () => {
  it("reports an intent on an outbound source type", () => {
    expect(
      findingsAfter((c) => {
        byId(c.sources, "outbound_event").intent = "high";
      }),
    ).toEqual([["intent_on_outbound_source", "error", "sources.outbound_event.intent"]]);
  });

  it("reports an inbound source type without an intent", () => {
    expect(
      findingsAfter((c) => {
        delete byId(c.sources, "inbound_general_form").intent;
      }),
    ).toEqual([["missing_intent", "error", "sources.inbound_general_form.intent"]]);
  });

  it("warns about a source type that earlier source types shadow completely", () => {
    const change = (c: RoutingConfig) => {
      c.sources.push({
        id: "inbound_meeting",
        label: "Inbound: meeting",
        system: "inbound",
        intent: "high",
        matchers: [{ event: "meeting_booked" }],
      });
    };
    expect(findingsAfter(change)).toEqual([["unreachable_source_type", "warning", "sources.inbound_meeting"]]);
    expect(messagesAfter(change)[0]).toContain("(inbound_demo_request)");
  });

  it("warns about one matcher that an earlier source type shadows", () => {
    expect(
      findingsAfter((c) => {
        byId(c.sources, "inbound_content_download").matchers.push({
          event: "form_submission",
          formId: ["demo-request"],
        });
      }),
    ).toEqual([["shadowed_matcher", "warning", "sources.inbound_content_download.matchers[2]"]]);
  });

  it("sees a form id shadowed by an earlier form id prefix", () => {
    expect(
      findingsAfter((c) => {
        byId(c.sources, "inbound_general_form").matchers.push({ event: "form_submission", formId: ["ebook-2026"] });
      }),
    ).toEqual([["shadowed_matcher", "warning", "sources.inbound_general_form.matchers[1]"]]);
  });

  it("does not call a narrower earlier matcher a shadow of a wider later one", () => {
    expect(
      findingsAfter((c) => {
        byId(c.sources, "inbound_general_form").matchers.push({ event: "form_submission", formIdPrefix: ["demo"] });
      }),
    ).toEqual([]);
  });

  it("warns about a source type with no matchers", () => {
    expect(
      findingsAfter((c) => {
        byId(c.sources, "outbound_event").matchers = [];
      }),
    ).toEqual([["unreachable_source_type", "warning", "sources.outbound_event.matchers"]]);
  });
});

describe("policy numbers", () => {
  it("reports an SLA amount that is not positive", () => {
    expect(
      findingsAfter((c) => {
        byId(c.slaPolicies, "inbound-high").target = { unit: "business_minutes", amount: 0 };
        byId(c.slaPolicies, "outbound-call").target = { unit: "business_days", amount: -1 };
      }),
    ).toEqual([
      ["invalid_sla_amount", "error", "slaPolicies.inbound-high.target.amount"],
      ["invalid_sla_amount", "error", "slaPolicies.outbound-call.target.amount"],
    ]);
  });

  it("reports attribution that does not add up to 100", () => {
    const change = (c: RoutingConfig) => {
      c.reengagement.attribution = { originalRep: 60, handler: 50 };
    };
    expect(findingsAfter(change)).toEqual([["attribution_not_100", "error", "reengagement.attribution"]]);
    expect(messagesAfter(change)[0]).toContain("= 110%");
  });

  it("reports a negative attribution share even when the sum is 100", () => {
    expect(
      findingsAfter((c) => {
        c.reengagement.attribution = { originalRep: 120, handler: -20 };
      }),
    ).toEqual([["attribution_not_100", "error", "reengagement.attribution"]]);
  });

  it("reports a lookback that is not a positive whole number of days", () => {
    expect(findingsAfter((c) => void (c.reengagement.lookbackDays = 0))).toEqual([
      ["invalid_lookback_days", "error", "reengagement.lookbackDays"],
    ]);
    expect(findingsAfter((c) => void (c.reengagement.lookbackDays = 30.5))).toEqual([
      ["invalid_lookback_days", "error", "reengagement.lookbackDays"],
    ]);
  });
});
