import { describe, expect, it } from "vitest";
import { audit, config } from "./audit-fixtures";

describe("audit: owner drift", () => {
  const withEve = {
    ...config,
    reps: [...config.reps, { email: "eve@acme.test", name: "Eve", role: "AE", calendar: "ny", territories: [] }],
  };
  const report = audit([], { config: withEve });

  it("reports a pool member whose HubSpot user was deactivated", () => {
    const dan = report.drift.items.find((item) => item.name === "dan@acme.test");
    expect(dan).toMatchObject({ object: "pool_member", change: "deactivated" });
    expect(dan?.details).toContain("member of pool ae-pool");
  });

  it("reports an active rep with no HubSpot owner", () => {
    expect(report.drift.items.find((item) => item.name === "eve@acme.test")).toMatchObject({
      object: "owner",
      change: "no owner",
    });
  });

  it("leaves out reps the config already marks inactive, and active owners", () => {
    expect(report.drift.items.map((item) => item.name).sort()).toEqual(["dan@acme.test", "eve@acme.test"]);
    expect(report.findings.drift).toBe(2);
  });
});
