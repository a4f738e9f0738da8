/**
 * `--out` into a path that cannot hold it (a parent that is a file, a folder under /proc that takes
 * no new files): a ReportOutputError or PlanFileError naming the path in the way, never a raw code.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import { seedFromRouting, startEmulator } from "../../src/emulator";
import { ReportOutputError, writeReportFiles } from "../../src/files/report-output";
import { captureIO } from "../support/cli-io";

let scratch: string;
let aFile: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "routeops-out-paths-"));
  aFile = path.join(scratch, "a-file");
  await writeFile(aFile, "not a folder\n");
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const files = [{ name: "report.md", text: "# report\n" }];
const NOW = "2026-03-02T19:30:00Z";

describe("report folders that cannot be written", () => {
  it("names the file that stands where a folder is needed, below it", async () => {
    const error = await writeReportFiles(path.join(aFile, "reports"), files).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportOutputError);
    expect((error as Error).message).toBe(
      `cannot create the output folder ${path.join(aFile, "reports")}: ${aFile} is a file, not a folder`,
    );
  });

  it("says when the folder itself is a file", async () => {
    const error = await writeReportFiles(aFile, files).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      `cannot create the output folder ${aFile}: ${aFile} exists and is not a folder`,
    );
  });

  it("names the folder under /proc that takes no new files", async () => {
    const error = await writeReportFiles("/proc", files).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportOutputError);
    expect((error as Error).message).toMatch(/^cannot write \/proc\/report\.md: /);
    expect((error as Error).message).not.toMatch(/: E[A-Z]+$/);
  });
});

describe("commands with --out into a file's place", () => {
  it("routeops demo whose steps all succeed but whose reports cannot be written says so and exits 1", async () => {
    // The read-only run against a portal (here an emulator) is the shortest demo where every step succeeds.
    const config = (await import("../reference/routing")).default;
    const portal = await startEmulator({ seed: seedFromRouting(config, { contacts: 20, now: Date.parse(NOW) }) });
    try {
      const io = captureIO({ HUBSPOT_ACCESS_TOKEN: portal.token, HUBSPOT_BASE_URL: portal.baseUrl });
      const out = path.join(aFile, "reports");
      const code = await main(["demo", "--out", out, "--now", NOW], io);
      expect(code).toBe(1);
      expect(io.err()).toBe(
        `routeops demo: the reports could not be written: cannot create the output folder ${out}: ${aFile} is a file, not a folder\n`,
      );
      expect(io.out()).toContain("Every step succeeded, but the reports could not be written.");
      expect(io.out()).not.toContain("Reports in");
    } finally {
      await portal.close();
    }
  }, 120_000);

  it("routeops pr-report --out names the file in the way, exit 1", async () => {
    const io = captureIO();
    const code = await main(["pr-report", "--out", path.join(aFile, "comment.md"), "--base", "routing/index.ts"], io);
    expect(code).toBe(1);
    expect(io.err()).toContain(`${aFile} exists and is not a folder`);
  });

  it("routeops plan --out and audit --out name the file in the way, exit 1", async () => {
    const config = (await import("../reference/routing")).default;
    const portal = await startEmulator({ seed: seedFromRouting(config, { contacts: 20, now: Date.parse(NOW) }) });
    try {
      const env = { HUBSPOT_ACCESS_TOKEN: portal.token, HUBSPOT_BASE_URL: portal.baseUrl };
      const plan = captureIO(env);
      expect(await main(["plan", "--at", NOW, "--out", path.join(aFile, "plan.json")], plan)).toBe(1);
      expect(plan.err()).toContain(
        `cannot write the plan to ${path.join(aFile, "plan.json")}: ${aFile} is a file, not a folder`,
      );
      const audit = captureIO(env);
      expect(await main(["audit", "--now", NOW, "--out", path.join(aFile, "audit")], audit)).toBe(1);
      expect(audit.err()).toContain(`${aFile} is a file, not a folder`);
    } finally {
      await portal.close();
    }
  }, 120_000);
});
