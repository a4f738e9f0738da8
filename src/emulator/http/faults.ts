import type { FaultKind, FaultOptions } from "../options";
import { Random } from "../seed/random";

const DEFAULT_KINDS: readonly FaultKind[] = ["5xx", "429", "slow", "drop"];
const SERVER_ERRORS = [500, 502, 503, 504] as const;

/** A fault decided for one request, before anything is applied. */
export type Fault =
  | { kind: "5xx"; status: (typeof SERVER_ERRORS)[number] }
  | { kind: "429" }
  | { kind: "429-daily" }
  | { kind: "slow"; delayMs: number }
  | { kind: "drop" }
  /** Carry the request out, then answer 502. */
  | { kind: "applied" };

/**
 * Decides faults from a seeded PRNG. Each eligible request draws in arrival order, so the same
 * seed and the same request sequence give the same faults.
 */
export class FaultInjector {
  private readonly random: Random;
  private readonly kinds: readonly FaultKind[];
  private readonly endpoints: Set<string> | undefined;
  private injected = 0;

  constructor(private readonly options: FaultOptions) {
    this.random = new Random(options.seed);
    this.kinds = options.kinds && options.kinds.length > 0 ? options.kinds : DEFAULT_KINDS;
    this.endpoints = options.endpoints ? new Set(options.endpoints) : undefined;
  }

  /** The `Retry-After` header injected 429s and 503s carry (empty when not configured). */
  retryAfter(nowMs: number): Record<string, string> {
    return retryAfterHeader(this.options, nowMs);
  }

  decide(endpoint: string): Fault | undefined {
    if (this.endpoints && !this.endpoints.has(endpoint)) return undefined;
    if (this.options.limit !== undefined && this.injected >= this.options.limit) return undefined;
    if (this.random.next() >= this.options.rate) return undefined;
    this.injected++;
    const kind = this.random.pick(this.kinds);
    switch (kind) {
      case "5xx":
        return { kind, status: this.random.pick(SERVER_ERRORS) };
      case "slow":
        return { kind, delayMs: this.options.slowMs ?? 2000 };
      default:
        return { kind };
    }
  }
}

/**
 * The `Retry-After` header of an injected 429 or 503, if configured: delay-seconds or an
 * IMF-fixdate (RFC 9110 section 10.2.3), computed from the emulator's clock.
 */
export function retryAfterHeader(options: FaultOptions, nowMs: number): Record<string, string> {
  const seconds = options.retryAfterSeconds;
  if (seconds === undefined) return {};
  if (!options.retryAfterAsDate) return { "Retry-After": String(seconds) };
  // A date is read against the answer's own Date header, so both come from the emulator's clock.
  return { "Retry-After": new Date(nowMs + seconds * 1000).toUTCString(), Date: new Date(nowMs).toUTCString() };
}

/** HubSpot-like bodies of injected server errors. */
export function serverErrorMessage(status: number): { category: string; message: string } {
  switch (status) {
    case 502:
      return { category: "BAD_GATEWAY", message: "Bad gateway: the upstream service did not answer." };
    case 503:
      return { category: "SERVICE_UNAVAILABLE", message: "Service temporarily unavailable, please retry." };
    case 504:
      return { category: "GATEWAY_TIMEOUT", message: "The request timed out, please retry." };
    default:
      return { category: "INTERNAL_ERROR", message: "internal error" };
  }
}
