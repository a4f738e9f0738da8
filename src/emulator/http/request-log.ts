import type { FaultKind } from "../options";
import type { RatePolicy } from "./rate-limiter";

/** One request the emulator answered (or dropped). */
export interface RequestLogEntry {
  method: string;
  /** Path without the query string. */
  path: string;
  /** Stable key, for example `GET /crm/v3/owners` or `PATCH /crm/v3/objects/contacts/{id}`. */
  endpoint: string;
  /** HTTP status answered; 0 when the connection was dropped by fault injection. */
  status: number;
  /** Epoch ms (the emulator's clock) when the request arrived. */
  at: number;
  /** The rate limiter's verdict: `limited` names the policy that refused it. */
  rateLimit: { verdict: "allowed" | "limited" | "off"; policy?: RatePolicy };
  /** The fault injected, if any. */
  fault?: FaultKind;
}

/** The emulator's request log: what tests inspect to check a client's behaviour. */
export class RequestLog {
  private readonly log: RequestLogEntry[] = [];

  /** Every entry, oldest first. */
  get entries(): readonly RequestLogEntry[] {
    return this.log;
  }

  record(entry: RequestLogEntry): void {
    this.log.push(entry);
  }

  /** Number of requests, or of requests to one endpoint key. */
  count(endpoint?: string): number {
    return endpoint === undefined ? this.log.length : this.log.filter((e) => e.endpoint === endpoint).length;
  }

  /** Requests the rate limiter refused (of one policy, if given). */
  limited(policy?: RatePolicy): RequestLogEntry[] {
    return this.log.filter(
      (e) => e.rateLimit.verdict === "limited" && (policy === undefined || e.rateLimit.policy === policy),
    );
  }

  /**
   * The most requests that arrived within any window of `windowMs` (optionally only those that
   * `include` accepts): a client that respects a limit of N per window keeps this at most N.
   */
  peak(windowMs: number, include: (entry: RequestLogEntry) => boolean = () => true): number {
    const times = this.log.filter(include).map((e) => e.at);
    let best = 0;
    let start = 0;
    for (let end = 0; end < times.length; end++) {
      while (times[end]! - times[start]! >= windowMs) start++;
      best = Math.max(best, end - start + 1);
    }
    return best;
  }

  reset(): void {
    this.log.length = 0;
  }
}
