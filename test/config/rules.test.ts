import { describe, expect, it } from "vitest";
import type { RoutingConfig, RuleConfig } from "../../src/config";
import { findingsAfter, messagesAfter, rule } from "./broken-config";

function insertAfter(config: RoutingConfig, id: string, added: RuleConfig): void {
  const rules = config.systems.inbound.rules;
  rules.splice(rules.findIndex((r) => r.id === id) + 1, 0, added);
}

describe("catch-all rules", () => {
  it("reports an inbound system whose last rule has a condition", () => {
    expect(
      findingsAfter((c) => {
        rule(c, "inbound-fallback").when = { hasTerritory: false };
      }),
    ).toEqual([["missing_catch_all", "error", "systems.inbound.rules.inbound-fallback.when"]]);
  });

  it("reports an outbound system with no rules, and the source types that then get no decision", () => {
    expect(
      findingsAfter((c) => {
        c.systems.outbound.rules = [];
      }),
    ).toEqual([
      ["missing_catch_all", "error", "systems.outbound.rules"],
      ["source_without_sla", "error", "sources.outbound_sequence_reply"],
      ["source_without_sla", "error", "sources.outbound_cold_call"],
      ["source_without_sla", "error", "sources.outbound_event"],
    ]);
  });

  it("reports re-engagement rules that do not end with a catch-all", () => {
    expect(
      findingsAfter((c) => {
        c.reengagement.rules.pop();
      }),
    ).toEqual([["missing_catch_all", "error", "reengagement.rules.reengagement-original-rep.when"]]);
  });
});

describe("shadowed rules", () => {
  it("reports a rule whose contacts an earlier always-deciding rule takes first", () => {
    const change = (c: RoutingConfig) =>
      insertAfter(c, "inbound-nurture", {
        id: "inbound-smb-low",
        when: { intent: ["low"], segment: ["smb"] },
        outcome: { type: "rep", rep: "gina.park@acme.test" },
        sla: "inbound-standard",
        notification: "urgent",
      });
    expect(findingsAfter(change)).toEqual([["shadowed_rule", "error", "systems.inbound.rules.inbound-smb-low"]]);
    expect(messagesAfter(change)[0]).toContain('the earlier rule "inbound-nurture" matches every contact it matches');
  });

  it("reports every rule after an early catch-all, the fallback included", () => {
    expect(
      findingsAfter((c) => {
        insertAfter(c, "inbound-account-owner", {
          id: "inbound-desk",
          when: {},
          outcome: { type: "queue", queue: "routing-desk" },
          sla: "inbound-standard",
          notification: "urgent",
        });
      }),
    ).toEqual([
      ["shadowed_rule", "error", "systems.inbound.rules.inbound-enterprise"],
      ["shadowed_rule", "error", "systems.inbound.rules.inbound-high-intent"],
      ["shadowed_rule", "error", "systems.inbound.rules.inbound-nurture"],
      ["shadowed_rule", "error", "systems.inbound.rules.inbound-standard"],
      ["shadowed_rule", "error", "systems.inbound.rules.inbound-fallback"],
    ]);
  });

  it("does not call a rule shadowed by an earlier pool rule, which may find nobody available", () => {
    expect(
      findingsAfter((c) =>
        insertAfter(c, "inbound-high-intent", {
          id: "inbound-high-emea-desk",
          when: { intent: ["high"], territory: ["emea"] },
          outcome: { type: "queue", queue: "routing-desk" },
          sla: "inbound-high",
          notification: "urgent",
        }),
      ),
    ).toEqual([]);
  });

  it("does not call a rule shadowed by an account-owner rule that does not require an owner", () => {
    expect(
      findingsAfter((c) => {
        rule(c, "outbound-account-owner").when = { sourceType: ["outbound_event"] };
      }),
    ).toEqual([]);
  });

  it("reports outbound rules after a source-type rule that takes every outbound source", () => {
    expect(
      findingsAfter((c) => {
        rule(c, "outbound-sequence-owner").when = {
          sourceType: ["outbound_sequence_reply", "outbound_cold_call", "outbound_event"],
        };
        rule(c, "outbound-sequence-owner").outcome = { type: "queue", queue: "routing-desk" };
      }),
    ).toEqual([
      ["shadowed_rule", "error", "systems.outbound.rules.outbound-caller"],
      ["shadowed_rule", "error", "systems.outbound.rules.outbound-account-owner"],
      ["shadowed_rule", "error", "systems.outbound.rules.outbound-event-territory"],
      ["shadowed_rule", "error", "systems.outbound.rules.outbound-fallback"],
    ]);
  });
});

