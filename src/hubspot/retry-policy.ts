/**
 * The one retry policy of the adapter, for generated-client and raw calls alike (the official
 * client's own retry is switched off: it ignores `Retry-After` and is a process-wide singleton).
 */
import type { AttemptFailure } from "./attempt";
import { readRateLimitHeaders, retryAfterMs } from "./rate-limit-headers";

/** How persistent the adapter is with failing calls. */
export interface RetryOptions {
  /** Total HTTP attempts per call, first one included. Default 6. */
  attempts?: number;
  /** First backoff step; doubles on every further failure. Default 500 ms. */
  baseDelayMs?: number;
  /** Cap of one backoff step (not of `Retry-After`). Default 30 s. */
  maxDelayMs?: number;
}

export const DEFAULT_RETRY: Required<RetryOptions> = { attempts: 6, baseDelayMs: 500, maxDelayMs: 30_000 };

/** HubSpot documents 423 (locked: wait 2 s) and 477 (migrating: see Retry-After). */
const RETRYABLE_STATUSES = new Set([423, 429, 477]);
const LOCKED_WAIT_MS = 2_000;

/** Statuses that prove the request was not carried out, so even a create may be sent again. */
const NOT_PROCESSED_STATUSES = new Set([423, 429, 477]);

export type RetryDecision =
  | { retry: false }
  /** `pauseMs`: how long every call of the adapter should hold off (rate limits), not just this one. */
  | { retry: true; delayMs: number; pauseMs: number };

/**
 * Decides what to do after failed attempt number `attempt` (1-based).
 * `idempotent: false` (creates) retries only failures that prove the request was not carried out.
 */
export function decideRetry(
  failure: AttemptFailure,
  attempt: number,
  options: Required<RetryOptions>,
  random: () => number,
  idempotent = true,
): RetryDecision {
  if (attempt >= options.attempts) return { retry: false };
  const backoff = jittered(Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1)), random);

  if (failure.kind === "network") {
    // Nothing listens there (wrong base URL, emulator not running) or the host does not exist:
    // waiting does not fix that, so say so at once instead of backing off for a minute.
    if (isUnreachable(failure.detail)) return { retry: false };
    if (!idempotent) return { retry: false };
    return { retry: true, delayMs: backoff, pauseMs: 0 };
  }
  if (failure.kind !== "http") return { retry: false };

  const { status, headers, body } = failure;
  const retryable = RETRYABLE_STATUSES.has(status) || status >= 500;
  if (!retryable) return { retry: false };
  if (!idempotent && !NOT_PROCESSED_STATUSES.has(status)) return { retry: false };
  if (status === 429 && isDailyLimit(body?.policyName, body?.message)) return { retry: false };

  const told = retryAfterMs(headers);
  let delayMs = told === undefined ? backoff : Math.max(told, 0);
  if (status === 423) delayMs = Math.max(delayMs, LOCKED_WAIT_MS);
  let pauseMs = 0;
  if (status === 429) {
    // Without Retry-After, an exhausted window is only known to free up within its interval.
    const reported = readRateLimitHeaders(headers);
    if (told === undefined && reported.remaining === 0 && reported.intervalMs !== undefined) {
      delayMs = Math.max(backoff, Math.min(reported.intervalMs, options.maxDelayMs));
    }
    if (told === undefined && reported.secondlyRemaining === 0) delayMs = Math.max(backoff, 1_000);
    pauseMs = delayMs;
  }
  return { retry: true, delayMs, pauseMs };
}

/** A refused connection or an unknown host: the address is wrong or nothing is running there. */
export function isUnreachable(detail: string): boolean {
  return /\b(ECONNREFUSED|ENOTFOUND)\b/.test(detail);
}

/** A daily limit only resets at midnight: retrying within one run is pointless. */
export function isDailyLimit(policyName: string | undefined, message: string | undefined): boolean {
  return /DAILY/i.test(policyName ?? "") || /daily limit/i.test(message ?? "");
}

/** Half fixed, half random: spreads retries of concurrent calls without ever waiting 0. */
function jittered(delay: number, random: () => number): number {
  return Math.round(delay / 2 + random() * (delay / 2));
}
