/**
 * What stops plan and deploy before anything is written: no token, reps without a usable HubSpot
 * owner, and workflow action types the portal does not offer. The token never shows in any output.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_ACTION_TYPES, seedFromRouting, startEmulator, type RunningEmulator } from "../../src/emulator";
import { AT, deploy, plan, reference, routeops, startPortal, writeRequests } from "./support";

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

/** A portal whose owners are the reference reps after `edit`. */
async function portalWithReps(edit: (reps: ReturnType<typeof seedFromRouting>["reps"]) => typeof reps) {
  const seed = seedFromRouting(reference, { contacts: 0 });
  return startEmulator({ seed: { ...seed, reps: edit(seed.reps) } });
}

describe("without HUBSPOT_ACCESS_TOKEN", () => {
  it.each(["plan", "deploy"])(
    "%s says to set it, or to use the demo or the emulator, and sends nothing",
    async (command) => {
      emulator = await startPortal();
      const run = await routeops(emulator, [command, "--at", AT], { env: { HUBSPOT_ACCESS_TOKEN: undefined } });
      expect(run.code).toBe(1);
      expect(run.err).toContain("HUBSPOT_ACCESS_TOKEN is not set");
      expect(run.err).toContain("routeops emulator");
      expect(run.err).toContain("routeops demo");
      expect(emulator.requests.count()).toBe(0);
    },
  );
});

describe("owners", () => {
  it("a rep of the config with no HubSpot owner stops the plan with owner_not_found naming the rep", async () => {
    const missing = reference.reps.find((rep) => rep.active !== false)!.email;
    emulator = await portalWithReps((reps) => reps.filter((rep) => rep.email !== missing));
    const run = await plan(emulator);
    expect(run.code).toBe(1);
    expect(run.err).toContain("[owner_not_found]");
    expect(run.err).toContain(missing);
    expect(run.out).toBe("");
  });

  it("a rep active in the config but deactivated in HubSpot stops deploy with owner_deactivated, before any write", async () => {
    const departed = reference.reps.find((rep) => rep.active !== false)!.email;
    emulator = await portalWithReps((reps) =>
      reps.map((rep) => (rep.email === departed ? { ...rep, active: false } : rep)),
    );
    const run = await deploy(emulator);
    expect(run.code).toBe(1);
    expect(run.err).toContain("[owner_deactivated]");
    expect(run.err).toContain(departed);
    expect(writeRequests(emulator)).toEqual([]);
  });
});

describe("action types", () => {
  const withoutRotation = DEFAULT_ACTION_TYPES.filter((type) => type.actionTypeId !== "0-11");

  it("a missing action type stops the plan with an error naming it and the flows that use it", async () => {
    emulator = await startPortal({ actionTypes: withoutRotation });
    const run = await plan(emulator);
    expect(run.code).toBe(1);
    expect(run.err).toContain("action type 0-11 (Rotate record to owner");
    expect(run.err).toContain('"RouteOps: inbound routing"');
    expect(run.out).toBe("");
  });

  it("a missing action type stops deploy before any write", async () => {
    emulator = await startPortal({ actionTypes: withoutRotation });
    const run = await deploy(emulator);
    expect(run.code).toBe(1);
    expect(run.err).toContain("action type 0-11");
    expect(writeRequests(emulator)).toEqual([]);
  });
});

describe("the token", () => {
  it("never appears in the output of plan, deploy, saved plans or their failures", async () => {
    emulator = await startPortal({ token: "pat-na1-0123abcd-4567-89ef-aaaa-bbbbccccdddd" });
    const folder = mkdtempSync(path.join(tmpdir(), "routeops-plan-"));
    const saved = path.join(folder, "plan.json");
    const runs = [
      await plan(emulator, "--format", "json", "--out", saved),
      await plan(emulator, "--format", "markdown"),
      await deploy(emulator),
      await deploy(emulator, "--format", "json"),
      await plan(emulator, "--detailed-exitcode"),
      // Rejected by HubSpot: the error quotes the request, never the token.
      await routeops(emulator, ["plan", "--at", AT], { env: { HUBSPOT_ACCESS_TOKEN: `${emulator.token}x` } }),
      // A base URL where nothing answers HubSpot's paths: every call is a 404 that quotes the request.
      await routeops(emulator, ["deploy", "--at", AT, "--hubspot-base-url", `${emulator.baseUrl}/elsewhere`]),
    ];
    expect(runs.map((run) => run.code)).toEqual([0, 0, 0, 0, 0, 1, 1]);
    for (const run of runs) {
      expect(run.out).not.toContain(emulator.token);
      expect(run.err).not.toContain(emulator.token);
      expect(run.err).not.toContain("0123abcd-4567");
    }
    expect(readFileSync(saved, "utf8")).not.toContain(emulator.token);
    expect(runs[5]!.err).toContain("HTTP 401");
    expect(runs[6]!.err).toContain("HTTP 404");
  });
});
