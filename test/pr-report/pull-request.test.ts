/**
 * The pull-request flow end to end: a routing repository whose `main` is deployed to an emulated
 * HubSpot portal, a change on a branch, `routeops plan --out` against the portal (the official
 * client over HTTP), then `routeops pr-report --post` against the GitHub stand-in (Octokit over
 * HTTP). A second push updates the same comment; a run with nothing new leaves it alone.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main";
import routing from "../reference/routing/index";
import { seedFromRouting, startEmulator, type RunningEmulator } from "../../src/emulator";
import { captureIO } from "../support/cli-io";
import { startGitHubStandin, type GitHubStandin } from "../support/github-standin";
import { expectedDecisions, ISOLATED_GIT_ENV, routingRepository, type RoutingRepository } from "./repository";

const GITHUB_TOKEN = "ghs_prReportStandinToken0123456789abcdef";
const REPOSITORY = "acme/revops-routing";
const MARKER = "<!-- routeops:pr-report -->";
/** A Monday on which nobody is out of office: the deploy and every plan are computed for it. */
const AT = "2026-03-02";

let repo: RoutingRepository;
let github: GitHubStandin;
let hubspot: RunningEmulator;
let pullNumber = 0;

beforeAll(async () => {
  // The commands run git themselves: keep the machine's hooks, signing and aliases out of it.
  vi.stubEnv("GIT_CONFIG_GLOBAL", ISOLATED_GIT_ENV.GIT_CONFIG_GLOBAL);
  vi.stubEnv("GIT_CONFIG_NOSYSTEM", ISOLATED_GIT_ENV.GIT_CONFIG_NOSYSTEM);
  repo = routingRepository(["inbound", "segments", "outbound"]);
  github = await startGitHubStandin({ token: GITHUB_TOKEN, repository: REPOSITORY });
  hubspot = await startEmulator({ seed: seedFromRouting(routing, { contacts: 0 }), rateLimits: false });
  // Production runs what main holds.
  const deployed = await hubspotCli(["deploy", "--at", AT]);
  if (deployed.code !== 0) throw new Error(`deploy of main failed: ${deployed.err}`);
  pullNumber = github.addIssue({ title: "Enterprise SLA: standard", isPullRequest: true }).number;
  github.addComment(pullNumber, "Looks good to me @revops", "reviewer");
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await github?.close();
  await hubspot?.close();
  repo?.remove();
});

/** `routeops <argv>` in the repository, against the emulated portal. */
async function hubspotCli(argv: string[]) {
  const io = captureIO({ HUBSPOT_ACCESS_TOKEN: hubspot.token }, { cwd: repo.dir });
  const code = await main([...argv, "--hubspot-base-url", hubspot.baseUrl], io);
  return { code, out: io.out(), err: io.err() };
}

/** The check job's plan step: the plan as Markdown on stdout, saved as JSON for the comment job. */
async function planStep(): Promise<string> {
  const run = await hubspotCli(["plan", "--at", AT, "--format", "markdown", "--out", ".routeops/pr/plan.json"]);
  if (run.code !== 0) throw new Error(`routeops plan failed: ${run.err}`);
  const summary = /\*\*(Plan: \d+ to add, \d+ to change, \d+ to destroy\\\.)\*\*/.exec(run.out);
  if (!summary) throw new Error(`no summary line in the plan:\n${run.out}`);
  return summary[1]!;
}

async function prReport(summaryFile: string) {
  const io = captureIO(
    {
      GITHUB_TOKEN,
      GITHUB_REPOSITORY: REPOSITORY,
      GITHUB_API_URL: github.baseUrl,
      GITHUB_STEP_SUMMARY: summaryFile,
    },
    { cwd: repo.dir },
  );
  const args = ["--pull-request", String(pullNumber), "--base", "main", "--plan-file", ".routeops/pr/plan.json"];
  const code = await main(["pr-report", ...args, "--post"], io);
  return { code, out: io.out(), err: io.err() };
}

const botComments = () => github.comments.filter((c) => c.body.includes(MARKER));

