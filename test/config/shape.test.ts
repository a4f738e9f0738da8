import { describe, expect, it } from "vitest";
import type { RoutingConfig } from "../../src/config";
import { validateRouting } from "../../src/config/validate";
import { byId, findingsAfter, messagesAfter, referenceCopy, rule } from "./broken-config";

// Shape mistakes are written in ways the types would reject, so the copies are mutated untyped.
type Loose = Record<string, unknown>;
const loose = (value: unknown) => value as Loose;

describe("shape (zod) findings", () => {
  it("reports a value that is not an object at all", () => {
    const result = validateRouting("not a config");
    expect(result.config).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, d.path])).toEqual([["invalid_shape", ""]]);
  });

  it("reports an unknown property at its path, naming the element by id, with a did-you-mean", () => {
    const change = (c: RoutingConfig) => {
      loose(rule(c, "inbound-enterprise").when).segmnet = ["enterprise"];
    };
    expect(findingsAfter(change)).toEqual([
      ["invalid_shape", "error", "systems.inbound.rules.inbound-enterprise.when.segmnet"],
    ]);
    expect(messagesAfter(change)[0]).toContain('unknown property "segmnet" (did you mean "segment"?)');
  });

  it("reports a missing required property, naming the rep by email", () => {
    const change = (c: RoutingConfig) => {
      delete loose(c.reps[1]).role;
    };
    expect(findingsAfter(change)).toEqual([["invalid_shape", "error", "reps.ben.ortiz@acme.test.role"]]);
    expect(messagesAfter(change)[0]).toBe("missing: expected a string");
  });

  it("reports a value of the wrong type with what was expected and what was found", () => {
    const change = (c: RoutingConfig) => {
      loose(byId(c.pools, "inbound-ae-emea").members[1]).weight = "2";
    };
    expect(findingsAfter(change)).toEqual([["invalid_shape", "error", "pools.inbound-ae-emea.members[1].weight"]]);
    expect(messagesAfter(change)[0]).toBe('expected a number, got "2"');
  });

  it("reports a value outside a closed vocabulary with the allowed values", () => {
    const change = (c: RoutingConfig) => {
      loose(rule(c, "inbound-enterprise").when).intent = ["hi"];
    };
    expect(findingsAfter(change)).toEqual([
      ["invalid_shape", "error", "systems.inbound.rules.inbound-enterprise.when.intent[0]"],
    ]);
    expect(messagesAfter(change)[0]).toBe('expected one of "high", "standard" or "low", got "hi"');
  });

  it("reports an unknown outcome type on the type property", () => {
    const change = (c: RoutingConfig) => {
      rule(c, "inbound-fallback").outcome = loose({ type: "team", queue: "routing-desk" }) as never;
    };
    expect(findingsAfter(change)).toEqual([
      ["invalid_shape", "error", "systems.inbound.rules.inbound-fallback.outcome.type"],
    ]);
    expect(messagesAfter(change)[0]).toContain('"rep", "owner", "pool", "queue" or "nurture", got "team"');
  });

  it("follows the union branch that the outcome's type selects", () => {
    const change = (c: RoutingConfig) => {
      rule(c, "inbound-fallback").outcome = loose({ type: "queue" }) as never;
    };
    expect(findingsAfter(change)).toEqual([
      ["invalid_shape", "error", "systems.inbound.rules.inbound-fallback.outcome.queue"],
    ]);
  });

  it("lists the alternatives when the outcome fits two forms", () => {
    const change = (c: RoutingConfig) => {
      rule(c, "inbound-enterprise").outcome = loose({ type: "pool" }) as never;
    };
    expect(findingsAfter(change)).toEqual([
      ["invalid_shape", "error", "systems.inbound.rules.inbound-enterprise.outcome"],
    ]);
    expect(messagesAfter(change)[0]).toMatch(/either "pool" is required .* or "byTerritory" is required/);
  });

  it("says which kinds of value fit when the value fits none (a source type's intent)", () => {
    const change = (c: RoutingConfig) => {
      loose(byId(c.sources, "inbound_chatbot")).intent = "hgh";
    };
    expect(findingsAfter(change)).toEqual([["invalid_shape", "error", "sources.inbound_chatbot.intent"]]);
    expect(messagesAfter(change)[0]).toBe('expected one of "high", "standard" or "low", or an object, got "hgh"');
  });

  it("follows the branch of the intent union that fits the value's kind", () => {
    const change = (c: RoutingConfig) => {
      loose(byId(c.sources, "inbound_chatbot")).intent = { rules: [], otherwise: "medium" };
    };
    expect(findingsAfter(change)).toEqual([["invalid_shape", "error", "sources.inbound_chatbot.intent.otherwise"]]);
  });

  it("reports an empty id as must not be empty", () => {
    const change = (c: RoutingConfig) => {
      byId(c.calendars, "uk").id = "";
    };
    expect(findingsAfter(change)).toEqual([["invalid_shape", "error", "calendars[2].id"]]);
    expect(messagesAfter(change)[0]).toBe("must not be empty");
  });

  it("reports every shape issue, not only the first, and skips semantic rules", () => {
    const config = referenceCopy();
    loose(config.reps[0]).extra = true;
    loose(config.reengagement).lookbackDays = "365";
    byId(config.pools, "enterprise-na").calendar = "mars";
    const codes = validateRouting(config).diagnostics.map((d) => [d.code, d.path]);
    expect(codes).toEqual([
      ["invalid_shape", "reps.ava.reed@acme.test.extra"],
      ["invalid_shape", "reengagement.lookbackDays"],
    ]);
  });
});
