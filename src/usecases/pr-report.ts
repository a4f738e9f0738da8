/**
 * `pr-report`: everything the pull-request comment shows, as one typed report: validation, the
 * fixture results (run here or read from `routeops test --format json`), the saved plan, the
 * routing changes and expected shares against the base, the impact simulation and the graph.
 * A part that cannot be made says why in the report; `problems` lists what should fail the run
 * (a file given that cannot be read). `routeops pr-report` renders, writes and posts it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { hasErrors } from "../config/diagnostics";
import type { RoutingConfig } from "../config/types";
import { UsageError } from "../errors";
import { loadAndValidate } from "../files/config-loader";
import { FixtureLoadError } from "../files/fixture-loader";
import { graphMarkdown, routingGraph } from "../graph";
import { redactSecrets, secretsFromEnv } from "../secrets";
import { readPlanFile, readTestResults, testResultsFromSuite, type PullRequestReport } from "../simulate/pr-report";
import { routeFixtures } from "./fixture-run";
import { compareConfigs } from "./routing-changes";
import {
  loadBaseConfig,
  simulateContacts,
  SimulationFailure,
  type ComparedConfigs,
  type SimulationPlace,
} from "./simulate";

/** What the report is built from, as `routeops pr-report`'s options say it. */
export interface PullRequestReportInput {
  /** The head routing config, relative to the working folder. */
  config: string;
  /** A git ref or config path to compare with; absent: the merge base. */
  base?: string;
  /** `routeops plan --out` of this push; absent or missing: the report says why there is no plan. */
  planFile?: string;
  /** `routeops test --format json` output; absent: the fixtures are run here. */
  testResults?: string;
  fixtures: string;
  /** Contacts for the simulation (default: the fixtures). */
  contacts?: string;
  examples: number;
  hubspotBaseUrl?: string;
  /** `YYYY-MM-DD`: the week of expected shares. */
  at: string;
}

/** The report, and what should make the run fail (free of secrets). */
export interface PullRequestReportResult {
  report: PullRequestReport;
  problems: string[];
}

/** Builds the pull-request report; parts that cannot be made say why inside it. */
export async function buildPullRequestReport(
  input: PullRequestReportInput,
  place: SimulationPlace,
): Promise<PullRequestReportResult> {
  const problems: string[] = [];
  const { config, diagnostics } = loadAndValidate(input.config, { cwd: place.cwd });
  const head = config && !hasErrors(diagnostics) ? config : undefined;
  const report: PullRequestReport = {
    head: { config: input.config, version: head?.version ?? null },
    validation: diagnostics,
    tests: testsPart(input, head, diagnostics, place, problems),
    plan: planPart(input, place, problems),
    ...(await comparisonParts(input, head, place)),
  };
  return { report, problems: problems.map((problem) => redactSecrets(problem, secretsFromEnv(place.env))) };
}

/** A file given on the command line, or why it could not be read (`null`: it does not exist). */
function readGiven(file: string, cwd: string): { text: string } | { missing: true } | { error: string } {
  try {
    return { text: readFileSync(path.resolve(cwd, file), "utf8") };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" ? { missing: true } : { error: `${file}: cannot be read (${code ?? "error"})` };
  }
}

const NO_PLAN =
  "No plan against the HubSpot portal for this push: the plan is skipped for pull requests from forks " +
  "(they get no secrets) and when the HUBSPOT_ACCESS_TOKEN secret is not set, and missing when the plan step " +
  "failed (see the job that runs `routeops plan`).";

function planPart(
  options: PullRequestReportInput,
  place: SimulationPlace,
  problems: string[],
): PullRequestReport["plan"] {
  if (options.planFile === undefined) return { status: "skipped", reason: "No plan: no --plan-file was given." };
  const read = readGiven(options.planFile, place.cwd);
  if ("missing" in read) return { status: "skipped", reason: NO_PLAN };
  const plan = "error" in read ? { ok: false as const, message: read.error } : readPlanFile(read.text);
  if (plan.ok) return { status: "ok", plan: plan.plan };
  const reason = "error" in read ? plan.message : `${options.planFile}: ${plan.message}`;
  problems.push(reason);
  return { status: "problem", reason: `The plan file cannot be read: ${reason}` };
}

