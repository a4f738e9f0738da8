/**
 * `routeops demo`: the whole product in one run, against a local HubSpot emulator. Validate the
 * routing config, run its fixtures, plan and deploy it, start the router (router mode, the
 * default), send a burst of realistic leads over HTTP, check every routed lead against the engine,
 * explain one lead from the decision log, audit the portal, and leave every report in one folder.
 * Each step calls a use case (never a command) and prints its status line as soon as it is done;
 * a failed step says why and the demo goes on where the next steps still make sense. The steps
 * and what they share are in src/demo/steps/list.ts.
 *
 * With HUBSPOT_ACCESS_TOKEN set, the same run goes to that portal instead, read-only: validate,
 * test, plan and audit. It never deploys or creates leads in a real portal.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { errorMessage } from "../errors";
import { writeReportFiles, type ReportFile } from "../files/report-output";
import { redactSecrets } from "../secrets";
import { createDemoClock, folderStamp } from "../demo/clock";
import { removeConnectionFile, writeConnectionFile } from "../demo/connection-file";
import { DEMO_TARGET_SECONDS, type DemoDeps, type DemoOptions } from "../demo/options";
import { demoSteps, type DemoState } from "../demo/steps/list";
import type { StepOutcome, StepRecord } from "../demo/steps/step";
import { renderSummaryJson, renderSummaryMarkdown } from "../demo/summary";

const HUBSPOT_API = "https://api.hubapi.com";

/** Where the demo runs and what it tells as it goes. */
export interface DemoPorts {
  /** The working folder: the config, fixtures and report paths are relative to it. */
  cwd: string;
  /** HUBSPOT_ACCESS_TOKEN (read-only run on that portal), HUBSPOT_BASE_URL, ROUTEOPS_EMULATOR_TOKEN. */
  env: Record<string, string | undefined>;
  /** Each event as it happens; the CLI prints them. */
  events: DemoEvents;
}

/** What happens during a demo, as it happens. */
export interface DemoEvents {
  /** The run starts: against the local emulator (in which mode), or read-only on the user's portal. */
  started?(run: { kind: "router" | "workflows" | "read-only" }): void;
  /** A step finished (or was skipped); secrets already removed. */
  step?(record: StepRecord): void;
  /** The reports were written to `dir`. */
  reportsWritten?(dir: string, files: string[]): void;
  /** The reports could not be written. */
  reportsFailed?(message: string): void;
  /** With `keepRunning`: the emulator (and router) keep running; `connectionFile` holds how to reach them. */
  keepingRunning?(at: { baseUrl: string; routerUrl: string | null; connectionFile: string }): void;
  /** The kept emulator stopped after `requests` requests. */
  stopped?(requests: number): void;
}

/** How the demo ended. */
export interface DemoResult {
  /** Every step succeeded and the reports were written. */
  ok: boolean;
  steps: StepRecord[];
  totalSeconds: number;
  /** The report folder (absolute), when it was written. */
  reportDir: string | null;
  files: string[];
}

