/**
 * The apply core without HTTP: which writes a plan makes and in which order, the revisions each
 * replace sends, what a failed write leaves applied and not, and the checks that refuse a plan.
 */
import { describe, expect, it } from "vitest";
import {
  applyPlan,
  deployRefusals,
  deployWrites,
  destructiveChanges,
  planDeploy,
  type DeployPort,
  type FlowBody,
  type LiveFlow,
  type LiveState,
  type PropertyDefinition,
} from "../../src/deploy";
import { compile, emptyLive, readBack } from "../deploy/support";

const desired = compile();
const ALL_ACTION_TYPES = ["0-1", "0-3", "0-5", "0-8", "0-9", "0-11", "0-35", "0-46510720"];

type Call = { method: keyof DeployPort; args: unknown[] };

/** A port that records every call; flows get ids 1, 2, ... and revisions count up from 10. */
function recordingPort(failAt?: number): DeployPort & { calls: Call[] } {
  const calls: Call[] = [];
  let flows = 0;
  let revision = 10;
  const record =
    <A extends unknown[], R>(method: keyof DeployPort, answer: (...args: A) => R) =>
    async (...args: A): Promise<R> => {
      calls.push({ method, args });
      if (calls.length === failAt) throw new Error("HubSpot said no");
      return answer(...args);
    };
  return {
    calls,
    createPropertyGroup: record("createPropertyGroup", () => undefined),
    updatePropertyGroup: record("updatePropertyGroup", () => undefined),
    createProperties: record("createProperties", () => undefined),
    updateProperty: record("updateProperty", () => undefined),
    archiveProperty: record("archiveProperty", () => undefined),
    createFlow: record("createFlow", () => ({ id: String(++flows), revisionId: String(++revision) })),
    replaceFlow: record("replaceFlow", (id: string) => ({ id, revisionId: String(++revision) })),
    deleteFlow: record("deleteFlow", () => undefined),
  };
}

function withFlow(live: LiveState, name: string, edit: (flow: LiveFlow) => LiveFlow): LiveState {
  return { ...live, flows: live.flows.map((flow) => (flow.name === name ? edit(structuredClone(flow)) : flow)) };
}

const INBOUND = "RouteOps: inbound routing";

describe("deployWrites", () => {
  it("from an empty portal: the group, one batch of every property, each flow created disabled, then each enabled", () => {
    const writes = deployWrites(planDeploy(desired, emptyLive()).plan);
    const flows = desired.flows.map((flow) => flow.body.name);
    expect(writes.map((write) => `${write.op} ${write.op === "create-properties" ? "" : write.key}`.trim())).toEqual([
      "create-group routeops",
      "create-properties",
      ...flows.map((name) => `create-flow ${name}`),
      ...flows.map((name) => `enable-flow ${name}`),
    ]);
    const batch = writes[1] as { properties: PropertyDefinition[] };
    expect(batch.properties.map((property) => property.name)).toEqual(desired.properties.map((p) => p.name));
    for (const write of writes) {
      if (write.op === "create-flow") expect(write.body.isEnabled).toBe(false);
      if (write.op === "enable-flow") expect(write.body.isEnabled).toBe(true);
    }
  });

  it("against a portal that matches, makes no write", () => {
    expect(deployWrites(planDeploy(desired, readBack(desired)).plan)).toEqual([]);
  });
});