function testsPart(
  options: PullRequestReportInput,
  config: RoutingConfig | undefined,
  validation: PullRequestReport["validation"],
  place: SimulationPlace,
  problems: string[],
): PullRequestReport["tests"] {
  if (options.testResults !== undefined) {
    const read = readGiven(options.testResults, place.cwd);
    const problem = (reason: string) => {
      problems.push(reason);
      return { status: "problem" as const, reason: `The test results cannot be read: ${reason}` };
    };
    if ("missing" in read) return problem(`${options.testResults}: not found`);
    if ("error" in read) return problem(read.error);
    const results = readTestResults(read.text);
    if (!results.ok) return problem(`${options.testResults}: ${results.message}`);
    return { status: "ok", results: results.results, source: `read from ${options.testResults}` };
  }
  if (!config) return { status: "ok", results: { kind: "invalid-config", diagnostics: validation }, source: "" };
  try {
    const suite = routeFixtures(config, options.fixtures, place.cwd);
    return { status: "ok", results: testResultsFromSuite(suite), source: `fixtures in ${options.fixtures}` };
  } catch (error) {
    if (!(error instanceof FixtureLoadError)) throw error;
    return { status: "problem", reason: `The fixtures cannot be read: ${error.message}` };
  }
}

/** Everything but the tests and the plan, which need no base: simulation and graph. */
async function comparisonParts(
  options: PullRequestReportInput,
  head: RoutingConfig | undefined,
  place: SimulationPlace,
): Promise<Pick<PullRequestReport, "base" | "routing" | "simulation" | "graph">> {
  const invalid = { status: "skipped" as const, reason: "Not computed: the config does not validate." };
  let base: Pick<ComparedConfigs, "base" | "baseLabel" | "baseRef"> | null = null;
  let baseProblem = "";
  try {
    base = loadBaseConfig(options.config, options.base, place.cwd);
  } catch (error) {
    if (!(error instanceof SimulationFailure) && !(error instanceof UsageError)) throw error;
    const found = error instanceof SimulationFailure ? error.diagnostics.length : 0;
    baseProblem = `${error.message}${found > 0 ? ` (${found} finding${found === 1 ? "" : "s"}, see \`routeops validate\`)` : ""}`;
  }
  const baseName = base?.baseLabel ?? options.base ?? "the merge base";
  if (!head) return { base: baseName, routing: invalid, simulation: invalid, graph: invalid };
  const routing: PullRequestReport["routing"] = base
    ? { status: "ok" as const, ...compareConfigs(head, base.base, base.baseLabel, options.at) }
    : { status: "problem", reason: `Not computed: the base config cannot be used: ${baseProblem}` };

  const graph = routingGraph(head, base ? { base: base.base } : {});
  const graphPart: PullRequestReport["graph"] = base
    ? {
        status: "ok",
        markdown: graphMarkdown(graph, { base: base.baseLabel }),
        changes: graph.changes.length + graph.poolChanges.length,
      }
    : { status: "ok", markdown: graphMarkdown(graph), changes: null };
  if (!base) {
    const reason = `Not computed: the base config cannot be used: ${baseProblem}`;
    return { base: baseName, routing, simulation: { status: "problem", reason }, graph: graphPart };
  }
  try {
    const request = {
      config: options.config,
      contacts: options.contacts ?? options.fixtures,
      examples: options.examples,
      at: Date.parse(`${options.at}T12:00:00Z`),
      ...(options.hubspotBaseUrl ? { hubspotBaseUrl: options.hubspotBaseUrl } : {}),
    };
    const { report, context } = await simulateContacts({ head, ...base }, request, place);
    return { base: baseName, routing, simulation: { status: "ok", report, context }, graph: graphPart };
  } catch (error) {
    if (!(error instanceof SimulationFailure) && !(error instanceof UsageError)) throw error;
    const reason = `The simulation could not run: ${redactSecrets(error.message, secretsFromEnv(place.env))}`;
    return { base: baseName, routing, simulation: { status: "problem", reason }, graph: graphPart };
  }
}
