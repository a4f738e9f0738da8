import path from "node:path";
import { writeReportFiles } from "../../files/report-output";
import { ACTIONS_BOT_LOGIN, createGitHubAdapter, impostorLines, writeStepSummary } from "../../github";
import { fitPullRequestReport, FULL_REPORT_HINT, renderPullRequestReport } from "../../simulate/pr-report";
import { redactSecrets, secretsFromEnv } from "../../secrets";
import { UsageError, type CliIO, type Command } from "../io";
import { examplesOption, parseCommandArgs } from "../args";
import { hubspotBounds } from "../hubspot-bounds";
import { buildPullRequestReport, type PullRequestReportInput } from "../../usecases/pr-report";

const usage = `Usage: routeops pr-report [--pull-request N] [--base REF|PATH] [--plan-file FILE]
                          [--test-results FILE] [--post] [--out FILE] [options]

Builds the one pull-request comment of RouteOps: validation, fixture test results, the plan
against HubSpot (from --plan-file), the impact simulation against the base, and the routing
graph with what changed highlighted. The comment starts with the hidden marker
<!-- routeops:pr-report -->, by which --post finds it and updates it in place.

Options:
  --pull-request N      the pull request to comment on (needed with --post)
  --base REF|PATH       what the PR is compared with: a git ref or a config path (default: the
                        merge base of HEAD with origin/main, or main)
  --plan-file FILE      the plan JSON written by \`routeops plan --out FILE\`; when the file is
                        absent the comment says why there is no plan
  --test-results FILE   output of \`routeops test --format json\` (default: run the fixtures here)
  --post                create or update the comment on the PR (GITHUB_TOKEN, GITHUB_REPOSITORY,
                        and GITHUB_API_URL on GitHub Enterprise Server)
  --out FILE            also write the Markdown to FILE (without --post and --out: stdout)
  --config FILE         the routing config (default: routing/index.ts)
  --fixtures DIR        fixtures to run when there is no --test-results (default: test/fixtures)
  --contacts SOURCE     contacts for the simulation, as in \`routeops simulate\` (default: the fixtures)
  --examples N          changed decisions shown with their traces (default 3)
  --hubspot-base-url URL  HubSpot API root, for --contacts portal:N
  --at DATE             the day (YYYY-MM-DD) whose week, and the next, the expected shares of leads
                        are computed for (default: today, UTC)
  -h, --help            show this help

When GITHUB_STEP_SUMMARY is set, the full report is also appended to the job summary. The comment
stays within GitHub's 65,536 characters: the routing changes are always shown in full; the tests,
the HubSpot objects, the simulation and the graph are folded and, if still too long, left out with
a note that the full report is in the job summary and the routeops-pr-report artifact (--out).

Exit code: 0 when the comment was built (and posted or written); 1 when it could not be posted or
written, or a file given with --plan-file or --test-results cannot be read; 2 for bad usage.
Failing tests do not change the exit code: the check job reports them.`;

interface PrReportOptions extends PullRequestReportInput {
  pullRequest?: number;
  post: boolean;
  out?: string;
}

