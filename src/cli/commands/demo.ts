import { runDemo } from "../../demo";
import type { DemoDeps, DemoOptions } from "../../demo";
import { UsageError, type CliIO, type Command } from "../io";
import { parseCommandArgs } from "../args";

const usage = `Usage: routeops demo [--out DIR] [--contacts N] [--leads N] [--keep-running] [--now DATE-TIME]

The whole product in one command, with no HubSpot account: starts a local HubSpot emulator
(seeded with the routing config's reps as owners and generated contacts), then
  1. validates the routing config,
  2. runs the fixtures,
  3. plans against the emulator (routeops plan), saving the plan,
  4. deploys that plan (routeops deploy): RouteOps' properties and workflows,
  5. sends a burst of realistic leads through the deployed workflows and checks each one
     against the routing engine,
  6. audits the portal (routeops audit),
printing one status line per step, and leaves the reports (Markdown and JSON) in one folder.
With HUBSPOT_ACCESS_TOKEN set (and HUBSPOT_BASE_URL, default HubSpot's API), it runs against
that portal instead, read-only: validate, test, plan and audit; it never deploys or creates leads
in a real portal.

Options:
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

/** The command, with the machine's clock, sleep and stop signal replaceable (tests). */
export function createDemoCommand(deps: DemoDeps = {}): Command {
  return {
    name: "demo",
    summary: "The whole product against a local HubSpot emulator: validate, test, plan, deploy, leads, audit",
    usage,
    run: (argv: string[], io: CliIO) => runDemo(parseOptions(argv), io, { waitForStop: untilSignal, ...deps }),
  };
}

/** `routeops demo`. */
export const demoCommand: Command = createDemoCommand();
