/**
 * The router use case behind `routeops router` and `routeops why`: from settings (flags and
 * environment, already read by the CLI) to a running router or a decision log lookup. Secrets
 * (HubSpot token, webhook secret, decision token, DATABASE_URL) are only passed on, and every
 * log line goes through one scrubber that removes them.
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { hasErrors } from "../config/diagnostics";
import type { RoutingConfig } from "../config/types";
import { loadAndValidate } from "../files/config-loader";
import { createHubSpotAdapter, type HubSpotAdapterOptions } from "../hubspot";
import { createRedactor } from "../secrets";
import { formatDiagnosticsText } from "../report/diagnostics";
import { openDatabase, RouterDatabaseError, type RouterDatabase } from "./database";
import { createSlackClient, type SlackConnection } from "../slack";
import { startRouter, type RunningRouter } from "./router";
import type { LoggedDecision } from "./store";

/** Where the embedded database lives by default, relative to the working directory. */
export const DEFAULT_DATA_DIR = path.join(".routeops", "router-db");

export interface DatabaseSettings {
  /** `DATABASE_URL`: a PostgreSQL server. */
  databaseUrl?: string | undefined;
  /** The PGlite folder without `databaseUrl`. Default `.routeops/router-db`. */
  dataDir?: string | undefined;
  cwd: string;
}

export interface RouterSettings extends DatabaseSettings {
  configPath: string;
  accessToken: string;
  hubspotBaseUrl?: string | undefined;
  webhookSecret?: string | undefined;
  apiToken?: string | undefined;
  /** Slack (SLACK_BOT_TOKEN or SLACK_WEBHOOK_URL): lead notifications and escalation messages. */
  slack?: SlackConnection | null | undefined;
  host?: string | undefined;
  port?: number | undefined;
  publicUrl?: string | undefined;
  pollIntervalMs?: number | undefined;
  /** This process's name in leases: unique per running router; the same name after a restart resumes its leases at once. */
  replicaId?: string | undefined;
  leaseMs?: number | undefined;
  /** Route what is pending and return (no HTTP, no loop). */
  once: boolean;
  log: (line: string) => void;
}

/**
 * What the service takes from the machine besides its settings: real time by default. A test
 * gives the adapter a virtual clock (its retries and rate-limit pauses then cost no real time)
 * and the router a short retry delay (a failed write is retried after that long instead of two
 * seconds), so that a portal with faults is routed without waiting on the wall clock. The router
 * itself keeps real time: its clock dates leases and checks webhook timestamps, and its loop waits
 * on it when idle (a virtual one would spin).
 */
export interface RouterServiceDeps {
  /** The HubSpot adapter's clock and waits, from one clock (see `instantTime` in test/support). */
  hubspotTime?: Pick<HubSpotAdapterOptions, "now" | "sleep">;
  /** The router's wait before retrying a failed write or a read that had not caught up. Default 2,000 ms. */
  retryDelayMs?: number;
}

/** A problem the CLI reports as it is (exit 1); the message holds no secret. */
export class RouterSetupError extends Error {
  override name = "RouterSetupError";
}

/** Removes every secret of the settings from a text. */
export function routerScrubber(settings: Partial<RouterSettings>): (text: string) => string {
  const slack = settings.slack
    ? settings.slack.kind === "bot"
      ? settings.slack.token
      : settings.slack.url
    : undefined;
  return createRedactor([settings.accessToken, settings.webhookSecret, settings.apiToken, settings.databaseUrl, slack]);
}

export function openRouterDatabase(settings: DatabaseSettings): Promise<RouterDatabase> {
  return openDatabase({
    databaseUrl: settings.databaseUrl,
    dataDir: path.resolve(settings.cwd, settings.dataDir ?? DEFAULT_DATA_DIR),
  });
}

