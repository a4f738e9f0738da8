import { describe, expect, it } from "vitest";
import { audit, contact, routed } from "./audit-fixtures";

describe("audit: unified view", () => {
  // now: Mon 30 Nov 18:00 UTC.
  const report = audit([
    contact(
      routed("inbound", "demo", "2026-11-17T15:00:00Z", {
        hubspot_owner_id: "1",
        routeops_sla_due_at: "2026-11-17T16:00:00Z",
        hs_sa_first_engagement_date: "2026-11-17T15:10:00Z",
        lifecyclestage: "opportunity",
      }),
    ),
    contact(routed("inbound", "demo", "2026-11-18T15:00:00Z", { routeops_sla_due_at: "2026-11-18T16:00:00Z" })),
    contact(
      routed("outbound", "reply", "2026-11-18T15:00:00Z", {
        hubspot_owner_id: "3",
        routeops_sla_due_at: "2026-11-18T22:00:00Z",
        hs_sa_first_engagement_date: "2026-11-18T17:00:00Z",
      }),
    ),
    contact(
      routed("outbound", "reply", "2026-11-18T15:00:00Z", {
        hubspot_owner_id: "3",
        routeops_sla_due_at: "2026-11-18T22:00:00Z",
        hs_sa_first_engagement_date: "2026-11-18T17:00:00Z",
        lifecyclestage: "customer",
      }),
    ),
    contact(
      routed("reengagement", "demo", "2026-11-19T15:00:00Z", {
        hubspot_owner_id: "3",
        routeops_sla_due_at: "2026-12-01T16:00:00Z",
      }),
    ),
    contact(routed("unclassified", null, "2026-11-19T15:00:00Z", { hubspot_owner_id: "1" })),
    // Previous window (2-16 Nov): two inbound, one outbound.
    contact(routed("inbound", "demo", "2026-11-05T15:00:00Z")),
    contact(routed("inbound", "demo", "2026-11-06T15:00:00Z")),
    contact(routed("outbound", "reply", "2026-11-06T15:00:00Z")),
    // Created in the window, never routed.
    contact({ createdate: "2026-11-20T10:00:00Z", routeops_source_type: "demo" }),
  ]);

  it("shows each system's figures side by side", () => {
    const bySystem = Object.fromEntries(report.unified.systems.map((s) => [s.system, s]));
    expect(bySystem.inbound).toMatchObject({ volume: { current: 2, previous: 2 }, unowned: 1, opportunities: 1 });
    expect(bySystem.inbound?.sla).toMatchObject({ met: 1, breached: 1, compliance: { rate: 0.5 } });
    expect(bySystem.outbound).toMatchObject({ volume: { current: 2, previous: 1 }, unowned: 0, opportunities: 1 });
    expect(bySystem.outbound?.sla).toMatchObject({ met: 2, breached: 0, compliance: { rate: 1 } });
    expect(bySystem.reengagement?.sla).toMatchObject({ met: 0, breached: 0, pending: 1, compliance: { rate: null } });
    expect(bySystem.unclassified).toMatchObject({ volume: { current: 1, previous: 0 }, unowned: 0 });
  });

  it("totals are sums, and the total compliance is over the summed counts", () => {
    // Met 1 + 2, breached 1: 3 of 4.
    expect(report.unified.totals).toMatchObject({
      volume: { current: 6, previous: 3, change: 3, changeRate: 1 },
      unowned: 1,
      opportunities: 2,
      sla: { met: 3, breached: 1, pending: 1, compliance: { numerator: 3, denominator: 4, rate: 0.75 } },
    });
  });

  it("counts contacts created in the window that were never routed", () => {
    expect(report.unified.notRouted).toBe(1);
  });

  it("counts volume per UTC day and system", () => {
    const days = Object.fromEntries(report.volume.days.map((d) => [d.day, d]));
    expect(report.volume.days).toHaveLength(14);
    expect(days["2026-11-18"]).toEqual({
      day: "2026-11-18",
      inbound: 1,
      outbound: 2,
      reengagement: 0,
      unclassified: 0,
    });
    expect(days["2026-11-19"]).toEqual({
      day: "2026-11-19",
      inbound: 0,
      outbound: 0,
      reengagement: 1,
      unclassified: 1,
    });
  });
});
