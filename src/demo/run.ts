/**
 * `routeops demo`: the whole product in one run, against a local HubSpot emulator. Validate the
 * routing config, run its fixtures, plan and deploy it, send a burst of realistic leads through
 * the deployed workflows (checked against the engine), audit the portal, and leave every report
 * in one folder. Each step prints its status line as soon as it is done; a failed step says why
 * and the demo goes on where the next steps still make sense.
 *
 * With HUBSPOT_ACCESS_TOKEN set, the same run goes to that portal instead, read-only: validate,
 * test, plan and audit. It never deploys or creates leads in a real portal.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { CliIO } from "../cli/io";
import type { RoutingConfig } from "../config/types";
import type { FlowExecutor, RunningEmulator } from "../emulator";
import { writeReportFiles, type ReportFile } from "../files/report-output";
import { redactSecrets } from "../secrets";
import { createDemoClock, folderStamp, type DemoClock } from "./clock";
import type { CommandSettings } from "./command-runner";
import { removeConnectionFile, writeConnectionFile } from "./connection-file";
import { generateLeads, otherOwners, type DemoLead } from "./leads/lead-inputs";
import { DEMO_TARGET_SECONDS, type DemoDeps, type DemoOptions } from "./options";
import { auditStep } from "./steps/audit";
import { deployStep } from "./steps/deploy";
import { emulatorStep } from "./steps/emulator";
import { fixturesStep } from "./steps/fixtures";
import { leadsStep } from "./steps/leads";
import { planStep } from "./steps/plan";
import { formatSeconds, formatStep, type StepId, type StepOutcome, type StepRecord } from "./steps/step";
import { validateStep } from "./steps/validate";
import { renderSummaryJson, renderSummaryMarkdown } from "./summary";

const STEPS_AFTER_VALIDATE: StepId[] = ["emulator", "test", "plan", "deploy", "leads", "audit"];
const STEPS_ON_THE_PORTAL: StepId[] = ["plan", "deploy", "leads", "audit"];
const READ_ONLY_STEPS: StepId[] = ["test", "plan", "audit"];
const HUBSPOT_API = "https://api.hubapi.com";

/** Runs the demo; 0 when every step succeeded, 1 otherwise, 2 when it refuses to run. */
export async function runDemo(options: DemoOptions, io: CliIO, deps: DemoDeps = {}): Promise<number> {
  const portalToken = io.env.HUBSPOT_ACCESS_TOKEN?.trim() || undefined;
  const elapsed = deps.elapsed ?? (() => performance.now());
  const start = options.now ?? (deps.wallClock ?? Date.now)();
  const clock = createDemoClock(start, elapsed);
  const began = elapsed();
  const demo = new DemoRun(io, elapsed);
  if (portalToken) {
    demo.secrets = [portalToken];
    io.stdout.write(
      "RouteOps against your HubSpot portal (HUBSPOT_ACCESS_TOKEN is set): validate, test, plan and audit, " +
        "read-only. Nothing is deployed and no lead is created; unset the token for the full demo on a local " +
        "emulator.\n\n",
    );
  } else {
    io.stdout.write(
      "RouteOps demo: validate, test, plan, deploy, a burst of leads and an audit, against a local HubSpot " +
        "emulator (no real portal is touched).\n\n",
    );
  }

  const scratch = await mkdtemp(path.join(tmpdir(), "routeops-demo-"));
  let emulator: RunningEmulator | undefined;
  try {
    let config: RoutingConfig | undefined;
    await demo.step("validate", async () => {
      const result = validateStep(options.config, io.cwd, start);
      config = result.config;
      return result.outcome;
    });
    if (!config) {
      for (const id of portalToken ? READ_ONLY_STEPS : STEPS_AFTER_VALIDATE) {
        demo.skip(id, `the routing config ${options.config} does not validate`);
      }
    } else if (portalToken) {
      await runReadOnly(options, io, demo, clock.now(), scratch, portalToken);
    } else {
      emulator = await runWithConfig(config, options, io, demo, clock, scratch, deps);
    }

    const outDir = path.resolve(io.cwd, options.out ?? path.join(".routeops", "demo", folderStamp(start)));
    const reports = demo.reports();
    const names = [...reports.map((r) => r.name), "summary.md", "summary.json"];
    const summary = {
      startedAt: new Date(start).toISOString(),
      configVersion: config?.version ?? null,
      steps: demo.records,
      totalSeconds: (elapsed() - began) / 1000,
      targetSeconds: DEMO_TARGET_SECONDS,
      files: names,
    };
    const files: ReportFile[] = [
      ...reports,
      { name: "summary.md", text: renderSummaryMarkdown(summary) },
      { name: "summary.json", text: renderSummaryJson(summary) },
    ];
    const secrets = emulator ? [emulator.token] : portalToken ? [portalToken] : [];
    try {
      await writeReportFiles(
        outDir,
        files.map((file) => ({ name: file.name, text: redactSecrets(file.text, secrets) })),
      );
      const shown = path.relative(io.cwd, outDir);
      const where = shown === "" ? "." : shown.startsWith("..") || path.isAbsolute(shown) ? outDir : shown;
      io.stdout.write(`\nReports in ${where}: ${names.join(", ")}\n`);
    } catch (error) {
      io.stderr.write(`routeops demo: the reports could not be written: ${(error as Error).message}\n`);
      demo.fail();
    }
    const total = (elapsed() - began) / 1000;
    const failedSteps = demo.records.filter((s) => s.status !== "ok").length;
    const ok = failedSteps === 0 && !demo.failed;
    const verdict =
      failedSteps === 0 ? "Every step succeeded" : `${failedSteps} of ${demo.records.length} steps did not succeed`;
    io.stdout.write(`${verdict}. Total ${formatSeconds(total)} (target: under ${DEMO_TARGET_SECONDS} s).\n`);
    if (emulator && options.keepRunning) await keepRunning(emulator, io, deps);
    return ok ? 0 : 1;
  } finally {
    await emulator?.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The steps that need a valid config; returns the emulator (still running) when it started. */
async function runWithConfig(
  config: RoutingConfig,
  options: DemoOptions,
  io: CliIO,
  demo: DemoRun,
  clock: DemoClock,
  scratch: string,
  deps: DemoDeps,
): Promise<RunningEmulator | undefined> {
  const leads: DemoLead[] = generateLeads(config, { count: options.leads, seed: options.seed, now: clock.now() });
  let emulator: RunningEmulator | undefined;
  await demo.step("emulator", async () => {
    const token = io.env.ROUTEOPS_EMULATOR_TOKEN?.trim();
    const result = await emulatorStep({
      config,
      contacts: options.contacts,
      otherOwners: otherOwners(config, leads),
      clock: clock.now,
      seed: options.seed,
      ...(token ? { token } : {}),
    });
    emulator = result.emulator;
    return result.outcome;
  });
  const settings: CommandSettings = {
    env: emulator ? { HUBSPOT_ACCESS_TOKEN: emulator.token, HUBSPOT_BASE_URL: emulator.baseUrl } : {},
    cwd: io.cwd,
    secrets: emulator ? [emulator.token] : [],
  };
  demo.secrets = settings.secrets;
  await demo.step("test", () => fixturesStep(options.config, options.fixtures, settings));
  if (!emulator) {
    for (const id of STEPS_ON_THE_PORTAL) demo.skip(id, "the HubSpot emulator did not start");
    return undefined;
  }
  const running = emulator;
  const baseUrl = running.baseUrl;
  let savedPlan: string | undefined;
  await demo.step("plan", async () => {
    const result = await planStep({ config: options.config, baseUrl, at: clock.now(), scratch }, settings);
    savedPlan = result.savedPlan;
    return result.outcome;
  });
  await demo.step("deploy", () =>
    deployStep({ config: options.config, baseUrl, at: clock.now(), ...(savedPlan ? { savedPlan } : {}) }, settings),
  );
  await demo.step("leads", () =>
    leadsStep({
      config,
      leads,
      baseUrl,
      token: running.token,
      clock,
      sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      afterEvents: async () => finishDelayedRuns(running.workflows, clock),
    }),
  );
  await demo.step("audit", () => auditStep({ config: options.config, baseUrl, now: clock.now(), scratch }, settings));
  return emulator;
}

/** With a real portal: the steps that only read it (the plan is computed, never applied). */
async function runReadOnly(
  options: DemoOptions,
  io: CliIO,
  demo: DemoRun,
  now: number,
  scratch: string,
  token: string,
): Promise<void> {
  const baseUrl = io.env.HUBSPOT_BASE_URL?.trim() || HUBSPOT_API;
  const portalId = io.env.HUBSPOT_PORTAL_ID?.trim();
  const settings: CommandSettings = {
    env: {
      HUBSPOT_ACCESS_TOKEN: token,
      HUBSPOT_BASE_URL: baseUrl,
      ...(portalId ? { HUBSPOT_PORTAL_ID: portalId } : {}),
    },
    cwd: io.cwd,
    secrets: [token],
  };
  await demo.step("test", () => fixturesStep(options.config, options.fixtures, settings));
  await demo.step(
    "plan",
    async () =>
      (await planStep({ config: options.config, baseUrl, at: now, scratch, readOnly: true }, settings)).outcome,
  );
  await demo.step("audit", () => auditStep({ config: options.config, baseUrl, now, scratch }, settings));
}

/**
 * Runs parked on a workflow delay (a contact created with no known cause is classified after 10
 * minutes) would finish long after the demo: the emulator's clock is moved past the last wake-up
 * instead, and the executor catches up as HubSpot would have.
 */
function finishDelayedRuns(workflows: FlowExecutor, clock: DemoClock): void {
  const wakeAt = workflows.runs.filter((run) => run.status === "waiting").map((run) => run.wakeAt ?? 0);
  if (wakeAt.length === 0) return;
  clock.advance(Math.max(...wakeAt) - clock.now() + 1);
  workflows.settle();
}

async function keepRunning(emulator: RunningEmulator, io: CliIO, deps: DemoDeps): Promise<void> {
  const file = await writeConnectionFile(emulator.baseUrl, emulator.token);
  io.stdout.write(
    [
      "",
      `The emulator keeps running at ${emulator.baseUrl} with the deployed routing. Point other commands at it:`,
      `  set -a; . ${file}; set +a`,
      "  npx routeops plan        # or audit, deploy, simulate portal:N ...",
      `${file} holds HUBSPOT_BASE_URL and HUBSPOT_ACCESS_TOKEN (readable by you only; removed when the demo stops).`,
      "Press Ctrl+C to stop.",
      "",
    ].join("\n"),
  );
  try {
    await (deps.waitForStop ?? (() => Promise.resolve()))();
  } finally {
    await removeConnectionFile(file);
  }
  io.stdout.write(`Emulator stopped after ${emulator.requests.count()} requests.\n`);
}

/** The steps of one demo run: each timed, printed as soon as it is done, its reports kept. */
class DemoRun {
  readonly records: StepRecord[] = [];
  secrets: readonly string[] = [];
  failed = false;

  constructor(
    private readonly io: CliIO,
    private readonly elapsed: () => number,
  ) {}

  async step(id: StepId, run: () => Promise<StepOutcome> | StepOutcome): Promise<void> {
    const started = this.elapsed();
    let outcome: StepOutcome;
    try {
      outcome = await run();
    } catch (error) {
      // A step that throws is a bug in it, not in the routing: say what broke, in one line.
      outcome = {
        status: "failed",
        summary: `unexpected error: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    this.record({ ...outcome, id, seconds: (this.elapsed() - started) / 1000 });
  }

  skip(id: StepId, why: string): void {
    this.record({ id, status: "skipped", summary: why, seconds: 0 });
  }

  fail(): void {
    this.failed = true;
  }

  reports(): ReportFile[] {
    return this.records.flatMap((record) => record.reports ?? []);
  }

  private record(record: StepRecord): void {
    const clean: StepRecord = {
      ...record,
      summary: redactSecrets(record.summary, this.secrets),
      ...(record.details ? { details: record.details.map((line) => redactSecrets(line, this.secrets)) } : {}),
    };
    this.records.push(clean);
    this.io.stdout.write(formatStep(clean));
  }
}
