import { describe, expect, it } from "vitest";
import { RateLimiter, type LimitKind } from "../../src/hubspot/rate-limiter";
import { VirtualClock } from "./virtual-clock";

/** A limiter that has already seen a first response (so it is past calibration). */
function limiter(clock: VirtualClock, windowMax = 10, windowMs = 1_000, searchPerSecond = 3) {
  const subject = uncalibrated(clock, windowMax, windowMs, searchPerSecond);
  subject.observe("general", {});
  return subject;
}

function uncalibrated(clock: VirtualClock, windowMax = 10, windowMs = 1_000, searchPerSecond = 3) {
  return new RateLimiter({ windowMax, windowMs, searchPerSecond, marginMs: 0, now: clock.now, sleep: clock.sleep });
}

/** Most requests sent within any span of `windowMs` (a server counting arrivals would see no more). */
function peak(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] as number) - (sorted[start] as number) >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

/** `count` concurrent calls of `kind`, each in flight for `latency` ms; returns their send times. */
async function burst(
  clock: VirtualClock,
  subject: RateLimiter,
  count: number,
  latency: number,
  kind: LimitKind = "general",
) {
  const sent: number[] = [];
  const call = async () => {
    const permit = await subject.acquire(kind);
    sent.push(clock.now());
    await clock.sleep(latency);
    permit.release();
  };
  await clock.run(Promise.all(Array.from({ length: count }, call)));
  return sent;
}

describe("rate limiter", () => {
  it("keeps concurrent calls within the window's maximum", async () => {
    const clock = new VirtualClock();
    const sent = await burst(clock, limiter(clock), 95, 30);
    expect(sent).toHaveLength(95);
    expect(peak(sent, 1_000)).toBeLessThanOrEqual(10);
  });

  it("sends the first window's worth at once and the rest as slots expire", async () => {
    const clock = new VirtualClock();
    const sent = await burst(clock, limiter(clock), 25, 10);
    expect(sent.slice(0, 10).every((at) => at === 0)).toBe(true);
    // A slot frees one interval after its response (10 ms), so the 11th call goes at 1,010 ms.
    expect(sent[10]).toBe(1_010);
    expect(Math.max(...sent)).toBe(2_020);
  });

  it("keeps search calls within the per-second limit and the window", async () => {
    const clock = new VirtualClock();
    const sent = await burst(clock, limiter(clock, 100, 10_000, 3), 20, 5, "search");
    expect(peak(sent, 1_000)).toBeLessThanOrEqual(3);
  });

  it("counts search calls against the general window too", async () => {
    const clock = new VirtualClock();
    const subject = limiter(clock, 4, 10_000, 100);
    const sent = await burst(clock, subject, 8, 1, "search");
    expect(peak(sent, 10_000)).toBeLessThanOrEqual(4);
  });

  it("sends one request at a time until a first response has told it the portal's limits", async () => {
    const clock = new VirtualClock();
    const subject = uncalibrated(clock, 10, 1_000);
    const sent: number[] = [];
    const call = async (index: number) => {
      const permit = await subject.acquire("general");
      sent.push(clock.now());
      await clock.sleep(10);
      if (index === 0) subject.observe("general", { max: 4, intervalMs: 1_000, remaining: 3 });
      permit.release();
    };
    await clock.run(Promise.all(Array.from({ length: 9 }, (_, index) => call(index))));
    expect(sent.slice(0, 2)).toEqual([0, 10]);
    expect(peak(sent, 1_000)).toBeLessThanOrEqual(4);
  });

  it("lets general calls pass a search that waits for its per-second slot", async () => {
    const clock = new VirtualClock();
    const subject = limiter(clock, 100, 10_000, 1);
    const order: string[] = [];
    const call = async (kind: LimitKind, name: string) => {
      const permit = await subject.acquire(kind);
      order.push(`${name}@${clock.now()}`);
      permit.release();
    };
    await clock.run(
      Promise.all([call("search", "s1"), call("search", "s2"), call("general", "g1"), call("general", "g2")]),
    );
    expect(order).toEqual(["s1@0", "g1@0", "g2@0", "s2@1000"]);
  });

  it("keeps a rolling-window slot for a search waiting for its per-second slot", async () => {
    const clock = new VirtualClock();
    const subject = limiter(clock, 3, 10_000, 1);
    const order: string[] = [];
    const call = async (kind: LimitKind, name: string) => {
      const permit = await subject.acquire(kind);
      order.push(`${name}@${clock.now()}`);
      permit.release();
    };
    const calls = [call("search", "s1"), call("search", "s2"), call("general", "g1"), call("general", "g2")];
    await clock.run(Promise.all(calls));
    // s2 waits a second for the search limit but keeps its slot: g2 waits for the window instead.
    expect(order).toEqual(["s1@0", "g1@0", "s2@1000", "g2@10000"]);
  });

  it("learns the window's length and a lower maximum from HubSpot's headers", async () => {
    const clock = new VirtualClock();
    const subject = limiter(clock, 10, 60_000);
    subject.observe("general", { max: 5, intervalMs: 1_000 });
    const sent = await burst(clock, subject, 20, 1);
    expect(peak(sent, 1_000)).toBeLessThanOrEqual(5);
    expect(Math.max(...sent)).toBeLessThan(5_000);
  });

  it("never raises its maximum above the configured one, whatever the headers say", async () => {
    const clock = new VirtualClock();
    const subject = limiter(clock, 3, 1_000);
    subject.observe("general", { max: 250, intervalMs: 1_000 });
    const sent = await burst(clock, subject, 9, 1);
    expect(peak(sent, 1_000)).toBeLessThanOrEqual(3);
  });

  it("holds back when HubSpot reports an exhausted window that our own count does not explain", async () => {
    const clock = new VirtualClock();
    const subject = limiter(clock, 10, 1_000);
    subject.observe("general", { remaining: 0, intervalMs: 1_000 });
    const sent = await burst(clock, subject, 1, 1);
    expect(sent[0]).toBe(1_000);
  });

  it("holds every call back during a pause after a 429", async () => {
    const clock = new VirtualClock();
    const subject = limiter(clock);
    subject.pause("general", 700);
    const sent = await burst(clock, subject, 3, 1);
    expect(Math.min(...sent)).toBe(700);
  });
});