describe("applyPlan", () => {
  it("enables a created flow at the revision its create answered, not at a planned one", async () => {
    const port = recordingPort();
    const result = await applyPlan(planDeploy(desired, emptyLive()).plan, port);
    expect(result.ok).toBe(true);
    const created = port.calls.filter((call) => call.method === "createFlow").length;
    const enables = port.calls.filter((call) => call.method === "replaceFlow");
    expect(enables).toHaveLength(created);
    // Creates answered ids 1..n with revisions 11..10+n, in order.
    expect(enables.map((call) => [call.args[0], call.args[2]])).toEqual(
      enables.map((_, index) => [String(index + 1), String(11 + index)]),
    );
    expect(Object.keys(result.flows).sort()).toEqual(desired.flows.map((flow) => flow.body.name).sort());
  });

  it("re-enables a flow disabled by hand with one replace at the revision the plan read", async () => {
    const live = withFlow(readBack(desired), INBOUND, (flow) => ({ ...flow, isEnabled: false, revisionId: "7" }));
    const port = recordingPort();
    await applyPlan(planDeploy(desired, live).plan, port);
    expect(port.calls).toHaveLength(1);
    const [id, body, revision] = port.calls[0]!.args as [string, FlowBody, string];
    const inbound = live.flows.find((flow) => flow.name === INBOUND)!;
    expect([id, body.name, body.isEnabled, revision]).toEqual([inbound.id, INBOUND, true, "7"]);
  });

  it("updates a changed, disabled flow in its disabled state, then enables it at the update's revision", async () => {
    const live = withFlow(readBack(desired), INBOUND, (flow) => ({
      ...flow,
      isEnabled: false,
      revisionId: "7",
      actions: (flow.actions as unknown[]).slice(1),
    }));
    const port = recordingPort();
    await applyPlan(planDeploy(desired, live).plan, port);
    const replaces = port.calls.map((call) => call.args as [string, FlowBody, string]);
    expect(replaces.map(([, body, revision]) => [body.isEnabled, revision])).toEqual([
      [false, "7"],
      [true, "11"],
    ]);
  });

  it("stops at the first failed write: what came before is applied, the failed write and the rest are not", async () => {
    const plan = planDeploy(desired, emptyLive()).plan;
    const port = recordingPort(4);
    const result = await applyPlan(plan, port);
    expect(result.ok).toBe(false);
    expect(port.calls).toHaveLength(4);
    expect(result.applied).toEqual(result.writes.slice(0, 3));
    expect(result.notApplied).toEqual(result.writes.slice(3));
    expect(result.failed?.write).toEqual(result.writes[3]);
    expect((result.failed?.error as Error).message).toBe("HubSpot said no");
  });
});

describe("deployRefusals", () => {
  const context = { allowDestroy: false, portalActionTypes: ALL_ACTION_TYPES };

  it("accepts a plan of creates against a portal that has every action type", () => {
    expect(deployRefusals(planDeploy(desired, emptyLive()), context)).toEqual([]);
  });

  it("refuses when the portal lacks an action type, naming it", () => {
    const refusals = deployRefusals(planDeploy(desired, emptyLive()), {
      ...context,
      portalActionTypes: ALL_ACTION_TYPES.filter((id) => id !== "0-46510720"),
    });
    expect(refusals.map((refusal) => refusal.code)).toEqual(["action_type_missing"]);
    expect(refusals[0]?.objects).toEqual(["action type 0-46510720"]);
  });

  it("refuses a flow without the managed marker in a wanted name, but not one the config does not want", () => {
    const unmarked = (flow: LiveFlow) => ({ ...flow, description: "made by hand" });
    let live = withFlow(readBack(desired), INBOUND, unmarked);
    live = {
      ...live,
      flows: [...live.flows, { ...live.flows[0]!, id: "42", name: "RouteOps: side project", description: "" }],
    };
    const refusals = deployRefusals(planDeploy(desired, live), context);
    expect(refusals.map((refusal) => [refusal.code, refusal.objects])).toEqual([
      ["unmanaged_in_the_way", [`workflow "${INBOUND}"`]],
    ]);
    expect(deployRefusals(planDeploy(desired, live, { adopt: true }), context)).toEqual([]);
  });

  it("refuses a property name that is in HubSpot's recycle bin", () => {
    const live = readBack(desired);
    const archived = {
      ...live,
      properties: live.properties.map((p) => (p.name === "routeops_pool" ? { ...p, archived: true } : p)),
    };
    expect(deployRefusals(planDeploy(desired, archived), context).map((refusal) => refusal.code)).toEqual([
      "objects_blocked",
    ]);
  });

  it("counts a removed option as destructive, and lets it through with allowDestroy", () => {
    const live = readBack(desired);
    const extra = { label: "Old source", value: "old_source", displayOrder: 99, hidden: false };
    const withOld = {
      ...live,
      properties: live.properties.map((p) =>
        p.name === "routeops_source_type" ? { ...p, options: [...(p.options ?? []), extra] } : p,
      ),
    };
    const planned = planDeploy(desired, withOld);
    expect(destructiveChanges(planned.plan).map((change) => change.what)).toEqual([
      "remove option old_source of property routeops_source_type",
    ]);
    expect(deployRefusals(planned, context).map((refusal) => refusal.code)).toEqual(["destroy_not_allowed"]);
    expect(deployRefusals(planned, { ...context, allowDestroy: true })).toEqual([]);
  });

  it("does not count a changed option label as destructive", () => {
    const live = readBack(desired);
    const relabelled = {
      ...live,
      properties: live.properties.map((p) =>
        p.name === "routeops_source_type"
          ? { ...p, options: p.options?.map((o) => ({ ...o, label: `${o.label}!` })) }
          : p,
      ),
    };
    expect(destructiveChanges(planDeploy(desired, relabelled).plan)).toEqual([]);
  });
});