describe("conditions where they cannot apply", () => {
  it("reports originalRepCoversTerritory outside re-engagement rules", () => {
    expect(
      findingsAfter((c) => {
        rule(c, "inbound-enterprise").when.originalRepCoversTerritory = true;
      }),
    ).toEqual([
      ["condition_not_applicable", "error", "systems.inbound.rules.inbound-enterprise.when.originalRepCoversTerritory"],
    ]);
  });

  it("reports intent in an outbound rule", () => {
    expect(
      findingsAfter((c) => {
        rule(c, "outbound-caller").when.intent = ["high"];
      }),
    ).toEqual([["condition_not_applicable", "error", "systems.outbound.rules.outbound-caller.when.intent"]]);
  });

  it("reports chatQualified where no chat source type can arrive", () => {
    expect(
      findingsAfter((c) => {
        rule(c, "outbound-event-territory").when.chatQualified = true;
      }),
    ).toEqual([
      ["condition_not_applicable", "error", "systems.outbound.rules.outbound-event-territory.when.chatQualified"],
    ]);
  });

  it("reports chatQualified in the intent rules of a source type that classifies no chat", () => {
    expect(
      findingsAfter((c) => {
        const intent = c.sources.find((s) => s.id === "inbound_content_download")!.intent;
        if (typeof intent !== "object") throw new Error("expected a conditional intent");
        intent.rules[0]!.when = { chatQualified: true };
      }),
    ).toEqual([
      ["condition_not_applicable", "error", "sources.inbound_content_download.intent.rules[0].when.chatQualified"],
    ]);
  });

  it("reports an intent test inside the rules that decide the intent", () => {
    expect(
      findingsAfter((c) => {
        const intent = c.sources.find((s) => s.id === "inbound_chatbot")!.intent;
        if (typeof intent !== "object") throw new Error("expected a conditional intent");
        intent.rules[0]!.when.intent = ["high"];
      }),
    ).toEqual([["condition_not_applicable", "error", "sources.inbound_chatbot.intent.rules[0].when.intent"]]);
  });

  it("reports a source type of the other system in a rule condition", () => {
    expect(
      findingsAfter((c) => {
        rule(c, "inbound-enterprise").when.sourceType = ["outbound_event"];
      }),
    ).toEqual([["condition_not_applicable", "error", "systems.inbound.rules.inbound-enterprise.when.sourceType[0]"]]);
  });

  it("reports a matcher field that does not belong to the matcher's event", () => {
    expect(
      findingsAfter((c) => {
        c.sources.find((s) => s.id === "outbound_sequence_reply")!.matchers[0]!.formId = ["reply-form"];
      }),
    ).toEqual([["condition_not_applicable", "error", "sources.outbound_sequence_reply.matchers[0].formId"]]);
  });
});

