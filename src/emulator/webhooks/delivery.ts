/**
 * Webhook delivery as HubSpot does it: property changes of subscribed contact properties become
 * `contact.propertyChange` events, sent in batches (at most 100 per request) to the target URL
 * over real HTTP with the v3 signature headers. As HubSpot's Webhooks API docs ("Retries") say, a
 * delivery is retried, with `attemptNumber` one higher, when the connection fails, the answer takes
 * longer than 5 seconds, or it is a 5xx; a 4xx answer is not retried; up to 10 attempts. On demand,
 * events are also delivered twice (duplicates) and batches shuffled (reordering), from a seeded
 * random source so that a run can be repeated.
 */
import { createRandom, type Random } from "../../sample/prng";
import type { Portal } from "../portal/portal";
import type { PropertyChange } from "../portal/records";
import { changeSourceOf, signedHeaders, type WebhookEvent } from "./payload";

/** HubSpot sends at most 100 events per request (Webhooks API docs). */
export const MAX_EVENTS_PER_DELIVERY = 100;

/** Where and how the emulator delivers webhooks (`startEmulator({ webhooks })`). */
export interface WebhookOptions {
  /** The app's target URL, called with POST. */
  targetUrl: string;
  /** The app secret the v3 signature is keyed with. Never logged or shown. */
  secret: string;
  /** Contact properties subscribed to (`contact.propertyChange`). */
  properties: string[];
  /** In the payload. Defaults 62515, 54321, and subscription ids from 1001 in `properties` order. */
  portalId?: number;
  appId?: number;
  /** Events per request, 1..100. Default 100. */
  batchSize?: number;
  /** Real-time wait before a batch goes out, to gather the changes of one request. Default 0 ms. */
  batchDelayMs?: number;
  /** Attempts per delivery, the first included. Default 10 (HubSpot retries up to 10 times). */
  maxAttempts?: number;
  /** Real-time wait before attempt n+1: `retryDelayMs * 2^(n-1)`. Default 100 ms. */
  retryDelayMs?: number;
  /** Per-request timeout, ms. Default 5,000 (HubSpot's Webhooks API docs). */
  timeoutMs?: number;
  /** Share of events delivered a second time, in a later request, 0..1. Default 0. */
  duplicateRate?: number;
  /** Shuffle the events of each delivery and the order deliveries go out. Default false. */
  reorder?: boolean;
  /** Seed of the duplicate and reorder draws. Default 1. */
  seed?: number;
}

/** One HTTP attempt, as the delivery log keeps it (no secret, no signature). */
export interface DeliveryAttempt {
  /** Events in the request, by event id. */
  eventIds: number[];
  attemptNumber: number;
  /** HTTP status, or `null` when no answer came (refused, timeout). */
  status: number | null;
  /** The emulator clock's instant of the attempt (the signature's timestamp). */
  at: number;
}

interface Batch {
  events: WebhookEvent[];
  attempt: number;
}

/** Checks webhook options; the message names the option and what was expected. */
export function checkWebhookOptions(options: WebhookOptions, fail: (message: string) => never): void {
  let url: URL | undefined;
  try {
    url = new URL(options.targetUrl);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    fail(`webhooks.targetUrl: expected an http(s) URL, got "${options.targetUrl}"`);
  }
  if (typeof options.secret !== "string" || options.secret.length < 8) {
    fail("webhooks.secret: expected at least 8 characters");
  }
  if (!Array.isArray(options.properties) || options.properties.length === 0) {
    fail("webhooks.properties: expected at least one contact property name");
  }
  const size = options.batchSize;
  if (size !== undefined && !(Number.isInteger(size) && size >= 1 && size <= MAX_EVENTS_PER_DELIVERY)) {
    fail(`webhooks.batchSize: expected an integer from 1 to ${MAX_EVENTS_PER_DELIVERY}, got ${size}`);
  }
  const attempts = options.maxAttempts;
  if (attempts !== undefined && !(Number.isInteger(attempts) && attempts >= 1)) {
    fail(`webhooks.maxAttempts: expected a positive integer, got ${attempts}`);
  }
  const rate = options.duplicateRate;
  if (rate !== undefined && !(rate >= 0 && rate <= 1)) {
    fail(`webhooks.duplicateRate: expected a share from 0 to 1, got ${rate}`);
  }
  for (const name of ["batchDelayMs", "retryDelayMs", "timeoutMs"] as const) {
    const value = options[name];
    if (value !== undefined && !(value >= 0)) fail(`webhooks.${name}: expected a non-negative number, got ${value}`);
  }
}

export class WebhookDelivery {
  /** Every attempt, oldest first. */
  readonly attempts: DeliveryAttempt[] = [];
  /** Events given up on: refused with a 4xx, or failing `maxAttempts` times (HubSpot drops them too). */
  readonly dropped: WebhookEvent[] = [];
  private queue: WebhookEvent[] = [];
  private readonly subscriptionIds: Map<string, number>;
  private readonly random: Random;
  private nextEventId = 1;
  private scheduled: ReturnType<typeof setTimeout> | undefined;
  private inFlight = new Set<Promise<void>>();
  private unsubscribe: (() => void) | undefined;
  private closed = false;

