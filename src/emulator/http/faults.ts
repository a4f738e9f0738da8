import type { FaultKind, FaultOptions } from "../options";
import { Random } from "../seed/random";

const ALL_KINDS: readonly FaultKind[] = ["5xx", "429", "slow", "drop"];
const SERVER_ERRORS = [500, 502, 503, 504] as const;

/** A fault decided for one request, before anything is applied. */
export type Fault =
  | { kind: "5xx"; status: (typeof SERVER_ERRORS)[number] }
  | { kind: "429" }
  | { kind: "slow"; delayMs: number }
  | { kind: "drop" };

/**
 * Decides faults from a seeded PRNG. Each eligible request draws in arrival order, so the same
 * seed and the same request sequence give the same faults.
 */
export class FaultInjector {
  private readonly random: Random;
  private readonly kinds: readonly FaultKind[];
  private readonly endpoints: Set<string> | undefined;

  constructor(private readonly options: FaultOptions) {
    this.random = new Random(options.seed);
    this.kinds = options.kinds && options.kinds.length > 0 ? options.kinds : ALL_KINDS;
    this.endpoints = options.endpoints ? new Set(options.endpoints) : undefined;
  }

  decide(endpoint: string): Fault | undefined {
    if (this.endpoints && !this.endpoints.has(endpoint)) return undefined;
    if (this.random.next() >= this.options.rate) return undefined;
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
