import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import type { RequestLogEntry } from "../../src/emulator";
import { SharedClock } from "../support/shared-clock";
import { adapterFor, emulator, SEED_NOW, TEST_REPS } from "./emulator-fixture";

/**
 * The emulator's window is HubSpot's 10 s; a larger maximum (500) keeps the test short while the
 * burst still needs a second window. Search stays at HubSpot's 5 per second.
 */
const LIMITS = { tenSecondly: 500, searchPerSecond: 5 };
const isSearch = (entry: RequestLogEntry) => entry.endpoint.endsWith("/search");

// Emulator and adapter share one virtual clock: the second window comes in no real time.
const clock = new SharedClock(SEED_NOW);
let running: RunningEmulator;
beforeAll(async () => {
  running = await emulator({ clock: clock.now, rateLimits: LIMITS, seed: { reps: TEST_REPS, contacts: 200 } });
});
afterAll(() => running.close());

describe("client-side rate limiting", () => {
  it("a burst of 1,000 reads (20 of them searches) completes without an error and without one 429", async () => {
    const hubspot = adapterFor(running, {
      limits: { tenSecondly: LIMITS.tenSecondly },
      now: clock.now,
      sleep: clock.sleep,
    });
    const ids = [...running.portal.contacts.all()].map((contact) => contact.id);
    const [readResults, counts] = await clock.run(() => {
      const searches = Array.from({ length: 20 }, () => hubspot.countContacts());
      const reads = Array.from({ length: 980 }, (_, index) =>
        hubspot.batchReadContacts([ids[index % ids.length] as string], ["email"]),
      );
      return Promise.all([Promise.all(reads), Promise.all(searches)]);
    });

    expect(readResults.every((records) => records.length === 1)).toBe(true);
    expect(counts.every((count) => count === 200)).toBe(true);
    expect(running.requests.limited()).toEqual([]);
    expect(running.requests.count()).toBe(1_000);
    expect(hubspot.requests.count()).toBe(1_000);
    expect(running.requests.peak(10_000)).toBeLessThanOrEqual(LIMITS.tenSecondly);
    expect(running.requests.peak(1_000, isSearch)).toBeLessThanOrEqual(LIMITS.searchPerSecond);
  });
});
