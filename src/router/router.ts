/**
 * `startRouter(options)`: the router service. Learns routing requests from HubSpot webhooks and
 * a reconciliation poll, decides each exactly once with the engine, and writes the decision back
 * to HubSpot from the outbox. See docs/router.md.
 */
import { randomBytes } from "node:crypto";
import type { RoutingConfig } from "../config/types";
import { MANAGED_PROPERTIES as M } from "../deploy/managed-names";
import { compileRouting } from "../engine";
import { portalInstant } from "../simulate/portal-sample";
import { AccountDirectory } from "./accounts";
import type { RouterDatabase } from "./database";
import type { SlackClient } from "../slack";
import { TOUCH_RECHECK_MS } from "./open-leads";
import { queueLeadNotifications, sendNotifications, watchEscalations, type OperationsContext } from "./operations";
import { runCycle, type CycleContext, type CycleHooks, type CycleReport, type RouterHubSpot } from "./cycle";
import { startRouterHttp, type RouterHttp } from "./http";
import { RouterMetrics } from "./metrics";
import { needsRouting, reRequested } from "./request";
import { enqueueRequests, findDecisions, queueDepth, type LoggedDecision, type RequestSource } from "./store";

export interface RouterOptions {
  /** The routing config, validated (`loadAndValidate`). Its `version` is written on every decision. */
  config: RoutingConfig;
  /** The HubSpot adapter (`createHubSpotAdapter`), or anything with the same calls. */
  hubspot: RouterHubSpot;
  /** An open database (`openDatabase`): PGlite or PostgreSQL, migrated. The router does not close it. */
  database: RouterDatabase;
  /**
   * HTTP: `false` for none (a `--once` run, tests that drive cycles), else where to listen.
   * Default host 127.0.0.1, port 0 (a free one).
   */
  http?: false | { host?: string; port?: number; publicUrl?: string };
  /** The app's client secret that signs webhooks (v3). Without it, `/webhooks/hubspot` answers 404. */
  webhookSecret?: string;
  /** Bearer token of `GET /decisions/{contact}`. Without it, the endpoint answers 404. */
  apiToken?: string;
  /** Run the background loop (webhook-woken cycles and the poll). Default true; false: call `drain`/`cycle`. */
  loop?: boolean;
  /** Reconciliation poll interval, ms. Default 5,000. */
  pollIntervalMs?: number;
  /**
   * After a webhook wakes the idle loop, how long it waits for the rest of the deliveries before
   * claiming (fuller batches, fewer API calls, at that much latency). Default 200 ms.
   */
  batchWindowMs?: number;
  /** The poll interval while the router is busy with its queue. Default 60,000 (at least `pollIntervalMs`). */
  busyPollIntervalMs?: number;
  /** Requests per cycle (one batch read, one batch write). Default 100. */
  batchSize?: number;
  /** How long a claimed request or outbox row stays with this router before another may take it. Default 60,000. */
  leaseMs?: number;
  /** Wait before retrying a failed write or a request whose read had not caught up. Default 2,000. */
  retryDelayMs?: number;
  /**
   * Open-lead caps: how long before the router reads an open lead's first touch again, when its
   * owner is near their cap (src/router/open-leads.ts). Default 60,000: a rep at the cap gets a
   * lead at most a minute after touching one; 0 reads them before every batch that could need it.
   */
  touchRecheckMs?: number;
  /** Request body limit, bytes. Default 1 MiB. */
  maxBodyBytes?: number;
  /** This replica's name in leases. Default: random. */
  replicaId?: string;
  /** Epoch ms. Default Date.now. */
  now?: () => number;
  /** Waits of the background loop. Default setTimeout. */
  sleep?: (ms: number) => Promise<void>;
  /** Log lines (never secrets). Default: nothing. */
  log?: (line: string) => void;
  /** Step hooks: crash injection in tests. */
  hooks?: CycleHooks;
  /**
   * The Slack adapter (`createSlackClient`): lead notifications and escalation messages are queued
   * and sent after each cycle. Without it, escalation steps are still run and logged, nothing is sent.
   */
  slack?: SlackClient | null;
}

export interface RunningRouter {
  /** Base URL of the HTTP server, `null` without one. */
  url: string | null;
  metrics: RouterMetrics;
  /**
   * Records requests as learnt from `source` (webhook handler, poll, tests). `recheck`: the contact
   * may have asked again at an instant it was routed for (see `enqueueRequests`). Returns how many
   * were new.
   */
  learn(
    requests: { contactId: string; requestedAt: number; recheck?: boolean; changedAt?: number }[],
    source: RequestSource,
  ): Promise<number>;
  /** One reconciliation poll: contacts HubSpot shows as pending. Returns how many new requests it found. */
  poll(): Promise<number>;
  /** One routing cycle. */
  cycle(): Promise<CycleReport>;
  /** Cycles until nothing is claimable and no write is open (`--once`). */
  drain(options?: { maxCycles?: number; maxIdleWaits?: number }): Promise<CycleReport>;
  /**
   * `--once`: polls and drains until a poll finds no new request, then returns the totals and
   * how many requests the polls found.
   */
  runOnce(): Promise<CycleReport & { found: number }>;
  /** Requests waiting: pending (not decided) and decided (writes not all done). */
  queueDepth(): Promise<{ pending: number; decided: number }>;
  /** The decision log for a contact id or email, newest first. */
  why(contact: string): Promise<LoggedDecision[]>;
  /** Prometheus text. */
  renderMetrics(): Promise<string>;
  close(): Promise<void>;
}

