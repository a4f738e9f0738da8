/** readLiveState over HTTP: what it reads of the portal, and in how many calls. */
import { afterEach, describe, expect, it } from "vitest";
import { ACTION_TYPE_IDS, type RunningEmulator } from "../../src/emulator";
import { createHubSpotAdapter } from "../../src/hubspot";
import { readLiveState } from "../../src/hubspot/live-state";
import { reference, startPortal } from "./support";
import { contactFlowBody } from "../support/flow-body";

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

const flowNamed = (name: string) => contactFlowBody(name);

describe("readLiveState", () => {
  it("reads owners, the group, our properties (archived too) and our flows in full, in 8 calls", async () => {
    emulator = await startPortal();
    const hubspot = createHubSpotAdapter({ accessToken: emulator.token, baseUrl: emulator.baseUrl });
    await hubspot.createPropertyGroup("contacts", { name: "routeops", label: "RouteOps routing" });
    const text = { type: "string" as const, fieldType: "text" };
    await hubspot.createProperties("contacts", [
      { name: "routeops_pool", label: "Pool", groupName: "routeops", ...text },
      { name: "routeops_gone", label: "Gone", groupName: "contactinformation", ...text },
      { name: "lead_grade", label: "Lead grade", groupName: "routeops", ...text },
      { name: "favourite_colour", label: "Favourite colour", groupName: "contactinformation", ...text },
    ]);
    await hubspot.archiveProperty("contacts", "routeops_gone");
    const ours = await hubspot.createFlow(flowNamed("RouteOps: inbound routing"));
    await hubspot.createFlow(flowNamed("Lead scoring"));
    emulator.requests.reset();

    const live = await readLiveState(createHubSpotAdapter({ accessToken: emulator.token, baseUrl: emulator.baseUrl }));
    expect(emulator.requests.count()).toBe(8);
    expect(live.group).toEqual({ name: "routeops", label: "RouteOps routing", archived: false });
    expect(live.properties.map((p) => [p.name, p.archived === true]).sort()).toEqual([
      ["lead_grade", false],
      ["routeops_gone", true],
      ["routeops_pool", false],
    ]);
    expect(live.flows.map((flow) => [flow.id, flow.name, flow.revisionId])).toEqual([
      [ours.id, "RouteOps: inbound routing", ours.revisionId],
    ]);
    expect(live.flows[0]?.["actions"]).toHaveLength(1);
    expect(live.owners.map((owner) => [owner.email, owner.archived]).sort()).toEqual(
      reference.reps.map((rep) => [rep.email, rep.active === false]).sort(),
    );
    expect([...live.actionTypes].sort()).toEqual(Object.values(ACTION_TYPE_IDS).sort());
  });

  it("skips the flow batch read when no flow looks like ours", async () => {
    emulator = await startPortal();
    const live = await readLiveState(createHubSpotAdapter({ accessToken: emulator.token, baseUrl: emulator.baseUrl }));
    expect(live.flows).toEqual([]);
    expect(live.group).toBeNull();
    expect(emulator.requests.count()).toBe(7);
    expect(emulator.requests.count("POST /automation/v4/flows/batch/read")).toBe(0);
  });
});
