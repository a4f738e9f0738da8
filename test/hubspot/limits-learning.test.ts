import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { adapterFor, emulator, TEST_REPS } from "./emulator-fixture";

let running: RunningEmulator;
beforeAll(async () => {
  // A portal with a lower limit than the adapter's default 190 (a Starter portal has 100).
  running = await emulator({ rateLimits: { tenSecondly: 60 }, seed: { reps: TEST_REPS, contacts: 10 } });
});
afterAll(() => running.close());

describe("rate limits learned from HubSpot's headers", () => {
  it("keeps a default adapter under a portal's lower limit from its first burst on", async () => {
    const hubspot = adapterFor(running);
    const results = await Promise.all(Array.from({ length: 100 }, () => hubspot.listProperties("contacts")));
    expect(results.every((properties) => properties.length > 0)).toBe(true);
    expect(running.requests.limited()).toEqual([]);
    expect(running.requests.peak(10_000)).toBeLessThanOrEqual(60);
  });
});
