/**
 * The simulation pinned as golden files, per format, for the change of issue 15: a rep joins a
 * pool with weight 2 and is out of office the next week, while an enterprise rule is removed (a
 * decision change) and a pricing desk takes the west's pricing-page leads (so the unchanged west
 * pool reshuffles).
 * And no Markdown it writes can mention, reference or fake a marker, whatever the names hold.
 */
import { describe, expect, it } from "vitest";
import type { RoutingConfig } from "../../src/config";
import {
  renderSimulationJson,
  renderSimulationMarkdown,
  renderSimulationText,
  simulate,
  type SimulationReport,
} from "../../src/simulate";
import { HOSTILE_NAMES, markdownLeaks } from "../report/hostile";
import { compile, generated, reference, variant } from "./support";

const context = { base: "main", head: "routing/index.ts", contacts: "generated:300:11" };
const WEEKS = ["2026-03-02", "2026-03-09"];

function withNora(name = "Nora Quinn"): RoutingConfig {
  return variant((config) => {
    config.reps.push({
      email: "nora.quinn@acme.test",
      name,
      role: "AE",
      calendar: "us-east",
      territories: ["na-east"],
      outOfOffice: [{ from: "2026-03-09", to: "2026-03-13" }],
    });
    config.pools
      .find((pool) => pool.id === "inbound-ae-na-east")!
      .members.push({
        rep: "nora.quinn@acme.test",
        weight: 2,
      });
    config.systems.inbound.rules = config.systems.inbound.rules.filter((rule) => rule.id !== "inbound-enterprise");
    config.systems.inbound.rules.splice(1, 0, {
      id: "inbound-pricing-desk-west",
      when: { sourceType: ["inbound_pricing_page"], territory: ["na-west"] },
      outcome: { type: "queue", queue: "routing-desk" },
      sla: "inbound-high",
      notification: "urgent",
    });
  });
}

function run(head: RoutingConfig, label?: (index: number) => string | null): SimulationReport {
  return simulate(compile(reference), compile(head), generated(300), {
    examples: 3,
    weeks: WEEKS,
    ...(label ? { label: (_input, index) => label(index) } : {}),
  });
}

describe("simulation golden files: a rep joins a pool with weight 2, away the next week", () => {
  const report = run(withNora());

  it("keeps the decision changes apart from the pool change at work", () => {
    expect(report.decisionChanges).toBeGreaterThan(0);
    expect(report.poolMemberChanges).toBeGreaterThan(0);
    expect(report.changed).toBe(report.decisionChanges + report.poolMemberChanges + report.rotationOnly);
    expect(report.rotationOnly).toBeGreaterThan(0);
    expect(report.reshuffles.find((r) => r.pool === "inbound-ae-na-east")?.poolChanged).toBe(true);
    expect(report.reshuffles.find((r) => r.pool === "inbound-ae-na-west")?.poolChanged).toBe(false);
    const nora = report.expectedShares.pools.flatMap((pool) =>
      pool.reps.filter((rep) => rep.rep === "nora.quinn@acme.test").map((rep) => [pool.from, rep.after?.share]),
    );
    expect(nora).toEqual([
      ["2026-03-02", 0.4],
      ["2026-03-09", 0],
    ]);
  });

  it("text", async () => {
    await expect(renderSimulationText(report, context)).toMatchFileSnapshot("../golden/simulate/rep-joins-pool.txt");
  });

  it("Markdown", async () => {
    await expect(renderSimulationMarkdown(report, context)).toMatchFileSnapshot("../golden/simulate/rep-joins-pool.md");
  });

  it("JSON", async () => {
    await expect(renderSimulationJson(report, context)).toMatchFileSnapshot("../golden/simulate/rep-joins-pool.json");
  });
});

describe("simulation Markdown with hostile names", () => {
  for (const name of HOSTILE_NAMES) {
    it(`shows ${JSON.stringify(name)} as a rep and a contact with no mention, reference, HTML or marker`, () => {
      const report = run(withNora(name), (index) => (index % 2 === 0 ? name : `${name} #${index}`));
      const markdown = renderSimulationMarkdown(report, { ...context, contacts: name, base: name });
      expect(markdown).toContain("nora\\.quinn");
      expect(markdownLeaks(markdown)).toEqual([]);
    });
  }
});
