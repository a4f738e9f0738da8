import { hasErrors } from "../../config/diagnostics";
import type { RoutingConfig } from "../../config/types";
import {
  EmulatorOptionError,
  seedFromRouting,
  startEmulator,
  StateFileError,
  type EmulatorOptions,
} from "../../emulator";
import { FAULT_KINDS, type FaultKind, type FaultOptions } from "../../emulator/options";
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
  --fault-rate R      share of requests (0..1) that get a fault (kinds below)
  --fault-seed S      seed of the fault injector (default 1)
  --fault-kinds K,..  kinds drawn from: 5xx, 429 (ten-secondly), 429-daily (HubSpot's DAILY policy),
                      slow, drop (connection reset), applied (carried out, then answered 502).
                      Default 5xx,429,slow,drop
  --fault-endpoints E;..  only these endpoints, as in the request log, ";"-separated
                      (for example "PUT /automation/v4/flows/{flowId}"). Default: all
  --fault-limit N     inject at most N faults (1: only the first matching request fails)
  --fault-slow-ms MS  how long a slow answer takes (default 2000)
  --retry-after S     send Retry-After: S (seconds) with injected 429s and 503s
  --retry-after-date  send that Retry-After as an HTTP date S seconds ahead instead
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
    "fault-kinds": { type: "string" },
    "fault-endpoints": { type: "string" },
    "fault-limit": { type: "string" },
    "fault-slow-ms": { type: "string" },
    "retry-after": { type: "string" },
    "retry-after-date": { type: "boolean" },
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
  for (const flag of ["fault-seed", "fault-kinds", "fault-endpoints", "fault-limit", "fault-slow-ms", "retry-after"]) {
    if (text(flag) !== undefined && text("fault-rate") === undefined)
      throw new UsageError(`--${flag} needs --fault-rate`);
  }
  if (values["retry-after-date"] === true && text("retry-after") === undefined) {
    throw new UsageError("--retry-after-date needs --retry-after");
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
    options.faults = { rate, seed: integer(text("fault-seed"), "--fault-seed", 0) ?? 1, ...faultDetails(text, values) };
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

function faultDetails(
  text: (name: string) => string | undefined,
  values: Record<string, string | boolean | undefined>,
): Partial<FaultOptions> {
  const details: Partial<FaultOptions> = {};
  const kinds = text("fault-kinds");
  if (kinds !== undefined) {
    const list = kinds.split(",").map((kind) => kind.trim());
    const unknown = list.filter((kind) => !FAULT_KINDS.includes(kind as FaultKind));
    if (unknown.length > 0 || list.length === 0) {
      throw new UsageError(`--fault-kinds takes ${FAULT_KINDS.join(", ")}; not "${unknown.join(",") || kinds}"`);
    }
    details.kinds = list as FaultKind[];
  }
  const endpoints = text("fault-endpoints");
  if (endpoints !== undefined) details.endpoints = endpoints.split(";").map((endpoint) => endpoint.trim());
  const limit = integer(text("fault-limit"), "--fault-limit", 1);
  if (limit !== undefined) details.limit = limit;
  const slowMs = integer(text("fault-slow-ms"), "--fault-slow-ms", 0);
  if (slowMs !== undefined) details.slowMs = slowMs;
  const retryAfter = integer(text("retry-after"), "--retry-after", 0);
  if (retryAfter !== undefined) details.retryAfterSeconds = retryAfter;
  if (values["retry-after-date"] === true) details.retryAfterAsDate = true;
  return details;
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
