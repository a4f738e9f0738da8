import { describe, expect, it } from "vitest";
import config from "../reference/routing/index";
import { coverageRules, formatPercent, measureCoverage, ruleKey, rulesReached } from "../../src/fixtures";
import { decision } from "./support";

describe("routing coverage", () => {
  it("lists every re-engagement, inbound and outbound rule and the unclassified catch", () => {
    const keys = coverageRules(config).map(ruleKey);
    expect(keys).toEqual([
      ...config.reengagement.rules.map((r) => `reengagement/${r.id}`),
      ...config.systems.inbound.rules.map((r) => `inbound/${r.id}`),
      ...config.systems.outbound.rules.map((r) => `outbound/${r.id}`),
      "unclassified/unclassified",
    ]);
  });

  it("counts the deciding rule of each decision", () => {
    const report = measureCoverage(config, [
      decision({ system: "inbound", rule: "inbound-fallback" }),
      decision({ system: "inbound", rule: "inbound-fallback" }),
      decision({ system: "outbound", rule: "outbound-caller" }),
    ]);
    const counts = Object.fromEntries(report.rules.map((r) => [ruleKey(r), r.fixtures]));
    expect(counts["inbound/inbound-fallback"]).toBe(2);
    expect(counts["outbound/outbound-caller"]).toBe(1);
    expect(counts["unclassified/unclassified"]).toBe(0);
    expect(report.reached).toBe(2);
    expect(report.total).toBe(coverageRules(config).length);
    expect(report.percent).toBeCloseTo((2 / report.total) * 100);
  });

  it("counts the inbound rule that decided a collaborative re-engagement", () => {
    const collaborative = decision({
      system: "reengagement",
      rule: "reengagement-collaborative",
      trace: [
        { stage: "reengagement", id: "reengagement-collaborative", matched: true, reason: "" },
        { stage: "inbound", id: "inbound-account-owner", matched: false, reason: "" },
        { stage: "inbound", id: "inbound-high-intent", matched: true, reason: "" },
        { stage: "sla", id: "reengagement", matched: true, reason: "" },
      ],
    });
    expect(rulesReached(collaborative).map(ruleKey)).toEqual([
      "reengagement/reengagement-collaborative",
      "inbound/inbound-high-intent",
    ]);
  });

  it("does not count an inbound rule for an original-rep re-engagement", () => {
    const originalRep = decision({
      system: "reengagement",
      rule: "reengagement-original-rep",
      trace: [{ stage: "reengagement", id: "reengagement-original-rep", matched: true, reason: "" }],
    });
    expect(rulesReached(originalRep).map(ruleKey)).toEqual(["reengagement/reengagement-original-rep"]);
  });

  it("reaches 100% only when every rule is reached", () => {
    const all = coverageRules(config).map((rule) => decision({ system: rule.system, rule: rule.id }));
    expect(measureCoverage(config, all).percent).toBe(100);
    expect(measureCoverage(config, all.slice(1)).percent).toBeLessThan(100);
  });

  it("never rounds a percentage up to 100%", () => {
    expect(formatPercent(100)).toBe("100%");
    expect(formatPercent(99.96)).toBe("99.9%");
    expect(formatPercent((13 / 14) * 100)).toBe("92.8%");
    expect(formatPercent(0)).toBe("0%");
  });
});
