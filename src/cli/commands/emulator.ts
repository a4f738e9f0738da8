import { hasErrors } from "../../config/diagnostics";
import type { RoutingConfig } from "../../config/types";
import {
  EmulatorOptionError,
  seedFromRouting,
  startEmulator,
  StateFileError,
  type EmulatorOptions,
} from "../../emulator";
import { loadAndValidate } from "../../files/config-loader";
import { formatDiagnosticsText } from "../../report/diagnostics";
import { UsageError, type CliIO, type Command } from "../io";
import { parseCommandArgs } from "../args";

const usage = `Usage: routeops emulator [options]

Runs a local HubSpot emulator on 127.0.0.1 for trying RouteOps without touching a real portal:
properties, owners, contacts, companies, search, associations, sequences, workflows (automation
v4 flows) and action types, with HubSpot's rate limits. Prints its base URL and token when ready
and runs until Ctrl+C (SIGINT) or SIGTERM. See docs/emulator.md.

Options:
  --port N            port to listen on (default: a free one)
  --token T           the Bearer token clients must send (default: ROUTEOPS_EMULATOR_TOKEN, else generated)
  --state FILE        keep the portal in this JSON file: loaded at start, saved after every write
  --seed reference    seed owners and contacts from the routing config's reps and ids
  --config FILE       the routing config for --seed (default: routing/index.ts)
  --contacts N        contacts to generate with --seed (default 3000)
  --seed-number N     seed of the generator (default 1): the same number gives the same portal
  --no-rate-limit     answer every request (no 429s, no rate-limit headers)
  --fault-rate R      share of requests (0..1) that get a 5xx, a 429, a slow answer or a dropped connection
  --fault-seed S      seed of the fault injector (default 1)
  --search-lag MS     new writes show in search after MS milliseconds (default 0)
  -h, --help          show this help
`;

interface Parsed {
  options: EmulatorOptions;
  seedReference: boolean;
  config: string;
}

function integer(
  value: string | undefined,
  flag: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`${flag} must be an integer from ${min} to ${max}, not "${value}"`);
  return n;
}

function parseOptions(argv: string[], env: CliIO["env"]): Parsed {
  const values: Record<string, string | boolean | undefined> = parseCommandArgs(argv, {
    port: { type: "string" },
    token: { type: "string" },
    state: { type: "string" },
    seed: { type: "string" },
    config: { type: "string" },
    contacts: { type: "string" },
    "seed-number": { type: "string" },
    "no-rate-limit": { type: "boolean" },
    "fault-rate": { type: "string" },
    "fault-seed": { type: "string" },
    "search-lag": { type: "string" },
  }).values;
  const text = (name: string) => values[name] as string | undefined;
  if (text("seed") !== undefined && text("seed") !== "reference") {
    throw new UsageError(`--seed must be "reference" (seed from the routing config), not "${text("seed")}"`);
  }
  const seedReference = text("seed") === "reference";
  for (const flag of ["contacts", "seed-number", "config"]) {
    if (text(flag) !== undefined && !seedReference)
      throw new UsageError(`--${flag} only applies with --seed reference`);
  }
  if (text("fault-seed") !== undefined && text("fault-rate") === undefined) {
    throw new UsageError("--fault-seed needs --fault-rate");
  }
  const options: EmulatorOptions = {};
  const port = integer(text("port"), "--port", 0, 65535);
  if (port !== undefined) options.port = port;
  const token = text("token") ?? env.ROUTEOPS_EMULATOR_TOKEN;
  if (token !== undefined) options.token = token;
  if (text("state") !== undefined) options.statePath = text("state")!;
  if (values["no-rate-limit"] === true) options.rateLimits = false;
  const lag = integer(text("search-lag"), "--search-lag", 0);
  if (lag !== undefined) options.searchLagMs = lag;
  if (text("fault-rate") !== undefined) {
    const rate = Number(text("fault-rate"));
    if (!(rate >= 0 && rate <= 1))
      throw new UsageError(`--fault-rate must be a share from 0 to 1, not "${text("fault-rate")}"`);
    options.faults = { rate, seed: integer(text("fault-seed"), "--fault-seed", 0) ?? 1 };
  }
  const contacts = integer(text("contacts"), "--contacts", 0, 2_000_000);
  const seedNumber = integer(text("seed-number"), "--seed-number", 0);
  if (seedReference) {
    options.seed = {
      reps: [],
      ...(contacts !== undefined ? { contacts } : {}),
      ...(seedNumber !== undefined ? { seed: seedNumber } : {}),
    };
  }
  return { options, seedReference, config: text("config") ?? "routing/index.ts" };
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

/** Loads the routing config for `--seed reference`; undefined (diagnostics printed) when it has errors. */
function referenceConfig(configPath: string, io: CliIO): RoutingConfig | undefined {
  const { config, diagnostics } = loadAndValidate(configPath, { cwd: io.cwd });
  if (!config || hasErrors(diagnostics)) {
    io.stderr.write(`routeops emulator: cannot seed from ${configPath}:\n${formatDiagnosticsText(diagnostics)}`);
    return undefined;
  }
  return config;
}

/** The command, with how it waits to be stopped given (tests pass their own). */
export function createEmulatorCommand(waitForStop: () => Promise<void> = untilSignal): Command {
  return {
    name: "emulator",
    summary: "Run a local HubSpot emulator to try changes before they touch production",
    usage,
    async run(argv: string[], io: CliIO): Promise<number> {
      const parsed = parseOptions(argv, io.env);
      const { options } = parsed;
      if (parsed.seedReference) {
        const config = referenceConfig(parsed.config, io);
        if (!config) return 1;
        options.seed = seedFromRouting(config, options.seed);
      }
      let emulator;
      try {
        emulator = await startEmulator(options);
      } catch (error) {
        const known = error instanceof StateFileError || error instanceof EmulatorOptionError;
        const code = (error as NodeJS.ErrnoException).code;
        const message =
          code === "EADDRINUSE"
            ? `port ${options.port} is already in use`
            : known
              ? (error as Error).message
              : String(error);
        io.stderr.write(`routeops emulator: ${message}\n`);
        return 1;
      }
      const { portal } = emulator;
      const owners = portal.owners.list();
      const lines = [
        `HubSpot emulator ready at ${emulator.baseUrl}`,
        `Token: ${emulator.token}`,
        `Portal: ${owners.length} owners (${owners.filter((o) => o.archived).length} archived), ${portal.contacts.size} contacts, ${portal.companies.size} companies, ${portal.flows.list().length} workflows`,
      ];
      if (options.statePath) lines.push(`State file: ${options.statePath}`);
      if (options.rateLimits === false) lines.push("Rate limits: off");
      if (options.faults) lines.push(`Faults: ${options.faults.rate} of requests (seed ${options.faults.seed})`);
      lines.push("Press Ctrl+C to stop.");
      io.stdout.write(lines.join("\n") + "\n");
      await waitForStop();
      await emulator.close();
      io.stdout.write(`Emulator stopped after ${emulator.requests.count()} requests.\n`);
      return 0;
    },
  };
}

/** `routeops emulator`: a local HubSpot emulator until Ctrl+C. */
export const emulatorCommand = createEmulatorCommand();
