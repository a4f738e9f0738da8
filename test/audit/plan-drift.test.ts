import { describe, expect, it } from "vitest";
import { describePlanDrift } from "../../src/audit/plan-drift";
import type { Plan, PlanItem } from "../../src/deploy";

function plan(items: PlanItem[], drift: Plan["drift"] = []): Plan {
  return {
    configVersion: "2026.11.1",
    mode: "workflows",
    computedFor: 0,
    fingerprint: { live: "x", flowRevisions: {} },
    items,
    drift,
    warnings: [],
    summary: { add: 0, change: 0, destroy: 0, unchanged: 0, unmanaged: 0, blocked: 0, drift: drift.length },
  };
}

describe("managed drift from the plan", () => {
  it("leaves out objects that match", () => {
    expect(describePlanDrift(plan([{ kind: "property", key: "routeops_rule", action: "noop", changes: [] }]))).toEqual(
      [],
    );
  });

  it("says 'not deployed yet' for differences without drift: routing/ moved on, not HubSpot", () => {
    const [item] = describePlanDrift(
      plan([
        {
          kind: "property",
          key: "routeops_pool",
          action: "update",
          changes: [{ path: "options[new-pool].label", from: undefined, to: "New pool" }],
        },
      ]),
    );
    expect(item).toEqual({
      object: "property",
      name: "routeops_pool",
      change: "differs",
      details: [
        "differs from routing/ (routing/ changed since the last deploy)",
        'options[new-pool].label: (none) -> "New pool"',
      ],
    });
  });

  it("words the plan's drift as changed outside RouteOps, with the fields and the deployed version", () => {
    const [item] = describePlanDrift(
      plan(
        [
          {
            kind: "flow",
            key: "RouteOps: inbound routing",
            action: "update",
            changes: [{ path: "isEnabled", from: false, to: true }],
          },
        ],
        [
          {
            kind: "flow",
            key: "RouteOps: inbound routing",
            drift: "disabled",
            fields: [],
            deployedVersion: "2026.11.1",
          },
        ],
      ),
    );
    expect(item).toEqual({
      object: "flow",
      name: "RouteOps: inbound routing",
      change: "disabled",
      details: [
        'workflow "RouteOps: inbound routing" was disabled outside RouteOps',
        "deployed by config version 2026.11.1",
        "isEnabled: false -> true",
      ],
    });
  });

  it("reports an object edited and edited back, and look-alikes without the managed marker", () => {
    const items = describePlanDrift(
      plan(
        [
          { kind: "property", key: "routeops_rule", action: "noop", changes: [] },
          { kind: "flow", key: "RouteOps: my copy", action: "unmanaged", changes: [], reason: "no marker" },
        ],
        [{ kind: "property", key: "routeops_rule", drift: "changed", fields: [], deployedVersion: null }],
      ),
    );
    expect(items.map((i) => [i.name, i.change])).toEqual([
      ["routeops_rule", "edited"],
      ["RouteOps: my copy", "unmanaged"],
    ]);
  });

  it("keeps long values and long change lists short", () => {
    const changes = Array.from({ length: 8 }, (_, i) => ({ path: `f${i}`, from: "x".repeat(100), to: i }));
    const [item] = describePlanDrift(plan([{ kind: "flow", key: "RouteOps: big", action: "update", changes }]));
    expect(item?.details).toHaveLength(1 + 5 + 1);
    expect(item?.details[1]).toBe(`f0: "${"x".repeat(56)}... -> 0`);
    expect(item?.details[6]).toBe("and 3 more change(s)");
  });
});
