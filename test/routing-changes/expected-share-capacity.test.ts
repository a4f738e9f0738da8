/**
 * Expected shares with capacity caps: given the pool's leads a week, a rep at a cap takes no more
 * that day (or week) and the others share the rest by weight; a pool cap, or every member capped,
 * sends the excess to the rule's overflow. Without a volume caps cannot bind and shares are by weight.
 */
import { describe, expect, it } from "vitest";
import type { CapacityConfig, RoutingConfig } from "../../src/config/types";
import { expectedShares, shareChanges } from "../../src/routing-changes";
import { variant } from "../simulate/support";

const POOL = "inbound-ae-na-east"; // ava.reed weight 2, dan.kim weight 1, us-east calendar
const WEEK = "2026-03-02"; // Monday; five business days
const AVA = "ava.reed@acme.test";
const DAN = "dan.kim@acme.test";

function capped(ava: CapacityConfig | undefined, dan?: CapacityConfig, pool?: CapacityConfig): RoutingConfig {
  return variant((config) => {
    for (const rep of config.reps) {
      if (rep.email === AVA) rep.capacity = ava;
      if (rep.email === DAN) rep.capacity = dan;
    }
    const target = config.pools.find((p) => p.id === POOL)!;
    if (pool) target.capacity = pool;
    else delete target.capacity;
  });
}

function pool(config: RoutingConfig, leadsAWeek?: number) {
  const volumes = leadsAWeek === undefined ? undefined : new Map([[POOL, leadsAWeek]]);
  const shares = expectedShares(config, WEEK, volumes).find((p) => p.pool === POOL)!;
  const of = (rep: string) => shares.members.find((m) => m.rep === rep)!;
  return { shares, ava: of(AVA), dan: of(DAN) };
}

describe("expected shares with capacity", () => {
  it("a rep at a daily cap takes no more that day; the others take the rest", () => {
    // 25 leads over 5 days = 5 a day: Ava's 2/3 would be 3.33, her cap is 2, so Dan takes 3.
    const { shares, ava, dan } = pool(capped({ perDay: 2 }), 25);
    expect(ava.share).toBeCloseTo(10 / 25, 9);
    expect(dan.share).toBeCloseTo(15 / 25, 9);
    expect(ava.cappedDays).toEqual(["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"]);
    expect(dan.cappedDays).toEqual([]);
    expect(shares.overCapacity).toBeCloseTo(0, 9);
  });

  it("a weekly cap binds once the week's leads reach it", () => {
    // 5 a day: Ava takes 3.33 on Monday, 2.67 on Tuesday (6 in all), nothing after.
    const { ava, dan } = pool(capped({ perWeek: 6 }), 25);
    expect(ava.share).toBeCloseTo(6 / 25, 9);
    expect(dan.share).toBeCloseTo(19 / 25, 9);
    expect(ava.cappedDays).toEqual(["2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"]);
  });

  it("a pool cap sends the excess to the overflow, and the members share what the pool takes", () => {
    const { shares, ava, dan } = pool(capped(undefined, undefined, { perDay: 4 }), 25);
    expect(shares.overCapacity).toBeCloseTo(5 / 25, 9);
    expect(ava.share).toBeCloseTo(((4 * 2) / 3) * (5 / 25), 9);
    expect(dan.share).toBeCloseTo((4 / 3) * (5 / 25), 9);
  });

  it("when every member is at a cap, what is left overflows", () => {
    const { shares, ava, dan } = pool(capped({ perDay: 1 }, { perDay: 1 }), 25);
    expect(ava.share + dan.share).toBeCloseTo(10 / 25, 9);
    expect(shares.overCapacity).toBeCloseTo(15 / 25, 9);
  });

  it("without the pool's leads a week, caps cannot bind: shares by weight", () => {
    const { shares, ava, dan } = pool(capped({ perDay: 1 }, { perDay: 1 }));
    expect([ava.share, dan.share]).toEqual([2 / 3, 1 / 3]);
    expect(shares.overCapacity).toBe(0);
    expect(ava.cappedDays).toEqual([]);
  });

  it("shareChanges shows a new cap's effect when given the volumes", () => {
    const base = capped(undefined);
    const head = capped({ perDay: 2 });
    const volumes = { before: new Map([[POOL, 25]]), after: new Map([[POOL, 25]]) };
    expect(shareChanges(head, base, [WEEK]).find((p) => p.pool === POOL)).toBeUndefined();
    const change = shareChanges(head, base, [WEEK], volumes).find((p) => p.pool === POOL)!;
    const ava = change.reps.find((r) => r.rep === AVA)!;
    expect(ava.before!.share).toBeCloseTo(2 / 3, 9);
    expect(ava.after!.share).toBeCloseTo(0.4, 9);
    expect(ava.after!.cappedDays).toHaveLength(5);
  });
});
