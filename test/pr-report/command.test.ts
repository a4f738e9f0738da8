/**
 * `routeops pr-report` parts one at a time: the plan file present, absent or broken, saved test
 * results, a config that does not validate, a base without a config, output and usage errors,
 * and tokens kept out of every message.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main";
import { captureIO } from "../support/cli-io";
import { referenceProject } from "../support/reference";
import { startGitHubStandin, type GitHubStandin } from "../support/github-standin";
import { ISOLATED_GIT_ENV, routingRepository } from "./repository";

let scratch = "";
beforeEach(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "routeops-pr-report-"));
});
afterEach(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** pr-report in the reference project, compared with its own config (a path, so no git is needed). */
async function report(args: string[], env: Record<string, string> = {}) {
  const run = captureIO(env, { cwd: referenceProject });
  const code = await main(["pr-report", "--base", "routing/index.ts", ...args], run);
  return { code, out: run.out(), err: run.err() };
}

const section = (markdown: string, heading: string): string => {
  const start = markdown.indexOf(`### ${heading}\n`);
  if (start < 0) return "";
  const next = markdown.indexOf("\n### ", start + 4);
  return markdown.slice(start, next < 0 ? undefined : next);
};

describe("routeops pr-report: the plan", () => {
  it("says there is no plan when no --plan-file is given", async () => {
    const { code, out } = await report([]);
    expect(code).toBe(0);
    expect(out).toContain("| Plan against HubSpot | ➖ | No plan: no \\-\\-plan\\-file was given\\. |");
  });

  it("explains a missing plan file (a fork, no secret, or a failed plan step) and still succeeds", async () => {
    const { code, out } = await report(["--plan-file", path.join(scratch, "plan.json")]);
    expect(code).toBe(0);
    expect(section(out, "RouteOps plan")).toContain("pull requests from forks \\(they get no secrets\\)");
    expect(section(out, "RouteOps plan")).toContain("HUBSPOT\\_ACCESS\\_TOKEN secret is not set");
  });

  it("shows a plan file that cannot be read in the comment, and fails", async () => {
    const file = path.join(scratch, "plan.json");
    fs.writeFileSync(file, "### RouteOps plan\n");
    const notJson = await report(["--plan-file", file]);
    expect(notJson.code).toBe(1);
    expect(notJson.err).toContain(`${file}: is not JSON: expected the plan envelope`);
    expect(notJson.out).toContain("| Plan against HubSpot | ❌ | The plan file cannot be read:");

    fs.writeFileSync(file, JSON.stringify({ schema: "routeops.plan/1", configVersion: 7 }));
    const wrong = await report(["--plan-file", file]);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/configVersion: .*expected a routeops\.plan\/1 envelope/);
  });
});

