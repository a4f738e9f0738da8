import { describe, expect, it } from "vitest";
import { at, audit, contact, routed } from "./audit-fixtures";

describe("audit: re-engagement", () => {
  const window = { from: at("2026-10-01T00:00:00Z"), to: at("2026-12-01T00:00:00Z") };
  const report = audit(
    [
      // Original rep Cat (3), handled by Ann (1): the credit is split 50/50.
      contact(
        routed("reengagement", "demo", "2026-10-15T15:00:00Z", {
          hubspot_owner_id: "1",
          routeops_original_owner: "3",
          routeops_reengagement: "true",
          lifecyclestage: "opportunity",
        }),
      ),
      // Original rep and handler are both Cat: the whole conversion is hers.
      contact(
        routed("reengagement", "demo", "2026-11-10T15:00:00Z", {
          hubspot_owner_id: "3",
          routeops_original_owner: "3",
          lifecyclestage: "customer",
        }),
      ),
      contact(
        routed("reengagement", "demo", "2026-11-12T15:00:00Z", { hubspot_owner_id: "3", lifecyclestage: "lead" }),
      ),
      // Pure inbound, for comparison: 1 of 2 converted.
      contact(
        routed("inbound", "demo", "2026-11-12T15:00:00Z", { hubspot_owner_id: "1", lifecyclestage: "opportunity" }),
      ),
      contact(routed("inbound", "demo", "2026-11-13T15:00:00Z", { hubspot_owner_id: "1" })),
    ],
    { window, now: at("2026-12-01T00:00:00Z") },
  );

  it("counts volume by month of routing", () => {
    expect(report.reengagement.byMonth).toEqual([
      { month: "2026-10", leads: 1 },
      { month: "2026-11", leads: 2 },
    ]);
  });

  it("compares conversion with pure inbound", () => {
    expect(report.reengagement.conversion).toEqual({ numerator: 2, denominator: 3, rate: 2 / 3 });
    expect(report.reengagement.pureInboundConversion).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
  });

  it("splits conversion credit as the config says", () => {
    // Cat: 0.5 (original, first) + 0.5 + 0.5 (both roles, second) = 1.5; Ann: 0.5 as handler.
    expect(report.reengagement.attribution).toEqual({
      originalRep: 50,
      handler: 50,
      credits: [
        { rep: "cat@acme.test", name: "Cat Cole", asOriginalRep: 1, asHandler: 0.5, total: 1.5 },
        { rep: "ann@acme.test", name: "Ann Avery", asOriginalRep: 0, asHandler: 0.5, total: 0.5 },
      ],
    });
  });
});
