/**
 * What HubSpot's rate-limit headers and `Retry-After` say. HubSpot sends
 * `X-HubSpot-RateLimit-{Max,Remaining,Interval-Milliseconds}` for the rolling window,
 * `-Secondly(-Remaining)` for per-second limits and `-Daily(-Remaining)` for the day.
 */
import type { ResponseHeaders } from "./attempt";

/** The rate-limit state one response reported; absent headers stay `undefined`. */
export interface ReportedRateLimit {
  max?: number;
  remaining?: number;
  intervalMs?: number;
  secondly?: number;
  secondlyRemaining?: number;
  dailyRemaining?: number;
}

export function readRateLimitHeaders(headers: ResponseHeaders): ReportedRateLimit {
  return {
    max: count(headers["x-hubspot-ratelimit-max"]),
    remaining: count(headers["x-hubspot-ratelimit-remaining"]),
    intervalMs: count(headers["x-hubspot-ratelimit-interval-milliseconds"]),
    secondly: count(headers["x-hubspot-ratelimit-secondly"]),
    secondlyRemaining: count(headers["x-hubspot-ratelimit-secondly-remaining"]),
    dailyRemaining: count(headers["x-hubspot-ratelimit-daily-remaining"]),
  };
}

/**
 * `Retry-After` in milliseconds: delta-seconds, or an HTTP date measured against the response's
 * own `Date` header (so the local clock never matters). `undefined` when absent or unreadable.
 */
export function retryAfterMs(headers: ResponseHeaders): number | undefined {
  const value = headers["retry-after"]?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const until = Date.parse(value);
  const sent = headers["date"] ? Date.parse(headers["date"]) : Number.NaN;
  if (Number.isNaN(until) || Number.isNaN(sent)) return undefined;
  return Math.max(0, until - sent);
}

function count(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}
