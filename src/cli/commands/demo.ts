import path from "node:path";
import { DEMO_TARGET_SECONDS, formatSeconds, formatStep, type DemoDeps, type DemoOptions } from "../../demo";
import { runDemo, type DemoEvents } from "../../usecases/demo";
import { parseCommandArgs, parseMode } from "../args";
import { UsageError, type CliIO, type Command } from "../io";

const usage = `Usage: routeops demo [--mode router|workflows] [--out DIR] [--contacts N] [--leads N]
                    [--keep-running] [--now DATE-TIME]

The whole product in one command, with no HubSpot account: starts a local HubSpot emulator
(seeded with the routing config's reps as owners and generated contacts), then
  1. validates the routing config,
  2. runs the fixtures,
  3. plans against the emulator (as routeops plan), saving the plan,
  4. deploys that plan (as routeops deploy): RouteOps' properties and capture workflows,
  5. starts the router (as routeops router: embedded PostgreSQL, HubSpot webhooks pointed at it),
  6. creates a burst of realistic leads over HTTP, waits until the router has routed them, and
     checks every one against the routing engine: owner, SLA due time and every property exact,
  7. shows why one lead went where it did, from the router's decision log (as routeops why),
  8. audits the portal (as routeops audit),
printing one status line per step, and leaves the reports (Markdown and JSON) in one folder.
With --mode workflows, the routing workflows are deployed instead and route the leads in the
emulator (no router; the limitations of docs/deploy.md apply, so fewer fields are compared).
With HUBSPOT_ACCESS_TOKEN set (and HUBSPOT_BASE_URL, default HubSpot's API), it runs against
that portal instead, read-only: validate, test, plan and audit; it never deploys or creates leads
in a real portal.

Options:
  --mode MODE         router (default) or workflows: who routes the leads
  --out DIR           report folder (default: .routeops/demo/<timestamp>)
  --contacts N        contacts in the emulator's portal (default 3000, at most 50,000)
  --leads N           leads in the burst (default 200, at most 5000)
  --keep-running      leave the emulator running afterwards (until Ctrl+C) and say how to reach it
  --now DATE-TIME     the demo's "now" with a zone (default: the clock), for a reproducible run
  --seed N            seed of the generated portal and leads (default 1)
  --config FILE       routing config module (default: routing/index.ts)
  --fixtures DIR      fixtures folder (default: test/fixtures)
  -h, --help          show this help

Exit codes: 0 every step succeeded; 1 a step failed (the others still ran where they could);
2 bad usage.`;

function integer(value: string | undefined, flag: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === "" || !Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`${flag} must be an integer from ${min} to ${max.toLocaleString("en-US")}, not "${value}"`);
  }
  return n;
}

function parseNow(value: string): number {
  const at = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/i.test(value) || Number.isNaN(at)) {
    throw new UsageError(`--now must be a date-time with a zone (2026-11-30T18:00:00Z), not "${value}"`);
  }
  return at;
}

function parseOptions(argv: string[]): DemoOptions {
  const { values } = parseCommandArgs(argv, {
    out: { type: "string" },
    contacts: { type: "string" },
    leads: { type: "string" },
    "keep-running": { type: "boolean" },
    now: { type: "string" },
    seed: { type: "string" },
    config: { type: "string" },
    fixtures: { type: "string" },
    mode: { type: "string" },
  });
  if (values.out !== undefined && values.out.trim() === "") throw new UsageError("--out needs a folder name");
  return {
    config: values.config ?? "routing/index.ts",
    fixtures: values.fixtures ?? "test/fixtures",
    ...(values.out !== undefined ? { out: values.out } : {}),
    contacts: integer(values.contacts, "--contacts", 0, 50_000, 3000),
    leads: integer(values.leads, "--leads", 1, 5000, 200),
    keepRunning: values["keep-running"] === true,
    ...(values.now !== undefined ? { now: parseNow(values.now) } : {}),
    seed: integer(values.seed, "--seed", 0, 2 ** 31 - 1, 1),
    mode: parseMode(values.mode) ?? "router",
  };
}

