import { slackConnectionFromEnv } from "../../slack";
import { HubSpotConfigError, HubSpotError } from "../../hubspot";
import { RouterDatabaseError } from "../../router";
import {
  routerScrubber,
  RouterSetupError,
  startRouterService,
  type RouterServiceDeps,
  type RouterSettings,
} from "../../router/service";
import { parseCommandArgs } from "../args";
import { UsageError, type CliIO, type Command } from "../io";

const usage = `Usage: routeops router [--once] [options]

Runs the router: learns routing requests from HubSpot webhooks (POST /webhooks/hubspot) and a
reconciliation poll, decides each lead once with the routing engine, and writes owner, routing
properties, SLA due time and the SLA task back to HubSpot. State lives in a database: embedded
(PGlite, in --data-dir) by default, PostgreSQL when DATABASE_URL is set. See docs/router.md.

Options:
  --once                 route what is pending, then exit (a scheduled job; no HTTP server)
  --config FILE          the routing config (default: routing/index.ts)
  --data-dir DIR         embedded database folder without DATABASE_URL (default: .routeops/router-db)
  --host HOST            address to listen on (default: 127.0.0.1)
  --port N               port to listen on (default: 8787)
  --public-url URL       the base URL HubSpot calls (the webhook target's scheme and host), for
                         checking signatures behind a proxy (default: http://<Host header>)
  --poll-interval MS     reconciliation poll interval (default: 5000)
  --replica-id NAME      this router's name in work leases (default: random). Unique per running
                         router; restarting with the same name resumes its leases at once
  --lease-ms MS          how long claimed work stays with a router before another may take it
                         (default: 60000)
  --hubspot-base-url URL API root (default: HUBSPOT_BASE_URL, else https://api.hubapi.com)
  -h, --help             show this help

Environment (never printed):
  HUBSPOT_ACCESS_TOKEN      private app token (required)
  ROUTEOPS_WEBHOOK_SECRET   the app's client secret, checks X-HubSpot-Signature-v3 (webhooks off without it)
  ROUTEOPS_ROUTER_TOKEN     bearer token of GET /decisions/{contact id|email} (endpoint off without it)
  DATABASE_URL              PostgreSQL connection string (several replicas may share it)
`;

function integer(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`${flag} must be an integer from ${min} to ${max}, not "${value}"`);
  }
  return n;
}

function settingsFrom(argv: string[], io: CliIO): RouterSettings {
  const { values } = parseCommandArgs(argv, {
    once: { type: "boolean" },
    config: { type: "string" },
    "data-dir": { type: "string" },
    host: { type: "string" },
    port: { type: "string" },
    "public-url": { type: "string" },
    "poll-interval": { type: "string" },
    "replica-id": { type: "string" },
    "lease-ms": { type: "string" },
    "hubspot-base-url": { type: "string" },
  });
  const accessToken = io.env.HUBSPOT_ACCESS_TOKEN?.trim();
  if (!accessToken) throw new UsageError("set HUBSPOT_ACCESS_TOKEN to a private app token");
  if (values.once && (values.host || values.port || values["public-url"])) {
    throw new UsageError("--once runs no HTTP server: --host, --port and --public-url do not apply");
  }
  return {
    once: values.once === true,
    configPath: values.config ?? "routing/index.ts",
    dataDir: values["data-dir"],
    databaseUrl: io.env.DATABASE_URL?.trim() || undefined,
    cwd: io.cwd,
    accessToken,
    hubspotBaseUrl: values["hubspot-base-url"] ?? io.env.HUBSPOT_BASE_URL,
    webhookSecret: io.env.ROUTEOPS_WEBHOOK_SECRET || undefined,
    apiToken: io.env.ROUTEOPS_ROUTER_TOKEN || undefined,
    slack: slackConnectionFromEnv(io.env),
    host: values.host,
    port: integer(values.port, "--port", 0, 65535) ?? 8787,
    publicUrl: values["public-url"],
    pollIntervalMs: integer(values["poll-interval"], "--poll-interval", 100, 3_600_000),
    replicaId: values["replica-id"],
    leaseMs: integer(values["lease-ms"], "--lease-ms", 1000, 3_600_000),
    log: (line) => io.stderr.write(line.endsWith("\n") ? line : `${line}\n`),
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

/**
 * The command, with how it waits to be stopped given, and the service's clock and retry delay
 * (tests pass their own: see RouterServiceDeps).
 */
export function createRouterCommand(
  waitForStop: () => Promise<void> = untilSignal,
  deps: RouterServiceDeps = {},
): Command {
  return {
    name: "router",
    summary: "Run the router service: decide every lead with the engine, exactly once",
    usage,
    async run(argv: string[], io: CliIO): Promise<number> {
      const settings = settingsFrom(argv, io);
      const scrub = routerScrubber(settings);
      let service;
      try {
        service = await startRouterService(settings, deps);
      } catch (error) {
        const known =
          error instanceof RouterSetupError ||
          error instanceof RouterDatabaseError ||
          error instanceof HubSpotConfigError ||
          error instanceof HubSpotError;
        const code = (error as NodeJS.ErrnoException).code;
        const message =
          code === "EADDRINUSE"
            ? `port ${settings.port} is already in use`
            : known
              ? (error as Error).message
              : `could not start: ${(error as Error).message ?? String(error)}`;
        io.stderr.write(`routeops router: ${scrub(message)}\n`);
        return 1;
      }
      const { router } = service;
      const database = service.database.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : "embedded (PGlite)";
      if (settings.once) {
        try {
          const report = await router.runOnce();
          const depth = await router.queueDepth();
          const left = depth.pending + depth.decided;
          io.stdout.write(
            `Routed ${report.finished} leads (${report.found} pending requests found, ${report.decided} decided, ` +
              `${report.closed} superseded or already routed, ${report.failedWrites} writes and ${report.failedReads} reads to retry on the way). ` +
              `Database: ${database}. Config ${service.config.version}.\n`,
          );
          if (left > 0) {
            io.stderr.write(
              `routeops router: ${left} requests are still open (${depth.pending} to decide, ${depth.decided} with writes to retry); the next run resumes them.\n`,
            );
            return 1;
          }
          return 0;
        } catch (error) {
          io.stderr.write(`routeops router: ${scrub((error as Error).message ?? String(error))}\n`);
          return 1;
        } finally {
          await service.stop();
        }
      }
      io.stdout.write(
        [
          `RouteOps router listening at ${router.url}`,
          `Config ${service.config.version}; database ${database}.`,
          `Webhooks: ${settings.webhookSecret ? `POST ${router.url}/webhooks/hubspot` : "off (set ROUTEOPS_WEBHOOK_SECRET)"}; ` +
            `reconciliation poll every ${settings.pollIntervalMs ?? 5000} ms.`,
          `Decision endpoint: ${settings.apiToken ? `GET ${router.url}/decisions/{contact id|email}` : "off (set ROUTEOPS_ROUTER_TOKEN)"}.`,
          "Press Ctrl+C to stop.",
        ].join("\n") + "\n",
      );
      await waitForStop();
      await service.stop();
      io.stdout.write("Router stopped.\n");
      return 0;
    },
  };
}

/** `routeops router`. */
export const routerCommand = createRouterCommand();
