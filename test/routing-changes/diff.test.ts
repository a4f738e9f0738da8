import { describe, expect, it } from "vitest";
import type { RoutingConfig } from "../../src/config/types";
import { validateRouting } from "../../src/config/validate";
import { diffRouting, expectedShares, mondayOf, shareChanges } from "../../src/routing-changes";
import { organisation } from "./organisation";

const base = organisation(6);
const changed = (change: (config: RoutingConfig) => void): RoutingConfig => {
  const config = structuredClone(base);
  change(config);
  return config;
};
const texts = (head: RoutingConfig) => diffRouting(head, base).changes.map((change) => change.text);

/** The change of the issue: a rep joins the EMEA pool with weight 2 and is out of office next week. */
export const noraJoins = changed((config) => {
  config.reps.push({
    email: "nora.quinn@acme.test",
    name: "Nora Quinn",
    role: "AE",
    calendar: "emea",
    territories: ["emea"],
    outOfOffice: [{ from: "2026-12-14", to: "2026-12-18" }],
  });
  config.pools[0]!.members.push({ rep: "nora.quinn@acme.test", weight: 2 });
});

describe("the generated organisation", () => {
  it("is a valid routing config", () => {
    const result = validateRouting(organisation(40));
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});

describe("diffRouting: reps and pools", () => {
  it("says who joined which pool with what weight and when they are away, one line each", () => {
    expect(texts(noraJoins)).toEqual([
      "Nora Quinn (nora.quinn@acme.test) joined as AE (calendar emea, territories emea)",
      "Nora Quinn (nora.quinn@acme.test) is out of office 2026-12-14 to 2026-12-18",
      "Nora Quinn (nora.quinn@acme.test) joined pool EMEA AEs (emea) with weight 2",
    ]);
  });

  it("says who left, who takes over, and who was re-weighted or removed from a pool", () => {
    const head = changed((config) => {
      config.reps[2]!.active = false;
      config.reps[2]!.replacedBy = "rep0004@acme.test";
      config.pools[0]!.members[2]!.weight = 5;
      config.pools[1]!.members.splice(0, 1);
    });
    expect(texts(head)).toEqual([
      "Rep 2 (rep0002@acme.test) left; Rep 4 (rep0004@acme.test) takes over their leads",
      "Rep 4 (rep0004@acme.test)'s weight in pool EMEA AEs (emea): 3 -> 5",
      "Rep 1 (rep0001@acme.test) left pool North America SDRs (na) (weight was 1)",
    ]);
  });
});

describe("diffRouting: territories, SLA policies, rules", () => {
  it("names countries and states added or removed", () => {
    const head = changed((config) => {
      config.territories[0]!.matches.push({ country: "ES" });
      config.territories[0]!.matches.splice(0, 1);
      config.territories[1]!.matches[1]!.states = ["ON", "BC"];
    });
    expect(texts(head)).toEqual([
      "Territory emea: ES added",
      "Territory emea: DE removed",
      "Territory na: CA states BC added",
      "Territory na: CA states QC removed",
    ]);
  });

  it("gives whole values from -> to for a rule's condition and outcome, an SLA target and a moved rule", () => {
    const head = changed((config) => {
      const rules = config.systems.inbound.rules;
      rules[0]!.when = { hasTerritory: true, intent: ["high", "standard"] };
      rules[0]!.outcome = { type: "pool", pool: "emea" };
      config.slaPolicies[0]!.target = { unit: "business_minutes", amount: 30 };
      config.systems.outbound.rules.unshift({
        id: "outbound-first",
        when: { eventHasOwner: true },
        outcome: { type: "owner", from: "event_owner" },
        sla: "day",
        notification: "urgent",
      });
      config.reengagement.rules[0]!.handoff = "collaborative";
    });
    expect(texts(head)).toEqual([
      "SLA policy fast: target 60 business minutes -> 30 business minutes",
      "Inbound rule inbound-territory: outcome pool by territory: emea → emea, na → na -> pool emea",
      "Inbound rule inbound-territory: condition has a territory -> intent high or standard and has a territory",
      "Outbound rule outbound-first added at position 1: when event names a rep: rep named by the event",
      "Re-engagement rule reengagement-pool: handoff inbound_pool -> collaborative",
    ]);
  });

  it("reports nothing when only the order of keys differs", () => {
    const head = changed((config) => {
      config.pools[0] = { members: config.pools[0]!.members, calendar: "emea", label: "EMEA AEs", id: "emea" };
    });
    expect(diffRouting(head, base).changes).toEqual([]);
  });
});

describe("expected shares", () => {
  it("splits a pool's leads by weight among the members who are not away", () => {
    const [emea] = expectedShares(noraJoins, "2026-12-14");
    expect(emea!.members.map((m) => [m.rep, Math.round(m.share * 1000) / 10, m.awayDays.length])).toEqual([
      ["rep0000@acme.test", 16.7, 0],
      ["rep0002@acme.test", 33.3, 0],
      ["rep0004@acme.test", 50, 0],
      ["nora.quinn@acme.test", 0, 5],
    ]);
    expect(emea!.days).toBe(5);
  });

  it("lists, per week, the pools whose shares move", () => {
    const shares = shareChanges(noraJoins, base, [mondayOf("2026-12-09"), "2026-12-14"]);
    expect(shares.map((pool) => [pool.pool, pool.from, pool.reps.map((rep) => rep.after?.share)])).toEqual([
      ["emea", "2026-12-07", [0.125, 0.25, 0.375, 0.25]],
      ["emea", "2026-12-14", [1 / 6, 1 / 3, 0.5, 0]],
    ]);
  });
});
