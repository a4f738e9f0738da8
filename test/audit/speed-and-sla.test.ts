import { describe, expect, it } from "vitest";
import { at, audit, contact, routed } from "./audit-fixtures";

// New York is UTC-5 in late November 2026; Thu 26 and Fri 27 Nov are holidays on the "ny" calendar.
const demo = (routedAt: string, engagedAt: string | null, extra: Record<string, string | null> = {}) =>
  contact(
    routed("inbound", "demo", routedAt, {
      hubspot_owner_id: "1",
      routeops_pool: "ae-pool",
      hs_sa_first_engagement_date: engagedAt,
      ...extra,
    }),
  );

describe("audit: inbound speed to lead in business time", () => {
  const report = audit([
    // Wed 25 Nov 16:00 -> Mon 30 Nov 10:00: Wed 16:00-17:00 (60), Thu+Fri holidays, weekend, Mon 09:00-10:00 (60).
    demo("2026-11-25T21:00:00Z", "2026-11-30T15:00:00Z"),
    // Fri 20 Nov 16:30 -> Mon 23 Nov 09:15: Fri 16:30-17:00 (30), weekend, Mon 09:00-09:15 (15).
    demo("2026-11-20T21:30:00Z", "2026-11-23T14:15:00Z"),
    // Tue 24 Nov 10:00 -> 10:05 (5).
    demo("2026-11-24T15:00:00Z", "2026-11-24T15:05:00Z"),
    // Sat 21 Nov 12:00 -> Mon 23 Nov 11:00: the clock starts Monday 09:00 (120).
    demo("2026-11-21T17:00:00Z", "2026-11-23T16:00:00Z"),
    // Mon 23 Nov 09:00 -> Tue 24 Nov 09:00: one full business day (480).
    demo("2026-11-23T14:00:00Z", "2026-11-24T14:00:00Z"),
    // Not engaged yet: not part of the distribution.
    demo("2026-11-24T15:00:00Z", null),
  ]);

  it("takes the median and 90th percentile by nearest rank over weekends and holidays", () => {
    // Sorted: 5, 45, 120, 120, 480. Median: rank ceil(0.5*5)=3 -> 120. p90: rank ceil(0.9*5)=5 -> 480.
    expect(report.inbound.speedToLead).toMatchObject({ count: 5, medianMinutes: 120, p90Minutes: 480, notEngaged: 1 });
  });

  it("buckets the distribution", () => {
    expect(report.inbound.speedToLead.buckets.map((b) => b.count)).toEqual([1, 1, 2, 1, 0]);
  });

  it("reports the same figures for the one source type that had leads", () => {
    const demoRow = report.inbound.speedBySourceType.find((row) => row.sourceType === "demo");
    expect(demoRow?.stats).toEqual({ count: 5, medianMinutes: 120, p90Minutes: 480 });
  });
});

describe("audit: which calendar the clock runs on", () => {
  it("uses the owning rep's calendar when the lead went to no pool or queue", () => {
    // Bob is on London hours (UTC in November): Mon 16:00-17:00 (60) + Tue 09:00-10:00 (60).
    // On New York hours the same span would be Mon 11:00-17:00 (360), Tue 10:00 UTC being 05:00 there.
    const report = audit([
      contact(
        routed("inbound", "demo", "2026-11-23T16:00:00Z", {
          hubspot_owner_id: "2",
          hs_sa_first_engagement_date: "2026-11-24T10:00:00Z",
        }),
      ),
    ]);
    expect(report.inbound.speedToLead.medianMinutes).toBe(120);
  });

  it("uses the pool's calendar over the owner's", () => {
    // The same span on the pool's New York hours: Mon 11:00-17:00 (360); Tue 10:00 UTC is 05:00 there, before opening.
    const report = audit([
      contact(
        routed("inbound", "demo", "2026-11-23T16:00:00Z", {
          hubspot_owner_id: "2",
          routeops_pool: "ae-pool",
          hs_sa_first_engagement_date: "2026-11-24T10:00:00Z",
        }),
      ),
    ]);
    expect(report.inbound.speedToLead.medianMinutes).toBe(360);
  });
});