function parseOptions(argv: string[]): PrReportOptions {
  const values: Record<string, string | boolean | undefined> = parseCommandArgs(argv, {
    "pull-request": { type: "string" },
    base: { type: "string" },
    "plan-file": { type: "string" },
    "test-results": { type: "string" },
    post: { type: "boolean" },
    out: { type: "string" },
    config: { type: "string" },
    fixtures: { type: "string" },
    contacts: { type: "string" },
    examples: { type: "string" },
    "hubspot-base-url": { type: "string" },
    at: { type: "string" },
  }).values;
  const text = (name: string) => values[name] as string | undefined;
  const pr = text("pull-request");
  if (pr !== undefined && (!/^\d+$/.test(pr) || Number(pr) === 0)) {
    throw new UsageError(`--pull-request must be a pull request number, not "${pr}"`);
  }
  if (values.post === true && pr === undefined) throw new UsageError("--post needs --pull-request N");
  for (const name of ["base", "plan-file", "test-results", "out"]) {
    if (text(name)?.trim() === "") throw new UsageError(`--${name} needs a value`);
  }
  const optional = (key: keyof PrReportOptions, name: string) =>
    text(name) !== undefined ? { [key]: text(name) } : {};
  const at = text("at") ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(at) || Number.isNaN(Date.parse(`${at}T00:00:00Z`))) {
    throw new UsageError(`--at must be a date (YYYY-MM-DD), not "${at}"`);
  }
  return {
    at,
    post: values.post === true,
    config: text("config") ?? "routing/index.ts",
    fixtures: text("fixtures") ?? "test/fixtures",
    examples: examplesOption(text("examples"), 3),
    ...(pr !== undefined ? { pullRequest: Number(pr) } : {}),
    ...optional("base", "base"),
    ...optional("planFile", "plan-file"),
    ...optional("testResults", "test-results"),
    ...optional("out", "out"),
    ...optional("contacts", "contacts"),
    ...optional("hubspotBaseUrl", "hubspot-base-url"),
  };
}

async function run(argv: string[], io: CliIO): Promise<number> {
  const options = parseOptions(argv);
  const github = options.post ? githubSettings(io) : null;
  if (options.post && !github) {
    io.stderr.write("routeops pr-report: --post needs GITHUB_TOKEN and GITHUB_REPOSITORY (owner/name)\n");
    return 2;
  }
  const { report, problems } = await buildPullRequestReport(options, {
    cwd: io.cwd,
    env: io.env,
    hubspotBounds: hubspotBounds(io),
  });
  const markdown = renderPullRequestReport(report);
  const fitted = fitPullRequestReport(report);

  try {
    if (options.out) {
      await writeReportFiles(path.dirname(path.resolve(io.cwd, options.out)), [
        { name: path.basename(options.out), text: markdown },
      ]);
    }
    const summary = io.env.GITHUB_STEP_SUMMARY;
    if (summary && summary.trim() !== "") await writeStepSummary(summary, markdown);
    if (github && options.pullRequest !== undefined) {
      const adapter = createGitHubAdapter(github);
      const comment = await adapter.upsertPullRequestComment({
        pullNumber: options.pullRequest,
        marker: "pr-report",
        body: fitted.markdown,
        fullReportHint: FULL_REPORT_HINT,
      });
      for (const line of impostorLines(comment.impostors, "comment", github.botLogin)) {
        io.stderr.write(`routeops pr-report: ${line}\n`);
      }
      io.stderr.write(`Pull request #${options.pullRequest}: comment ${comment.action}: ${comment.url}\n`);
      if (fitted.shortened) {
        const left = fitted.omitted.length > 0 ? `left out ${fitted.omitted.join(", ")}` : "folded";
        io.stderr.write(`The comment was too long for GitHub: ${left}; ${FULL_REPORT_HINT}\n`);
      }
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`routeops pr-report: ${redactSecrets(message, secretsFromEnv(io.env))}\n`);
    return 1;
  }
  if (!options.post && !options.out) io.stdout.write(markdown);
  for (const problem of problems) io.stderr.write(`routeops pr-report: ${problem}\n`);
  return problems.length > 0 ? 1 : 0;
}

function githubSettings(io: CliIO): { token: string; repository: string; baseUrl?: string; botLogin: string } | null {
  const token = io.env.GITHUB_TOKEN?.trim();
  const repository = io.env.GITHUB_REPOSITORY?.trim();
  if (!token || !repository) return null;
  const baseUrl = io.env.GITHUB_API_URL?.trim();
  // Who the token writes as; a personal token's owner instead of the Actions bot (docs/github.md).
  const botLogin = io.env.ROUTEOPS_GITHUB_LOGIN?.trim() || ACTIONS_BOT_LOGIN;
  return { token, repository, botLogin, ...(baseUrl ? { baseUrl } : {}) };
}

/** `routeops pr-report`: the pull-request comment. */
export const prReportCommand: Command = {
  name: "pr-report",
  summary: "Build (and with --post, upsert) the pull-request comment: tests, plan, impact, graph",
  usage,
  run,
};
