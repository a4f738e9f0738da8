/**
 * The portal lock: concurrent deploys from separate processes against one emulated portal write
 * every object once, and every run's exit code tells the truth. A lock held by someone else is
 * waited for or refused with its holder named; an expired one is taken over, with a line saying so.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { encodeLockRecord, lockPropertyName, type LockRecord } from "../../src/deploy/lock";
import { dumpPortal } from "../../src/emulator/portal/dump";
import type { RunningEmulator } from "../../src/emulator";
import { AT, deploy, duplicates, normalisedDump, startPortal, writeRequests } from "./support";

const root = path.resolve(__dirname, "../..");
const bin = path.join(root, "bin", "routeops.js");
/** Concurrent deploys per scenario. */
const RUNS = 4;

interface ProcessRun {
  code: number;
  out: string;
  err: string;
}

/** `routeops deploy` in its own process, so that nothing is shared but the portal. */
function deployProcess(emulator: RunningEmulator): Promise<ProcessRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, "deploy", "--at", AT, "--mode", "workflows", "--hubspot-base-url", emulator.baseUrl, "--lock-wait", "120"],
      { cwd: root, env: { PATH: process.env.PATH, HUBSPOT_ACCESS_TOKEN: emulator.token }, timeout: 170_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 99) : 0;
        resolve({ code, out: stdout, err: stderr });
      },
    );
  });
}

const flowNames = (emulator: RunningEmulator) => dumpPortal(emulator.portal).flows.map((flow) => flow.name);
const propertyNames = (emulator: RunningEmulator) =>
  dumpPortal(emulator.portal).properties.contacts.map((property) => property.name);

let emulators: RunningEmulator[] = [];
afterEach(async () => {
  await Promise.all(emulators.map((emulator) => emulator.close()));
  emulators = [];
});

async function portal(): Promise<RunningEmulator> {
  const emulator = await startPortal();
  emulators.push(emulator);
  return emulator;
}

async function expectConcurrentDeploysConverge(emulator: RunningEmulator, expected: unknown): Promise<void> {
  const runs = await Promise.all(Array.from({ length: RUNS }, () => deployProcess(emulator)));
  for (const run of runs) {
    expect(run.err).not.toContain("internal error");
    expect(run.code, run.err).toBe(0);
  }
  // Exactly one run wrote; every other one found nothing left to do once it held the lock.
  expect(runs.filter((run) => run.out.includes("Apply complete!"))).toHaveLength(1);
  expect(
    runs.filter((run) => !run.out.includes("Apply complete!")).every((run) => run.out.includes("No changes")),
  ).toBe(true);
  expect(duplicates(flowNames(emulator))).toEqual([]);
  expect(duplicates(propertyNames(emulator))).toEqual([]);
  expect(normalisedDump(emulator)).toEqual(expected);
}

describe("concurrent deploys from separate processes", () => {
  it(`${RUNS} deploys into an empty portal create every object once and all exit 0`, async () => {
    const reference = await portal();
    expect((await deploy(reference)).code).toBe(0);
    const emulator = await portal();
    await expectConcurrentDeploysConverge(emulator, normalisedDump(reference));
  }, 180_000);

  it(`${RUNS} deploys into a half-built portal (group and properties, no workflows) add each workflow once`, async () => {
    const reference = await portal();
    expect((await deploy(reference)).code).toBe(0);
    const emulator = await portal();
    expect((await deploy(emulator)).code).toBe(0);
    for (const flow of dumpPortal(emulator.portal).flows) {
      const response = await fetch(`${emulator.baseUrl}/automation/v4/flows/${flow.id}`, {
        method: "DELETE",
        headers: { authorization: `Bearer ${emulator.token}` },
      });
      expect(response.status).toBe(204);
    }
    expect(flowNames(emulator)).toEqual([]);
    await expectConcurrentDeploysConverge(emulator, normalisedDump(reference));
  }, 180_000);
});

