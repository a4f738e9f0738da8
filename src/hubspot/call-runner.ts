/**
 * Runs one logical HubSpot call: waits for the rate limiter, makes the HTTP attempt, counts it,
 * retries what the retry policy says to retry, and turns a final failure into a `HubSpotError`.
 * Every operation of the adapter goes through here, generated-client and raw calls alike.
 */
import type { AttemptFailure, AttemptOutcome } from "./attempt";
import { HubSpotError, type HubSpotErrorCode, type HubSpotErrorInit } from "./errors";
import { readRateLimitHeaders, retryAfterMs } from "./rate-limit-headers";
import type { LimitKind, RateLimiter } from "./rate-limiter";
import type { HubSpotRequestInfo, RequestLog } from "./request-log";
import { decideRetry, isUnreachable, type RetryOptions } from "./retry-policy";
import type { Redactor } from "../secrets";

/** What a call is, for limiting, counting and error messages. */
export interface CallSpec {
  /** Endpoint key, for example `GET /crm/v3/owners`. */
  endpoint: string;
  method: string;
  /** Actual path without query string (query strings may carry secrets in other APIs). */
  path: string;
  /** Which limits the call counts against. Default `general`. */
  limit?: LimitKind;
  /** `false` for creates: a request that may have been carried out is not sent again. */
  idempotent?: boolean;
}

/** A wait between attempts, for the one line that says what RouteOps waits for and how long. */
export interface HubSpotWait {
  method: string;
  path: string;
  /** What HubSpot answered: a status, or null for a network failure or timeout. */
  status: number | null;
  waitMs: number;
  /** `Retry-After` when HubSpot said how long; `backoff` otherwise. */
  reason: "retry-after" | "backoff";
  /** The attempt that comes after the wait, and how many there are at most. */
  nextAttempt: number;
  attempts: number;
}

/** The bounds every call lives within. */
export interface CallBounds {
  /** An attempt without a complete answer after this long fails as a timeout. */
  requestTimeoutMs: number;
  /** Longest `Retry-After` RouteOps honours; HubSpot asking for more fails the call at once. */
  maxRetryAfterMs: number;
  /** Absolute end (in `now()` milliseconds) of the whole command; no call starts or waits past it. */
  deadline?: number;
  /** Wall-clock seconds of the deadline, for its message. */
  deadlineSeconds?: number;
}

export interface CallRunnerDeps {
  limiter: RateLimiter;
  log: RequestLog;
  retry: Required<RetryOptions>;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
  scrub: Redactor;
  bounds: CallBounds;
  onRequest?: (info: HubSpotRequestInfo) => void;
  /** Called before every wait between attempts that is a second or longer. */
  onWait?: (wait: HubSpotWait) => void;
}

export class CallRunner {
  constructor(private readonly deps: CallRunnerDeps) {}

  async run<T>(spec: CallSpec, attempt: () => Promise<AttemptOutcome<T>>): Promise<T> {
    const { limiter, log, retry, sleep, random, now } = this.deps;
    const kind = spec.limit ?? "general";
    const { bounds } = this.deps;
    for (let number = 1; ; number++) {
      this.checkDeadline(spec, number - 1, 0);
      const permit = await limiter.acquire(kind);
      const started = now();
      let outcome: AttemptOutcome<T>;
      try {
        outcome = await withTimeout(attempt(), bounds.requestTimeoutMs);
      } catch (error) {
        // Attempt functions report failures as values; this only guards against a bug there.
        outcome = { ok: false, failure: { kind: "client", detail: error instanceof Error ? error.message : "failed" } };
      } finally {
        permit.release();
      }
      const status = outcome.ok ? outcome.status : statusOf(outcome.failure);
      const headers = outcome.ok ? outcome.headers : headersOf(outcome.failure);
      if (headers) limiter.observe(kind, readRateLimitHeaders(headers));
      const info: HubSpotRequestInfo = {
        endpoint: spec.endpoint,
        method: spec.method,
        path: spec.path,
        status,
        attempt: number,
        durationMs: now() - started,
      };
      // A request that could not even be built never reached HubSpot: it is not an API call.
      const sent = outcome.ok || outcome.failure.kind !== "client";
      if (sent) {
        log.record(info);
        this.deps.onRequest?.(info);
      }
      if (outcome.ok) return outcome.value;

      const decision = decideRetry(outcome.failure, number, retry, random, spec.idempotent ?? true);
      if (!decision.retry) throw this.toError(spec, outcome.failure, number);
      const told = outcome.failure.kind === "http" ? retryAfterMs(outcome.failure.headers) : undefined;
      if (told !== undefined && told > bounds.maxRetryAfterMs) {
        throw new HubSpotError({
          ...this.describeFailure(spec, outcome.failure, number),
          code: "retry_after_too_long",
          hubspotMessage:
            `HubSpot asked to retry after ${seconds(told)} s (Retry-After), longer than RouteOps waits for one ` +
            `call (${seconds(bounds.maxRetryAfterMs)} s): try again later`,
        });
      }
      this.checkDeadline(spec, number, decision.delayMs);
      log.recordRetry();
      if (decision.pauseMs > 0) limiter.pause(kind, decision.pauseMs);
      if (decision.delayMs >= 1_000) {
        this.deps.onWait?.({
          method: spec.method,
          path: this.deps.scrub(spec.path),
          status: statusOf(outcome.failure),
          waitMs: decision.delayMs,
          reason: told !== undefined ? "retry-after" : "backoff",
          nextAttempt: number + 1,
          attempts: retry.attempts,
        });
      }
      await sleep(decision.delayMs);
    }
  }

