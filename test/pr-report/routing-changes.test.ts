/**
 * The pull-request comment a sales leader reads: the routing changes in the routing's own words
 * and each rep's expected share of leads, pinned for the change of issue 15 ("add a rep to a pool
 * with weight 2, out of office next week"), and within GitHub's limit for a 500-rep organisation.
 */
import { describe, expect, it } from "vitest";
import type { RoutingConfig } from "../../src/config/types";
import { diffRouting, repNamer, shareChanges } from "../../src/routing-changes";
import { fitPullRequestReport, renderPullRequestReport, type PullRequestReport } from "../../src/simulate/pr-report";
import { markdownLeaks } from "../report/hostile";
import { HOSTILE_NAMES } from "../report/hostile";
import { organisation } from "../routing-changes/organisation";
import { compileRouting } from "../../src/engine";
import { graphMarkdown, routingGraph } from "../../src/graph";
import { generateRouteInputList } from "../../src/sample";
import { simulate } from "../../src/simulate";

const skipped = { status: "skipped" as const, reason: "Not part of this test." };

function report(head: RoutingConfig, base: RoutingConfig): PullRequestReport {
  return {
    head: { config: "routing/index.ts", version: head.version },
    base: "main",
    validation: [],
    routing: {
      status: "ok",
      changes: diffRouting(head, base),
      shares: shareChanges(head, base, ["2026-12-07", "2026-12-14"]),
      repName: repNamer(head, base),
    },
    tests: skipped,
    plan: skipped,
    simulation: skipped,
    graph: skipped,
  };
}

function withNora(base: RoutingConfig, name = "Nora Quinn"): RoutingConfig {
  const head = structuredClone(base);
  head.reps.push({
    email: "nora.quinn@acme.test",
    name,
    role: "AE",
    calendar: "emea",
    territories: ["emea"],
    outOfOffice: [{ from: "2026-12-14", to: "2026-12-18" }],
  });
  head.pools[0]!.members.push({ rep: "nora.quinn@acme.test", weight: 2 });
  return head;
}

const ZWSP = "\u200b";

describe("PR comment: a rep joins a pool with weight 2 and is out of office next week", () => {
  const base = organisation(6);
  const markdown = renderPullRequestReport(report(withNora(base), base));
  const lines = markdown.split("\n").map((line) => line.split(ZWSP).join(""));

  it("says in one line who joined which pool with what weight", () => {
    expect(lines).toContain(
      "- Nora Quinn \\(nora\\.quinn@acme\\.test\\) joined pool EMEA AEs \\(emea\\) with weight 2",
    );
  });

  it("says in one line when they are away", () => {
    expect(lines).toContain(
      "- Nora Quinn \\(nora\\.quinn@acme\\.test\\) is out of office 2026\\-12\\-14 to 2026\\-12\\-18",
    );
  });

  it("says in one line per week each rep's expected share of the pool's leads before and after", () => {
    expect(lines).toContain(
      "- Pool emea, week of 2026\\-12\\-07 \\(5 business days\\): Rep 0 \\(rep0000@acme\\.test\\) 16\\.7% \\-&gt; 12\\.5% \\(weight 1\\); " +
        "Rep 2 \\(rep0002@acme\\.test\\) 33\\.3% \\-&gt; 25% \\(weight 2\\); Rep 4 \\(rep0004@acme\\.test\\) 50% \\-&gt; 37\\.5% \\(weight 3\\); " +
        "Nora Quinn \\(nora\\.quinn@acme\\.test\\) not a member \\-&gt; 25% \\(weight 2\\)",
    );
    expect(lines).toContain(
      "- Pool emea, week of 2026\\-12\\-14 \\(5 business days\\): Rep 0 \\(rep0000@acme\\.test\\) 16\\.7% \\-&gt; 16\\.7% \\(weight 1\\); " +
        "Rep 2 \\(rep0002@acme\\.test\\) 33\\.3% \\-&gt; 33\\.3% \\(weight 2\\); Rep 4 \\(rep0004@acme\\.test\\) 50% \\-&gt; 50% \\(weight 3\\); " +
        "Nora Quinn \\(nora\\.quinn@acme\\.test\\) not a member \\-&gt; 0% \\(weight 2, away 5 days\\)",
    );
  });

  it("is pinned as a golden file", async () => {
    await expect(markdown).toMatchFileSnapshot("../golden/pr-report/rep-joins-pool.md");
  });
});