const OWNER_REFRESH_MS = 5 * 60 * 1000;
const POLL_PAGE = 200;

export async function startRouter(options: RouterOptions): Promise<RunningRouter> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const log = options.log ?? (() => undefined);
  const metrics = new RouterMetrics();
  const compiled = compileRouting(options.config);
  const { database: db, hubspot } = options;

  let owners: { at: number; emailOf: Map<string, string>; idOf: Map<string, string> } | null = null;
  async function ownerMaps() {
    if (owners === null || now() - owners.at > OWNER_REFRESH_MS) {
      const list = await hubspot.listOwners();
      const emailOf = new Map<string, string>();
      const idOf = new Map<string, string>();
      for (const owner of list) {
        if (!owner.email) continue;
        emailOf.set(owner.id, owner.email.toLowerCase());
        // An active owner wins over an archived one with the same email.
        if (!owner.archived || !idOf.has(owner.email.toLowerCase())) idOf.set(owner.email.toLowerCase(), owner.id);
      }
      owners = { at: now(), emailOf, idOf };
    }
    return owners;
  }

  const operations: OperationsContext = {
    db,
    hubspot,
    compiled,
    config: options.config,
    slack: options.slack ?? null,
    owners: ownerMaps,
    now,
    touchRecheckMs: options.touchRecheckMs ?? TOUCH_RECHECK_MS,
    log,
  };

  const context: CycleContext = {
    db,
    hubspot,
    compiled,
    configVersion: options.config.version,
    accounts: new AccountDirectory(),
    owners: ownerMaps,
    metrics,
    replicaId: options.replicaId ?? `router-${randomBytes(4).toString("hex")}`,
    now,
    batchSize: options.batchSize ?? 100,
    leaseMs: options.leaseMs ?? 60_000,
    retryDelayMs: options.retryDelayMs ?? 2_000,
    touchRecheckMs: options.touchRecheckMs ?? TOUCH_RECHECK_MS,
    hooks: {
      ...options.hooks,
      // Routed leads (decision committed and written) get their Slack message queued.
      notify: async (leads) => {
        await queueLeadNotifications(
          operations,
          leads.map((lead) => lead.key),
        );
        await options.hooks?.notify?.(leads);
      },
    },
    log,
  };

  let wake: (() => void) | null = null;
  // Real time of the last webhook that brought new requests (for the batch window).
  let lastLearnt = Number.NEGATIVE_INFINITY;
  const webhooksArriving = () => Date.now() - lastLearnt < (options.batchWindowMs ?? 200);
  const nudge = () => {
    const w = wake;
    wake = null;
    w?.();
  };

  async function learn(
    requests: { contactId: string; requestedAt: number; recheck?: boolean; changedAt?: number }[],
    source: RequestSource,
  ) {
    const added = await enqueueRequests(
      db,
      requests.map((r) => ({ ...r, source })),
      now(),
    );
    metrics.countLearnt(source, added);
    if (added > 0 && source === "webhook") lastLearnt = Date.now();
    if (added > 0) nudge();
    return added;
  }

  async function poll(): Promise<number> {
    const found = await hubspot.searchContactsOnce({
      filters: [
        { propertyName: M.routingPending, operator: "EQ", value: "true" },
        { propertyName: M.routeRequestedAt, operator: "HAS_PROPERTY" },
      ],
      sortBy: M.routeRequestedAt,
      properties: [M.routeRequestedAt, M.routedAt, M.routingPending],
      limit: POLL_PAGE,
    });
    const requests = found.filter(needsRouting).map((contact) => ({
      contactId: contact.id,
      requestedAt: portalInstant(contact.properties[M.routeRequestedAt]?.trim() || undefined)!,
      recheck: reRequested(contact),
    }));
    return learn(requests, "poll");
  }

  // After each routing cycle: escalation steps that came due, then the Slack messages to send.
  // Neither can hold back a decision: they run once the cycle's decisions are committed.
  const cycle = async () => {
    const report = await runCycle(context);
    try {
      await watchEscalations(operations);
    } catch (error) {
      log(`router: escalation watch failed, will retry next cycle: ${(error as Error).message}`);
    }
    await sendNotifications(operations);
    return report;
  };

  async function drain(drainOptions: { maxCycles?: number; maxIdleWaits?: number } = {}): Promise<CycleReport> {
    const total: CycleReport = {
      claimed: 0,
      decided: 0,
      closed: 0,
      written: 0,
      finished: 0,
      failedWrites: 0,
      failedReads: 0,
    };
    const maxCycles = drainOptions.maxCycles ?? 100_000;
    // Requests waiting for a retry time (a failed write, a read that had not caught up): wait for
    // them, a bounded number of times in a row.
    const maxIdleWaits = drainOptions.maxIdleWaits ?? 30;
    let idle = 0;
    for (let i = 0; i < maxCycles; i++) {
      const report = await cycle();
      for (const key of Object.keys(total) as (keyof CycleReport)[]) total[key] += report[key];
      const depth = await queueDepth(db);
      if (depth.pending === 0 && depth.decided === 0) break;
      const progressed = report.decided + report.closed + report.written + report.finished > 0;
      if (progressed) {
        idle = 0;
        continue;
      }
      if (++idle > maxIdleWaits) break;
      await sleep(context.retryDelayMs);
    }
    return total;
  }

  async function runOnce(): Promise<CycleReport & { found: number }> {
    let found = 0;
    const total = { ...(await drain()), found: 0 };
    for (let round = 0; round < 10_000; round++) {
      const added = await poll();
      if (added === 0) break;
      found += added;
      const report = await drain();
      for (const key of Object.keys(report) as (keyof CycleReport)[]) total[key] += report[key];
    }
    total.found = found;
    return total;
  }

  const why = (contact: string) => findDecisions(db, contact);
  const renderMetrics = async () => metrics.render(await queueDepth(db), hubspot.requests);

  let http: RouterHttp | null = null;
  if (options.http !== false) {
    http = await startRouterHttp({
      host: options.http?.host ?? "127.0.0.1",
      port: options.http?.port ?? 0,
      ...(options.http?.publicUrl ? { publicUrl: options.http.publicUrl } : {}),
      ...(options.webhookSecret ? { webhookSecret: options.webhookSecret } : {}),
      ...(options.apiToken ? { apiToken: options.apiToken } : {}),
      maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
      now,
      metrics,
      learn: async (requests) => {
        // A delivery may be a re-request at the same instant (the capture stamps the same value
        // again after clearing it): recheck when that instant was routed already.
        await learn(
          requests.map((r) => ({
            contactId: r.contactId,
            requestedAt: r.requestedAt,
            recheck: true,
            ...(r.changedAt !== null ? { changedAt: r.changedAt } : {}),
          })),
          "webhook",
        );
      },
      ready: async () => {
        await db.query("SELECT 1");
        return true;
      },
      renderMetrics,
      decisions: why,
    });
  }

  let stopped = false;
  let loopDone: Promise<void> = Promise.resolve();
  if (options.loop !== false) {
    const pollEvery = options.pollIntervalMs ?? 5_000;
    const batchWindowMs = options.batchWindowMs ?? 200;
    // While the queue keeps the router busy, a poll could only add work behind it: poll at most
    // every busyPollEvery then (the poll is the safety net for missed webhooks, one search each).
    const busyPollEvery = Math.max(pollEvery, options.busyPollIntervalMs ?? 60_000);
    loopDone = (async () => {
      let lastPoll = Number.NEGATIVE_INFINITY;
      let busy = false;
      while (!stopped) {
        try {
          if (now() - lastPoll >= (busy ? busyPollEvery : pollEvery)) {
            lastPoll = now();
            await poll();
          }
          const report = await cycle();
          busy = report.claimed > 0;
          if (report.claimed > 0 || report.written > 0) {
            // A part batch while webhooks are still arriving: give them a moment to fill the next.
            if (report.claimed > 0 && report.claimed < context.batchSize && batchWindowMs > 0 && webhooksArriving())
              await sleep(batchWindowMs);
            continue;
          }
        } catch (error) {
          log(`router: cycle failed, retrying: ${(error as Error).message}`);
        }
        if (stopped) break;
        let woken = false;
        await Promise.race([
          sleep(Math.min(pollEvery, context.retryDelayMs)),
          new Promise<void>((resolve) => (wake = resolve)).then(() => (woken = true)),
        ]);
        // Woken by a webhook: let the deliveries HubSpot sends together arrive before claiming, so
        // that a burst is read and written in full batches of 100 (API calls), not in fragments.
        if (woken && !stopped && batchWindowMs > 0) await sleep(batchWindowMs);
      }
    })();
  }

  return {
    url: http?.url ?? null,
    metrics,
    learn,
    poll,
    cycle,
    drain,
    runOnce,
    queueDepth: () => queueDepth(db),
    why,
    renderMetrics,
    async close() {
      stopped = true;
      nudge();
      await loopDone;
      await http?.close();
    },
  };
}
