import { describe, expect, it } from "vitest";
import {
  MANAGED_FLOWS,
  MANAGED_PROPERTIES,
  planChanges,
  planSteps,
  type LiveFlow,
  type LiveProperty,
  type LiveState,
  type PlanItem,
} from "../../src/deploy";
import { compile, emptyLive, MARCH, readBack, reference } from "./support";

const desired = compile();
const itemOf = (items: PlanItem[], kind: PlanItem["kind"], key: string) =>
  items.find((i) => i.kind === kind && i.key === key);
const changed = (items: PlanItem[]) => items.filter((i) => i.action !== "noop");

function editProperty(live: LiveState, name: string, edit: (p: LiveProperty) => LiveProperty): LiveState {
  return { ...live, properties: live.properties.map((p) => (p.name === name ? edit(structuredClone(p)) : p)) };
}

function editFlow(live: LiveState, name: string, edit: (f: LiveFlow) => LiveFlow): LiveState {
  return { ...live, flows: live.flows.map((f) => (f.name === name ? edit(structuredClone(f)) : f)) };
}

describe("planChanges", () => {
  it("plans every object as a create against an empty portal, flows disabled until enabled last", () => {
    const plan = planChanges(desired, emptyLive());
    expect(plan.items.map((i) => i.action)).toEqual(plan.items.map(() => "create"));
    expect(plan.summary).toMatchObject({
      add: 1 + desired.properties.length + desired.flows.length,
      change: 0,
      destroy: 0,
    });
    const flows = plan.items.filter((i) => i.kind === "flow");
    expect(flows.every((i) => i.enable === true && (i.desired as { isEnabled: boolean }).isEnabled === false)).toBe(
      true,
    );
  });

  it("plans no change when the portal holds what was deployed, with HubSpot's defaults, ids and timestamps added", () => {
    const plan = planChanges(desired, readBack(desired));
    expect(changed(plan.items)).toEqual([]);
    expect(plan.drift).toEqual([]);
  });

  it("plans no change when HubSpot returns options, filters and actions in another order", () => {
    let live = readBack(desired);
    live = editProperty(live, MANAGED_PROPERTIES.sourceType, (p) => ({
      ...p,
      options: [...(p.options ?? [])].reverse(),
    }));
    live = editFlow(live, MANAGED_FLOWS.inbound, (f) => {
      const actions = [...(f.actions as unknown[])].reverse();
      const criteria = f.enrollmentCriteria as { listFilterBranch: { filterBranches: { filters: unknown[] }[] } };
      for (const branch of criteria.listFilterBranch.filterBranches) branch.filters.reverse();
      return { ...f, actions };
    });
    expect(changed(planChanges(desired, live).items)).toEqual([]);
  });

  it("plans an in-place update, field by field, for a property label edited in HubSpot, and reports the drift", () => {
    const live = editProperty(readBack(desired), MANAGED_PROPERTIES.pool, (p) => ({ ...p, label: "Pool (edited)" }));
    const plan = planChanges(desired, live);
    const item = itemOf(plan.items, "property", MANAGED_PROPERTIES.pool);
    expect(item?.action).toBe("update");
    expect(item?.changes).toEqual([{ path: "label", from: "Pool (edited)", to: "Routing pool" }]);
    expect(plan.drift).toEqual([
      {
        kind: "property",
        key: MANAGED_PROPERTIES.pool,
        drift: "changed",
        fields: ["label"],
        deployedVersion: "2026.11.1",
      },
    ]);
    expect(changed(plan.items)).toHaveLength(1);
  });

  it("plans to add back an option removed in HubSpot", () => {
    const live = editProperty(readBack(desired), MANAGED_PROPERTIES.pool, (p) => ({
      ...p,
      options: (p.options ?? []).filter((o) => o.value !== "outbound-emea"),
    }));
    const item = itemOf(planChanges(desired, live).items, "property", MANAGED_PROPERTIES.pool);
    expect(item?.action).toBe("update");
    expect(item?.changes).toEqual([
      {
        path: "options.outbound-emea",
        from: undefined,
        to: expect.objectContaining({ label: "Outbound hunters, EMEA" }),
      },
    ]);
  });

  it("plans an update of a flow edited in HubSpot, naming the changed field and keeping the flow's id and revision", () => {
    const live = editFlow(readBack(desired), MANAGED_FLOWS.outbound, (f) => {
      const actions = f.actions as { fields?: { property_name?: string; value?: { staticValue?: string } } }[];
      const version = actions.find((a) => a.fields?.property_name === MANAGED_PROPERTIES.configVersion);
      if (version?.fields?.value) version.fields.value.staticValue = "hand-edited";
      return f;
    });
    const plan = planChanges(desired, live);
    const item = itemOf(plan.items, "flow", MANAGED_FLOWS.outbound);
    expect(item).toMatchObject({ action: "update", id: expect.any(String), revisionId: "3" });
    expect(item?.changes).toEqual([
      { path: "steps[1].fields.value.staticValue", from: "hand-edited", to: "2026.11.1" },
    ]);
    expect(plan.drift.map((d) => [d.key, d.drift])).toEqual([[MANAGED_FLOWS.outbound, "changed"]]);
  });

  it("plans to enable a flow disabled in HubSpot, after every write, and reports it as drift", () => {
    const live = editFlow(readBack(desired), MANAGED_FLOWS.inbound, (f) => ({ ...f, isEnabled: false }));
    const plan = planChanges(desired, live);
    const item = itemOf(plan.items, "flow", MANAGED_FLOWS.inbound);
    expect(item).toMatchObject({
      action: "update",
      enable: true,
      changes: [{ path: "isEnabled", from: false, to: true }],
    });
    expect(plan.drift).toEqual([expect.objectContaining({ key: MANAGED_FLOWS.inbound, drift: "disabled" })]);
    expect(planSteps(plan)).toEqual([{ op: "enable-flow", key: MANAGED_FLOWS.inbound, id: item?.id }]);
  });

  it("plans to create again a flow deleted in HubSpot", () => {
    const live = readBack(desired);
    const plan = planChanges(desired, {
      ...live,
      flows: live.flows.filter((f) => f.name !== MANAGED_FLOWS.reengagement),
    });
    expect(changed(plan.items).map((i) => [i.kind, i.key, i.action])).toEqual([
      ["flow", MANAGED_FLOWS.reengagement, "create"],
    ]);
  });

  it("plans to delete managed flows and archive managed properties the config no longer has, after the writes", () => {
    const live = readBack(desired);
    const oldFlow = { ...structuredClone(live.flows[0] as LiveFlow), id: "7777", name: "RouteOps: old routing" };
    const oldProperty = { ...structuredClone(live.properties[0] as LiveProperty), name: "routeops_old_score" };
    const withOld = { ...live, flows: [...live.flows, oldFlow], properties: [...live.properties, oldProperty] };
    const plan = planChanges({ ...desired, group: { ...desired.group, label: "Renamed" } }, withOld);
    expect(changed(plan.items).map((i) => [i.kind, i.action])).toEqual([
      ["group", "update"],
      ["flow", "delete"],
      ["property", "archive"],
    ]);
    expect(plan.summary).toMatchObject({ add: 0, change: 1, destroy: 2 });
    expect(planSteps(plan).map((s) => s.op)).toEqual(["update-group", "delete-flow", "archive-property"]);
  });

  it("orders writes as terraform-like apply steps: group, properties, flows, then enables", () => {
    const steps = planSteps(planChanges(desired, emptyLive())).map((s) => s.op);
    const first = (op: string) => steps.indexOf(op as never);
    expect(first("create-group")).toBe(0);
    expect(first("create-property")).toBeLessThan(first("create-flow"));
    expect(steps.lastIndexOf("create-flow")).toBeLessThan(first("enable-flow"));
    expect(steps.filter((op) => op === "enable-flow")).toHaveLength(desired.flows.length);
  });

  it("reports look-alikes without the managed marker as unmanaged and never touches them", () => {
    const live = readBack(desired);
    const stranger = {
      ...structuredClone(live.properties[0] as LiveProperty),
      name: "routeops_legacy_score",
      description: "made by hand",
    };
    const taken = editProperty(
      { ...live, properties: [...live.properties, stranger] },
      MANAGED_PROPERTIES.queue,
      (p) => ({
        ...p,
        description: "made by hand",
      }),
    );
    const plan = planChanges(desired, taken);
    expect(changed(plan.items).map((i) => [i.key, i.action, i.desired])).toEqual([
      [MANAGED_PROPERTIES.queue, "unmanaged", undefined],
      ["routeops_legacy_score", "unmanaged", undefined],
    ]);
    expect(planSteps(plan)).toEqual([]);
    expect(plan.summary.unmanaged).toBe(2);
  });

  it("takes over a look-alike that has a wanted name when asked to adopt, and still leaves the others alone", () => {
    const live = readBack(desired);
    const stranger = {
      ...structuredClone(live.properties[0] as LiveProperty),
      name: "routeops_legacy_score",
      description: "made by hand",
    };
    const taken = editProperty(
      { ...live, properties: [...live.properties, stranger] },
      MANAGED_PROPERTIES.queue,
      (p) => ({
        ...p,
        description: "made by hand",
      }),
    );
    const plan = planChanges(desired, taken, { adopt: true });
    const queue = itemOf(plan.items, "property", MANAGED_PROPERTIES.queue);
    expect(queue).toMatchObject({ action: "update", adopt: true });
    expect(queue?.changes.map((c) => c.path)).toEqual(["description"]);
    expect(itemOf(plan.items, "property", "routeops_legacy_score")?.action).toBe("unmanaged");
  });

  it("reports an unmanaged flow with a wanted name, and adopts it only when asked", () => {
    const live = editFlow(readBack(desired), MANAGED_FLOWS.outbound, (f) => ({ ...f, description: "built by hand" }));
    expect(itemOf(planChanges(desired, live).items, "flow", MANAGED_FLOWS.outbound)?.action).toBe("unmanaged");
    expect(itemOf(planChanges(desired, live, { adopt: true }).items, "flow", MANAGED_FLOWS.outbound)).toMatchObject({
      action: "update",
      adopt: true,
    });
  });

  it("blocks a property whose name is in HubSpot's recycle bin, and reports a managed one as archived outside RouteOps", () => {
    const live = editProperty(readBack(desired), MANAGED_PROPERTIES.nurture, (p) => ({ ...p, archived: true }));
    const plan = planChanges(desired, live);
    expect(itemOf(plan.items, "property", MANAGED_PROPERTIES.nurture)?.action).toBe("blocked");
    expect(plan.drift).toEqual([expect.objectContaining({ key: MANAGED_PROPERTIES.nurture, drift: "archived" })]);
    expect(plan.summary.blocked).toBe(1);
  });

  it("deletes a duplicate managed flow left by an interrupted deploy, keeping the oldest", () => {
    const live = readBack(desired);
    const original = live.flows.find((f) => f.name === MANAGED_FLOWS.inbound) as LiveFlow;
    const plan = planChanges(desired, {
      ...live,
      flows: [...live.flows, { ...structuredClone(original), id: "99999" }],
    });
    expect(changed(plan.items).map((i) => [i.key, i.action, i.id])).toEqual([
      [MANAGED_FLOWS.inbound, "delete", "99999"],
    ]);
  });

  it("updates every managed object, and only its version, when only the config version changes", () => {
    const next = compile(MARCH, { ...structuredClone(reference), version: "2026.12.1" });
    const plan = planChanges(next, readBack(desired));
    for (const item of changed(plan.items)) {
      for (const change of item.changes) {
        const versionOnly = change.from === "2026.11.1" && change.to === "2026.12.1";
        expect(change.path === "description" || versionOnly, `${item.key} ${change.path}`).toBe(true);
      }
    }
    expect(plan.summary).toMatchObject({
      add: 0,
      change: desired.properties.length + desired.flows.length,
      destroy: 0,
    });
    expect(plan.drift).toEqual([]);
  });
});
