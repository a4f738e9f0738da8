/**
 * Saved plans: `plan --out FILE` writes the plan with what it was computed from; `deploy
 * --plan-file FILE` applies exactly that plan, or refuses (saying what changed) when the portal
 * moved on since. Damaged files are refused with the file and the path inside it.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { createHubSpotAdapter, type HubSpotAdapter } from "../../src/hubspot";
import { readPlanFile } from "../../src/simulate/pr-report/plan-file";
import { deploy, plan, reference, routeops, startPortal, writeRequests } from "./support";
import { createRequestOf } from "../../src/hubspot-contract";

const SHA = "0123456789abcdef0123456789abcdef01234567";
const INBOUND = "RouteOps: inbound routing";

let emulator: RunningEmulator;
let hubspot: HubSpotAdapter;
let folder: string;
let file: string;

beforeEach(async () => {
  emulator = await startPortal();
  hubspot = createHubSpotAdapter({ accessToken: emulator.token, baseUrl: emulator.baseUrl });
  folder = mkdtempSync(path.join(tmpdir(), "routeops-saved-plan-"));
  file = path.join(folder, "plan.json");
});
afterEach(async () => {
  rmSync(folder, { recursive: true, force: true });
  await emulator.close();
});

const applySaved = (...args: string[]) => routeops(emulator, ["deploy", "--plan-file", file, ...args]);

async function deployed(): Promise<void> {
  const run = await deploy(emulator);
  if (run.code !== 0) throw new Error(`the deploy failed: ${run.err}`);
}

async function bumpRevision(name: string): Promise<void> {
  const summary = (await hubspot.listFlows()).find((flow) => flow.name === name)!;
  const [flow] = await hubspot.getFlows([summary.id]);
  const edited = { ...createRequestOf(flow!), description: `${String(flow!["description"])} (edited)` };
  await hubspot.replaceFlow(flow!.id, edited, flow!.revisionId);
}

describe("plan --out", () => {
  it("saves the plan envelope with the bodies, each flow's revision, the config version and the commit", async () => {
    await deployed();
    await hubspot.updateProperty("contacts", "routeops_pool", { label: "Pool (edited)" });
    const run = await routeops(emulator, ["plan", "--at", "2026-03-02", "--out", file], { env: { GITHUB_SHA: SHA } });
    expect(run.code).toBe(0);
    expect(run.err).toContain(`Plan saved to ${file}`);
    const saved = JSON.parse(readFileSync(file, "utf8"));
    expect(saved).toMatchObject({ schema: "routeops.plan/1", configVersion: reference.version, status: "changes" });
    expect(saved.saved).toMatchObject({
      format: "routeops.saved-plan/1",
      gitCommit: SHA,
      configFile: "routing/index.ts",
    });
    const revisions = Object.fromEntries(emulator.portal.flows.list().map((flow) => [flow.id, flow.revisionId]));
    expect(saved.fingerprint.flowRevisions).toEqual(revisions);
    expect(
      Object.fromEntries(saved.saved.flows.map((f: { id: string; revisionId: string }) => [f.id, f.revisionId])),
    ).toEqual(revisions);
    const update = saved.items.find((item: { key: string }) => item.key === "routeops_pool");
    expect(update).toMatchObject({ action: "update", desired: { name: "routeops_pool", label: "Routing pool" } });
    expect(readdirSync(folder)).toEqual(["plan.json"]);
  });

  it("is readable as the plan envelope the pull-request report shows", async () => {
    expect((await plan(emulator, "--out", file)).code).toBe(0);
    const read = readPlanFile(readFileSync(file, "utf8"));
    expect(read.ok).toBe(true);
  });

  it("creates missing folders, and says which file it cannot write", async () => {
    const nested = path.join(folder, "a", "b", "plan.json");
    expect((await plan(emulator, "--out", nested)).code).toBe(0);
    expect(JSON.parse(readFileSync(nested, "utf8")).schema).toBe("routeops.plan/1");
    mkdirSync(path.join(folder, "taken"));
    const failed = await plan(emulator, "--out", path.join(folder, "taken"));
    expect(failed.code).toBe(1);
    expect(failed.err).toContain(`cannot write the plan to ${path.join(folder, "taken")}`);
  });
});

describe("deploy --plan-file", () => {
  it("applies the saved plan; the portal then matches the config", async () => {
    expect((await plan(emulator, "--out", file)).code).toBe(0);
    const run = await applySaved();
    expect(run.code).toBe(0);
    expect(run.out).toContain("Apply complete!");
    expect((await plan(emulator, "--detailed-exitcode")).code).toBe(0);
  });

  it("refuses, before any write, a plan made before a property changed in HubSpot, and names it", async () => {
    await deployed();
    await hubspot.updateProperty("contacts", "routeops_pool", { label: "Pool (edited)" });
    expect((await plan(emulator, "--out", file)).code).toBe(0);
    await hubspot.updateProperty("contacts", "routeops_queue", { label: "Queue (edited)" });
    const before = emulator.requests.entries.length;
    const run = await applySaved();
    expect(run.code).toBe(1);
    expect(run.err).toContain(`the saved plan ${file} no longer matches the HubSpot portal, so nothing was written`);
    expect(run.err).toContain("property routeops_queue changed");
    expect(writeRequests(emulator, before)).toEqual([]);
  });

  it("refuses a plan made before a workflow's revision changed, naming the workflow and both revisions", async () => {
    await deployed();
    await hubspot.updateProperty("contacts", "routeops_pool", { label: "Pool (edited)" });
    expect((await plan(emulator, "--out", file)).code).toBe(0);
    const planned = emulator.portal.flows.list().find((flow) => flow.name === INBOUND)!;
    await bumpRevision(INBOUND);
    const now = emulator.portal.flows.get(planned.id)!.revisionId;
    const before = emulator.requests.entries.length;
    const run = await applySaved();
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      `workflow "${INBOUND}" (id ${planned.id}) changed: revision ${planned.revisionId} when planned, ${now} now`,
    );
    expect(writeRequests(emulator, before)).toEqual([]);
  });

  it("cannot be combined with --config, --adopt or --at (usage, exit 2)", async () => {
    const run = await applySaved("--config", "routing/index.ts", "--adopt");
    expect(run.code).toBe(2);
    expect(run.err).toContain("--plan-file cannot be combined with --config, --adopt");
  });
});

describe("a damaged plan file", () => {
  async function savedPlan(): Promise<Record<string, unknown>> {
    expect((await plan(emulator, "--out", file)).code).toBe(0);
    return JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  }

  it("that does not exist is named", async () => {
    const run = await applySaved();
    expect(run.code).toBe(1);
    expect(run.err).toContain(`cannot read the plan file ${file}: no such file or folder`);
  });

  it("that is not JSON is named", async () => {
    writeFileSync(file, "{ not json");
    const run = await applySaved();
    expect(run.code).toBe(1);
    expect(run.err).toContain(`${file} is not JSON`);
  });

  it("with a broken body is refused with the path inside it, before any write", async () => {
    const document = await savedPlan();
    const items = document["items"] as { action: string; desired: Record<string, unknown> | null }[];
    const index = items.findIndex((item) => item.action === "create" && item.desired?.["type"] === "CONTACT_FLOW");
    delete items[index]!.desired!["actions"];
    writeFileSync(file, JSON.stringify(document));
    emulator.requests.reset();
    const run = await applySaved();
    expect(run.code).toBe(1);
    expect(run.err).toContain(`${file}: items.${index}.desired.actions:`);
    expect(writeRequests(emulator)).toEqual([]);
  });

  it("without the saved section (a plain plan envelope) says to plan again", async () => {
    const document = await savedPlan();
    delete document["saved"];
    writeFileSync(file, JSON.stringify(document));
    const run = await applySaved();
    expect(run.code).toBe(1);
    expect(run.err).toContain(`${file}: saved:`);
    expect(run.err).toContain("plan again");
  });
});
