import { describe, expect, it } from "vitest";
import type { RoutingConfig } from "../../src/config/types";
import referenceConfig from "../reference/routing/index";
import { compileRouting, route as routeLead } from "../../src/engine";
import { createFixtureValidator, runFixtureSuite, type FixtureSource } from "../../src/fixtures";
import { decision } from "./support";

const validate = createFixtureValidator();
const config = {
  reengagement: { rules: [] },
  systems: { inbound: { rules: [{ id: "inbound-high-intent" }] }, outbound: { rules: [] } },
  unclassified: { rule: "unclassified" },
} as unknown as RoutingConfig;
const route = () => decision({ system: "inbound", rule: "inbound-high-intent" });

function fixture(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name,
    at: "2026-06-17T17:00:00Z",
    contact: {},
    event: { kind: "contact_created" },
    expect: { rule: "inbound-high-intent" },
    ...extra,
  };
}

function json(...fixtures: Record<string, unknown>[]): string {
  return JSON.stringify(fixtures.length === 1 ? fixtures[0] : fixtures, null, 2);
}

describe("running a suite", () => {
  it("fails a fixture whose name was already used, pointing at the first", () => {
    const sources: FixtureSource[] = [
      { file: "a.json", text: json(fixture("same name")) },
      { file: "b.json", text: json(fixture("other"), fixture("same name")) },
    ];
    const suite = runFixtureSuite(sources, { config, validate, route });
    expect(suite.results.map((r) => [r.file, r.status])).toEqual([
      ["a.json", "passed"],
      ["b.json", "passed"],
      ["b.json", "failed"],
    ]);
    expect(suite.results[2]?.problems[0]?.path).toBe("name");
    expect(suite.results[2]?.problems[0]?.message).toBe("duplicate fixture name, first used in a.json:1");
    expect(suite.summary).toEqual({ passed: 2, failed: 1, skipped: 0 });
  });

  it("gives every fixture a fresh rotation state, so identical leads get the same pick", () => {
    const compiled = compileRouting(referenceConfig);
    const lead = (name: string) =>
      fixture(name, {
        contact: { properties: { country: "US", state: "NY" } },
        event: { kind: "form_submission", formId: "demo-request" },
        expect: { pool: "inbound-ae-na-east" },
      });
    const sources = [{ file: "a.json", text: json(lead("first"), lead("second"), lead("third")) }];
    const suite = runFixtureSuite(sources, {
      config: referenceConfig,
      validate,
      route: (input, options) => routeLead(compiled, input, options),
    });
    // A shared state would hand the second lead to dan.kim (smooth weighted round robin 2:1).
    expect(suite.results.map((r) => r.decision?.rotationPick)).toEqual([
      "ava.reed@acme.test",
      "ava.reed@acme.test",
      "ava.reed@acme.test",
    ]);
  });

  it("routes a passing fixture once, without a trace, and a failing one again with its trace", () => {
    const calls: boolean[] = [];
    const sources = [
      { file: "a.json", text: json(fixture("passes"), fixture("fails", { expect: { rule: "inbound-fallback" } })) },
    ];
    const suite = runFixtureSuite(sources, {
      config,
      validate,
      route: (_input, options) => {
        calls.push(options.trace);
        return route();
      },
    });
    expect(calls).toEqual([false, false, true]);
    expect(suite.summary).toEqual({ passed: 1, failed: 1, skipped: 0 });
  });

  it("covers the inbound rule that decided a collaborative re-engagement", () => {
    const compiled = compileRouting(referenceConfig);
    const collaborative = fixture("kofi's contact in New York", {
      contact: {
        properties: { country: "US", state: "NY" },
        history: [{ kind: "call", owner: "kofi.mensah@acme.test", at: "2026-05-01T10:00:00Z" }],
      },
      event: { kind: "form_submission", formId: "demo-request" },
      expect: { rule: "reengagement-collaborative", pool: "inbound-ae-na-east" },
    });
    const suite = runFixtureSuite([{ file: "a.json", text: json(collaborative) }], {
      config: referenceConfig,
      validate,
      route: (input, options) => routeLead(compiled, input, options),
    });
    expect(suite.summary.passed).toBe(1);
    const reached = suite.coverage.rules.filter((r) => r.fixtures > 0).map((r) => `${r.system}/${r.id}`);
    expect(reached).toEqual(["reengagement/reengagement-collaborative", "inbound/inbound-high-intent"]);
  });

  it("counts a fixture with skip as skipped, without routing it", () => {
    let routed = 0;
    const sources = [{ file: "a.json", text: json(fixture("later", { skip: "waiting for the new territory" })) }];
    const suite = runFixtureSuite(sources, {
      config,
      validate,
      route: () => {
        routed++;
        return route();
      },
    });
    expect(routed).toBe(0);
    expect(suite.summary).toEqual({ passed: 0, failed: 0, skipped: 1 });
    expect(suite.results[0]?.skipReason).toBe("waiting for the new territory");
  });

  it("turns an error thrown while routing into a failed fixture, and goes on", () => {
    const sources = [{ file: "a.json", text: json(fixture("boom"), fixture("fine")) }];
    let calls = 0;
    const suite = runFixtureSuite(sources, {
      config,
      validate,
      route: () => {
        if (calls++ === 0) throw new Error("no calendar");
        return route();
      },
    });
    expect(suite.results.map((r) => r.status)).toEqual(["failed", "passed"]);
    expect(suite.results[0]?.problems[0]?.message).toBe("routing failed: no calendar");
  });

  it("keeps going after a file that cannot be read", () => {
    const sources = [
      { file: "a.yaml", text: "name: [broken" },
      { file: "b.json", text: json(fixture("fine")) },
    ];
    const suite = runFixtureSuite(sources, { config, validate, route });
    expect(suite.results.map((r) => [r.file, r.status])).toEqual([
      ["a.yaml", "failed"],
      ["b.json", "passed"],
    ]);
  });

  it("puts the line of the failing expect key on each mismatch", () => {
    const text = `name: wrong owner
at: 2026-06-17T17:00:00Z
contact: {}
event: { kind: contact_created }
expect:
  rule: inbound-high-intent
  owner: ava.reed@acme.test
`;
    const suite = runFixtureSuite([{ file: "a.yaml", text }], { config, validate, route });
    expect(suite.results[0]?.mismatches).toEqual([
      { field: "owner", expected: "ava.reed@acme.test", actual: null, line: 7 },
    ]);
  });
});
