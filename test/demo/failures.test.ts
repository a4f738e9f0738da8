/**
 * `routeops demo` in workflows mode, and when something is missing: a step that cannot run says so
 * in its status line, names what is missing, the demo still writes its reports, and exits 1.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
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

describe("routeops demo --mode workflows", () => {
  it("deploys the routing workflows, lets them route the leads, and runs no router", async () => {
    const out = await reportFolder();
    const io = captureIO();
    const code = await main(
      ["demo", "--mode", "workflows", "--out", out, "--contacts", "100", "--leads", "10", "--now", DEMO_NOW],
      io,
    );
    expect({ code, stderr: io.err() }).toEqual({ code: 0, stderr: "" });
    expect(statusLines(io.out())).toEqual([
      ["✓", "validate"],
      ["✓", "emulator"],
      ["✓", "test"],
      ["✓", "plan"],
      ["✓", "deploy"],
      ["✓", "leads"],
      ["✓", "audit"],
    ]);
    expect(io.out()).toContain("10 of 10 leads routed by the deployed workflows");
    const files = await filesIn(out);
    expect((JSON.parse(files.get("plan.json")!) as { mode: string }).mode).toBe("workflows");
    expect((JSON.parse(files.get("leads.json")!) as { routedBy: string }).routedBy).toBe("workflows");
    expect(files.has("why.txt")).toBe(false);
    expect(files.has("router.log")).toBe(false);
  }, 300_000);
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
      "router",
      "leads",
      "why",
      "escalation",
      "audit",
    ]);
    const files = await filesIn(out);
    expect([...files.keys()].sort()).toEqual(["summary.json", "summary.md", "validate.json"]);
  });
});
