import path from "node:path";
import type { RouterDatabase } from "../../router";
import { openRouterDatabase, routerDataDirProblem } from "../../router/service";
import { readDecisionLog } from "../../router/decision-log";
import { hubspotBounds } from "../hubspot-bounds";
import {
  AUDIT_JSON_SCHEMA,
  auditMarker,
  failedChecks,
  parseFailOn,
  renderJson,
  renderMarkdown,
  renderText,
  reportTitle,
  windowBetween,
  windowSince,
  parseNow,
  type AuditEnvelope,
  type AuditReport,
  type AuditWindow,
  type FailOnCheck,
} from "../../audit";
import { writeReportFiles } from "../../files/report-output";
import { ACTIONS_BOT_LOGIN, createGitHubAdapter, impostorLines, writeStepSummary } from "../../github";
import { createHubSpotAdapter, HubSpotConfigError, HubSpotError, type HubSpotAdapter } from "../../hubspot";
import { errorMessage, RouteOpsError } from "../../errors";
import { auditPortal } from "../../usecases/audit";
import { redactSecrets, secretsFromEnv } from "../../secrets";
import { UsageError, type CliIO, type Command } from "../io";
import { oneOf, parseCommandArgs } from "../args";

const usage = `Usage: routeops audit [options]

Audits routing in HubSpot for a window: drift of what RouteOps manages (changed outside RouteOps),
unclassified contacts, inbound, outbound and re-engagement health, and a unified view.

Window (default --since 7d):
  --since LENGTH          the window ending now: 7d, 24h, 2w
  --from DATE --to DATE   ISO dates (UTC days, --to included) or date-times with a zone
  --now DATE-TIME         the audit's "now" (default: the clock), for reproducible reports

Output:
  --format FORMAT         text (default), markdown or json (one envelope)
  --out DIR               also write DIR/report.md and DIR/report.json
  --post-issue            create or update this portal's audit issue on GitHub
                          (needs GITHUB_TOKEN and GITHUB_REPOSITORY)
  --fail-on CHECKS        exit 3 when any of drift,unclassified,sla found something

HubSpot:
  --config FILE           routing config module (default: routing/index.ts)
  --hubspot-base-url URL  API root (default: HUBSPOT_BASE_URL, else https://api.hubapi.com)
  --portal-id ID          portal id for links and the issue marker (default: HUBSPOT_PORTAL_ID)
  --skip-drift            do not compare managed properties and workflows (owners are still checked)

Router:
  --decision-log          also report fairness and health from the router's decision log: per pool,
                          leads per rep against weight share, capacity hits, absences skipped; SLA
                          met/breached/escalated per system; time to first touch by source type
                          (PostgreSQL when DATABASE_URL is set, else the embedded database)
  --router-data-dir DIR   the router's embedded database folder (default: .routeops/router-db);
                          it must exist: the audit never creates an empty one

The token is read from HUBSPOT_ACCESS_TOKEN. When GITHUB_STEP_SUMMARY is set, the Markdown report
is also appended there.

Exit codes: 0 done; 3 a --fail-on check found something; 1 the audit could not run; 2 bad usage.`;

/** Exit code when a `--fail-on` check found something. */
export const FINDINGS_EXIT_CODE = 3;

interface AuditOptions {
  config: string;
  window: AuditWindow;
  now: number;
  format: "text" | "markdown" | "json";
  out?: string;
  postIssue: boolean;
  failOn: FailOnCheck[];
  baseUrl?: string;
  portalId: string | null;
  skipDrift: boolean;
  decisionLog: boolean;
  routerDataDir: string;
}

/** What tests may replace: the clock. */
export interface AuditCommandDeps {
  now?: () => number;
}

export function createAuditCommand(deps: AuditCommandDeps = {}): Command {
  const clock = deps.now ?? Date.now;
  return {
    name: "audit",
    summary: "Report drift and routing health for a window, optionally to a GitHub issue",
    usage,
    run: (argv, io) => runAudit(parseOptions(argv, io, clock()), io),
  };
}

/** `routeops audit`. */
export const auditCommand: Command = createAuditCommand();