  constructor(
    private readonly portal: Portal,
    private readonly options: WebhookOptions,
  ) {
    this.subscriptionIds = new Map(options.properties.map((name, index) => [name, 1001 + index]));
    this.random = createRandom(options.seed ?? 1);
  }

  start(): void {
    this.unsubscribe ??= this.portal.onPropertyChange((change) => this.onChange(change));
  }

  /** Events waiting to go out plus deliveries under way. */
  get pending(): number {
    return this.queue.length + this.inFlight.size;
  }

  /** Resolves once every queued event was delivered or given up on (retries included). */
  async settled(): Promise<void> {
    for (;;) {
      if (this.scheduled !== undefined) {
        clearTimeout(this.scheduled);
        this.scheduled = undefined;
        this.sendQueued();
      }
      if (this.inFlight.size === 0) return;
      await Promise.all([...this.inFlight]);
    }
  }

  /** Stops listening and sending; deliveries under way finish their current attempt. */
  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribe?.();
    if (this.scheduled !== undefined) clearTimeout(this.scheduled);
    this.queue = [];
    await Promise.all([...this.inFlight]);
  }

  private onChange(change: PropertyChange): void {
    if (this.closed || change.objectType !== "contacts" || change.source === "seed") return;
    const subscriptionId = this.subscriptionIds.get(change.property);
    if (subscriptionId === undefined) return;
    this.queue.push({
      eventId: this.nextEventId++,
      subscriptionId,
      portalId: this.options.portalId ?? 62515,
      appId: this.options.appId ?? 54321,
      occurredAt: change.at,
      subscriptionType: "contact.propertyChange",
      attemptNumber: 0,
      objectId: Number(change.objectId),
      propertyName: change.property,
      propertyValue: this.wireValue(change.property, change.value),
      changeSource: changeSourceOf(change.source),
    });
    this.scheduled ??= setTimeout(() => {
      this.scheduled = undefined;
      this.sendQueued();
    }, this.options.batchDelayMs ?? 0);
  }

  /** HubSpot sends datetime values as epoch milliseconds; a cleared value as "". */
  private wireValue(property: string, value: string | null): string {
    if (value === null || value === "") return "";
    const definition = this.portal.properties.contacts.get(property);
    if (definition?.type === "datetime" || definition?.type === "date") {
      const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
      return Number.isFinite(ms) ? String(ms) : value;
    }
    return value;
  }

  private sendQueued(): void {
    const events = this.queue;
    this.queue = [];
    const duplicates = events.filter(() => this.random.chance(this.options.duplicateRate ?? 0));
    const size = this.options.batchSize ?? MAX_EVENTS_PER_DELIVERY;
    const batches: Batch[] = [];
    for (let i = 0; i < events.length; i += size) batches.push({ events: events.slice(i, i + size), attempt: 0 });
    // A duplicate goes out again in a request of its own after the originals (at-least-once).
    for (let i = 0; i < duplicates.length; i += size) {
      batches.push({ events: duplicates.slice(i, i + size), attempt: 0 });
    }
    if (this.options.reorder) {
      this.shuffle(batches);
      for (const batch of batches) this.shuffle(batch.events);
    }
    for (const batch of batches) this.track(this.deliver(batch));
  }

  private shuffle<T>(items: T[]): void {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.random.int(0, i);
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private async deliver(batch: Batch): Promise<void> {
    const maxAttempts = this.options.maxAttempts ?? 10;
    for (let attempt = batch.attempt; attempt < maxAttempts; attempt++) {
      if (this.closed) return;
      if (attempt > 0) {
        const wait = (this.options.retryDelayMs ?? 100) * 2 ** (attempt - 1);
        await new Promise((resolve) => setTimeout(resolve, wait));
        if (this.closed) return;
      }
      const events = batch.events.map((event) => ({ ...event, attemptNumber: attempt }));
      const body = JSON.stringify(events);
      const at = this.portal.now();
      let status: number | null = null;
      try {
        const response = await fetch(this.options.targetUrl, {
          method: "POST",
          headers: signedHeaders(this.options.secret, this.options.targetUrl, body, at),
          body,
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000),
        });
        status = response.status;
        await response.arrayBuffer().catch(() => undefined);
      } catch {
        status = null;
      }
      this.attempts.push({ eventIds: events.map((e) => e.eventId), attemptNumber: attempt, status, at });
      if (status !== null && status >= 200 && status < 300) return;
      // HubSpot does not retry a 4xx answer: the receiver refused the delivery.
      if (status !== null && status < 500) break;
    }
    this.dropped.push(...batch.events);
  }
}
