import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { SharedClock } from "../support/shared-clock";
import { adapterFor, emulator, SEED_NOW, TEST_REPS } from "./emulator-fixture";

// Emulator and adapter share one virtual clock: the 10 s windows pass in no real time.
const clock = new SharedClock(SEED_NOW);
let running: RunningEmulator;
beforeAll(async () => {
  // A portal with a lower limit than the adapter's default 190 (a Starter portal has 100).
  running = await emulator({
    clock: clock.now,
    rateLimits: { tenSecondly: 60 },
    seed: { reps: TEST_REPS, contacts: 10 },
  });
});
afterAll(() => running.close());

describe("rate limits learned from HubSpot's headers", () => {
  it("keeps a default adapter under a portal's lower limit from its first burst on", async () => {
    const hubspot = adapterFor(running, { now: clock.now, sleep: clock.sleep });
    const results = await clock.run(() =>
      Promise.all(Array.from({ length: 100 }, () => hubspot.listProperties("contacts"))),
    );
    expect(results.every((properties) => properties.length > 0)).toBe(true);
    expect(running.requests.limited()).toEqual([]);
    expect(running.requests.peak(10_000)).toBeLessThanOrEqual(60);
  });
});
