/**
 * An escalation's reassignment in the router takes the next member of the pool's rotation ledger
 * (and advances it), as the engine does routing the leads in order from one rotation state; the
 * reassigned lead then counts against its new owner's capacity, on the day it was reassigned.
 */
import { describe, expect, it } from "vitest";
import type { RoutingConfig } from "../../src/config/types";
import { compileRouting, createRotationState, reassign, route } from "../../src/engine";
import type { RouteInput } from "../../src/engine/types";
import { escalationLog, startRouter } from "../../src/router";
import { readLoad } from "../../src/router/store";
import { bench, createLead, memoryDatabase, type Bench, benchRouter, californiaDemoRequest } from "./support";

const MINUTE = 60_000;
// Fri 2026-06-19 23:30Z is 16:30 in Los Angeles: NA-west demo requests (inbound-high, due Mon 09:30 PDT).
const FRIDAY = Date.parse("2026-06-19T23:30:00Z");
// Mon 10:45 PDT: the reassignment step (60 business minutes after the breach) fell due at 10:30 PDT.
const MONDAY = Date.parse("2026-06-22T17:45:00Z");
const REASSIGN_DUE = Date.parse("2026-06-22T17:30:00Z");
const POOL = "inbound-ae-na-west";
const AVA = "ava.reed@acme.test";

/** The reference config with a third member in the NA-west pool, who takes one pool lead a day. */
function threeMemberConfig(b: Bench): RoutingConfig {
  const config = structuredClone(b.config);
  const pool = config.pools.find((p) => p.id === POOL)!;
  pool.members = [...pool.members, { rep: AVA, weight: 1 }];
  const ava = config.reps.find((r) => r.email === AVA)!;
  ava.capacity = { perDay: 1 };
  return config;
}

const lead = californiaDemoRequest;

describe("routeops router: an escalation's reassignment uses the pool's rotation ledger", () => {
  it("reassigns to the next member of the ledger, advances it, and counts the lead against the new owner", async () => {
    const b = await bench({ start: "2026-06-19T23:30:00Z" });
    const db = await memoryDatabase();
    const config = threeMemberConfig(b);
    const compiled = compileRouting(config);
    const first = createLead(b, lead("first@lead.test", FRIDAY));
    const second = createLead(b, lead("second@lead.test", FRIDAY + MINUTE));
    b.clock.set(FRIDAY + 2 * MINUTE);
    const router = await benchRouter(b, db, {
      config,
    });
    await router.poll();
    await router.drain();
    const ownerOf = (id: string) => b.ownerOf(id);
    expect([ownerOf(first), ownerOf(second)]).toEqual(["ben.ortiz@acme.test", "chloe.nguyen@acme.test"]);

    // The second lead is touched before its due time (SLA met); the first one nobody touches.
    const touched = b.emulator.portal.contacts.get(second)!;
    b.emulator.portal.contacts.update(
      touched,
      { hs_sa_first_engagement_date: "2026-06-22T16:00:00.000Z" },
      Date.parse("2026-06-22T16:00:00Z"),
      "event",
    );
    b.clock.set(MONDAY);
    await router.cycle();

    // The engine, routing the same leads in order from one rotation state.
    const inputs = await Promise.all(
      ["first@lead.test", "second@lead.test"].map(async (email) => (await router.why(email))[0]!.input as RouteInput),
    );
    const rotation = createRotationState();
    for (const input of inputs) route(compiled, input, { rotation, trace: false });
    const fromLedger = reassign(compiled, inputs[0]!, REASSIGN_DUE, rotation, ["ben.ortiz@acme.test"], undefined);
    const fromFresh = reassign(
      compiled,
      inputs[0]!,
      REASSIGN_DUE,
      createRotationState(),
      ["ben.ortiz@acme.test"],
      undefined,
    );
    expect(fromLedger.rotationPick).toBe(AVA);
    expect(fromFresh.rotationPick).toBe("chloe.nguyen@acme.test"); // what a fresh rotation would pick

    const log = await escalationLog(db, { contactId: first, requestedAt: FRIDAY });
    expect(log.map((s) => [s.action, s.target])).toEqual([
      ["notify_rep", "ben.ortiz@acme.test"],
      ["notify_manager", "mia.lopez@acme.test"],
      ["reassign", AVA],
    ]);
    expect(ownerOf(first)).toBe(AVA);
    expect(await escalationLog(db, { contactId: second, requestedAt: FRIDAY + MINUTE })).toEqual([]);

    // The ledger advanced with the reassignment: it is the engine's rotation after it.
    const ledger = await db.query<{ member: string; counter: unknown }>(
      "SELECT member, counter FROM rotation_ledger WHERE pool = $1 ORDER BY member",
      [POOL],
    );
    expect(Object.fromEntries(ledger.rows.map((r) => [r.member, Number(r.counter)]))).toEqual(rotation.pools[POOL]);

    // Capacity: the lead counts for Ava, on Monday, in the pool; no longer for Ben on Friday.
    const load = await readLoad(db, FRIDAY - 86_400_000, MONDAY);
    expect(load.assigned).toEqual(
      expect.arrayContaining([
        { rep: AVA, pool: POOL, at: REASSIGN_DUE },
        { rep: "chloe.nguyen@acme.test", pool: POOL, at: FRIDAY + MINUTE },
      ]),
    );
    expect(load.assigned!.filter((a) => a.rep === "ben.ortiz@acme.test")).toEqual([]);

    // So Ava, at one pool lead a day, is capped for a lead later that Monday, as the engine decides.
    const third = createLead(b, lead("third@lead.test", MONDAY + 15 * MINUTE));
    b.clock.set(MONDAY + 16 * MINUTE);
    await router.poll();
    await router.drain();
    const decided = (await router.why("third@lead.test"))[0]!;
    const expected = route(
      compiled,
      { ...(decided.input as RouteInput), load: { assigned: load.assigned! } },
      { rotation, trace: false },
    );
    expect(expected.skipped).toEqual([
      expect.objectContaining({ rep: AVA, reason: "capacity", detail: expect.stringMatching(/1 of 1 leads/) }),
    ]);
    expect((decided.decision as { skipped?: unknown }).skipped).toEqual(expected.skipped);
    expect(ownerOf(third)).toBe(expected.owner ?? expected.rotationPick);
    await router.close();
  });
});