describe("PR comment: hostile rep names", () => {
  for (const name of HOSTILE_NAMES) {
    it(`shows ${JSON.stringify(name)} with no mention, reference, HTML or marker`, () => {
      const base = organisation(4);
      const markdown = renderPullRequestReport(report(withNora(base, name), base));
      expect(markdownLeaks(markdown, "<!-- routeops:pr-report -->")).toEqual([]);
    });
  }
});

describe("PR comment: a 500-rep organisation", () => {
  const base = organisation(500);
  const head = structuredClone(base);
  // Everyone's weight in the EMEA pool changes, and every NA rep is out of office one day.
  for (const member of head.pools[0]!.members) member.weight = (member.weight ?? 1) + 1;
  for (const [i, rep] of head.reps.entries())
    if (i % 2 === 1) rep.outOfOffice = [{ from: "2026-12-08", to: "2026-12-08" }];

  it("with the simulation and the graph too, stays under the limit and still shows every change", () => {
    const inputs = generateRouteInputList(base, {
      seed: 3,
      count: 3_000,
      from: Date.parse("2026-12-07T00:00:00Z"),
      to: Date.parse("2026-12-21T00:00:00Z"),
    });
    const simulation = simulate(compileRouting(base), compileRouting(head), inputs, {
      examples: 3,
      weeks: ["2026-12-07", "2026-12-14"],
    });
    expect(simulation.changed).toBeGreaterThan(0);
    const graph = routingGraph(head, { base });
    const full: PullRequestReport = {
      ...report(head, base),
      simulation: {
        status: "ok",
        report: simulation,
        context: { base: "main", head: "routing/index.ts", contacts: "generated:3000:3" },
      },
      graph: {
        status: "ok",
        markdown: graphMarkdown(graph, { base: "main" }),
        changes: graph.changes.length + graph.poolChanges.length,
      },
    };
    const fitted = fitPullRequestReport(full);
    expect(fitted.markdown.length).toBeLessThan(65_536);
    expect(fitted.truncated).toBe(false);
    expect(fitted.omitted.length).toBeGreaterThan(0);
    expect(fitted.markdown).toContain("routeops\\-pr\\-report artifact");
    const plain = fitted.markdown.split(ZWSP).join("").replace(/\\(.)/g, "$1");
    const changes = full.routing.status === "ok" ? full.routing.changes.changes : [];
    expect(changes).toHaveLength(500);
    for (const change of changes) expect(plain).toContain(`- ${change.text.replace(/->/g, "-&gt;")}`);
  });

  it("stays under GitHub's 65,536 characters and still shows every change", () => {
    const full = report(head, base);
    const fitted = fitPullRequestReport(full);
    expect(fitted.markdown.length).toBeLessThan(65_536);
    expect(fitted.truncated).toBe(false);
    // The expected shares (a line per pool and week) give way, and the comment says where they are.
    expect(fitted.omitted).toEqual(["shares"]);
    expect(fitted.markdown).toContain("routeops\\-pr\\-report artifact");
    const changes = full.routing.status === "ok" ? full.routing.changes.changes : [];
    expect(changes).toHaveLength(500);
    const plain = fitted.markdown.split(ZWSP).join("").replace(/\\(.)/g, "$1");
    for (const change of changes) expect(plain).toContain(`- ${change.text.replace(/->/g, "-&gt;")}`);
  });
});
