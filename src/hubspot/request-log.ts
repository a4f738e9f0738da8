/**
 * Counts every HTTP request the adapter makes (retries included), by endpoint, so that benches
 * and the deploy plan can report the API calls a run used.
 */

/** What `onRequest` receives after each HTTP attempt. Never carries the token or a query string. */
export interface HubSpotRequestInfo {
  /**
   * Endpoint key: method and path with the object type filled in and other parameters as
   * `{name}`, for example `PATCH /crm/v3/properties/contacts/{propertyName}` (the emulator's keys).
   */
  endpoint: string;
  method: string;
  /** Actual path, without query string. */
  path: string;
  /** HTTP status, or `null` when no response arrived. */
  status: number | null;
  /** 1 for the first attempt of a call, 2 for its first retry, ... */
  attempt: number;
  durationMs: number;
}

/** Read-only view of the adapter's request counts. */
export interface RequestCounts {
  /** Requests to one endpoint key, or to all endpoints when none is given. */
  count(endpoint?: string): number;
  /** Requests per endpoint key. */
  byEndpoint(): Record<string, number>;
  /** Failed attempts that were retried (429s, 5xx, network errors). */
  retries(): number;
  /** 429 answers received. */
  rateLimited(): number;
  reset(): void;
}

export class RequestLog implements RequestCounts {
  private counts = new Map<string, number>();
  private retried = 0;
  private limited = 0;

  record(info: HubSpotRequestInfo): void {
    this.counts.set(info.endpoint, (this.counts.get(info.endpoint) ?? 0) + 1);
    if (info.status === 429) this.limited++;
  }

  recordRetry(): void {
    this.retried++;
  }

  count(endpoint?: string): number {
    if (endpoint !== undefined) return this.counts.get(endpoint) ?? 0;
    let total = 0;
    for (const value of this.counts.values()) total += value;
    return total;
  }

  byEndpoint(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  retries(): number {
    return this.retried;
  }

  rateLimited(): number {
    return this.limited;
  }

  reset(): void {
    this.counts.clear();
    this.retried = 0;
    this.limited = 0;
  }
}