/** Runs the demo. */
export async function runDemo(options: DemoOptions, ports: DemoPorts, deps: DemoDeps = {}): Promise<DemoResult> {
  const portalToken = ports.env.HUBSPOT_ACCESS_TOKEN?.trim() || undefined;
  const elapsed = deps.elapsed ?? (() => performance.now());
  const wallClock = deps.wallClock ?? Date.now;
  const start = options.now ?? wallClock();
  const clock = createDemoClock(start, elapsed);
  const began = elapsed();
  const kind = portalToken ? "read-only" : options.mode;
  ports.events.started?.({ kind });

  const scratch = await mkdtemp(path.join(tmpdir(), "routeops-demo-"));
  const emulatorToken = ports.env.ROUTEOPS_EMULATOR_TOKEN?.trim();
  const state: DemoState = {
    options,
    cwd: ports.cwd,
    clock,
    scratch,
    sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    wallClock,
    ...(emulatorToken ? { emulatorToken } : {}),
    secrets: portalToken ? [portalToken] : [],
    cleanups: [],
  };
  if (portalToken) {
    state.portal = {
      baseUrl: ports.env.HUBSPOT_BASE_URL?.trim() || HUBSPOT_API,
      token: portalToken,
      cwd: ports.cwd,
      mode: options.mode,
    };
  }
  const records: StepRecord[] = [];
  const record = (outcome: StepOutcome & Pick<StepRecord, "id" | "seconds">) => {
    const clean: StepRecord = {
      ...outcome,
      summary: redactSecrets(outcome.summary, state.secrets),
      ...(outcome.details ? { details: outcome.details.map((line) => redactSecrets(line, state.secrets)) } : {}),
    };
    records.push(clean);
    ports.events.step?.(clean);
  };

  const steps = demoSteps(kind);
  const unprepared = new Set(steps.filter((step) => step.prepare));
  const prepare = () => {
    for (const step of unprepared) if (step.prepare!(state)) unprepared.delete(step);
  };
  try {
    for (const step of steps) {
      const blocked = step.blockedBy(state);
      if (blocked !== null) {
        record({ id: step.id, status: "skipped", summary: blocked, seconds: 0 });
        continue;
      }
      const started = elapsed();
      let outcome: StepOutcome;
      try {
        outcome = await step.run(state);
      } catch (error) {
        // A step that throws is a bug in it, not in the routing: say what broke, in one line.
        outcome = { status: "failed", summary: `unexpected error: ${errorMessage(error)}` };
      }
      record({ ...outcome, id: step.id, seconds: (elapsed() - started) / 1000 });
      prepare();
    }

    const outDir = path.resolve(ports.cwd, options.out ?? path.join(".routeops", "demo", folderStamp(start)));
    const reports: ReportFile[] = records.flatMap((r) => r.reports ?? []);
    if (state.router) reports.push({ name: "router.log", text: state.router.log.join("\n") + "\n" });
    const names = [...reports.map((r) => r.name), "summary.md", "summary.json"];
    const summary = {
      startedAt: new Date(start).toISOString(),
      configVersion: state.config?.version ?? null,
      steps: records,
      totalSeconds: (elapsed() - began) / 1000,
      targetSeconds: DEMO_TARGET_SECONDS,
      files: names,
    };
    const files: ReportFile[] = [
      ...reports,
      { name: "summary.md", text: renderSummaryMarkdown(summary) },
      { name: "summary.json", text: renderSummaryJson(summary) },
    ];
    let reportDir: string | null = null;
    try {
      await writeReportFiles(
        outDir,
        files.map((file) => ({ name: file.name, text: redactSecrets(file.text, state.secrets) })),
      );
      reportDir = outDir;
      ports.events.reportsWritten?.(outDir, names);
    } catch (error) {
      ports.events.reportsFailed?.(redactSecrets(errorMessage(error), state.secrets));
    }
    const ok = reportDir !== null && records.every((r) => r.status === "ok");
    const result: DemoResult = {
      ok,
      steps: records,
      totalSeconds: (elapsed() - began) / 1000,
      reportDir,
      files: reportDir ? names : [],
    };
    if (state.emulator && options.keepRunning) await keepRunning(state, ports.events, deps);
    return result;
  } finally {
    await state.router?.close().catch(() => undefined);
    for (const cleanup of state.cleanups.reverse()) await cleanup().catch(() => undefined);
    await state.emulator?.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

async function keepRunning(state: DemoState, events: DemoEvents, deps: DemoDeps): Promise<void> {
  const emulator = state.emulator!;
  const file = await writeConnectionFile(emulator.baseUrl, emulator.token);
  events.keepingRunning?.({
    baseUrl: emulator.baseUrl,
    routerUrl: state.router?.router.url ?? null,
    connectionFile: file,
  });
  try {
    await (deps.waitForStop ?? (() => Promise.resolve()))();
  } finally {
    await removeConnectionFile(file);
  }
  events.stopped?.(emulator.requests.count());
}