/** Puts a lock property into the portal as another deploy would have. */
async function lockPortal(emulator: RunningEmulator, generation: number, record: LockRecord): Promise<void> {
  const response = await fetch(`${emulator.baseUrl}/crm/v3/properties/contacts`, {
    method: "POST",
    headers: { authorization: `Bearer ${emulator.token}`, "content-type": "application/json" },
    body: JSON.stringify({
      name: lockPropertyName(generation),
      label: `RouteOps deploy lock ${generation}`,
      type: "string",
      fieldType: "text",
      groupName: "contactinformation",
      description: encodeLockRecord(record),
      hidden: true,
    }),
  });
  expect(response.status).toBe(201);
}

const held = (expiresAt: string): LockRecord => ({
  holder: "routeops deploy on ci-runner-7 pid 4242 #feedf00d",
  plan: "0123456789abcdef0123",
  acquiredAt: "2026-01-01T00:00:00.000Z",
  expiresAt,
  state: "held",
});

describe("a lock held by another deploy", () => {
  it("is refused at once with --lock-wait 0, naming its holder and plan, and nothing is written", async () => {
    const emulator = await portal();
    await lockPortal(emulator, 3, held("2999-01-01T00:00:00.000Z"));
    const before = emulator.requests.entries.length;
    const run = await deploy(emulator, "--lock-wait", "0");
    expect(run.code).toBe(1);
    expect(run.err).toContain("another deploy holds the portal lock");
    expect(run.err).toContain("ci-runner-7 pid 4242");
    expect(run.err).toContain("applying plan 0123456789ab");
    expect(run.err).toContain("expires 2999-01-01T00:00:00.000Z");
    expect(writeRequests(emulator, before)).toEqual([]);
    expect(flowNames(emulator)).toEqual([]);
  });

  it("is taken over once expired, with a line saying whose it was, and the deploy completes", async () => {
    const emulator = await portal();
    await lockPortal(emulator, 3, held("2020-01-01T00:00:00.000Z"));
    const run = await deploy(emulator, "--lock-wait", "0");
    expect(run.code, run.err).toBe(0);
    expect(run.err).toContain("took over an expired portal lock (routeops deploy on ci-runner-7 pid 4242");
    expect(run.out).toContain("Apply complete!");
    // The new generation is released and the overridden one archived.
    const live = dumpPortal(emulator.portal).properties.contacts.filter((p) => p.name.startsWith("lock_routeops_"));
    expect(live.filter((p) => !p.archived).map((p) => p.name)).toEqual([lockPropertyName(4)]);
    expect(live.find((p) => p.name === lockPropertyName(4))?.description).toContain('"state":"released"');
    expect(live.find((p) => p.name === lockPropertyName(3))?.archived).toBe(true);
  });

  it("that cannot be read is refused with the property to look at, never overridden", async () => {
    const emulator = await portal();
    await lockPortal(emulator, 2, held("2020-01-01T00:00:00.000Z"));
    await fetch(`${emulator.baseUrl}/crm/v3/properties/contacts/${lockPropertyName(2)}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${emulator.token}`, "content-type": "application/json" },
      body: JSON.stringify({ description: "someone typed here" }),
    });
    const run = await deploy(emulator, "--lock-wait", "0");
    expect(run.code).toBe(1);
    expect(run.err).toContain(`contact property ${lockPropertyName(2)}`);
    expect(run.err).toContain("archive that property");
    expect(flowNames(emulator)).toEqual([]);
  });

  it("a deploy with nothing to write neither waits for nor takes the lock", async () => {
    const emulator = await portal();
    expect((await deploy(emulator)).code).toBe(0);
    await lockPortal(emulator, 9, held("2999-01-01T00:00:00.000Z"));
    const run = await deploy(emulator, "--lock-wait", "0");
    expect(run.code).toBe(0);
    expect(run.out).toContain("No changes");
  });
});
