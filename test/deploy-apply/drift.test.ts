/**
 * Drift: managed objects edited in HubSpot after a deploy (here through the API, as a person in
 * HubSpot's settings would). The plan words them as changed outside RouteOps, before the changes
 * that put them back, and a deploy does put them back.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { createHubSpotAdapter, type Flow, type HubSpotAdapter } from "../../src/hubspot";
import { deploy, plan, startPortal } from "./support";
import { createRequestOf } from "../../src/hubspot-contract";

const INBOUND = "RouteOps: inbound routing";

let emulator: RunningEmulator;
let hubspot: HubSpotAdapter;

beforeEach(async () => {
  emulator = await startPortal();
  hubspot = createHubSpotAdapter({ accessToken: emulator.token, baseUrl: emulator.baseUrl });
  const first = await deploy(emulator);
  if (first.code !== 0) throw new Error(`the first deploy failed: ${first.err}`);
});
afterEach(async () => emulator.close());

async function liveFlow(name: string): Promise<Flow> {
  const summary = (await hubspot.listFlows()).find((flow) => flow.name === name);
  if (!summary) throw new Error(`no flow ${name}`);
  const [flow] = await hubspot.getFlows([summary.id]);
  return flow!;
}

/** Replaces the live flow with an edited copy of itself, as an edit in HubSpot's editor would. */
async function editFlow(name: string, edit: (flow: Flow) => Flow): Promise<void> {
  const flow = await liveFlow(name);
  const edited = edit(structuredClone(flow));
  await hubspot.replaceFlow(edited.id, createRequestOf(edited), edited.revisionId);
}

/** Lines of the plan before the list of actions. */
const driftSection = (out: string) => out.slice(0, out.indexOf("RouteOps will perform the following actions:"));

describe("a managed object changed in HubSpot after a deploy", () => {
  it("a property's label: the plan says it was changed outside RouteOps (label), before the update", async () => {
    await hubspot.updateProperty("contacts", "routeops_pool", { label: "Pool (edited)" });
    const run = await plan(emulator, "--detailed-exitcode");
    expect(run.code).toBe(2);
    expect(driftSection(run.out)).toContain("~ property routeops_pool was changed outside RouteOps (label)");
    expect(run.out).toContain('~ label: "Pool (edited)" -> "Routing pool"');
    expect(run.out).toContain("Plan: 0 to add, 1 to change, 0 to destroy.");
  });

  it("a workflow's action: the plan says it was changed outside RouteOps and updates it from its current revision", async () => {
    await editFlow(INBOUND, (flow) => {
      const actions = flow.actions as { actionTypeId?: string; fields?: Record<string, unknown> }[];
      const setter = actions.find(
        (action) => action.actionTypeId === "0-5" && action.fields?.["property_name"] === "routeops_system",
      );
      setter!.fields!["value"] = { type: "STATIC_VALUE", staticValue: "outbound" };
      return flow;
    });
    const live = await liveFlow(INBOUND);
    const text = await plan(emulator, "--detailed-exitcode");
    expect(text.code).toBe(2);
    expect(driftSection(text.out)).toContain(`~ workflow "${INBOUND}" was changed outside RouteOps`);
    expect(text.out).toContain(`# workflow "${INBOUND}" will be updated in-place (id ${live.id})`);
    const json = JSON.parse((await plan(emulator, "--format", "json")).out) as {
      items: { key: string; action: string; revisionId: string | null }[];
    };
    expect(json.items.find((item) => item.key === INBOUND)).toMatchObject({
      action: "update",
      revisionId: live.revisionId,
    });
  });

  it("a workflow turned off: the plan says it was disabled outside RouteOps and will be enabled", async () => {
    await editFlow(INBOUND, (flow) => ({ ...flow, isEnabled: false }));
    const run = await plan(emulator);
    expect(driftSection(run.out)).toContain(`~ workflow "${INBOUND}" was disabled outside RouteOps`);
    expect(run.out).toContain(`# workflow "${INBOUND}" will be enabled`);
  });

  it("the next deploy puts every edited object back, and then nothing is left to change", async () => {
    await hubspot.updateProperty("contacts", "routeops_pool", { label: "Pool (edited)" });
    await editFlow(INBOUND, (flow) => ({ ...flow, isEnabled: false }));
    const applied = await deploy(emulator);
    expect(applied.code).toBe(0);
    expect(emulator.portal.properties.contacts.get("routeops_pool")?.label).toBe("Routing pool");
    expect((await liveFlow(INBOUND)).isEnabled).toBe(true);
    expect((await plan(emulator, "--detailed-exitcode")).code).toBe(0);
  });
});