async function runAudit(options: AuditOptions, io: CliIO): Promise<number> {
  const secrets = secretsFromEnv(io.env);
  const fail = (code: string, message: string, exitCode = 1): number => {
    const clean = redactSecrets(message, secrets);
    if (options.format === "json")
      io.stdout.write(renderJson(envelope(options, exitCode, [], null, null, { code, message: clean })));
    io.stderr.write(`routeops audit: ${clean}\n`);
    return exitCode;
  };

  const token = io.env.HUBSPOT_ACCESS_TOKEN?.trim();
  if (!token) {
    return fail(
      "missing_token",
      "a HubSpot token is needed: set HUBSPOT_ACCESS_TOKEN to a private app token with the crm.objects.contacts.read, " +
        "crm.schemas.contacts.read, crm.objects.owners.read and automation scopes (to try RouteOps without a portal, " +
        "run `routeops demo`, or start `routeops emulator --seed reference` and pass its URL with --hubspot-base-url)",
      2,
    );
  }
  if (options.postIssue && !githubSettings(io)) {
    return fail(
      "missing_github",
      "--post-issue needs GITHUB_TOKEN and GITHUB_REPOSITORY (owner/name) in the environment",
      2,
    );
  }

  let hubspot: HubSpotAdapter;
  let report: AuditReport;
  const progress = progressLine(io);
  let database: RouterDatabase | undefined;
  try {
    if (options.decisionLog) {
      const databaseUrl = io.env.DATABASE_URL?.trim();
      if (!databaseUrl) {
        const problem = routerDataDirProblem(path.resolve(io.cwd, options.routerDataDir));
        if (problem) return fail("no_decision_log", `--decision-log: ${problem}`, 2);
      }
      database = await openRouterDatabase({ databaseUrl, dataDir: options.routerDataDir, cwd: io.cwd });
    }
    const db = database;
    hubspot = createHubSpotAdapter({
      accessToken: token,
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      ...hubspotBounds(io),
    });
    ({ report } = await auditPortal(
      {
        config: options.config,
        cwd: io.cwd,
        window: options.window,
        now: options.now,
        portalId: options.portalId,
        skipDrift: options.skipDrift,
      },
      {
        hubspot,
        progress: (text) => progress.say(text),
        ...(db ? { decisionLog: (from: number, to: number) => readDecisionLog(db, from, to) } : {}),
      },
    ));
    progress.done();
    await database?.close();
  } catch (error) {
    progress.done();
    await database?.close().catch(() => undefined);
    if (error instanceof RouteOpsError && error.code === "invalid_config") {
      io.stderr.write(error.lines.map((line) => `${line}\n`).join(""));
      return fail("invalid_config", `the routing config ${options.config} does not validate; fix the errors above`);
    }
    const fromHubSpot = error instanceof HubSpotError || error instanceof HubSpotConfigError;
    const message = error instanceof Error ? error.message : String(error);
    // HubSpot's errors already say "HubSpot ..." at the start: do not say it twice.
    return fail(errorCode(error), fromHubSpot && !/^HubSpot\b/.test(message) ? `HubSpot: ${message}` : message);
  }

  const failed = failedChecks(report, options.failOn);
  const findingsExit = failed.length > 0 ? FINDINGS_EXIT_CODE : 0;
  const apiCalls = hubspot.requests.count();
  const markdown = renderMarkdown(report, { marker: auditMarker(report.portalId) });
  let published: { code: string; message: string } | null = null;
  try {
    await publish(
      options,
      io,
      report,
      markdown,
      renderJson(envelope(options, findingsExit, failed, apiCalls, report, null)),
    );
  } catch (error) {
    const message = redactSecrets(errorMessage(error), secrets);
    published = { code: errorCode(error), message };
  }

  // A report that could not be written or posted is still printed: the run's log keeps it.
  const exitCode = published ? 1 : findingsExit;
  if (options.format === "json")
    io.stdout.write(renderJson(envelope(options, exitCode, failed, apiCalls, report, published)));
  else if (options.format === "markdown") io.stdout.write(markdown);
  else io.stdout.write(renderText(report));
  if (published) io.stderr.write(`routeops audit: ${published.message}\n`);
  else if (failed.length > 0) {
    io.stderr.write(`routeops audit: --fail-on ${failed.join(",")}: findings present (exit ${FINDINGS_EXIT_CODE})\n`);
  }
  return exitCode;
}

/**
 * Where a reader of a shortened issue finds the whole report: the run's artifact when the audit
 * wrote one in GitHub Actions (the shipped workflow uploads `--out` as `routeops-audit-report`).
 */
export function fullReportHint(out: string | undefined, env: Record<string, string | undefined>): string {
  if (!out) return "Run `routeops audit --out DIR` for the full report (DIR/report.md and DIR/report.json).";
  const server = env.GITHUB_SERVER_URL ?? "https://github.com";
  const run =
    env.GITHUB_REPOSITORY && /^\d+$/.test(env.GITHUB_RUN_ID ?? "")
      ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : null;
  return run
    ? `The full report (report.md, report.json) is attached to [the workflow run](${run}) as an artifact.`
    : `The full report is in ${out}/report.md and ${out}/report.json.`;
}

