/**
 * Client-side limiter that keeps one adapter under HubSpot's rolling window (for example 190
 * requests per 10 s) and the search limit (5 per second), so that a well-behaved run sees few
 * or no 429s.
 *
 * Sliding windows, with a safety margin that does not depend on network latency: a request
 * holds its slot while in flight and for `interval + margin` after its response arrived. HubSpot
 * counts a request when it arrives, which is somewhere between our send and our receipt, so a
 * slot freed that way can never overlap the server's window, whatever the latency.
 */
import type { ReportedRateLimit } from "./rate-limit-headers";

/** Which limits a call counts against. Search calls count against both. */
export type LimitKind = "general" | "search";

/** Granted by `acquire`; `release` must be called once the response (or failure) is in. */
export interface LimiterPermit {
  release(): void;
}

export interface RateLimiterOptions {
  /** Requests per rolling window (HubSpot: 190 per 10 s for Professional/Enterprise). */
  windowMax: number;
  windowMs: number;
  /** Search requests per second (HubSpot: 5). */
  searchPerSecond: number;
  /** Extra time a slot stays taken after its interval, for clock granularity. */
  marginMs: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

class SlidingWindow {
  private inFlight = 0;
  /** Times at which finished requests were released, ascending. */
  private released: number[] = [];
  private pausedUntil = 0;

  constructor(
    public max: number,
    public intervalMs: number,
    private readonly marginMs: number,
  ) {}

  used(now: number): number {
    const horizon = now - this.intervalMs - this.marginMs;
    let drop = 0;
    while (drop < this.released.length && (this.released[drop] as number) <= horizon) drop++;
    if (drop > 0) this.released.splice(0, drop);
    return this.inFlight + this.released.length;
  }

  /**
   * `now` when a request may go (with `reserved` slots kept for requests ahead of it), a later
   * time to wait for, or `"release"` when only in-flight requests hold the window.
   */
  freeAt(now: number, reserved = 0): number | "release" {
    const used = this.used(now) + reserved;
    const earliest = Math.max(now, this.pausedUntil);
    if (used < this.max) return earliest;
    const overflow = used - this.max;
    const expiring = this.released[overflow];
    if (expiring === undefined) return "release";
    return Math.max(earliest, expiring + this.intervalMs + this.marginMs);
  }

  get busy(): boolean {
    return this.inFlight > 0;
  }

  take(): void {
    this.inFlight++;
  }

  give(at: number): void {
    this.inFlight--;
    this.released.push(at);
  }

  pause(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }
}

interface Waiter {
  kind: LimitKind;
  admit: (permit: LimiterPermit) => void;
}

/**
 * Sliding-window limiter shared by every call of one adapter. Requests are admitted in arrival
 * order; a search that waits for its per-second slot lets the general calls behind it go first
 * (they do not need that slot) but keeps its place in the rolling window.
 */
export class RateLimiter {
  private readonly general: SlidingWindow;
  private readonly search: SlidingWindow;
  private readonly configuredMax: number;
  /**
   * Until a first response has told us the portal's real limits (a Starter portal allows 100,
   * not 190), only one request is in flight: a first burst cannot overshoot a lower limit.
   */
  private calibrated = false;
  private readonly waiting: Waiter[] = [];
  /** When the pending wake-up timer fires (`Infinity`: none pending). */
  private wakeAt = Number.POSITIVE_INFINITY;

  constructor(private readonly options: RateLimiterOptions) {
    this.configuredMax = options.windowMax;
    this.general = new SlidingWindow(options.windowMax, options.windowMs, options.marginMs);
    this.search = new SlidingWindow(options.searchPerSecond, 1_000, options.marginMs);
  }

  acquire(kind: LimitKind): Promise<LimiterPermit> {
    return new Promise((admit) => {
      this.waiting.push({ kind, admit });
      this.pump();
    });
  }

  /**
   * Learns from a response's headers: the portal's real window (a Starter portal has 100 per
   * 10 s; a test emulator may use a shorter interval), and pauses when HubSpot says the window
   * is exhausted although our own count says otherwise (another client uses the same portal).
   */
  observe(kind: LimitKind, reported: ReportedRateLimit): void {
    const now = this.options.now();
    this.calibrated = true;
    if (reported.max !== undefined && reported.max > 0) this.general.max = Math.min(this.configuredMax, reported.max);
    if (reported.intervalMs !== undefined && reported.intervalMs > 0) this.general.intervalMs = reported.intervalMs;
    if (reported.remaining === 0 && this.general.used(now) < this.general.max) {
      this.general.pause(now + this.general.intervalMs);
    }
    if (kind === "search" && reported.secondlyRemaining === 0 && this.search.used(now) < this.search.max) {
      this.search.pause(now + 1_000);
    }
    this.pump();
  }

  /** Holds every call of this kind back for `ms` (after a 429). */
  pause(kind: LimitKind, ms: number): void {
    const until = this.options.now() + ms;
    this.general.pause(until);
    if (kind === "search") this.search.pause(until);
    this.pump();
  }

  /** Admits every waiter that may go now, and arranges to be called again when the next may. */
  private pump(): void {
    const now = this.options.now();
    let next = Number.POSITIVE_INFINITY;
    /** Searches ahead in line that wait for their per-second slot keep a rolling-window slot each. */
    let reserved = 0;
    for (let index = 0; index < this.waiting.length;) {
      if (!this.calibrated && this.general.busy) return;
      const general = this.general.freeAt(now, reserved);
      if (general !== now) {
        // Nobody may overtake the head of the line for the rolling window.
        if (general !== "release") next = Math.min(next, general);
        break;
      }
      const waiter = this.waiting[index] as Waiter;
      if (waiter.kind === "search") {
        const search = this.search.freeAt(now);
        if (search !== now) {
          if (search !== "release") next = Math.min(next, search);
          reserved++;
          index++;
          continue;
        }
      }
      this.waiting.splice(index, 1);
      waiter.admit(this.take(waiter.kind));
    }
    if (this.waiting.length > 0 && next < this.wakeAt) this.wakeUpAt(next, now);
  }

  private wakeUpAt(at: number, now: number): void {
    this.wakeAt = at;
    void this.options.sleep(at - now).then(() => {
      if (this.wakeAt === at) this.wakeAt = Number.POSITIVE_INFINITY;
      this.pump();
    });
  }

  private take(kind: LimitKind): LimiterPermit {
    const windows = kind === "search" ? [this.general, this.search] : [this.general];
    for (const window of windows) window.take();
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        const at = this.options.now();
        for (const window of windows) window.give(at);
        this.pump();
      },
    };
  }
}
