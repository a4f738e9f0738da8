/**
 * A write that HubSpot fails (here: every workflow create answered 5xx by the emulator's fault
 * injection): deploy says what was applied and what was not, exits 1, and a plain re-run once
 * HubSpot answers again finishes the job. The portal survives in between in the emulator's
 * state file.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { seedFromRouting, startEmulator, type RunningEmulator } from "../../src/emulator";
import { compile } from "../deploy/support";
import { deploy, plan, reference } from "./support";

const TOKEN = "pat-emulator-failed-write-test";
let folder: string | undefined;
let emulator: RunningEmulator | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe("a deploy whose workflow creates fail", () => {
  it("reports what was applied and what was not, exits 1, and a re-run converges", async () => {
    folder = mkdtempSync(path.join(tmpdir(), "routeops-failed-write-"));
    const statePath = path.join(folder, "portal.json");
    const seed = seedFromRouting(reference, { contacts: 0 });
    emulator = await startEmulator({
      seed,
      statePath,
      token: TOKEN,
      faults: { seed: 1, rate: 1, kinds: ["5xx"], endpoints: ["POST /automation/v4/flows"] },
    });
    const failed = await deploy(emulator);
    expect(failed.code).toBe(1);
    expect(failed.out).toMatch(
      /Deploy failed at write 3 of (\d+) \(create workflow "[^"]+" \(disabled\)\):\n {2}HubSpot POST \/automation\/v4\/flows failed \(HTTP 50\d/,
    );
    expect(failed.out).toContain("Applied (2):\n  - create property group routeops\n  - create ");
    expect(failed.out).toMatch(/Not applied \(\d+\):\n {2}- create workflow "[^"]+" \(disabled\) {2}<- failed/);
    expect(failed.out).toContain("Run `routeops deploy` again");
    expect(emulator.portal.flows.list()).toEqual([]);
    await emulator.close();

    emulator = await startEmulator({ seed, statePath, token: TOKEN });
    expect(emulator.portal.properties.contacts.get("routeops_pool")).toBeDefined();
    const rerun = await deploy(emulator);
    expect(rerun.code).toBe(0);
    // The group and the properties are there: only the workflows are left to create.
    expect(rerun.out).toContain(`Plan: ${compile().flows.length} to add, 0 to change, 0 to destroy.`);
    expect((await plan(emulator, "--detailed-exitcode")).code).toBe(0);
  });
});