/** `--out`, the step summary and `--post-issue`, in that order. */
async function publish(options: AuditOptions, io: CliIO, report: AuditReport, markdown: string, json: string) {
  if (options.out) {
    await writeReportFiles(options.out, [
      { name: "report.md", text: markdown },
      { name: "report.json", text: json },
    ]);
  }
  const summaryPath = io.env.GITHUB_STEP_SUMMARY;
  if (summaryPath && summaryPath.trim() !== "") await writeStepSummary(summaryPath, markdown);
  const github = options.postIssue ? githubSettings(io) : null;
  if (github) {
    const adapter = createGitHubAdapter({
      token: github.token,
      repository: github.repository,
      botLogin: github.botLogin,
      ...(github.baseUrl ? { baseUrl: github.baseUrl } : {}),
    });
    const issue = await adapter.upsertIssueByMarker({
      marker: `audit:portal:${report.portalId ?? "unknown"}`,
      title: reportTitle(report),
      body: markdown,
      labels: ["routeops"],
      ownLabel: "routeops",
      fullReportHint: fullReportHint(options.out, io.env),
    });
    for (const line of impostorLines(issue.impostors, "issue", github.botLogin)) {
      io.stderr.write(`routeops audit: ${line}\n`);
    }
    io.stderr.write(`Audit issue #${issue.number} ${issue.action}: ${issue.url}\n`);
  }
}

function envelope(
  options: AuditOptions,
  exitCode: number,
  failed: FailOnCheck[],
  apiCalls: number | null,
  report: AuditReport | null,
  error: { code: string; message: string } | null,
): AuditEnvelope {
  const status = error ? "error" : failed.length > 0 ? "failed" : "ok";
  return { schema: AUDIT_JSON_SCHEMA, status, exitCode, failOn: options.failOn, failed, apiCalls, report, error };
}

function parseOptions(argv: string[], io: CliIO, clockNow: number): AuditOptions {
  const { values } = parseCommandArgs(argv, {
    config: { type: "string" },
    since: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    now: { type: "string" },
    format: { type: "string" },
    out: { type: "string" },
    "post-issue": { type: "boolean" },
    "fail-on": { type: "string" },
    "hubspot-base-url": { type: "string" },
    "portal-id": { type: "string" },
    "skip-drift": { type: "boolean" },
    "decision-log": { type: "boolean" },
    "router-data-dir": { type: "string" },
  });
  const format = oneOf("--format", values.format, ["text", "markdown", "json"], "text");
  if (values["router-data-dir"] !== undefined && values["decision-log"] !== true) {
    throw new UsageError(
      "--router-data-dir needs --decision-log (it names the database the decision log is read from)",
    );
  }
  if (values.since !== undefined && (values.from !== undefined || values.to !== undefined)) {
    throw new UsageError("give either --since or --from/--to, not both");
  }
  if (values.to !== undefined && values.from === undefined) throw new UsageError("--to needs --from");
  let now = clockNow;
  let window: AuditWindow;
  let failOn: FailOnCheck[] = [];
  try {
    if (values.now !== undefined) now = parseNow(values.now);
    window =
      values.from !== undefined ? windowBetween(values.from, values.to, now) : windowSince(values.since ?? "7d", now);
    if (values["fail-on"] !== undefined) failOn = parseFailOn(values["fail-on"]);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const portalId = (values["portal-id"] ?? io.env.HUBSPOT_PORTAL_ID ?? "").trim();
  if (portalId !== "" && !/^\d+$/.test(portalId)) throw new UsageError(`--portal-id must be digits, not "${portalId}"`);
  const baseUrl = values["hubspot-base-url"] ?? io.env.HUBSPOT_BASE_URL;
  return {
    config: values.config ?? "routing/index.ts",
    window,
    now,
    format,
    ...(values.out !== undefined ? { out: values.out } : {}),
    postIssue: values["post-issue"] === true,
    failOn,
    ...(baseUrl ? { baseUrl } : {}),
    portalId: portalId === "" ? null : portalId,
    skipDrift: values["skip-drift"] === true,
    decisionLog: values["decision-log"] === true,
    routerDataDir: values["router-data-dir"] ?? path.join(".routeops", "router-db"),
  };
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

/** A one-line progress indicator on stderr, only when stderr is a terminal. */
interface Progress {
  say(text: string): void;
  done(): void;
}

function progressLine(io: CliIO): Progress {
  const tty = io.stderr.isTTY === true;
  let shown = false;
  return {
    say(text) {
      if (!tty) return;
      io.stderr.write(`\r\u001b[2K${text}`);
      shown = true;
    },
    done() {
      if (tty && shown) io.stderr.write("\r\u001b[2K");
    },
  };
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && /^[a-z_]+$/.test(code) ? code : "audit_failed";
}

/** Tokens never leave the process, whatever an error message carries. */
