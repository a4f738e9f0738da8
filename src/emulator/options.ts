import type { ActionTypeDefinition } from "./action-types";
import type { FlowExecutor } from "./flows-exec/executor";
import type { Portal } from "./portal/portal";
import type { RequestLog } from "./http/request-log";
import type { DeployedSeed } from "./seed/deployed";
import type { WebhookDelivery, WebhookOptions } from "./webhooks/delivery";

/**
 * Kinds of injected fault: a 5xx answer, a ten-secondly 429, a daily 429 (HubSpot's `DAILY` policy:
 * retrying the same day is pointless), a slow answer, a dropped connection, and `applied`: the
 * request is carried out, then answered 502 (the write landed, the answer was lost).
 */
export type FaultKind = "5xx" | "429" | "429-daily" | "slow" | "drop" | "applied";

export const FAULT_KINDS: readonly FaultKind[] = ["5xx", "429", "429-daily", "slow", "drop", "applied"];

/** Deterministic fault injection: the same seed and the same request sequence give the same faults. */
export interface FaultOptions {
  seed: number;
  /** Share of eligible requests that get a fault, 0..1. */
  rate: number;
  /** Kinds drawn from (uniformly). Default: 5xx, 429, slow and drop. */
  kinds?: FaultKind[];
  /** Delay of a `slow` answer, ms. Default 2000. */
  slowMs?: number;
  /**
   * `Retry-After` sent with injected 429 and 503 answers: seconds, or (with `retryAfterAsDate`)
   * as an HTTP date that many seconds ahead (RFC 9110 allows both). Default: none.
   */
  retryAfterSeconds?: number;
  retryAfterAsDate?: boolean;
  /** Stop after this many faults (for example 1: only the first matching request fails). Default: no limit. */
  limit?: number;
  /** Endpoint keys (as in the request log, for example `POST /crm/v3/objects/contacts/search`) faults apply to. Default: all. */
  endpoints?: string[];
}

/** A rep to seed as a HubSpot owner. */
export interface SeedRep {
  email: string;
  firstName: string;
  lastName: string;
  /** `false`: a deactivated user, so an archived owner (keeps its id, loses its userId). */
  active: boolean;
  /** Team names; the first is the primary team. */
  teams?: string[];
}

/**
 * Ids from a routing config that make seeded contacts look routed by it. Every list is optional;
 * the defaults are the reference organisation's ids.
 */
export interface SeedRoutingNames {
  configVersion?: string;
  rules?: { inbound?: string[]; outbound?: string[]; reengagement?: string[]; unclassified?: string };
  pools?: string[];
  queues?: string[];
  slaPolicies?: string[];
  sequences?: string[];
}

/** A generated portal: owners from reps plus a population of companies and contacts. */
export interface SeedOptions {
  reps: SeedRep[];
  /** Number of contacts. Default 3000. */
  contacts?: number;
  /** PRNG seed. Default 1. */
  seed?: number;
  /** The "today" of the generated data, epoch ms. Default 2026-11-27T12:00:00Z. */
  now?: number;
  /** Source type ids given to classified contacts; `outbound*` ids are outbound. Default: the reference organisation's. */
  sourceTypes?: string[];
  /** Rule, pool, queue, SLA and sequence ids written on routed contacts. */
  routing?: SeedRoutingNames;
  /** A desired state the portal starts with, already deployed (src/emulator/seed/deployed.ts). */
  deployed?: DeployedSeed;
}

/** Per-token limits. */
export interface RateLimitOptions {
  /** Requests per rolling 10 s. Default 190. */
  tenSecondly?: number;
  /** Search requests per second. Default 5. */
  searchPerSecond?: number;
  /** Requests per UTC day. Default 1,000,000. */
  daily?: number;
}

export interface EmulatorOptions {
  /** Default 0: a random free port. The emulator binds 127.0.0.1 only. */
  port?: number;
  /** Bearer token clients must send. Default: generated with crypto.randomBytes. */
  token?: string;
  /** JSON state file: loaded at start if present, written atomically after every write request. */
  statePath?: string;
  /** `false` disables rate limiting (and its headers). */
  rateLimits?: RateLimitOptions | false;
  faults?: FaultOptions;
  seed?: SeedOptions;
  /** Newly written records show in search only after this lag, ms. Default 0. */
  searchLagMs?: number;
  /** Time source (epoch ms). Default Date.now. */
  clock?: () => number;
  /** Workflow action types this portal has. Default: DEFAULT_ACTION_TYPES. */
  actionTypes?: ActionTypeDefinition[];
  /** Deliver `contact.propertyChange` webhooks as HubSpot does (docs/emulator.md, "Webhooks"). */
  webhooks?: WebhookOptions;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:PORT` */
  baseUrl: string;
  token: string;
  /** The in-memory portal, for tests to read and arrange state directly. */
  portal: Portal;
  /** The flow executor that runs the portal's enabled flows (docs/emulator.md, "Workflow execution"). */
  workflows: FlowExecutor;
  /** Webhook delivery, when `webhooks` was given: its attempts, and `settled()` to wait for it. */
  webhooks: WebhookDelivery | undefined;
  requests: RequestLog;
  close(): Promise<void>;
}
