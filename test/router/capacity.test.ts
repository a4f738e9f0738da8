/**
 * Capacity in the router: the counts come from its decision log, so a pool capped for the day
 * overflows exactly as the engine decides for a fixture stating the same counts.
 */
import { describe, expect, it } from "vitest";
import { MANAGED_PROPERTIES as M } from "../../src/deploy/managed-names";

import { bench, createLead, memoryDatabase, benchRouter, californiaDemoRequest } from "./support";

// Wed 2026-06-17 17:00Z is 10:00 in Los Angeles; inbound-ae-na-west takes 12 leads per us-west business day.
const T0 = Date.parse("2026-06-17T17:00:00Z");

describe("routeops router: capacity from the decision log", () => {
  it("sends the 13th NA-west demo request of the day to the rule's overflow queue", async () => {
    const b = await bench({ start: "2026-06-17T17:00:00Z" });
    const db = await memoryDatabase();
    const ids = Array.from({ length: 13 }, (_, i) =>
      createLead(b, californiaDemoRequest(`lead${i}@lead.test`, T0 + i * 60_000)),
    );
    b.clock.set(T0 + 20 * 60_000);
    const router = await benchRouter(b, db);
    await router.poll();
    const report = await router.drain();
    expect(report.decided).toBe(13);
    const owners = ids.map((id) => b.ownerOf(id));
    const pooled = owners.slice(0, 12);
    expect(pooled.filter((o) => o === "ben.ortiz@acme.test")).toHaveLength(6);
    expect(pooled.filter((o) => o === "chloe.nguyen@acme.test")).toHaveLength(6);
    const last = b.emulator.portal.contacts.get(ids[12]!)!.properties;
    expect(owners[12]).toBe("mia.lopez@acme.test");
    expect(last[M.rule]).toBe("inbound-high-intent");
    expect(last[M.queue]).toBe("routing-desk");
    const why = await router.why("lead12@lead.test");
    const trace = (why[0]!.decision as { trace: { stage: string; reason: string }[] }).trace;
    expect(trace.find((s) => s.stage === "pool")?.reason).toMatch(
      /12 of 12 leads this business day for the whole pool/,
    );
    await router.close();
  });
});
