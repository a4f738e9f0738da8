/** Per-rep fairness in a simulation: lead share against weight share, and skips, per pool. */
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/simulate";
import { compile, generated, reference, variant } from "./support";

describe("simulate: per-rep shares of a pool", () => {
  it("reports each member's lead share next to their weight share, before and after a weight change", () => {
    const head = variant((config) => {
      config.pools[0]!.members = [
        { rep: "ava.reed@acme.test", weight: 1 },
        { rep: "dan.kim@acme.test", weight: 2 },
      ];
    });
    const report = simulate(compile(reference), compile(head), generated(3_000));
    const pool = report.pools.find((p) => p.pool === "inbound-ae-na-east")!;
    const ava = pool.shares.find((s) => s.rep === "ava.reed@acme.test")!;
    const dan = pool.shares.find((s) => s.rep === "dan.kim@acme.test")!;
    expect(ava.weightShare).toEqual({ before: 66.7, after: 33.3 });
    expect(dan.weightShare).toEqual({ before: 33.3, after: 66.7 });
    // Smooth weighted round robin keeps every member within one lead of their weight share.
    expect(Math.abs(ava.leads.before - (2 * pool.before) / 3)).toBeLessThanOrEqual(1);
    expect(Math.abs(dan.leads.after - (2 * pool.after) / 3)).toBeLessThanOrEqual(1);
    expect(ava.leadShare.before! + dan.leadShare.before!).toBeCloseTo(100, 0);
    expect(ava.skipped).toEqual({ before: 0, after: 0 });
  });

  it("counts the leads a member was skipped for when the head config makes them unavailable", () => {
    const head = variant((config) => {
      config.reps.find((r) => r.email === "dan.kim@acme.test")!.startsOn = "2099-01-01";
    });
    const report = simulate(compile(reference), compile(head), generated(2_000));
    const pool = report.pools.find((p) => p.pool === "inbound-ae-na-east")!;
    const dan = pool.shares.find((s) => s.rep === "dan.kim@acme.test")!;
    expect(dan.skipped.before).toBe(0);
    expect(dan.skipped.after).toBe(pool.after);
    expect(dan.leads.after).toBe(0);
    expect(dan.leadShare.after).toBe(0);
  });
});
