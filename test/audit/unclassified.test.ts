import { describe, expect, it } from "vitest";
import { audit, contact, routed } from "./audit-fixtures";

const unclassified = (id: string, createdAt: string, source: string | null, d1: string | null, d2: string | null) =>
  contact(
    {
      createdate: createdAt,
      hs_analytics_source: source,
      hs_analytics_source_data_1: d1,
      hs_analytics_source_data_2: d2,
      firstname: "Pat",
      lastname: id,
    },
    id,
  );

describe("audit: unclassified contacts", () => {
  // Window: 16-30 Nov; previous window: 2-16 Nov.
  const report = audit([
    unclassified("101", "2026-11-17T10:00:00Z", "OFFLINE", "IMPORT", "list-a.csv"),
    unclassified("102", "2026-11-18T10:00:00Z", "OFFLINE", "IMPORT", "list-a.csv"),
    unclassified("103", "2026-11-19T10:00:00Z", "OFFLINE", "INTEGRATION", "Zapier"),
    unclassified("104", "2026-11-20T10:00:00Z", null, null, null),
    unclassified("105", "2026-11-10T10:00:00Z", "OFFLINE", "IMPORT", "list-a.csv"), // previous window
    unclassified("106", "2026-11-03T10:00:00Z", "OFFLINE", "INTEGRATION", "Salesforce"), // previous window
    unclassified("107", "2026-10-01T10:00:00Z", "OFFLINE", "IMPORT", "list-a.csv"), // before both windows
    unclassified("108", "2026-11-30T00:00:00Z", "OFFLINE", "IMPORT", "list-a.csv"), // the window's end is excluded
    contact(routed("inbound", "demo", "2026-11-17T10:00:00Z")), // classified: not counted
  ]);

  it("counts contacts created in the window without a source type, against the previous window", () => {
    // Now: 101, 102, 103, 104. Before: 105, 106.
    expect(report.unclassified.trend).toEqual({ current: 4, previous: 2, change: 2, changeRate: 1 });
    expect(report.findings.unclassified).toBe(4);
  });

  it("groups them by original source and its drill-downs, largest first, unknown origin last among equals", () => {
    const groups = report.unclassified.groups.map((g) => [
      g.source,
      g.detail1,
      g.detail2,
      g.trend.current,
      g.trend.previous,
    ]);
    expect(groups).toEqual([
      ["OFFLINE", "IMPORT", "list-a.csv", 2, 1],
      ["OFFLINE", "INTEGRATION", "Zapier", 1, 0],
      [null, null, null, 1, 0],
      ["OFFLINE", "INTEGRATION", "Salesforce", 0, 1],
    ]);
  });

  it("keeps example contacts of this window with links into the portal", () => {
    expect(report.unclassified.groups[0]?.examples).toEqual([
      { id: "101", name: "Pat 101", url: "https://app.hubspot.com/contacts/4242/record/0-1/101" },
      { id: "102", name: "Pat 102", url: "https://app.hubspot.com/contacts/4242/record/0-1/102" },
    ]);
  });

  it("builds no link when the portal is unknown", () => {
    const noPortal = audit([unclassified("101", "2026-11-17T10:00:00Z", "OFFLINE", "IMPORT", "x")], { portalId: "" });
    expect(noPortal.unclassified.groups[0]?.examples[0]?.url).toBeNull();
  });

  it("folds groups past the listed ten into one line", () => {
    const many = Array.from({ length: 13 }, (_, i) =>
      unclassified(String(200 + i), "2026-11-17T10:00:00Z", "OFFLINE", "IMPORT", `list-${String(i).padStart(2, "0")}`),
    );
    const folded = audit(many);
    expect(folded.unclassified.groups).toHaveLength(10);
    expect(folded.unclassified.otherGroups).toEqual({ groups: 3, contacts: 3 });
  });
});
