/**
 * The retry policy against an emulator that is unlucky on purpose (docs/emulator.md, "Faults"):
 * Retry-After in seconds and as an HTTP date, HubSpot's daily 429, and a write that landed but
 * was answered 502. Waits are recorded, not slept, on the adapter's own instant clock (its rate
 * limiter and retries agree on the time): they cost no real time.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { FaultOptions, RunningEmulator } from "../../src/emulator";
import { HubSpotError, type HubSpotWait } from "../../src/hubspot";
import { createDeployPort } from "../../src/hubspot/deploy-port";
import { instantTime } from "../support/instant-time";
import { adapterFor, emulator, TEST_REPS } from "./emulator-fixture";

let running: RunningEmulator | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function unlucky(faults: Omit<FaultOptions, "seed" | "rate"> & { rate?: number }) {
  running = await emulator({ faults: { seed: 1, rate: 1, ...faults }, seed: { reps: TEST_REPS, contacts: 0 } });
  const time = instantTime();
  const waits: HubSpotWait[] = [];
  const hubspot = adapterFor(running, { now: time.now, sleep: time.sleep, onWait: (wait) => waits.push(wait) });
  return { target: running, hubspot, slept: time.slept, waits };
}

const OWNERS = "GET /crm/v3/owners";

describe("Retry-After", () => {
  it("in seconds: waits exactly that long, says so, then succeeds", async () => {
    const { hubspot, slept, waits } = await unlucky({
      kinds: ["429"],
      endpoints: [OWNERS],
      limit: 1,
      retryAfterSeconds: 7,
    });
    expect((await hubspot.listOwners()).length).toBe(TEST_REPS.length);
    expect(slept).toContain(7_000);
    expect(waits).toMatchObject([{ status: 429, waitMs: 7_000, reason: "retry-after", nextAttempt: 2 }]);
  });

  it("as an HTTP date: waits until that date, then succeeds", async () => {
    const { hubspot, slept, waits } = await unlucky({
      kinds: ["5xx"],
      endpoints: [OWNERS],
      limit: 1,
      retryAfterSeconds: 9,
      retryAfterAsDate: true,
    });
    // Seed 1 draws a 503, the 5xx that carries Retry-After.
    expect((await hubspot.listOwners()).length).toBe(TEST_REPS.length);
    expect(slept).toContain(9_000);
    expect(waits).toMatchObject([{ status: 503, waitMs: 9_000, reason: "retry-after" }]);
  });

  it("of an hour (3600 s): fails at once with a clear error instead of a silent hour", async () => {
    const { target, hubspot, slept } = await unlucky({ kinds: ["429"], endpoints: [OWNERS], retryAfterSeconds: 3600 });
    const error = await hubspot.listOwners().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubSpotError);
    expect((error as HubSpotError).code).toBe("retry_after_too_long");
    expect((error as HubSpotError).message).toContain("retry after 3,600 s (Retry-After)");
    expect(slept.filter((ms) => ms >= 1_000)).toEqual([]);
    expect(target.requests.entries.filter((entry) => entry.endpoint === OWNERS)).toHaveLength(1);
  });
});

describe("an answer that does not come", () => {
  it("each attempt is given up after the request timeout, and the call fails as a timeout", async () => {
    // The emulator holds every owners answer for 20 s; the adapter gives each attempt 0.3 s.
    running = await emulator({
      faults: { seed: 1, rate: 1, kinds: ["slow"], endpoints: [OWNERS], slowMs: 20_000 },
      seed: { reps: TEST_REPS, contacts: 0 },
    });
    const time = instantTime();
    const hubspot = adapterFor(running, {
      requestTimeoutMs: 300,
      retry: { attempts: 2 },
      now: time.now,
      sleep: time.sleep,
    });
    // Without the timeout the call would succeed once the answer comes, 20 s later.
    const error = await hubspot.listOwners().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubSpotError);
    expect((error as HubSpotError).code).toBe("network_error");
    expect((error as HubSpotError).message).toMatch(/no answer within \d+ s \(timeout\)/);
  });
});

describe("HubSpot's daily limit", () => {
  it("is not retried: one request, and the error says daily", async () => {
    const { target, hubspot, slept } = await unlucky({ kinds: ["429-daily"], endpoints: [OWNERS] });
    const error = await hubspot.listOwners().catch((e: unknown) => e);
    expect((error as HubSpotError).code).toBe("rate_limited");
    expect((error as HubSpotError).message).toContain("daily limit");
    expect(slept).toEqual([]);
    expect(target.requests.entries.filter((entry) => entry.endpoint === OWNERS)).toHaveLength(1);
  });
});

describe("a write that landed but was answered 502", () => {
  it("a workflow replace is recognised as our own write, not reported as a conflict", async () => {
    const { target, hubspot } = await unlucky({
      kinds: ["applied"],
      endpoints: ["PUT /automation/v4/flows/{flowId}"],
      limit: 1,
    });
    const port = createDeployPort(hubspot);
    const body = {
      type: "CONTACT_FLOW",
      objectTypeId: "0-1",
      flowType: "WORKFLOW",
      name: "RouteOps: test",
      description: "first",
      isEnabled: false,
      actions: [],
      blockedDates: [],
      canEnrollFromSalesforce: false,
      customProperties: {},
      dataSources: [],
      suppressionListIds: [],
      timeWindows: [],
    };
    const created = await port.createFlow(body as never);
    const replaced = await port.replaceFlow(
      created.id,
      { ...body, description: "second" } as never,
      created.revisionId,
    );
    expect(replaced.id).toBe(created.id);
    const puts = target.requests.entries.filter((entry) => entry.method === "PUT");
    expect(puts.map((entry) => entry.status)).toEqual([502, 409]);
    const [live] = await hubspot.getFlows([created.id]);
    expect(live?.description).toBe("second");
    expect(replaced.revisionId).toBe(live?.revisionId);
  });

  it("a replace that conflicts with someone else's different change is still a conflict", async () => {
    const { hubspot } = await unlucky({
      kinds: ["applied"],
      endpoints: ["PUT /automation/v4/flows/{flowId}"],
      limit: 1,
    });
    const port = createDeployPort(hubspot);
    const body = {
      type: "CONTACT_FLOW",
      objectTypeId: "0-1",
      flowType: "WORKFLOW",
      name: "RouteOps: test",
      description: "first",
      isEnabled: false,
      actions: [],
      blockedDates: [],
      canEnrollFromSalesforce: false,
      customProperties: {},
      dataSources: [],
      suppressionListIds: [],
      timeWindows: [],
    };
    const created = await port.createFlow(body as never);
    // Someone edits the flow; our replace from the old revision must not overwrite it.
    await hubspot
      .replaceFlow(created.id, { ...body, description: "theirs" } as never, created.revisionId)
      .catch(() => undefined);
    const error = await port
      .replaceFlow(created.id, { ...body, description: "ours" } as never, created.revisionId)
      .catch((e: unknown) => e);
    expect((error as HubSpotError).code).toBe("flow_revision_conflict");
  });
});