describe("outcomes that the deploy step cannot compile fully", () => {
  it("warns about a byTerritory map that misses a territory the rule lets through", () => {
    const change = (c: RoutingConfig) => {
      const outcome = rule(c, "inbound-standard").outcome;
      if (!("byTerritory" in outcome)) throw new Error("expected byTerritory");
      delete outcome.byTerritory.emea;
    };
    expect(findingsAfter(change)).toEqual([
      ["by_territory_incomplete", "warning", "systems.inbound.rules.inbound-standard.outcome.byTerritory"],
    ]);
    expect(messagesAfter(change)[0]).toContain('byTerritory has no pool for "emea"');
  });

  it("accepts a byTerritory map that covers the territories the condition allows", () => {
    expect(
      findingsAfter((c) => {
        const target = rule(c, "inbound-standard");
        target.when = { intent: ["standard"], territory: ["na-east", "na-west"] };
        target.outcome = { type: "pool", byTerritory: { "na-east": "inbound-sdr-na", "na-west": "inbound-sdr-na" } };
      }),
    ).toEqual([]);
  });

  it("warns when contacts without a territory can reach a byTerritory outcome", () => {
    expect(
      findingsAfter((c) => {
        rule(c, "inbound-high-intent").when = { intent: ["high"] };
      }),
    ).toEqual([
      ["by_territory_incomplete", "warning", "systems.inbound.rules.inbound-high-intent.outcome.byTerritory"],
    ]);
  });
});

describe("SLA decisions", () => {
  it("reports a source type that reaches no rule with an SLA", () => {
    expect(
      findingsAfter((c) => {
        rule(c, "outbound-sequence-owner").sla = null;
        rule(c, "outbound-fallback").sla = null;
      }),
    ).toEqual([["source_without_sla", "error", "sources.outbound_sequence_reply"]]);
  });

  it("accepts a source type whose leads reach an explicit nurture rule", () => {
    expect(
      findingsAfter((c) => {
        rule(c, "outbound-sequence-owner").outcome = { type: "nurture", sequence: "reply-nurture" };
        rule(c, "outbound-sequence-owner").sla = null;
        rule(c, "outbound-fallback").sla = null;
      }),
    ).toEqual([]);
  });

  it("reports by_intent on a rule that low-intent leads reach when slaByIntent.low is null", () => {
    const change = (c: RoutingConfig) => {
      c.systems.inbound.slaByIntent.low = null;
    };
    // Low intent never reaches the fallback: the nurture rule takes every low-intent lead first.
    expect(findingsAfter(change)).toEqual([
      ["by_intent_unresolved", "error", "systems.inbound.rules.inbound-account-owner.sla"],
    ]);
    expect(messagesAfter(change)[0]).toContain("low-intent leads reach this rule and slaByIntent.low is null");
  });

  it("counts pool rules' fallthrough to the fallback rule as reaching it", () => {
    expect(
      findingsAfter((c) => {
        c.systems.inbound.slaByIntent.standard = null;
      }),
    ).toEqual([
      ["by_intent_unresolved", "error", "systems.inbound.rules.inbound-account-owner.sla"],
      ["by_intent_unresolved", "error", "systems.inbound.rules.inbound-fallback.sla"],
    ]);
  });

  it("reports by_intent on an outbound rule and on the unclassified catch", () => {
    expect(
      findingsAfter((c) => {
        rule(c, "outbound-fallback").sla = "by_intent";
        c.unclassified.sla = "by_intent";
      }),
    ).toEqual([
      ["by_intent_unresolved", "error", "systems.outbound.rules.outbound-fallback.sla"],
      ["by_intent_unresolved", "error", "unclassified.sla"],
    ]);
  });

  it("resolves by_intent on a re-engagement rule through the re-engagement intent", () => {
    expect(
      findingsAfter((c) => {
        c.reengagement.rules[0]!.sla = "by_intent";
      }),
    ).toEqual([]);
    expect(
      findingsAfter((c) => {
        c.reengagement.rules[0]!.sla = "by_intent";
        c.reengagement.intent = "low";
        c.systems.inbound.slaByIntent.low = null;
      }),
    ).toContainEqual(["by_intent_unresolved", "error", "reengagement.rules.reengagement-original-rep.sla"]);
  });
});