function loadConfig(configPath: string, cwd: string): RoutingConfig {
  const { config, diagnostics } = loadAndValidate(configPath, { cwd });
  if (!config || hasErrors(diagnostics)) {
    throw new RouterSetupError(`the routing config ${configPath} has errors:\n${formatDiagnosticsText(diagnostics)}`);
  }
  return config;
}

export interface StartedService {
  router: RunningRouter;
  database: RouterDatabase;
  config: RoutingConfig;
  /** Stops the router and closes the database. */
  stop(): Promise<void>;
}

/** Loads the config, opens the database, builds the HubSpot adapter and starts the router. */
export async function startRouterService(
  settings: RouterSettings,
  deps: RouterServiceDeps = {},
): Promise<StartedService> {
  const scrub = routerScrubber(settings);
  const log = (line: string) => settings.log(scrub(line));
  const config = loadConfig(settings.configPath, settings.cwd);
  const hubspot = createHubSpotAdapter({
    accessToken: settings.accessToken,
    ...(settings.hubspotBaseUrl ? { baseUrl: settings.hubspotBaseUrl } : {}),
    ...deps.hubspotTime,
  });
  const database = await openRouterDatabase(settings);
  try {
    const router = await startRouter({
      config,
      hubspot,
      database,
      http: settings.once
        ? false
        : {
            ...(settings.host ? { host: settings.host } : {}),
            ...(settings.port !== undefined ? { port: settings.port } : {}),
            ...(settings.publicUrl ? { publicUrl: settings.publicUrl } : {}),
          },
      loop: !settings.once,
      ...(settings.webhookSecret ? { webhookSecret: settings.webhookSecret } : {}),
      ...(settings.apiToken ? { apiToken: settings.apiToken } : {}),
      ...(settings.pollIntervalMs ? { pollIntervalMs: settings.pollIntervalMs } : {}),
      ...(settings.replicaId ? { replicaId: settings.replicaId } : {}),
      ...(settings.leaseMs ? { leaseMs: settings.leaseMs } : {}),
      ...(deps.retryDelayMs !== undefined ? { retryDelayMs: deps.retryDelayMs } : {}),
      slack: settings.slack ? createSlackClient({ connection: settings.slack }) : null,
      log,
    });
    return {
      router,
      database,
      config,
      async stop() {
        await router.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}

/**
 * Why `dir` is not a router's embedded database, or null when it is. Readers (`why`, `audit
 * --decision-log`) check first: opening a folder creates an empty database there, and a mistyped
 * folder would then read as "no decisions" instead of an error.
 */
export function routerDataDirProblem(dir: string): string | null {
  const expected =
    "expected the folder `routeops router --data-dir` writes (default .routeops/router-db, holding PG_VERSION), " +
    "or DATABASE_URL for PostgreSQL";
  if (!existsSync(dir)) return `the router database folder ${dir} does not exist; ${expected}`;
  if (!statSync(dir).isDirectory()) return `${dir} is a file, not a router database folder; ${expected}`;
  if (!existsSync(path.join(dir, "PG_VERSION"))) return `${dir} holds no router database; ${expected}`;
  return null;
}

/** Opens an existing router database to read it; never creates one (see routerDataDirProblem). */
export function openExistingRouterDatabase(settings: DatabaseSettings): Promise<RouterDatabase> {
  if (!settings.databaseUrl) {
    const problem = routerDataDirProblem(path.resolve(settings.cwd, settings.dataDir ?? DEFAULT_DATA_DIR));
    if (problem) return Promise.reject(new RouterDatabaseError(problem));
  }
  return openRouterDatabase(settings);
}

/** The decision log of a contact (id or email), newest first. */
export async function lookUpDecisions(settings: DatabaseSettings, contact: string): Promise<LoggedDecision[]> {
  const { findDecisions } = await import("./store");
  const database = await openExistingRouterDatabase(settings);
  try {
    return await findDecisions(database, contact);
  } finally {
    await database.close();
  }
}
