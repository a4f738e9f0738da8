/**
 * Objects that look like RouteOps' own (a `routeops_` property, a workflow named "RouteOps...")
 * but carry no managed marker were made by hand: plan and deploy never touch them. When the
 * config wants one of their names, deploy stops until `--adopt` takes it over.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MANAGED_MARKER } from "../../src/deploy";
import type { RunningEmulator } from "../../src/emulator";
import { createHubSpotAdapter, type Flow, type HubSpotAdapter } from "../../src/hubspot";
import { deploy, plan, startPortal, writeRequests } from "./support";
import { contactFlowBody, delayAction } from "../support/flow-body";
import { PRIMARY_COMPANY_SOURCE } from "../../src/deploy/compile/env";

const INBOUND = "RouteOps: inbound routing";
const EXPERIMENT = "RouteOps: my experiment";

let emulator: RunningEmulator;
let hubspot: HubSpotAdapter;
let handMade: { inbound: Flow; experiment: Flow };

/** A small flow, as someone would build by hand in HubSpot: no managed marker in its description. */
// The inbound flow reads the primary company (a data source). A PUT cannot change a flow's data
// sources (SDK ContactFlowPutRequest has none), so the look-alike has the same one.
const handMadeFlow = (name: string) =>
  contactFlowBody(name, {
    description: "Built by hand while trying things out.",
    actions: [delayAction("1", 10)],
    dataSources: name === INBOUND ? [PRIMARY_COMPANY_SOURCE] : [],
  });

beforeEach(async () => {
  emulator = await startPortal();
  hubspot = createHubSpotAdapter({ accessToken: emulator.token, baseUrl: emulator.baseUrl });
  await hubspot.createProperties("contacts", [
    { name: "routeops_pool", label: "Pool", type: "string", fieldType: "text", groupName: "contactinformation" },
  ]);
  handMade = {
    inbound: await hubspot.createFlow(handMadeFlow(INBOUND)),
    experiment: await hubspot.createFlow(handMadeFlow(EXPERIMENT)),
  };
  emulator.requests.reset();
});
afterEach(async () => emulator.close());

describe("hand-made look-alikes", () => {
  it("are listed by the plan as left untouched, and those in the config's way make it exit 1 with the --adopt hint", async () => {
    const run = await plan(emulator);
    const untouched = run.out.slice(run.out.indexOf("carry no managed marker"), run.out.indexOf("Resource actions"));
    expect(untouched).toContain("? property routeops_pool");
    expect(untouched).toContain(`? workflow "${INBOUND}" (id ${handMade.inbound.id})`);
    expect(untouched).toContain(`? workflow "${EXPERIMENT}" (id ${handMade.experiment.id})`);
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      `property routeops_pool, workflow "${INBOUND}" exist in HubSpot without the managed marker`,
    );
    expect(run.err).toContain("--adopt");
    expect(run.err).not.toContain(`workflow "${EXPERIMENT}" exist`);
  });

  it("stop deploy without --adopt before any write", async () => {
    const run = await deploy(emulator);
    expect(run.code).toBe(1);
    expect(run.err).toContain("nothing was written");
    expect(writeRequests(emulator)).toEqual([]);
    expect(emulator.portal.flows.get(handMade.inbound.id)?.revisionId).toBe(handMade.inbound.revisionId);
  });

  it("are taken over in place by deploy --adopt, except the one the config does not want", async () => {
    const adopted = await plan(emulator, "--adopt");
    expect(adopted.out).toContain(
      `# workflow "${INBOUND}" will be taken over and updated in-place (id ${handMade.inbound.id})`,
    );
    expect(adopted.out).toContain("# property routeops_pool will be taken over and updated in-place");

    const run = await deploy(emulator, "--adopt");
    expect(run.code).toBe(0);
    const pool = emulator.portal.properties.contacts.get("routeops_pool");
    expect(pool).toMatchObject({ type: "enumeration", groupName: "routeops", label: "Routing pool" });
    expect(pool?.description).toContain(MANAGED_MARKER);
    const inbound = emulator.portal.flows.list().filter((flow) => flow.name === INBOUND);
    expect(inbound.map((flow) => flow.id)).toEqual([handMade.inbound.id]);
    expect(inbound[0]).toMatchObject({ isEnabled: true });
    expect(inbound[0]?.description).toContain(MANAGED_MARKER);
    const experiment = emulator.portal.flows.get(handMade.experiment.id);
    expect(experiment).toMatchObject({ revisionId: handMade.experiment.revisionId, isEnabled: false });
    expect(experiment?.description).not.toContain(MANAGED_MARKER);

    const after = await plan(emulator, "--detailed-exitcode");
    expect(after.code).toBe(0);
    expect(after.out).toContain(`? workflow "${EXPERIMENT}"`);
  });
});
