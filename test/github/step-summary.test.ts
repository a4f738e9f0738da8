import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { STEP_SUMMARY_LIMIT_BYTES, writeStepSummary } from "../../src/github";

let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "routeops-summary-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("writeStepSummary", () => {
  it("appends after what earlier steps wrote, ending with a newline", async () => {
    const file = path.join(dir, "summary.md");
    await writeFile(file, "# Earlier step\n");
    expect(await writeStepSummary(file, "## RouteOps plan")).toEqual({ truncated: false });
    expect(await readFile(file, "utf8")).toBe("# Earlier step\n## RouteOps plan\n");
  });

  it("keeps the step's whole summary within GitHub's 1 MiB, counting what is already there", async () => {
    const file = path.join(dir, "summary.md");
    await writeFile(file, "x".repeat(STEP_SUMMARY_LIMIT_BYTES - 10_000));
    const result = await writeStepSummary(file, "é".repeat(20_000));
    expect(result.truncated).toBe(true);
    const written = await readFile(file);
    expect(written.length).toBeLessThanOrEqual(STEP_SUMMARY_LIMIT_BYTES);
    expect(written.toString("utf8")).toContain("The full report is in the step's log.");
  });

  it("names the file when it cannot be written", async () => {
    const file = path.join(dir, "missing-folder", "summary.md");
    await expect(writeStepSummary(file, "x")).rejects.toThrow(`step summary: cannot write ${file}: ENOENT`);
  });
});
