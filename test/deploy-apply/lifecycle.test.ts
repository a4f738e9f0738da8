/**
 * plan and deploy over HTTP, through the official HubSpot client, against an emulated portal that
 * starts with the reference owners only: every create planned, a deploy in the safe order, then
 * nothing left to do.
 */
import { afterEach, describe, expect, it } from "vitest";
import { desiredState, MANAGED_MARKER, type DesiredState } from "../../src/deploy";
import { NO_CHANGES as NO_CHANGES_LINE } from "../../src/deploy/render/format";
import type { RunningEmulator } from "../../src/emulator";
import { createHubSpotAdapter } from "../../src/hubspot";
import { readLiveState } from "../../src/hubspot/live-state";
import { AT_MS, deploy, plan, reference, startPortal, writeRequests } from "./support";

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function desiredFor(running: RunningEmulator): Promise<DesiredState> {
  const live = await readLiveState(createHubSpotAdapter({ accessToken: running.token, baseUrl: running.baseUrl }));
  const result = desiredState(reference, { owners: live.owners, at: AT_MS, mode: "workflows" });
  if ("errors" in result) throw new Error(result.errors.map((error) => error.message).join("\n"));
  running.requests.reset();
  return result.state;
}

describe("routeops plan on an empty portal", () => {
  it("plans a create for the group, every property and every workflow, and writes nothing", async () => {
    emulator = await startPortal();
    const desired = await desiredFor(emulator);
    const run = await plan(emulator, "--detailed-exitcode");
    expect(run.err).not.toContain("routeops plan:");
    expect(run.code).toBe(2);
    const objects = 1 + desired.properties.length + desired.flows.length;
    expect(run.out).toContain(`Plan: ${objects} to add, 0 to change, 0 to destroy.`);
    for (const property of desired.properties) expect(run.out).toContain(`# property ${property.name} will be created`);
    for (const flow of desired.flows) expect(run.out).toContain(`# workflow "${flow.body.name}" will be created`);
    expect(writeRequests(emulator)).toEqual([]);
  });

  it("exits 0 without --detailed-exitcode although there are changes", async () => {
    emulator = await startPortal();
    expect((await plan(emulator)).code).toBe(0);
  });
});

describe("routeops deploy to an empty portal", () => {
  it("creates the group, then the properties in one batch, then the workflows, then enables each of them", async () => {
    emulator = await startPortal();
    const desired = await desiredFor(emulator);
    const run = await deploy(emulator);
    expect(run.err).not.toContain("routeops deploy:");
    expect(run.code).toBe(0);
    expect(run.out).toContain("Apply complete!");
    const writes = writeRequests(emulator);
    const flows = desired.flows.length;
    expect(writes).toEqual([
      "POST /crm/v3/properties/contacts/groups",
      "POST /crm/v3/properties/contacts/batch/create",
      ...Array<string>(flows).fill("POST /automation/v4/flows"),
      ...Array<string>(flows).fill("PUT /automation/v4/flows/{flowId}"),
    ]);
    const properties = emulator.portal.properties.contacts.list().filter((p) => p.groupName === desired.group.name);
    expect(properties.map((p) => p.name).sort()).toEqual(desired.properties.map((p) => p.name).sort());
    expect(properties.every((p) => p.description.includes(MANAGED_MARKER))).toBe(true);
    const live = emulator.portal.flows.list();
    expect(live.map((f) => f.name).sort()).toEqual(desired.flows.map((f) => f.body.name).sort());
    expect(live.every((f) => f.isEnabled && f.revisionId === "2")).toBe(true);
  });

  it("is followed by a plan with no changes (exit 0 with --detailed-exitcode) in at most 8 API calls", async () => {
    emulator = await startPortal();
    expect((await deploy(emulator)).code).toBe(0);
    const before = emulator.requests.count();
    const run = await plan(emulator, "--detailed-exitcode");
    expect(run.code).toBe(0);
    expect(run.out.trimEnd().endsWith(NO_CHANGES_LINE)).toBe(true);
    expect(emulator.requests.count() - before).toBeLessThanOrEqual(8);
    expect(run.err).toContain(`HubSpot API calls: ${emulator.requests.count() - before}`);
  });

  it("a second deploy right after the first plans No changes and writes nothing", async () => {
    emulator = await startPortal();
    expect((await deploy(emulator)).code).toBe(0);
    const before = emulator.requests.entries.length;
    const run = await deploy(emulator);
    expect(run.code).toBe(0);
    expect(run.out).toContain(NO_CHANGES_LINE);
    expect(run.out).not.toContain("Applying");
    expect(writeRequests(emulator, before)).toEqual([]);
  });
});

describe("output formats", () => {
  it("plan --format json is one routeops.plan/1 envelope with status changes", async () => {
    emulator = await startPortal();
    const run = await plan(emulator, "--format", "json");
    const envelope = JSON.parse(run.out) as { schema: string; status: string; summary: { add: number } };
    expect(envelope.schema).toBe("routeops.plan/1");
    expect(envelope.status).toBe("changes");
    expect(envelope.summary.add).toBeGreaterThan(0);
  });

  it("plan --format markdown starts with the PR comment marker", async () => {
    emulator = await startPortal();
    const run = await plan(emulator, "--format", "markdown");
    expect(run.out.startsWith("<!-- routeops:plan -->")).toBe(true);
  });

  it("deploy --format json reports every applied write and nothing else on stdout", async () => {
    emulator = await startPortal();
    const run = await deploy(emulator, "--format", "json");
    expect(run.code).toBe(0);
    const envelope = JSON.parse(run.out) as { schema: string; status: string; applied: unknown[]; apiCalls: number };
    expect(envelope.schema).toBe("routeops.deploy/1");
    expect(envelope.status).toBe("applied");
    expect(envelope.applied).toHaveLength(writeRequests(emulator).length);
    expect(envelope.apiCalls).toBe(emulator.requests.count());
  });
});
