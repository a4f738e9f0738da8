/**
 * The router's metrics in Prometheus' text exposition format (version 0.0.4). Counters live in
 * the process (each replica reports its own work); the queue depth is read from the database at
 * scrape time, so every replica reports the shared queue. No label ever carries a secret: labels
 * are systems, endpoint keys (no query strings) and fixed verdict names.
 */
import type { RequestCounts } from "../hubspot";

/** Request-to-owner-written latency buckets, seconds. */
export const LATENCY_BUCKETS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900];

export type WebhookVerdict = "accepted" | "forged" | "replayed" | "stale" | "missing_signature" | "malformed";

export class RouterMetrics {
  readonly routed = new Map<string, number>();
  readonly webhooks = new Map<WebhookVerdict, number>();
  readonly requestsLearnt = new Map<string, number>();
  private readonly buckets = LATENCY_BUCKETS.map(() => 0);
  private latencyCount = 0;
  private latencySum = 0;
  writeFailures = 0;
  duplicateTasksAvoided = 0;

  /** A lead's writes are all done: count it by system and observe request-to-written time. */
  observeRouted(system: string, latencyMs: number): void {
    this.routed.set(system, (this.routed.get(system) ?? 0) + 1);
    const seconds = Math.max(0, latencyMs) / 1000;
    this.latencyCount++;
    this.latencySum += seconds;
    LATENCY_BUCKETS.forEach((bound, i) => {
      if (seconds <= bound) this.buckets[i]!++;
    });
  }

  countWebhook(verdict: WebhookVerdict, n = 1): void {
    this.webhooks.set(verdict, (this.webhooks.get(verdict) ?? 0) + n);
  }

  countLearnt(source: string, n: number): void {
    this.requestsLearnt.set(source, (this.requestsLearnt.get(source) ?? 0) + n);
  }

  /** Latency quantile estimate (upper bucket bound), for reports. */
  render(queue: { pending: number; decided: number }, hubspot: RequestCounts): string {
    const out: string[] = [];
    const family = (name: string, type: string, help: string) =>
      out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    family("routeops_leads_routed_total", "counter", "Leads routed and written to HubSpot, by routing system.");
    for (const system of ["inbound", "outbound", "reengagement", "unclassified"]) {
      out.push(`routeops_leads_routed_total{system="${system}"} ${this.routed.get(system) ?? 0}`);
    }
    family(
      "routeops_request_to_owner_written_seconds",
      "histogram",
      "Time from the routing request (routeops_route_requested_at) to the owner written in HubSpot.",
    );
    LATENCY_BUCKETS.forEach((bound, i) => {
      out.push(`routeops_request_to_owner_written_seconds_bucket{le="${bound}"} ${this.buckets[i]}`);
    });
    out.push(`routeops_request_to_owner_written_seconds_bucket{le="+Inf"} ${this.latencyCount}`);
    out.push(`routeops_request_to_owner_written_seconds_sum ${this.latencySum}`);
    out.push(`routeops_request_to_owner_written_seconds_count ${this.latencyCount}`);
    family(
      "routeops_queue_depth",
      "gauge",
      "Routing requests waiting: pending (not decided) and decided (writes not done).",
    );
    out.push(`routeops_queue_depth{state="pending"} ${queue.pending}`);
    out.push(`routeops_queue_depth{state="decided"} ${queue.decided}`);
    family("routeops_hubspot_requests_total", "counter", "HTTP requests to HubSpot (retries included), by endpoint.");
    for (const [endpoint, n] of Object.entries(hubspot.byEndpoint())) {
      out.push(`routeops_hubspot_requests_total{endpoint="${endpoint.replace(/["\\\n]/g, "_")}"} ${n}`);
    }
    family("routeops_hubspot_rate_limited_total", "counter", "429 answers from HubSpot.");
    out.push(`routeops_hubspot_rate_limited_total ${hubspot.rateLimited()}`);
    family(
      "routeops_webhook_deliveries_total",
      "counter",
      "Webhook deliveries by verdict (refused: forged, replayed, stale, ...).",
    );
    for (const verdict of ["accepted", "forged", "replayed", "stale", "missing_signature", "malformed"] as const) {
      out.push(`routeops_webhook_deliveries_total{verdict="${verdict}"} ${this.webhooks.get(verdict) ?? 0}`);
    }
    family(
      "routeops_routing_requests_learnt_total",
      "counter",
      "New routing requests recorded, by how they were learnt.",
    );
    for (const source of ["webhook", "poll", "api"]) {
      out.push(`routeops_routing_requests_learnt_total{source="${source}"} ${this.requestsLearnt.get(source) ?? 0}`);
    }
    family("routeops_hubspot_write_failures_total", "counter", "Outbox writes that failed and will be retried.");
    out.push(`routeops_hubspot_write_failures_total ${this.writeFailures}`);
    return out.join("\n") + "\n";
  }
}
