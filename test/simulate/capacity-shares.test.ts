/**
 * `routeops simulate`: the expected shares per rep and week apply capacity caps against the
 * leads a week the replay sent to each pool, and the report says who is at capacity.
 */
import { describe, expect, it } from "vitest";
import { renderSimulationMarkdown, renderSimulationText, simulate } from "../../src/simulate";
import { compile, generated, reference, variant } from "./support";

const AVA = "ava.reed@acme.test";
const POOL = "inbound-ae-na-east";

describe("simulation: expected shares under a new weekly cap", () => {
  const head = variant((config) => {
    config.reps.find((rep) => rep.email === AVA)!.capacity = { perWeek: 2 };
  });
  const inputs = generated(2000);
  const report = simulate(compile(reference), compile(head), inputs, { examples: 0, weeks: ["2026-03-02"] });
  const context = { base: "main", head: "routing/index.ts", contacts: "generated:2000:11" };

  it("caps Ava's expected share at 2 leads a week and gives the rest to Dan", () => {
    const replayed = report.pools.find((p) => p.pool === POOL)!;
    const weeks = (report.span.to! - report.span.from!) / (7 * 86_400_000);
    const volume = replayed.after / weeks;
    expect(volume * (2 / 3)).toBeGreaterThan(2); // the cap binds
    const pool = report.expectedShares.pools.find((p) => p.pool === POOL)!;
    const ava = pool.reps.find((r) => r.rep === AVA)!;
    expect(ava.before!.share).toBeCloseTo(2 / 3, 9);
    expect(ava.after!.share * volume).toBeCloseTo(2, 6);
    expect(ava.after!.cappedDays.length).toBeGreaterThan(0);
    const dan = pool.reps.find((r) => r.rep === "dan.kim@acme.test")!;
    expect(dan.after!.share).toBeCloseTo(1 - ava.after!.share, 9);
  });

  it("says so in text and Markdown", () => {
    const pool = report.expectedShares.pools.find((p) => p.pool === POOL)!;
    const days = pool.reps.find((r) => r.rep === AVA)!.after!.cappedDays.length;
    for (const rendered of [renderSimulationText(report, context), renderSimulationMarkdown(report, context)]) {
      expect(rendered).toContain(`at capacity ${days} day`);
    }
  });
});
