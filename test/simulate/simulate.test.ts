/**
 * The impact simulation on the reference config against changed configs. Expected figures come
 * either from first principles (weights, SLA targets) or from a plain loop in the test that routes
 * every contact through both configs and keeps every decision, which the simulator must not need.
 */
import { describe, expect, it } from "vitest";
import type { RoutingConfig, RuleConfig } from "../../src/config";
import { createRotationState, route, type Decision, type RouteInput } from "../../src/engine";
import { changedFields, simulate, whyLine, type ChangeKind, type SimulationReport } from "../../src/simulate";
import { compile, fixtureInputs, generated, reference, variant } from "./support";

const KIND_ORDER: ChangeKind[] = ["decision", "pool-change", "rotation"];

/** Every decision of both configs, routed one after the other with a rotation state each. */
function replayByHand(base: RoutingConfig, head: RoutingConfig, inputs: RouteInput[]) {
  const [b, h] = [compile(base), compile(head)];
  const [rb, rh] = [createRotationState(), createRotationState()];
  return inputs.map((input) => ({
    before: route(b, input, { rotation: rb, trace: false }),
    after: route(h, input, { rotation: rh, trace: false }),
  }));
}

const who = (d: Decision) => d.owner ?? d.rotationPick;
const countWhere = <T>(items: T[], test: (item: T) => boolean) => items.filter(test).length;

function run(base: RoutingConfig, head: RoutingConfig, inputs: RouteInput[], examples = 3): SimulationReport {
  return simulate(compile(base), compile(head), inputs, { examples });
}

const emeaEnterpriseRule: RuleConfig = {
  id: "inbound-emea-enterprise",
  description: "Enterprise leads in EMEA wait for the routing desk.",
  when: { territory: ["emea"], segment: ["enterprise"] },
  outcome: { type: "queue", queue: "routing-desk" },
  sla: "inbound-high",
  notification: "urgent",
};

