/**
 * Crash safety: a deploy of the reference organisation to an empty portal, interrupted after
 * every possible number of writes k, then run again plainly, ends in exactly the portal an
 * uninterrupted deploy gives, with nothing duplicated. Two ways to be interrupted: the
 * (k+1)-th write never reaches HubSpot, or it lands and its answer is lost.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applyPlan,
  deployWrites,
  desiredState,
  planChanges,
  planDeploy,
  type DeployPort,
  type DesiredState,
  type OwnerDirectory,
} from "../../src/deploy";
import type { RunningEmulator } from "../../src/emulator";
import { createHubSpotAdapter } from "../../src/hubspot";
import { createDeployPort } from "../../src/hubspot/deploy-port";
import { readLiveState } from "../../src/hubspot/live-state";
import { emptyLive, ownersOf } from "../deploy/support";
import { AT_MS, deploy, duplicates, normalisedDump, reference, startPortal } from "./support";

type Interruption = "before-write" | "answer-lost";

/** A port whose writes after the first `k` fail: before reaching HubSpot, or after landing. */
function interruptedAfter(port: DeployPort, k: number, how: Interruption): DeployPort {
  let writes = 0;
  const wrap =
    <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      writes += 1;
      if (writes <= k) return write(...args);
      if (how === "answer-lost") await write(...args);
      throw new Error(`interrupted at write ${writes}`);
    };
  return {
    createPropertyGroup: wrap(port.createPropertyGroup),
    updatePropertyGroup: wrap(port.updatePropertyGroup),
    createProperties: wrap(port.createProperties),
    updateProperty: wrap(port.updateProperty),
    archiveProperty: wrap(port.archiveProperty),
    createFlow: wrap(port.createFlow),
    replaceFlow: wrap(port.replaceFlow),
    deleteFlow: wrap(port.deleteFlow),
  };
}

function compiled(owners: Parameters<typeof desiredState>[1]["owners"]): DesiredState {
  const result = desiredState(reference, { owners, at: AT_MS, mode: "workflows" });
  if ("errors" in result) throw new Error(result.errors.map((error) => error.message).join("\n"));
  return result.state;
}

// The number of writes of a deploy from an empty portal, from the plan itself (owner ids do not change it).
const WRITES = deployWrites(planChanges(compiled(ownersOf()), emptyLive())).length;

let uninterrupted: unknown;
/** The desired state for the seeded owners: every fresh portal has the same owner ids. */
let desired: DesiredState;
let owners: OwnerDirectory;

beforeAll(async () => {
  const emulator = await startPortal({ rateLimits: false });
  try {
    owners = (await readLiveState(adapterFor(emulator))).owners;
    desired = compiled(owners);
    const run = await deploy(emulator);
    if (run.code !== 0) throw new Error(`the uninterrupted deploy failed: ${run.err}`);
    uninterrupted = normalisedDump(emulator);
  } finally {
    await emulator.close();
  }
});

const adapterFor = (running: RunningEmulator) =>
  createHubSpotAdapter({ accessToken: running.token, baseUrl: running.baseUrl });

let emulator: RunningEmulator | undefined;
afterAll(async () => emulator?.close());

describe.each<Interruption>(["before-write", "answer-lost"])("a deploy interrupted (%s), then run again", (how) => {
  it("has at least the group, the property batch, a create and an enable per flow to interrupt", () => {
    expect(WRITES).toBe(2 + 2 * compiled(ownersOf()).flows.length);
  });

  for (let k = 0; k < WRITES; k++) {
    it(`converges to the uninterrupted portal after ${k} of the writes`, async () => {
      emulator = await startPortal({ rateLimits: false });
      const hubspot = adapterFor(emulator);
      const live = await readLiveState(hubspot);
      expect(live.owners).toEqual(owners);
      const planned = planDeploy(desired, live);
      const first = await applyPlan(planned.plan, interruptedAfter(createDeployPort(hubspot), k, how));
      expect(first.ok).toBe(false);
      expect(first.applied).toHaveLength(k);

      const rerun = await deploy(emulator);
      expect(rerun.err).toContain("HubSpot API calls");
      expect(rerun.code).toBe(0);
      expect(normalisedDump(emulator)).toEqual(uninterrupted);
      const dump = emulator.portal;
      expect(duplicates(dump.flows.list().map((flow) => flow.name))).toEqual([]);
      expect(dump.flows.list().every((flow) => flow.isEnabled)).toBe(true);
      await emulator.close();
      emulator = undefined;
    });
  }
});