describe("routeops pr-report: tests and validation", () => {
  it("runs the fixtures in-process, or reads the saved output of routeops test --format json", async () => {
    const inProcess = await report([]);
    expect(inProcess.out).toMatch(/\| Fixture tests \| ✅ \| \d+ passed, 0 failed; routing coverage 100% \|/);

    const test = captureIO({}, { cwd: referenceProject });
    expect(await main(["test", "--format", "json", "--min-coverage", "100"], test)).toBe(0);
    const file = path.join(scratch, "test.json");
    fs.writeFileSync(file, test.out());
    const saved = await report(["--test-results", file]);
    expect(saved.code).toBe(0);
    expect(section(saved.out, "Fixture tests")).toContain(`minimum 100%; read from ${file.replace(/[._-]/g, "\\$&")}`);
    expect(saved.out.split("\n")[9]).toMatch(/^\| Fixture tests \| ✅ \| \d+ passed/);
    expect(saved.out.split("\n")[9]).toBe(inProcess.out.split("\n")[9]);
  });

  it("fails on test results that are not routeops test output", async () => {
    const file = path.join(scratch, "test.json");
    fs.writeFileSync(file, JSON.stringify({ ok: true }));
    const { code, err } = await report(["--test-results", file]);
    expect(code).toBe(1);
    expect(err).toContain(`${file}: summary:`);
    const missing = await report(["--test-results", path.join(scratch, "none.json")]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("none.json: not found");
  });

  it("lists the errors of a config that does not validate, and computes nothing that needs it", async () => {
    const config = path.join(scratch, "broken.ts");
    fs.writeFileSync(config, 'export default { version: "1" };\n');
    const { code, out } = await report(["--config", config]);
    expect(code).toBe(0);
    expect(out).toMatch(/\| Validation \| ❌ \| \d+ errors, 0 warnings \|/);
    expect(out).toContain("| Fixture tests | ❌ | not run: the config does not validate |");
    expect(out).toContain("| Impact simulation | ➖ | Not computed: the config does not validate\\. |");
    expect(section(out, "Validation")).toMatch(/\| error \| `[^`]*broken\.ts(:\d+)?` \|/);
  });
});

describe("routeops pr-report: output", () => {
  it("writes --out instead of printing, and appends to the job summary", async () => {
    const file = path.join(scratch, "comment.md");
    const summary = path.join(scratch, "summary.md");
    fs.writeFileSync(summary, "# earlier step\n");
    const { code, out } = await report(["--out", file], { GITHUB_STEP_SUMMARY: summary });
    expect(code).toBe(0);
    expect(out).toBe("");
    const written = fs.readFileSync(file, "utf8");
    expect(written.startsWith("<!-- routeops:pr-report -->\n")).toBe(true);
    expect(fs.readFileSync(summary, "utf8")).toBe(`# earlier step\n${written}`);
  });

  it("refuses bad usage", async () => {
    expect((await report(["--pull-request", "abc"])).code).toBe(2);
    const noNumber = await report(["--post"]);
    expect(noNumber.code).toBe(2);
    expect(noNumber.err).toContain("--post needs --pull-request N");
    const noGitHub = await report(["--post", "--pull-request", "3"]);
    expect(noGitHub.code).toBe(2);
    expect(noGitHub.err).toContain("--post needs GITHUB_TOKEN and GITHUB_REPOSITORY");
    expect((await report(["--examples", "500"])).code).toBe(2);
  });
});

describe("routeops pr-report: GitHub refuses", () => {
  let github: GitHubStandin;
  beforeAll(async () => {
    github = await startGitHubStandin({
      token: "ghs_rightToken0123456789",
      repository: "acme/r",
      echoCredentialsInErrors: true,
    });
    github.addIssue({ title: "PR", isPullRequest: true });
  });
  afterAll(async () => {
    await github.close();
  });

  it("reports a rejected token without showing it, and exits 1", async () => {
    const token = "ghs_wrongToken9876543210zyxwvu";
    const env = { GITHUB_TOKEN: token, GITHUB_REPOSITORY: "acme/r", GITHUB_API_URL: github.baseUrl };
    const { code, out, err } = await report(["--post", "--pull-request", "1"], env);
    expect(code).toBe(1);
    expect(err).toContain(
      "HTTP 401: Bad credentials (received token [redacted]) (the token was rejected: check GITHUB_TOKEN)",
    );
    expect(err + out).not.toContain(token);
    expect(github.comments).toEqual([]);
  });
});

describe("routeops pr-report: a base without a routing config", () => {
  beforeAll(() => {
    vi.stubEnv("GIT_CONFIG_GLOBAL", ISOLATED_GIT_ENV.GIT_CONFIG_GLOBAL);
    vi.stubEnv("GIT_CONFIG_NOSYSTEM", ISOLATED_GIT_ENV.GIT_CONFIG_NOSYSTEM);
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it("draws the graph without highlights and says why there is no simulation", async () => {
    const repo = routingRepository(["inbound"]);
    try {
      repo.git("checkout", "-q", "--orphan", "empty");
      repo.git("rm", "-rq", "--cached", "routing", "test");
      repo.git("commit", "-q", "--allow-empty", "-m", "nothing yet");
      const run = captureIO({}, { cwd: repo.dir });
      expect(await main(["pr-report", "--base", "empty"], run)).toBe(0);
      expect(run.out()).toContain("| Routing graph | ✅ | drawn without a base |");
      expect(run.out()).toContain("| Impact simulation | ❌ | Not computed: the base config cannot be used:");
      expect(run.out()).toContain("routing has no files at empty");
    } finally {
      repo.remove();
    }
  });
});