describe("audit: SLA compliance", () => {
  // "now" is Mon 30 Nov 18:00 UTC.
  const report = audit([
    demo("2026-11-24T15:00:00Z", "2026-11-24T15:30:00Z", { routeops_sla_due_at: "2026-11-24T16:00:00Z" }), // met
    demo("2026-11-24T15:00:00Z", "2026-11-24T16:00:00Z", { routeops_sla_due_at: "2026-11-24T16:00:00Z" }), // met, on the minute
    demo("2026-11-24T15:00:00Z", "2026-11-24T16:01:00Z", { routeops_sla_due_at: "2026-11-24T16:00:00Z" }), // breached, late
    demo("2026-11-25T15:00:00Z", null, { routeops_sla_due_at: "2026-11-30T17:00:00Z" }), // breached, past due
    demo("2026-11-25T21:00:00Z", null, { routeops_sla_due_at: "2026-12-01T14:00:00Z" }), // pending
    demo("2026-11-20T15:00:00Z", "2026-11-01T15:00:00Z", { routeops_sla_due_at: "2026-11-20T16:00:00Z" }), // engaged before routing
    contact(routed("inbound", "ebook", "2026-11-24T15:00:00Z", { routeops_rule: "in-nurture" })), // no SLA
  ]);

  it("counts met, breached, pending, no SLA and not measurable apart", () => {
    expect(report.inbound.sla).toMatchObject({ met: 2, breached: 2, pending: 1, noSla: 1, notMeasurable: 1 });
  });

  it("computes compliance over met and breached only", () => {
    expect(report.inbound.sla.compliance).toEqual({ numerator: 2, denominator: 4, rate: 0.5 });
  });

  it("splits SLA figures by source type", () => {
    const bySource = Object.fromEntries(report.inbound.slaBySourceType.map((row) => [row.sourceType, row.sla]));
    expect(bySource.demo).toMatchObject({ met: 2, breached: 2, pending: 1, notMeasurable: 1, noSla: 0 });
    expect(bySource.ebook).toMatchObject({ met: 0, breached: 0, pending: 0, noSla: 1 });
  });

  it("counts breaches in the findings", () => {
    expect(report.findings.slaBreaches).toBe(2);
  });

  it("judges pending against the audit's now, not the window's end", () => {
    const later = audit([demo("2026-11-25T21:00:00Z", null, { routeops_sla_due_at: "2026-12-01T14:00:00Z" })], {
      now: at("2026-12-01T14:00:01Z"),
    });
    expect(later.inbound.sla).toMatchObject({ breached: 1, pending: 0 });
  });
});

describe("audit: unowned inbound leads and conversion", () => {
  const report = audit([
    contact(
      routed("inbound", "demo", "2026-11-24T15:00:00Z", { hubspot_owner_id: "1", lifecyclestage: "opportunity" }),
    ),
    contact(routed("inbound", "demo", "2026-11-24T15:00:00Z", { lifecyclestage: "customer" })),
    contact(routed("inbound", "demo", "2026-11-24T15:00:00Z", { hubspot_owner_id: "4", lifecyclestage: "lead" })),
    contact(routed("inbound", "ebook", "2026-11-24T15:00:00Z", { routeops_rule: "in-nurture" })),
  ]);

  it("counts leads with no owner and with a deactivated owner, and leaves nurture out", () => {
    expect(report.inbound.unowned).toEqual({ total: 2, noOwner: 1, deactivatedOwner: 1, nurture: 1 });
  });

  it("counts opportunity and customer stages as converted, by source type", () => {
    const bySource = Object.fromEntries(report.inbound.conversionBySourceType.map((r) => [r.sourceType, r.conversion]));
    expect(bySource.demo).toEqual({ numerator: 2, denominator: 3, rate: 2 / 3 });
    expect(bySource.ebook).toEqual({ numerator: 0, denominator: 1, rate: 0 });
    expect(report.inbound.conversion).toEqual({ numerator: 2, denominator: 4, rate: 0.5 });
  });
});
