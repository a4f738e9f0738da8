/**
 * `routeops demo` when something is missing: a step that cannot run says so in its status line,
 * names what is missing, the demo goes on where it can, still writes its reports, and exits 1.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { commands } from "../../src/cli/commands";
import { main } from "../../src/cli/main";
import { captureIO, DEMO_NOW, filesIn, scratchFolder, statusLines } from "./support";

const scratches: string[] = [];

async function reportFolder(): Promise<string> {
  const scratch = await scratchFolder();
  scratches.push(scratch);
  return path.join(scratch, "reports");
}

afterAll(async () => {
  await Promise.all(scratches.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("a build without the plan and deploy commands", () => {
  it("fails those steps naming the missing command, says the leads were not routed, and exits 1", async () => {
    const saved = { plan: commands.plan, deploy: commands.deploy };
    delete commands.plan;
    delete commands.deploy;
    const out = await reportFolder();
    const io = captureIO();
    let code: number;
    try {
      code = await main(["demo", "--out", out, "--contacts", "100", "--leads", "10", "--now", DEMO_NOW], io);
    } finally {
      Object.assign(commands, saved);
    }
    expect(code).toBe(1);
    expect(statusLines(io.out())).toEqual([
      ["✓", "validate"],
      ["✓", "emulator"],
      ["✓", "test"],
      ["✗", "plan"],
      ["✗", "deploy"],
      ["✗", "leads"],
      ["✓", "audit"],
    ]);
    expect(io.out()).toContain("✗ plan      this build has no `routeops plan` command (src/cli/commands/plan.ts)");
    expect(io.out()).toContain("✗ deploy    this build has no `routeops deploy` command (src/cli/commands/deploy.ts)");
    expect(io.out()).toMatch(
      /✗ leads {5}10 leads created over HTTP, none routed: the portal has no enabled RouteOps workflows/,
    );
    expect(io.out()).toContain("3 of 7 steps did not succeed.");
    const files = await filesIn(out);
    const summary = JSON.parse(files.get("summary.json")!) as {
      ok: boolean;
      steps: { step: string; status: string }[];
    };
    expect(summary.ok).toBe(false);
    expect(summary.steps.filter((s) => s.status !== "ok").map((s) => s.step)).toEqual(["plan", "deploy", "leads"]);
    expect(files.has("plan.json")).toBe(false);
  });
});

describe("a routing config that cannot be loaded", () => {
  it("fails validate with the file it tried, skips every other step, still writes the summary and exits 1", async () => {
    const out = await reportFolder();
    const io = captureIO();
    const code = await main(["demo", "--out", out, "--config", "routing/missing.ts", "--now", DEMO_NOW], io);
    expect(code).toBe(1);
    expect(io.out()).toMatch(/✗ validate {2}routing\/missing\.ts: 1 error, 0 warnings/);
    expect(io.out()).toContain('no routing config at "routing/missing.ts"');
    const skipped = io
      .out()
      .split("\n")
      .filter((line) => line.includes("skipped: the routing config routing/missing.ts does not validate"));
    expect(skipped.map((line) => line.split(/\s+/)[1])).toEqual([
      "emulator",
      "test",
      "plan",
      "deploy",
      "leads",
      "audit",
    ]);
    const files = await filesIn(out);
    expect([...files.keys()].sort()).toEqual(["summary.json", "summary.md", "validate.json"]);
  });
});