  /** Throws `deadline_exceeded` when waiting `waitMs` more would pass the command's deadline. */
  private checkDeadline(spec: CallSpec, attempts: number, waitMs: number): void {
    const { deadline, deadlineSeconds } = this.deps.bounds;
    if (deadline === undefined || this.deps.now() + waitMs <= deadline) return;
    throw new HubSpotError({
      code: "deadline_exceeded",
      method: spec.method,
      path: this.deps.scrub(spec.path),
      status: null,
      attempts,
      hubspotMessage: `the command's deadline${deadlineSeconds ? ` of ${deadlineSeconds} s` : ""} passed before this call could finish (set ROUTEOPS_DEADLINE_SECONDS for more)`,
    });
  }

  /** Removes the token from a text that came from outside. */
  scrub(text: string): string {
    return this.deps.scrub(text);
  }

  /** Builds the final error; every text that came from outside is scrubbed of secrets. */
  toError(spec: CallSpec, failure: AttemptFailure, attempts: number): HubSpotError {
    return new HubSpotError(this.describeFailure(spec, failure, attempts));
  }

  describeFailure(spec: CallSpec, failure: AttemptFailure, attempts: number): HubSpotErrorInit {
    const scrub = this.deps.scrub;
    const base = { method: spec.method, path: scrub(spec.path), attempts };
    switch (failure.kind) {
      case "http": {
        const body = failure.body;
        const message = body?.message ?? snippet(failure.text);
        return {
          ...base,
          code: codeForStatus(failure.status),
          status: failure.status,
          hubspotMessage: message ? scrub(message) : undefined,
          category: body?.category ? scrub(body.category) : undefined,
          subCategory: body?.subCategory ? scrub(body.subCategory) : undefined,
          correlationId: body?.correlationId ? scrub(body.correlationId) : undefined,
          details: (body?.errors ?? []).map((item) => ({
            message: scrub(item.message ?? ""),
            ...(item.code ? { code: scrub(item.code) } : {}),
          })),
        };
      }
      case "network":
        return {
          ...base,
          code: "network_error",
          status: null,
          hubspotMessage: isUnreachable(failure.detail)
            ? `${scrub(failure.detail)}: nothing answers at that address, so it was not retried ` +
              "(check HUBSPOT_BASE_URL or --hubspot-base-url; is the emulator running?)"
            : scrub(failure.detail),
        };
      case "unexpected":
        return {
          ...base,
          code: "unexpected_response",
          status: failure.status,
          hubspotMessage: scrub(failure.detail),
        };
      case "client":
        return { ...base, code: "invalid_request", status: null, hubspotMessage: scrub(failure.detail) };
    }
  }
}

const seconds = (ms: number) => Math.ceil(ms / 1000).toLocaleString("en-US");

/**
 * The attempt, or a network failure when it has no complete answer in time. The request itself
 * cannot be aborted through the official client; its late answer is ignored.
 */
async function withTimeout<T>(attempt: Promise<AttemptOutcome<T>>, timeoutMs: number): Promise<AttemptOutcome<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<AttemptOutcome<T>>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          ok: false,
          failure: { kind: "network", detail: `no answer within ${seconds(timeoutMs)} s (timeout)` },
        }),
      timeoutMs,
    );
    timer.unref?.();
  });
  try {
    return await Promise.race([attempt, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function statusOf(failure: AttemptFailure): number | null {
  return failure.kind === "http" || failure.kind === "unexpected" ? failure.status : null;
}

function headersOf(failure: AttemptFailure): Record<string, string> | undefined {
  return failure.kind === "http" || failure.kind === "unexpected" ? failure.headers : undefined;
}

function codeForStatus(status: number): HubSpotErrorCode {
  if (status === 400 || status === 422) return "bad_request";
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "server_error";
  return "http_error";
}

/** A short, tag-free excerpt of a non-JSON body (a proxy's HTML error page). */
function snippet(text: string): string | undefined {
  const plain = text
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!plain) return undefined;
  return plain.length > 200 ? `${plain.slice(0, 200)}...` : plain;
}
