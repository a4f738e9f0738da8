import type { RateLimitOptions } from "../options";

/** HubSpot's rate-limit policy names, as in its 429 bodies. */
export type RatePolicy = "TEN_SECONDLY_ROLLING" | "SECONDLY" | "DAILY";

export const DEFAULT_RATE_LIMITS: Required<RateLimitOptions> = {
  tenSecondly: 190,
  searchPerSecond: 5,
  daily: 1_000_000,
};

const TEN_SECONDS = 10_000;
const ONE_SECOND = 1_000;
const DAY = 86_400_000;

/** The limiter's answer for one request: the headers to send and, if refused, which policy refused it. */
export interface RateVerdict {
  limited?: RatePolicy;
  headers: Record<string, string>;
}

/** A rolling window of request times. */
class RollingWindow {
  private readonly times: number[] = [];
  private head = 0;

  constructor(private readonly windowMs: number) {}

  count(now: number): number {
    while (this.head < this.times.length && this.times[this.head]! <= now - this.windowMs) this.head++;
    if (this.head > 1024) {
      this.times.splice(0, this.head);
      this.head = 0;
    }
    return this.times.length - this.head;
  }

  add(now: number): void {
    this.times.push(now);
  }
}

/**
 * HubSpot's private-app limits for one token: a rolling 10-second window, the search endpoints'
 * per-second limit and a daily quota (reset at UTC midnight here; HubSpot uses the account's
 * time zone). Refused requests do not count.
 */
export class RateLimiter {
  private readonly limits: Required<RateLimitOptions>;
  private tenSecondly = new RollingWindow(TEN_SECONDS);
  private secondly = new RollingWindow(ONE_SECOND);
  private day = -1;
  private dailyCount = 0;

  constructor(limits: RateLimitOptions) {
    this.limits = { ...DEFAULT_RATE_LIMITS, ...limits };
  }

  check(now: number, search: boolean): RateVerdict {
    const today = Math.floor(now / DAY);
    if (today !== this.day) {
      this.day = today;
      this.dailyCount = 0;
    }
    const inWindow = this.tenSecondly.count(now);
    const inSecond = search ? this.secondly.count(now) : 0;
    let limited: RatePolicy | undefined;
    if (this.dailyCount >= this.limits.daily) limited = "DAILY";
    else if (inWindow >= this.limits.tenSecondly) limited = "TEN_SECONDLY_ROLLING";
    else if (search && inSecond >= this.limits.searchPerSecond) limited = "SECONDLY";
    const used = limited ? 0 : 1;
    if (!limited) {
      this.dailyCount++;
      this.tenSecondly.add(now);
      if (search) this.secondly.add(now);
    }
    const headers: Record<string, string> = {
      "X-HubSpot-RateLimit-Max": String(this.limits.tenSecondly),
      "X-HubSpot-RateLimit-Remaining": String(Math.max(0, this.limits.tenSecondly - inWindow - used)),
      "X-HubSpot-RateLimit-Interval-Milliseconds": String(TEN_SECONDS),
      "X-HubSpot-RateLimit-Daily": String(this.limits.daily),
      "X-HubSpot-RateLimit-Daily-Remaining": String(Math.max(0, this.limits.daily - this.dailyCount)),
    };
    if (search) {
      headers["X-HubSpot-RateLimit-Secondly"] = String(this.limits.searchPerSecond);
      headers["X-HubSpot-RateLimit-Secondly-Remaining"] = String(
        Math.max(0, this.limits.searchPerSecond - inSecond - used),
      );
    }
    return limited ? { limited, headers } : { headers };
  }

  reset(): void {
    this.day = -1;
    this.dailyCount = 0;
    this.tenSecondly = new RollingWindow(TEN_SECONDS);
    this.secondly = new RollingWindow(ONE_SECOND);
  }
}

/** HubSpot's 429 body for a policy. */
export function rateLimitBody(policy: RatePolicy, correlationId: string) {
  const message =
    policy === "SECONDLY"
      ? "You have reached your secondly limit."
      : policy === "DAILY"
        ? "You have reached your daily limit."
        : "You have reached your ten_secondly_rolling limit.";
  return {
    status: "error" as const,
    message,
    errorType: "RATE_LIMIT",
    correlationId,
    policyName: policy,
    category: "RATE_LIMITS",
  };
}
