/**
 * Router mode: `routeops router` for the demo's portal. The router runs in process, as the
 * service runs it (HTTP server on a free loopback port, background loop, embedded PostgreSQL by
 * PGlite in a folder of its own), and the emulator is subscribed to its webhook endpoint the way
 * a HubSpot app is: `contact.propertyChange` on the routing request property, signed with the
 * app's secret (v3).
 */
import { randomBytes } from "node:crypto";
import type { RoutingConfig } from "../../config/types";
import { MANAGED_PROPERTIES as P } from "../../deploy/managed-names";
import type { RunningEmulator } from "../../emulator";
import { WebhookDelivery } from "../../emulator/webhooks/delivery";
import { errorMessage } from "../../errors";
import { startRouter, type RouterDatabase, type RunningRouter } from "../../router";
import type { SlackClient } from "../../slack";
import { portalAdapter, type DemoPortal } from "./portal";
import type { StepOutcome } from "./step";

/** The demo's running router, its database and the webhook subscription that feeds it. */
export interface DemoRouter {
  router: RunningRouter;
  database: RouterDatabase;
  webhooks: WebhookDelivery;
  /** The webhook secret and the decision endpoint's token: never shown. */
  secrets: string[];
  /** Log lines of the router (no secrets), kept for router.log. */
  log: string[];
  /** Stops the webhook delivery, the router and the database, in that order. */
  close(): Promise<void>;
}

/** What the router needs. */
export interface RouterStepOptions {
  config: RoutingConfig;
  emulator: RunningEmulator;
  portal: DemoPortal;
  /** The router's database (PGlite), opening; the router closes it when it stops. */
  database: Promise<RouterDatabase>;
  /** The demo's clock: the router decides "now" by it, as the emulator stamps by it. */
  now: () => number;
  /** Where the router posts its Slack messages (the demo's local Slack stand-in). */
  slack?: SlackClient;
}

/** Starts the router and subscribes the emulator's webhooks to it. */
export async function routerStep(options: RouterStepOptions): Promise<{ outcome: StepOutcome; router?: DemoRouter }> {
  const secret = randomBytes(24).toString("hex");
  const apiToken = randomBytes(24).toString("hex");
  const log: string[] = [];
  let database: RouterDatabase | undefined;
  let router: RunningRouter | undefined;
  try {
    database = await options.database;
    router = await startRouter({
      config: options.config,
      hubspot: portalAdapter(options.portal),
      database,
      http: { port: 0 },
      webhookSecret: secret,
      apiToken,
      now: options.now,
      // The poll only catches what a webhook missed; the demo's leads all arrive by webhook.
      pollIntervalMs: 2_000,
      ...(options.slack ? { slack: options.slack } : {}),
      log: (line) => log.push(line),
    });
  } catch (error) {
    await router?.close().catch(() => undefined);
    await database?.close().catch(() => undefined);
    return { outcome: { status: "failed", summary: `the router did not start: ${errorMessage(error)}` } };
  }
  const target = `${router.url}/webhooks/hubspot`;
  const webhooks = new WebhookDelivery(options.emulator.portal, {
    targetUrl: target,
    secret,
    properties: [P.routeRequestedAt],
    retryDelayMs: 50,
  });
  webhooks.start();
  const running = router;
  const db = database;
  const demoRouter: DemoRouter = {
    router: running,
    database: db,
    webhooks,
    secrets: [secret, apiToken],
    log,
    async close() {
      await webhooks.close();
      await running.close();
      await db.close();
    },
  };
  return {
    router: demoRouter,
    outcome: {
      status: "ok",
      summary: `routeops router listening at ${router.url}: embedded PostgreSQL (PGlite), config ${options.config.version}`,
      details: [
        `HubSpot webhooks: contact.propertyChange on ${P.routeRequestedAt}, signed (v3), to POST ${target}`,
        "reconciliation poll every 2 s; decisions, rotation ledger and outbox in one database",
      ],
      figures: { url: router.url, database: "pglite", configVersion: options.config.version },
    },
  };
}