/** Waits for Ctrl+C or SIGTERM. */
function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

/** Prints the demo as it goes: the opening line, one status line per step, where the reports are. */
function printer(io: CliIO): DemoEvents {
  const out = (text: string) => io.stdout.write(text);
  return {
    started({ kind }: { kind: "router" | "workflows" | "read-only" }) {
      out(
        kind === "read-only"
          ? "RouteOps against your HubSpot portal (HUBSPOT_ACCESS_TOKEN is set): validate, test, plan and audit, " +
              "read-only. Nothing is deployed and no lead is created; unset the token for the full demo on a local " +
              "emulator.\n\n"
          : kind === "router"
            ? "RouteOps demo, router mode: validate, test, plan, deploy the capture workflows, start the router, a " +
              "burst of leads routed by it and checked against the engine, one decision explained, and an audit, " +
              "against a local HubSpot emulator (no real portal is touched).\n\n"
            : "RouteOps demo, workflows mode: validate, test, plan, deploy the routing workflows, a burst of leads " +
              "routed by them, and an audit, against a local HubSpot emulator (no real portal is touched).\n\n",
      );
    },
    step: (record: Parameters<NonNullable<DemoEvents["step"]>>[0]) => out(formatStep(record)),
    reportsWritten(dir: string, files: string[]) {
      const shown = path.relative(io.cwd, dir);
      const where = shown === "" ? "." : shown.startsWith("..") || path.isAbsolute(shown) ? dir : shown;
      out(`\nReports in ${where}: ${files.join(", ")}\n`);
    },
    reportsFailed(message: string) {
      io.stderr.write(`routeops demo: the reports could not be written: ${message}\n`);
    },
    keepingRunning(at: { baseUrl: string; routerUrl: string | null; connectionFile: string }) {
      out(
        [
          "",
          `The emulator keeps running at ${at.baseUrl} with the deployed routing` +
            (at.routerUrl ? `, and the router at ${at.routerUrl}.` : ".") +
            " Point other commands at it:",
          `  set -a; . ${at.connectionFile}; set +a`,
          "  npx routeops plan        # or audit, deploy, simulate portal:N ...",
          `${at.connectionFile} holds HUBSPOT_BASE_URL and HUBSPOT_ACCESS_TOKEN (readable by you only; removed when the demo stops).`,
          "Press Ctrl+C to stop.",
          "",
        ].join("\n"),
      );
    },
    stopped(requests: number) {
      out(`Emulator stopped after ${requests} requests.\n`);
    },
  };
}

async function run(argv: string[], io: CliIO, deps: DemoDeps): Promise<number> {
  const options = parseOptions(argv);
  const events = printer(io);
  const result = await runDemo(options, { cwd: io.cwd, env: io.env, events }, deps);
  const failed = result.steps.filter((s) => s.status !== "ok").length;
  const verdict =
    failed > 0
      ? `${failed} of ${result.steps.length} steps did not succeed`
      : result.reportDir === null
        ? "Every step succeeded, but the reports could not be written"
        : "Every step succeeded";
  io.stdout.write(
    `${verdict}. Total ${formatSeconds(result.totalSeconds)} (target: under ${DEMO_TARGET_SECONDS} s).\n`,
  );
  return result.ok ? 0 : 1;
}

/** The command, with the machine's clock, sleep and stop signal replaceable (tests). */
export function createDemoCommand(deps: DemoDeps = {}): Command {
  return {
    name: "demo",
    summary: "The whole product against a local HubSpot emulator: deploy, router, leads checked, why, audit",
    usage,
    run: (argv: string[], io: CliIO) => run(argv, io, { waitForStop: untilSignal, ...deps }),
  };
}

/** `routeops demo`. */
export const demoCommand: Command = createDemoCommand();