describe("routeops router: a reassigned owner HubSpot does not take yet", () => {
  it("keeps the committed reassignment (ledger advanced once) and writes the owner on a later cycle", async () => {
    const b = await bench({ start: "2026-06-19T23:30:00Z" });
    const db = await memoryDatabase();
    const config = threeMemberConfig(b);
    const id = createLead(b, lead("solo@lead.test", FRIDAY));
    b.clock.set(FRIDAY + MINUTE);
    let refuse = false;
    const hubspot = new Proxy(b.hubspot, {
      get(target, key) {
        const value = Reflect.get(target, key) as unknown;
        if (key === "updateContacts" && refuse) return async () => Promise.reject(new Error("HubSpot is down"));
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const router = await startRouter({ config, hubspot, database: db, http: false, loop: false, now: b.clock.now });
    await router.poll();
    await router.drain();
    const ownerOf = () => b.ownerOf(id);
    expect(ownerOf()).toBe("ben.ortiz@acme.test");
    const ledger = async () =>
      (
        await db.query<{ member: string; counter: unknown }>(
          "SELECT member, counter FROM rotation_ledger ORDER BY member",
        )
      ).rows.map((r) => [r.member, Number(r.counter)]);

    refuse = true;
    b.clock.set(MONDAY);
    await router.cycle();
    const log = await escalationLog(db, { contactId: id, requestedAt: FRIDAY });
    expect(log.map((s) => s.action)).toEqual(["notify_rep", "notify_manager", "reassign"]);
    const reassignedTo = log[2]!.target!;
    expect(reassignedTo).not.toBe("ben.ortiz@acme.test");
    expect(ownerOf()).toBe("ben.ortiz@acme.test"); // not written yet
    const advanced = await ledger();

    refuse = false;
    b.clock.advance(MINUTE);
    await router.cycle();
    expect(ownerOf()).toBe(reassignedTo);
    expect(await escalationLog(db, { contactId: id, requestedAt: FRIDAY })).toHaveLength(3);
    expect(await ledger()).toEqual(advanced); // decided once, not again on the retry
    await router.close();
  });
});
