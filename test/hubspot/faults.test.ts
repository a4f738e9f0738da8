import { afterEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { adapterFor, collect, emulator, sortedIds } from "./emulator-fixture";

const BASE = Date.parse("2026-03-02T08:00:00Z");
/** One answer in five fails: a 5xx, a 429 or a dropped connection, from a seeded PRNG. */
const FAULTS = { seed: 20261127, rate: 0.2, kinds: ["5xx", "429", "drop"] as ("5xx" | "429" | "drop")[] };
/** Short backoff (the policy is tested on a virtual clock); enough attempts that 20% faults never exhaust them. */
const RETRY = { attempts: 10, baseDelayMs: 10, maxDelayMs: 200 };

let running: RunningEmulator | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function faultyPortal(rateLimits: { tenSecondly?: number; searchPerSecond?: number }) {
  const target = await emulator({ faults: FAULTS, rateLimits });
  const ids = Array.from(
    { length: 10_000 },
    // Two contacts per second: windows restart on shared createdates too.
    (_, index) =>
      target.portal.contacts.create({ createdate: String(BASE + Math.floor(index / 2) * 1_000) }, BASE, "emulator").id,
  );
  return { target, ids };
}

describe("reading through faults", () => {
  it("lists 10,000 contacts with 20% of answers failing: every contact exactly once", async () => {
    const { target, ids } = await faultyPortal({});
    running = target;
    const hubspot = adapterFor(target, { retry: RETRY });
    const read = await hubspot.readContacts();
    const contacts = await collect(read.contacts);
    expect(read.path).toBe("list");
    expect(sortedIds(contacts)).toEqual(sortedIds(ids.map((id) => ({ id }))));
    const faulted = target.requests.entries.filter((entry) => entry.fault !== undefined);
    expect(new Set(faulted.map((entry) => entry.fault))).toEqual(new Set(["5xx", "429", "drop"]));
    expect(hubspot.requests.retries()).toBe(faulted.length);
  });

  it("searches 10,000 contacts with 20% of answers failing: every contact exactly once", async () => {
    const { target, ids } = await faultyPortal({ searchPerSecond: 50 });
    running = target;
    const hubspot = adapterFor(target, { retry: RETRY, limits: { searchPerSecond: 50 } });
    const contacts = await collect(hubspot.searchContacts({ properties: ["email"] }));
    expect(sortedIds(contacts)).toEqual(sortedIds(ids.map((id) => ({ id }))));
    const faulted = target.requests.entries.filter((entry) => entry.fault !== undefined);
    expect(faulted.length).toBeGreaterThan(5);
    expect(target.requests.limited()).toEqual([]);
  });
});
