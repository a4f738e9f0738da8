/**
 * `routeops demo` end to end, in-process through `main`, in router mode (the default): a small
 * portal and burst, every step for real (the emulator over HTTP, the official HubSpot client, the
 * capture workflows executed, signed webhooks to the router, the router's embedded PostgreSQL).
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import { seedFromRouting, startEmulator } from "../../src/emulator";
import { captureIO, DEMO_NOW, filesIn, KNOWN_TOKEN, routerModeFlows, scratchFolder, statusLines } from "./support";

const STEPS = ["validate", "emulator", "test", "plan", "deploy", "router", "leads", "why", "escalation", "audit"];
const LEADS = 40;

interface SummaryJson {
  ok: boolean;
  steps: { step: string; status: string; figures: Record<string, unknown> }[];
  files: string[];
  totalSeconds: number;
}

interface LeadsJson {
  routedBy: string;
  leads: number;
  routed: number;
  notDeployable: number;
  matched: number;
  bySystem: Record<string, number>;
  outcomes: {
    contactId: string;
    routed: boolean;
    hubspotSystem: string | null;
    event: { kind: string };
    engine: { owner: string | null; pool: string | null; slaDueAt: string | null };
    differences: unknown[];
  }[];
}

let scratch: string;
let out: string;
let code: number;
let stdout: string;
let stderr: string;
let files: Map<string, string>;

beforeAll(async () => {
  scratch = await scratchFolder();
  out = path.join(scratch, "reports");
  const io = captureIO({ ROUTEOPS_EMULATOR_TOKEN: KNOWN_TOKEN });
  code = await main(["demo", "--out", out, "--contacts", "300", "--leads", String(LEADS), "--now", DEMO_NOW], io);
  stdout = io.out();
  stderr = io.err();
  files = await filesIn(out);
}, 300_000);

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe("routeops demo, end to end", () => {
  it("exits 0 with every step succeeded", () => {
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toContain("Every step succeeded.");
  });

  it("prints one ✓ status line per step, in order", () => {
    expect(statusLines(stdout)).toEqual(STEPS.map((step) => ["✓", step]));
  });

  it("prints the total time against the 60 s target", () => {
    expect(stdout).toMatch(/Total \d+\.\d s \(target: under 60 s\)\./);
  });

  it("writes the plan, deploy result, leads, audit and summary reports, Markdown and JSON", () => {
    for (const name of [
      "plan.md",
      "plan.json",
      "deploy.md",
      "deploy.json",
      "leads.json",
      "why.txt",
      "escalation.txt",
      "slack-messages.json",
      "router.log",
      "audit.md",
      "audit.json",
    ]) {
      expect(files.get(name), name).toBeTruthy();
    }
    expect(files.get("summary.md")).toContain("# RouteOps demo");
    const summary = JSON.parse(files.get("summary.json")!) as SummaryJson;
    expect(summary.ok).toBe(true);
    expect(summary.steps.map((s) => [s.step, s.status])).toEqual(STEPS.map((step) => [step, "ok"]));
    expect([...summary.files].sort()).toEqual([...files.keys()].sort());
  });

  it("escalates one untouched lead and posts the lead and escalation messages to the Slack stand-in", () => {
    const summary = JSON.parse(files.get("summary.json")!) as SummaryJson;
    const step = summary.steps.find((s) => s.step === "escalation") as unknown as {
      figures: { steps: { action: string; target: string | null }[]; leadMessages: number; escalationMessages: number };
    };
    expect(step.figures.steps.length).toBeGreaterThan(0);
    expect(step.figures.steps[0]!.action).toBe("notify_rep");
    expect(step.figures.leadMessages).toBeGreaterThan(0);
    expect(step.figures.escalationMessages).toBeGreaterThan(0);
    const messages = JSON.parse(files.get("slack-messages.json")!) as { text: string; blocks: unknown[] }[];
    expect(messages.some((m) => /^SLA breach: /.test(m.text) && m.blocks.length > 0)).toBe(true);
  });

  it("leaves no temporary file in the report folder", () => {
    expect([...files.keys()].filter((name) => name.startsWith(".") || name.endsWith(".tmp"))).toEqual([]);
  });

  it("says where the reports are", () => {
    expect(stdout).toContain(`Reports in ${out}: `);
  });

  it("deploys in router mode: capture workflows only, the router's config version in the plan", () => {
    const plan = JSON.parse(files.get("plan.json")!) as { mode: string; items: { kind: string; key: string }[] };
    expect(plan.mode).toBe("router");
    const flows = plan.items.filter((item) => item.kind === "flow").map((item) => item.key);
    expect([...flows].sort()).toEqual(routerModeFlows());
  });

  it("has the router route every lead exactly as the engine decides: owner, SLA due time and every property", () => {
    const leads = JSON.parse(files.get("leads.json")!) as LeadsJson;
    expect(leads.routedBy).toBe("router");
    expect(leads.routed + leads.notDeployable).toBe(LEADS);
    expect(leads.routed).toBeGreaterThan(LEADS / 2);
    expect(leads.matched).toBe(leads.routed);
    expect(leads.outcomes.filter((o) => o.differences.length > 0)).toEqual([]);
    // The burst exercises what the workflows could not do exactly: rotation picks and business-time SLAs.
    expect(leads.outcomes.filter((o) => o.engine.pool !== null).length).toBeGreaterThan(0);
    expect(leads.outcomes.filter((o) => o.engine.slaDueAt !== null).length).toBeGreaterThan(0);
    expect(stdout).toContain(
      `${leads.routed} of ${leads.routed} exactly as the engine decided (owner, SLA due time, every property)`,
    );
  });

  it("shows the decision log of one routed lead, as routeops why does", () => {
    const leads = JSON.parse(files.get("leads.json")!) as LeadsJson;
    const why = files.get("why.txt")!;
    const contact = /^Contact (\d+)/.exec(why)?.[1];
    const lead = leads.outcomes.find((o) => o.contactId === contact);
    expect(lead, `why.txt explains a lead of the burst:\n${why}`).toBeDefined();
    expect(why).toContain("written to HubSpot");
    expect(why).toContain("Trace:");
    expect(why).toContain(`rotation picked ${lead!.engine.owner}`);
    expect(stdout).toMatch(new RegExp(`✓ why +routeops why ${contact}: 1 decision in the log`));
  });

  it("routes every lead whose event HubSpot raises, as leads.json lists them", () => {
    const leads = JSON.parse(files.get("leads.json")!) as LeadsJson;
    expect(leads.leads).toBe(LEADS);
    expect(leads.outcomes).toHaveLength(LEADS);
    // Chats and list imports have no HubSpot trigger: no flow is deployed for them (event_kind_not_deployable).
    const untriggered = (o: LeadsJson["outcomes"][number]) => ["chat_completed", "list_import"].includes(o.event.kind);
    expect(leads.outcomes.filter((o) => !untriggered(o)).every((o) => o.routed)).toBe(true);
    expect(leads.notDeployable).toBe(leads.outcomes.filter((o) => untriggered(o) && !o.routed).length);
    expect(leads.routed + leads.notDeployable).toBe(LEADS);
    const bySystem: Record<string, number> = {};
    for (const o of leads.outcomes.filter((o) => o.routed))
      bySystem[o.hubspotSystem!] = (bySystem[o.hubspotSystem!] ?? 0) + 1;
    expect(leads.bySystem).toEqual(bySystem);
    expect(leads.matched).toBe(leads.outcomes.filter((o) => o.routed && o.differences.length === 0).length);
  });

  it("deploys the plan that the plan step made, and the audit finds no drift right after", () => {
    const plan = JSON.parse(files.get("plan.json")!) as { summary: { add: number; change: number; destroy: number } };
    const deploy = JSON.parse(files.get("deploy.json")!) as {
      status: string;
      plan: { summary: { add: number } };
      notApplied: unknown[];
    };
    expect(deploy.status).toBe("applied");
    expect(deploy.plan.summary.add).toBe(plan.summary.add);
    expect(deploy.notApplied).toEqual([]);
    const audit = JSON.parse(files.get("audit.json")!) as { report: { drift: { checked: boolean; items: unknown[] } } };
    expect(audit.report.drift).toMatchObject({ checked: true, items: [] });
  });

  it("audits at the demo's instant", () => {
    const audit = JSON.parse(files.get("audit.json")!) as { report: { generatedAt: string } };
    const at = Date.parse(audit.report.generatedAt);
    expect(at).toBeGreaterThanOrEqual(Date.parse(DEMO_NOW));
  });

  it("never shows the emulator's token, in its output or in any report", () => {
    expect(stdout).not.toContain(KNOWN_TOKEN);
    expect(stderr).not.toContain(KNOWN_TOKEN);
    for (const [name, text] of files) expect(text.includes(KNOWN_TOKEN), name).toBe(false);
  });
});

describe("routeops demo with HUBSPOT_ACCESS_TOKEN: the real portal, read-only", () => {
  const PORTAL_TOKEN = "pat-na1-portal-under-test-5d0c2e";

  it("validates, tests, plans and audits that portal, and writes nothing to it", async () => {
    const config = (await import("../reference/routing")).default;
    const portal = await startEmulator({
      token: PORTAL_TOKEN,
      seed: seedFromRouting(config, { contacts: 200, now: Date.parse(DEMO_NOW) }),
    });
    try {
      const dir = path.join(await scratchFolder(), "reports");
      const io = captureIO({ HUBSPOT_ACCESS_TOKEN: PORTAL_TOKEN, HUBSPOT_BASE_URL: portal.baseUrl });
      expect(await main(["demo", "--out", dir, "--now", DEMO_NOW], io)).toBe(0);
      expect(io.out()).toContain("read-only");
      expect(statusLines(io.out())).toEqual([
        ["✓", "validate"],
        ["✓", "test"],
        ["✓", "plan"],
        ["✓", "audit"],
      ]);
      const reads = new Set(["GET"]);
      const writes = portal.requests.entries.filter(
        (entry) => !reads.has(entry.method) && !/\/(search|batch\/read)$/.test(entry.path.split("?")[0]!),
      );
      expect(writes.map((entry) => `${entry.method} ${entry.path}`)).toEqual([]);
      expect(portal.requests.count()).toBeGreaterThan(0);
      const files = await filesIn(dir);
      expect([...files.keys()]).toEqual(expect.arrayContaining(["plan.json", "audit.json", "summary.md"]));
      expect(io.out() + io.err()).not.toContain(PORTAL_TOKEN);
      for (const [name, text] of files) expect(text.includes(PORTAL_TOKEN), name).toBe(false);
    } finally {
      await portal.close();
    }
  }, 120_000);
});

describe("routeops demo usage", () => {
  it.each([
    [["--leads", "0"], "--leads must be an integer from 1 to 5,000"],
    [["--contacts", "many"], "--contacts must be an integer"],
    [["--now", "2026-03-02"], "--now must be a date-time with a zone"],
    [["--out", ""], "--out needs a folder name"],
    [["--frobnicate"], "Unknown option"],
  ])("rejects %j with exit 2", async (args, message) => {
    const io = captureIO();
    expect(await main(["demo", ...args], io)).toBe(2);
    expect(io.err()).toContain(message);
  });
});