describe("routeops pr-report on a pull request", () => {
  const fixtures = () => expectedDecisions(repo.dir);
  let firstBody = "";

  it("posts one comment with the tests, the plan, the simulation and the graph of the branch's change", async () => {
    repo.git("checkout", "-q", "-b", "enterprise-sla");
    repo.edit(
      "routing/systems.ts",
      'pool: "enterprise-na" },\n      sla: "inbound-high"',
      'pool: "enterprise-na" },\n      sla: "inbound-standard"',
    );
    repo.commit("Enterprise leads get the standard SLA");
    const planLine = await planStep();
    expect(planLine).toMatch(/^Plan: 0 to add, [1-9]\d* to change, 0 to destroy\\\.$/);
    const summary = path.join(repo.dir, ".routeops/summary.md");

    const { code, out, err } = await prReport(summary);
    expect(err).toMatch(new RegExp(`^Pull request #${pullNumber}: comment created: https://github.test/`));
    expect(code).toBe(0);
    expect(out).toBe("");
    expect(botComments()).toHaveLength(1);
    const body = botComments()[0]!.body;
    firstBody = body;
    expect(body.startsWith(`${MARKER}\n## RouteOps: routing check`)).toBe(true);

    // The fixtures pinned the enterprise SLA, so the ones the changed rule decides now fail.
    const all = fixtures();
    const enterprise = all.filter((e) => e.rule === "inbound-enterprise");
    const pinned = enterprise.filter((e) => "slaPolicy" in e || "slaDueAt" in e);
    expect(enterprise.length).toBeGreaterThan(0);
    expect(body).toContain(`| Fixture tests | ❌ | ${all.length - pinned.length} passed, ${pinned.length} failed;`);

    expect(body).toContain(`**${planLine}**`);
    expect(body).toContain('workflow "RouteOps: inbound routing"');
    // Impact: exactly the leads of the changed rule move, from one SLA policy to the other.
    expect(body).toContain(
      `**${enterprise.length} decision${enterprise.length === 1 ? "" : "s"} of ${all.length} change`,
    );
    expect(body).toContain(`| \`inbound-high\` | \`inbound-standard\` | ${enterprise.length} |`);
    expect(body).toContain("```mermaid");
    expect(body).toContain("**1 routing change** compared with main");
    expect(body).toContain("| inbound | `inbound-enterprise` | changed | SLA |");
    expect(github.comments.find((c) => c.user === "reviewer")!.body).toBe("Looks good to me @revops");

    // The same Markdown lands in the job summary.
    expect(fs.readFileSync(summary, "utf8")).toBe(body + (body.endsWith("\n") ? "" : "\n"));
  });

  it("agrees with routeops simulate and routeops graph run on their own", async () => {
    const simulate = captureIO({}, { cwd: repo.dir });
    expect(await main(["simulate", "--base", "main", "--format", "json"], simulate)).toBe(0);
    const envelope = JSON.parse(simulate.out());
    expect(envelope.contacts.count).toBe(fixtures().length);
    expect(firstBody).toContain(`**${envelope.changed} decision`);

    const graph = captureIO({}, { cwd: repo.dir });
    expect(await main(["graph", "--base", "main", "--format", "markdown"], graph)).toBe(0);
    expect(firstBody).toContain(graph.out().trimEnd());
    expect(fs.readdirSync(path.join(repo.dir, ".routeops")).filter((f) => f.startsWith("base-"))).toEqual([]);
  });

  it("plan --base says the branch's change in the routing's own words, in text, Markdown and JSON", async () => {
    const line = "Inbound rule inbound-enterprise: SLA inbound-high -> inbound-standard";
    const json = await hubspotCli(["plan", "--at", AT, "--base", "main", "--format", "json"]);
    expect(json.code).toBe(0);
    const envelope = JSON.parse(json.out);
    expect(envelope.routing.changes).toEqual([
      expect.objectContaining({
        area: "rules",
        kind: "changed",
        subject: "inbound-enterprise",
        field: "sla",
        text: line,
      }),
    ]);
    expect(envelope.items.length).toBeGreaterThan(0);
    const text = await hubspotCli(["plan", "--at", AT, "--base", "main"]);
    expect(text.out.startsWith("What changes in the routing\n")).toBe(true);
    expect(text.out).toContain(`- ${line}`);
    const markdown = await hubspotCli(["plan", "--at", AT, "--base", "main", "--format", "markdown"]);
    expect(markdown.out).toContain("#### What changes in the routing");
    expect(markdown.out).toContain(
      "- Inbound rule inbound\\-enterprise: SLA inbound\\-high \\-&gt; inbound\\-standard",
    );
    expect(markdown.out).toContain("<details><summary>HubSpot objects (properties, workflows):");
  });

  it("updates the same comment after a second push, and leaves it alone when nothing changed", async () => {
    repo.edit(
      "routing/systems.ts",
      'sla: "outbound-call",\n      notification: "calm"',
      'sla: "outbound-call",\n      notification: "urgent"',
    );
    repo.commit("Cold calls notify urgently");
    await planStep();
    const summary = path.join(repo.dir, ".routeops/summary-2.md");
    const created = github.requests.filter((r) => r.method === "POST").length;

    const second = await prReport(summary);
    expect(second.err).toMatch(/comment updated/);
    expect(second.code).toBe(0);
    expect(botComments()).toHaveLength(1);
    const body = botComments()[0]!.body;
    expect(body).not.toBe(firstBody);
    const all = fixtures();
    const moved = all.filter((e) => e.rule === "inbound-enterprise" || e.rule === "outbound-caller").length;
    expect(body).toContain(`**${moved} decisions of ${all.length} change`);
    expect(body).toContain("**2 routing changes** compared with main");
    expect(body).toContain("| outbound | `outbound-caller` | changed | notification |");

    const third = await prReport(summary);
    expect(third.err).toMatch(/comment unchanged/);
    expect(botComments()).toHaveLength(1);
    expect(github.requests.filter((r) => r.method === "POST").length).toBe(created);
    expect(github.requests.filter((r) => r.method === "PATCH")).toHaveLength(1);
    for (const run of [second, third]) expect(run.err + run.out).not.toContain(GITHUB_TOKEN);
    expect(body).not.toContain(hubspot.token);
  });
});
