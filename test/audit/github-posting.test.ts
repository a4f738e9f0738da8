/**
 * `routeops audit --post-issue`, the step summary and `--out`: Octokit against the local GitHub
 * stand-in, the official HubSpot client against a seeded emulator portal.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import type { RunningEmulator } from "../../src/emulator";
import { startGitHubStandin, type GitHubStandin } from "../support/github-standin";
import { captureIO, NOW, SEED_NOW, seededPortal } from "./seeded-portal";

const GITHUB_TOKEN = "ghs_standinTokenForAuditTests0123456789";
const HOSTILE = "<img src=x onerror=alert(1)> @octocat | #12 [x](https://evil.test)\nsecond line";
const DAY = 86_400_000;
const HUGE_NAME = `Huge${"x".repeat(100_000)}`;

let emulator: RunningEmulator;
let github: GitHubStandin;
let dir: string;

beforeAll(async () => {
  emulator = await seededPortal(300, 5);
  emulator.portal.contacts.create(
    {
      createdate: new Date(NOW - DAY).toISOString(),
      firstname: HOSTILE,
      lastname: "`code` **bold**",
      hs_analytics_source: "OFFLINE",
      hs_analytics_source_data_1: "IMPORT | <script>",
      hs_analytics_source_data_2: "```",
    },
    NOW - DAY,
    "api",
  );
  // A contact with a 100 KB name: without a cap on untrusted text it cut the issue to 5 of its sections.
  emulator.portal.contacts.create(
    { createdate: new Date(NOW - DAY).toISOString(), firstname: HUGE_NAME, hs_analytics_source: "OFFLINE" },
    NOW - DAY,
    "api",
  );
  github = await startGitHubStandin({ token: GITHUB_TOKEN, repository: "acme/routing" });
  dir = await mkdtemp(path.join(tmpdir(), "routeops-audit-"));
});

afterAll(async () => {
  await emulator?.close();
  await github?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    HUBSPOT_ACCESS_TOKEN: emulator.token,
    GITHUB_TOKEN,
    GITHUB_REPOSITORY: "acme/routing",
    GITHUB_API_URL: github.baseUrl,
    ...extra,
  };
}

async function postAudit(extraEnv: Record<string, string> = {}, args: string[] = []) {
  const io = captureIO(env(extraEnv));
  const code = await main(
    [
      "audit",
      "--now",
      SEED_NOW,
      "--since",
      "7d",
      "--hubspot-base-url",
      emulator.baseUrl,
      "--portal-id",
      "4242",
      "--post-issue",
      ...args,
    ],
    io,
  );
  return { code, out: io.out(), err: io.err() };
}

describe("routeops audit --post-issue", () => {
  let first: Awaited<ReturnType<typeof postAudit>>;
  let second: Awaited<ReturnType<typeof postAudit>>;
  let firstBody: string;
  const summaryPath = () => path.join(dir, "step-summary.md");

  beforeAll(async () => {
    await writeFile(summaryPath(), "## An earlier step\n", "utf8");
    first = await postAudit({ GITHUB_STEP_SUMMARY: summaryPath() }, ["--out", path.join(dir, "out")]);
    firstBody = github.issues[0]?.body ?? "";
    // One more unclassified contact before the second run: the report changes.
    emulator.portal.contacts.create(
      { createdate: new Date(NOW - DAY).toISOString(), firstname: "Late", hs_analytics_source: "OFFLINE" },
      NOW - DAY,
      "api",
    );
    second = await postAudit();
  });

  it("creates the audit issue on the first run and updates it in place on the second", () => {
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    expect(first.err).toContain("Audit issue #1 created");
    expect(second.err).toContain("Audit issue #1 updated");
    expect(github.issues).toHaveLength(1);
    expect(github.requests.filter((r) => r.method === "POST")).toHaveLength(1);
    expect(github.requests.filter((r) => r.method === "PATCH")).toHaveLength(1);
    expect(github.issues[0]?.body).not.toBe(firstBody);
  });

  it("leaves the issue alone when nothing changed", async () => {
    const third = await postAudit();
    expect(third.err).toContain("Audit issue #1 unchanged");
    expect(github.issues).toHaveLength(1);
  });

  it("marks the issue with the portal's hidden marker and titles it", () => {
    const issue = github.issues[0]!;
    expect(issue.title).toBe("RouteOps audit: portal 4242");
    expect(issue.body).toContain("<!-- routeops:audit portal=4242 -->");
    expect(issue.body).toContain("<!-- routeops:audit:portal:4242 -->");
    expect(issue.labels).toContain("routeops");
  });

  it("escapes what contacts typed: no HTML, mention, reference, link or broken table", () => {
    const body = github.issues[0]!.body ?? "";
    expect(body).not.toMatch(/<img|<script/i);
    expect(body).not.toContain("@octocat");
    expect(body).not.toContain("#12 ");
    expect(body).not.toContain("](https://evil.test)");
    expect(body).not.toContain("second line\n");
    const row = body.split("\n").find((line) => line.includes("onerror"));
    expect(row?.startsWith("| OFFLINE |")).toBe(true);
    expect(row?.replace(/\\\|/g, "").split("|")).toHaveLength(9);
  });

  it("caps untrusted text, saying the cap, so one 100 KB name leaves the issue whole and small", () => {
    const body = github.issues[0]!.body ?? "";
    expect(body).toContain("Hugexxxx");
    expect(body).toContain("100,004 characters, cut at 200");
    expect(body).not.toContain("x".repeat(201));
    expect(body).not.toContain("Left out here");
    expect(body).not.toContain("truncated");
    expect(body.length).toBeLessThan(30_000);
    expect(first.out.length).toBeLessThan(30_000);
  });

  it("appends the report to the step summary after what earlier steps wrote", async () => {
    const summary = await readFile(summaryPath(), "utf8");
    expect(summary.startsWith("## An earlier step\n")).toBe(true);
    expect(summary).toContain("# RouteOps audit: portal 4242");
  });

  it("writes report.md and report.json with --out, and nothing else", async () => {
    const files = (await readdir(path.join(dir, "out"))).sort();
    expect(files).toEqual(["report.json", "report.md"]);
    const json = JSON.parse(await readFile(path.join(dir, "out", "report.json"), "utf8"));
    expect(json).toMatchObject({ schema: "routeops.audit/v1", status: "ok", report: { portalId: "4242" } });
    expect(await readFile(path.join(dir, "out", "report.md"), "utf8")).toContain(
      "## Drift: changes made outside RouteOps",
    );
  });

  it("never lets a token into output, the issue, the summary or the files", async () => {
    const everything = [
      first.out,
      first.err,
      second.out,
      second.err,
      ...github.issues.map((i) => `${i.title}\n${i.body}`),
      await readFile(summaryPath(), "utf8"),
      await readFile(path.join(dir, "out", "report.md"), "utf8"),
      await readFile(path.join(dir, "out", "report.json"), "utf8"),
    ].join("\n");
    expect(everything).not.toContain(emulator.token);
    expect(everything).not.toContain(GITHUB_TOKEN);
  });

  it("fails with exit 1 and a clear message when the token may not write issues", async () => {
    const readOnly = await startGitHubStandin({ token: GITHUB_TOKEN, repository: "acme/routing", readOnly: true });
    try {
      const io = captureIO(env({ GITHUB_API_URL: readOnly.baseUrl }));
      const code = await main(
        ["audit", "--now", SEED_NOW, "--hubspot-base-url", emulator.baseUrl, "--portal-id", "4242", "--post-issue"],
        io,
      );
      expect(code).toBe(1);
      expect(io.err()).toMatch(/routeops audit: .*403/);
      // The report is still printed, so the run's log keeps it.
      expect(io.out()).toContain("RouteOps audit of portal 4242");
      expect(io.err()).not.toContain(GITHUB_TOKEN);
    } finally {
      await readOnly.close();
    }
  });
});

describe("routeops audit --out", () => {
  it("says which path it cannot write, still prints the report, and leaves nothing half-written", async () => {
    const blocker = path.join(dir, "a-file");
    await writeFile(blocker, "not a folder", "utf8");
    const io = captureIO({ HUBSPOT_ACCESS_TOKEN: emulator.token });
    const code = await main(
      [
        "audit",
        "--now",
        SEED_NOW,
        "--hubspot-base-url",
        emulator.baseUrl,
        "--skip-drift",
        "--out",
        path.join(blocker, "out"),
      ],
      io,
    );
    expect(code).toBe(1);
    expect(io.err()).toContain(`routeops audit: cannot create the output folder ${path.join(blocker, "out")}`);
    expect(io.out()).toContain("RouteOps audit");
    expect(await readFile(blocker, "utf8")).toBe("not a folder");
  });
});
