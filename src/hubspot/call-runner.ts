/**
 * Runs one logical HubSpot call: waits for the rate limiter, makes the HTTP attempt, counts it,
 * retries what the retry policy says to retry, and turns a final failure into a `HubSpotError`.
 * Every operation of the adapter goes through here, generated-client and raw calls alike.
 */
import type { AttemptFailure, AttemptOutcome } from "./attempt";
import { HubSpotError, type HubSpotErrorCode, type HubSpotErrorInit } from "./errors";
import { readRateLimitHeaders } from "./rate-limit-headers";
import type { LimitKind, RateLimiter } from "./rate-limiter";
import type { HubSpotRequestInfo, RequestLog } from "./request-log";
import { decideRetry, type RetryOptions } from "./retry-policy";
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

export interface CallRunnerDeps {
  limiter: RateLimiter;
  log: RequestLog;
  retry: Required<RetryOptions>;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
  scrub: Redactor;
  onRequest?: (info: HubSpotRequestInfo) => void;
}

export class CallRunner {
  constructor(private readonly deps: CallRunnerDeps) {}

  async run<T>(spec: CallSpec, attempt: () => Promise<AttemptOutcome<T>>): Promise<T> {
    const { limiter, log, retry, sleep, random, now } = this.deps;
    const kind = spec.limit ?? "general";
    for (let number = 1; ; number++) {
      const permit = await limiter.acquire(kind);
      const started = now();
      let outcome: AttemptOutcome<T>;
      try {
        outcome = await attempt();
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
      log.recordRetry();
      if (decision.pauseMs > 0) limiter.pause(kind, decision.pauseMs);
      await sleep(decision.delayMs);
    }
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
        return { ...base, code: "network_error", status: null, hubspotMessage: scrub(failure.detail) };
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