describe("simulate", () => {
  it("finds no change between a config and itself, and every rep keeps their load", () => {
    const inputs = generated(2_000);
    const report = run(reference, reference, inputs);
    expect(report.contacts).toBe(2_000);
    expect(report.changed).toBe(0);
    expect(Object.values(report.transitions).flat()).toEqual([]);
    expect(report.load.every((row) => row.before === row.after)).toBe(true);
    expect(report.load.reduce((sum, row) => sum + row.before, 0)).toBe(2_000);
    expect(report.sla.dueShift.moved).toBe(0);
    expect(report.examples).toEqual([]);
  });

  it("swapping a pool's weights moves its leads between its members, in the weights' proportions, and nowhere else", () => {
    const head = variant((config) => {
      config.pools[0]!.members = [
        { rep: "ava.reed@acme.test", weight: 1 },
        { rep: "dan.kim@acme.test", weight: 2 },
      ];
    });
    const inputs = generated(6_000);
    const report = run(reference, head, inputs);
    const pool = report.pools.find((p) => p.pool === "inbound-ae-na-east")!;
    const byHand = replayByHand(reference, head, inputs);
    const n = countWhere(byHand, (pair) => pair.before.pool === "inbound-ae-na-east");
    expect(n).toBeGreaterThan(300);
    expect(pool.before).toBe(n);
    expect(pool.after).toBe(n);
    // Smooth weighted round robin: after n picks, a member has its exact share, rounded either way.
    const member = (when: "before" | "after", rep: string) => pool.members.find((m) => m.rep === rep)![when];
    expect([Math.floor((2 * n) / 3), Math.ceil((2 * n) / 3)]).toContain(member("before", "ava.reed@acme.test"));
    expect([Math.floor(n / 3), Math.ceil(n / 3)]).toContain(member("after", "ava.reed@acme.test"));
    expect(member("before", "dan.kim@acme.test") + member("before", "ava.reed@acme.test")).toBe(n);

    // Every changed lead only goes to another member of a pool whose weights changed: no decision change.
    expect(report.transitions.rule).toEqual([]);
    expect(report.transitions.pool).toEqual([]);
    expect(report.transitions.owner).toEqual([]);
    expect(report.changed).toBe(countWhere(byHand, (pair) => who(pair.before) !== who(pair.after)));
    expect(report.decisionChanges).toBe(0);
    expect(report.rotationOnly).toBe(0);
    expect(report.poolMemberChanges).toBe(report.changed);
    expect(report.reshuffles).toEqual([{ pool: "inbound-ae-na-east", contacts: report.changed, poolChanged: true }]);
    const others = report.load.filter((row) => row.rep !== "ava.reed@acme.test" && row.rep !== "dan.kim@acme.test");
    expect(others.every((row) => row.before === row.after)).toBe(true);
  });

  it("a new rule takes exactly the leads it matches, from the rules that had them", () => {
    const head = variant((config) => config.systems.inbound.rules.splice(1, 0, emeaEnterpriseRule));
    const inputs = [...fixtureInputs(), ...generated(4_000)];
    const report = run(reference, head, inputs);
    const byHand = replayByHand(reference, head, inputs);
    const taken = byHand.filter((pair) => pair.after.rule === "inbound-emea-enterprise");
    expect(taken.length).toBeGreaterThan(20);

    const toNewRule = report.transitions.rule.filter((t) => t.to === "inbound-emea-enterprise");
    expect(toNewRule.reduce((sum, t) => sum + t.count, 0)).toBe(taken.length);
    for (const t of toNewRule) {
      expect(t.count).toBe(countWhere(taken, (pair) => pair.before.rule === t.from));
    }
    expect(report.transitions.rule.every((t) => t.to === "inbound-emea-enterprise")).toBe(true);
    const queued = report.transitions.pool.filter((t) => t.to === null).reduce((sum, t) => sum + t.count, 0);
    expect(queued).toBe(countWhere(byHand, (pair) => pair.before.pool !== null && pair.after.pool === null));
    expect(queued).toBeGreaterThanOrEqual(countWhere(taken, (pair) => pair.before.pool !== null));
    expect(report.changed).toBe(countWhere(byHand, (pair) => changedFields(pair.before, pair.after).length > 0));

    const desk = report.load.find((row) => row.rep === "mia.lopez@acme.test")!;
    // Re-engagements that the inbound rules decide reach the new rule too (their rule stays the re-engagement one).
    expect(desk.after).toBe(countWhere(byHand, (pair) => who(pair.after) === "mia.lopez@acme.test"));
    expect(desk.after - desk.before).toBeGreaterThanOrEqual(
      countWhere(taken, (pair) => who(pair.before) !== "mia.lopez@acme.test"),
    );
    const impact = new Map(report.bySourceType.map((row) => [row.sourceType, row]));
    expect([...impact.values()].reduce((sum, row) => sum + row.contacts, 0)).toBe(inputs.length);
    expect(impact.get("inbound_demo_request")!.contacts).toBe(
      countWhere(byHand, (pair) => pair.before.sourceType === "inbound_demo_request"),
    );
  });

  it("a shorter SLA target moves every due time of that policy earlier by at least the difference, and renames no policy", () => {
    const head = variant((config) => {
      config.slaPolicies.find((p) => p.id === "inbound-standard")!.target = { unit: "business_hours", amount: 2 };
    });
    const inputs = generated(5_000);
    const report = run(reference, head, inputs);
    const byHand = replayByHand(reference, head, inputs);
    const standard = countWhere(byHand, (p) => p.before.slaPolicy === "inbound-standard" && p.before.slaDueAt !== null);
    expect(standard).toBeGreaterThan(500);
    const { dueShift, policyChanges } = report.sla;
    expect(policyChanges).toEqual([]);
    expect(dueShift.moved).toBe(standard);
    expect(dueShift.earlier).toBe(standard);
    expect(dueShift.later).toBe(0);
    expect(dueShift.maxMinutes!).toBeLessThanOrEqual(-120);
    expect(dueShift.buckets.reduce((sum, b) => sum + b.count, 0)).toBe(standard);
    expect(report.fieldChanges.slaDueAt).toBe(standard);
    expect(report.changed).toBe(standard);
  });

  it("re-pointing a rule's SLA counts a policy change for every lead the rule decides", () => {
    const head = variant((config) => {
      config.systems.inbound.rules.find((r) => r.id === "inbound-enterprise")!.sla = "inbound-standard";
    });
    const inputs = generated(5_000);
    const report = run(reference, head, inputs);
    const decided = countWhere(replayByHand(reference, head, inputs), (p) => p.before.rule === "inbound-enterprise");
    expect(decided).toBeGreaterThan(20);
    expect(report.sla.policyChanges).toEqual([{ from: "inbound-high", to: "inbound-standard", count: decided }]);
    expect(report.transitions.slaPolicy).toEqual(report.sla.policyChanges);
  });

  it("carries each config's rotation through the replay: a lead taken out of a pool shifts who gets the next ones", () => {
    const head = variant((config) =>
      config.systems.inbound.rules.unshift({
        id: "inbound-pricing-desk",
        when: { sourceType: ["inbound_pricing_page"] },
        outcome: { type: "queue", queue: "routing-desk" },
        sla: "inbound-high",
        notification: "urgent",
      }),
    );
    const lead = (formId: string, minute: number, pageUrl?: string): RouteInput => ({
      at: Date.parse("2026-03-02T17:00:00Z") + minute * 60_000,
      contact: { properties: { country: "US", state: "CA" } },
      event: { kind: "form_submission", formId, ...(pageUrl ? { pageUrl } : {}) },
    });
    const inputs = [
      lead("pricing-contact", 0, "https://acme.test/pricing"),
      lead("demo-request", 1),
      lead("demo-request", 2),
      lead("demo-request", 3),
    ];
    const report = run(reference, head, inputs);
    // Base: ben, chloe, ben, chloe. Head: the desk, then ben, chloe, ben.
    expect(report.changed).toBe(4);
    // One decision change (to the desk); three reshuffles of the unchanged west pool, kept apart.
    expect(report.decisionChanges).toBe(1);
    expect(report.rotationOnly).toBe(3);
    expect(report.poolMemberChanges).toBe(0);
    expect(report.transitions.owner).toEqual([{ from: "ben.ortiz@acme.test", to: "mia.lopez@acme.test", count: 1 }]);
    expect(report.reshuffles).toEqual([{ pool: "inbound-ae-na-west", contacts: 3, poolChanged: false }]);
  });

  it("keeps a few examples whose traced decisions are exactly the replay's, preferring different kinds of change", () => {
    const head = variant((config) => {
      config.systems.inbound.rules.splice(1, 0, emeaEnterpriseRule);
      config.slaPolicies.find((p) => p.id === "inbound-standard")!.target = { unit: "business_hours", amount: 2 };
    });
    const inputs = generated(3_000);
    const labels: string[] = [];
    const report = simulate(compile(reference), compile(head), inputs, {
      examples: 3,
      label: (input, index) => {
        labels.push(`#${index}`);
        expect(input).toBe(inputs[index]);
        return `contact ${index}`;
      },
    });
    const byHand = replayByHand(reference, head, inputs);
    expect(report.examples).toHaveLength(3);
    expect(new Set(report.examples.map((e) => e.fields.join(","))).size).toBe(3);
    for (const example of report.examples) {
      const pair = byHand[example.index]!;
      expect(example.input).toBe(inputs[example.index]);
      expect(example.label).toBe(`contact ${example.index}`);
      expect({ ...example.before, trace: [] }).toEqual(pair.before);
      expect({ ...example.after, trace: [] }).toEqual(pair.after);
      expect(example.before.trace.length).toBeGreaterThan(0);
      expect(example.after.trace.length).toBeGreaterThan(0);
      expect(example.fields).toEqual(changedFields(pair.before, pair.after));
    }
    // Labels are asked for contacts that may still be shown (at most twice the limit per kind of
    // change: decision change, pool change, reshuffle), never for all.
    expect(labels.length).toBeLessThanOrEqual(18);
    expect(labels).toEqual(expect.arrayContaining(report.examples.map((e) => `#${e.index}`)));
    // Decision changes come first; each kind in replay order.
    const kinds = report.examples.map((e) => e.kind);
    expect(kinds).toEqual([...kinds].sort((a, b) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b)));
    for (const kind of KIND_ORDER) {
      const indexes = report.examples.filter((e) => e.kind === kind).map((e) => e.index);
      expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    }
    for (const example of report.examples) {
      expect(example.why.before).toBe(whyLine(example.before));
      expect(example.why.before).toMatch(new RegExp(`^rule ${example.before.rule} \\(`));
    }
  });

  it("keeps no example with examples: 0, and reads the contacts one at a time from any iterable", () => {
    const head = variant((config) => config.systems.inbound.rules.splice(1, 0, emeaEnterpriseRule));
    let pulled = 0;
    function* lazily() {
      for (const input of generated(1_000)) {
        pulled++;
        yield input;
      }
    }
    const report = simulate(compile(reference), compile(head), lazily(), { examples: 0 });
    expect(pulled).toBe(1_000);
    expect(report.contacts).toBe(1_000);
    expect(report.changed).toBeGreaterThan(0);
    expect(report.examples).toEqual([]);
  });
});
