/**
 * The open-lead cap in the router: a lead decided for a rep stays open until the router sees its
 * first touch in HubSpot; the count comes from the decision log, so a rep at the cap is skipped
 * as the engine decides for a fixture stating the same open count, and gets leads again once a
 * touch is read (one batch read for the rep's open leads) or 30 days after an untouched lead.
 */
import { describe, expect, it } from "vitest";
import type { RoutingConfig } from "../../src/config/types";
import { HubSpotError } from "../../src/hubspot";
import { FIRST_TOUCH_PROPERTIES, OPEN_WINDOW_MS } from "../../src/router";
import { readOpenLeads } from "../../src/router/open-leads";
import { bench, createLead, memoryDatabase, type Bench, benchRouter, californiaDemoRequest } from "./support";

const MINUTE = 60_000;
// Wed 2026-06-17 17:00Z is 10:00 in Los Angeles.
const T0 = Date.parse("2026-06-17T17:00:00Z");
const POOL = "inbound-ae-na-west";
const BEN = "ben.ortiz@acme.test";
const CHLOE = "chloe.nguyen@acme.test";
const CONTACTS_READ = "POST /crm/v3/objects/contacts/batch/read";

/** The reference config with Ben at two open leads, and no daily or weekly caps in the way. */
function openCapConfig(b: Bench): RoutingConfig {
  const config = structuredClone(b.config);
  config.reps.find((r) => r.email === BEN)!.capacity = { open: 2 };
  config.reps.find((r) => r.email === CHLOE)!.capacity = undefined;
  config.pools.find((p) => p.id === POOL)!.capacity = undefined;
  return config;
}

const lead = (n: number, requestedAt: number) => californiaDemoRequest(`open${n}@lead.test`, requestedAt);

describe("routeops router: open leads from the decision log", () => {
  it("skips a rep at the open-lead cap until the router reads that one of their leads was touched", async () => {
    const b = await bench({ start: "2026-06-17T17:00:00Z" });
    const db = await memoryDatabase();
    const ids = Array.from({ length: 5 }, (_, i) => createLead(b, lead(i, T0 + i * MINUTE)));
    b.clock.set(T0 + 10 * MINUTE);
    const router = await benchRouter(b, db, {
      config: openCapConfig(b),
    });
    await router.poll();
    await router.drain();
    const ownerOf = (id: string) => b.ownerOf(id);
    // Ben has two open leads after the third: the fifth goes to Chloe although it is his turn.
    expect(ids.map(ownerOf)).toEqual([BEN, CHLOE, BEN, CHLOE, CHLOE]);
    const fifth = (await router.why("open4@lead.test"))[0]!.decision as { skipped?: unknown[] };
    expect(fifth.skipped).toEqual([
      expect.objectContaining({ rep: BEN, reason: "capacity", detail: "capacity reached: 2 of 2 open leads" }),
    ]);
    expect(await readOpenLeads(db, b.clock.now())).toEqual({ [BEN]: 2, [CHLOE]: 3 });

    // Ben calls his first lead (HubSpot's "Date of first engagement"): he can take leads again.
    const touchedAt = T0 + 20 * MINUTE;
    b.emulator.portal.contacts.update(
      b.emulator.portal.contacts.get(ids[0]!)!,
      { hs_sa_first_engagement_date: new Date(touchedAt).toISOString() },
      touchedAt,
      "event",
    );
    const sixth = createLead(b, lead(5, T0 + 30 * MINUTE));
    b.clock.set(T0 + 31 * MINUTE);
    const readsBefore = b.hubspot.requests.count(CONTACTS_READ);
    await router.poll();
    await router.drain();
    const decided = (await router.why("open5@lead.test"))[0]!.decision as { skipped?: unknown[]; rotationPick: string };
    expect(decided.skipped).toBeUndefined();
    expect(ownerOf(sixth)).toBe(decided.rotationPick);
    expect(await readOpenLeads(db, b.clock.now())).toEqual({
      [BEN]: decided.rotationPick === BEN ? 2 : 1,
      [CHLOE]: decided.rotationPick === CHLOE ? 4 : 3,
    });
    // One read for the batch's contacts, one for Ben's open leads (both in one batch read).
    expect(b.hubspot.requests.count(CONTACTS_READ) - readsBefore).toBe(2);
    const touched = await db.query<{ first_touch_at: unknown }>(
      "SELECT first_touch_at FROM decisions WHERE contact_id = $1",
      [ids[0]!],
    );
    expect(Number(touched.rows[0]!.first_touch_at)).toBe(touchedAt);

    // An untouched lead stops counting 30 days after its request.
    expect(await readOpenLeads(db, T0 + OPEN_WINDOW_MS + 40 * MINUTE)).toEqual({});
    await router.close();
  });

  it("stops counting a lead whose contact was deleted in HubSpot once a read does not find it", async () => {
    const b = await bench({ start: "2026-06-17T17:00:00Z" });
    const db = await memoryDatabase();
    const ids = Array.from({ length: 5 }, (_, i) => createLead(b, lead(i, T0 + i * MINUTE)));
    b.clock.set(T0 + 10 * MINUTE);
    const router = await benchRouter(b, db, { config: openCapConfig(b) });
    await router.poll();
    await router.drain();
    expect(ids.map((id) => b.ownerOf(id))).toEqual([BEN, CHLOE, BEN, CHLOE, CHLOE]);
    expect(await readOpenLeads(db, b.clock.now())).toEqual({ [BEN]: 2, [CHLOE]: 3 });

    // An admin deletes Ben's first lead: HubSpot answers its id in a batch read with an error.
    const deletedAt = T0 + 20 * MINUTE;
    b.emulator.portal.contacts.archive(b.emulator.portal.contacts.get(ids[0]!)!, deletedAt);
    createLead(b, lead(5, T0 + 30 * MINUTE));
    b.clock.set(T0 + 31 * MINUTE);
    await router.poll();
    await router.drain();
    const decided = (await router.why("open5@lead.test"))[0]!.decision as { skipped?: unknown[]; rotationPick: string };
    expect(decided.skipped).toBeUndefined();
    const gone = await db.query<{ contact_gone_at: unknown; first_touch_at: unknown }>(
      "SELECT contact_gone_at, first_touch_at FROM decisions WHERE contact_id = $1",
      [ids[0]!],
    );
    // Gone, not touched: the SLA's record of a first touch stays what HubSpot said (none).
    expect(Number(gone.rows[0]!.contact_gone_at)).toBe(T0 + 31 * MINUTE);
    expect(gone.rows[0]!.first_touch_at).toBeNull();
    expect(await readOpenLeads(db, b.clock.now())).toEqual({
      [BEN]: decided.rotationPick === BEN ? 2 : 1,
      [CHLOE]: decided.rotationPick === CHLOE ? 4 : 3,
    });
    await router.close();
  });
});

describe("routeops router: reading first touches costs no call it need not make, and never holds routing back", () => {
  it("reads a rep's open leads at most once a minute, and routes on when that read fails", async () => {
    const b = await bench({ start: "2026-06-17T17:00:00Z" });
    const db = await memoryDatabase();
    let failReads = false;
    let failed = 0;
    const hubspot = new Proxy(b.hubspot, {
      get(target, key) {
        const value = Reflect.get(target, key) as unknown;
        if (typeof value !== "function") return value;
        const bound = (value as (...a: unknown[]) => unknown).bind(target);
        if (key !== "batchReadContacts") return bound;
        // The first-touch read asks only for the first-touch properties; the batch's read for many more.
        return async (ids: string[], properties: string[]) => {
          if (failReads && properties.length === FIRST_TOUCH_PROPERTIES.length) {
            failed++;
            throw new HubSpotError({
              code: "server_error",
              method: "POST",
              path: "/crm/v3/objects/contacts/batch/read",
              status: 503,
              attempts: 4,
            });
          }
          return bound(ids, properties);
        };
      },
    });
    for (let i = 0; i < 3; i++) createLead(b, lead(i, T0 + i * MINUTE));
    b.clock.set(T0 + 3 * MINUTE);
    const router = await benchRouter(b, db, {
      config: openCapConfig(b),
      hubspot,
    });
    await router.poll();
    await router.drain();
    expect(await readOpenLeads(db, b.clock.now())).toEqual({ [BEN]: 2, [CHLOE]: 1 });

    // Within the minute after they were decided, Ben's open leads are not read again.
    createLead(b, lead(3, T0 + 3 * MINUTE + 10_000));
    b.clock.set(T0 + 3 * MINUTE + 20_000);
    let reads = b.hubspot.requests.count(CONTACTS_READ);
    await router.poll();
    await router.drain();
    expect(b.hubspot.requests.count(CONTACTS_READ) - reads).toBe(1); // the batch's own read only

    // Later the read is due but fails: the lead is routed all the same, with the counts as logged.
    failReads = true;
    const late = createLead(b, lead(4, T0 + 10 * MINUTE));
    b.clock.set(T0 + 10 * MINUTE + 10_000);
    reads = b.hubspot.requests.count(CONTACTS_READ);
    await router.poll();
    const report = await router.drain();
    expect(failed).toBe(1);
    expect(report.decided).toBe(1);
    expect(b.emulator.portal.contacts.get(late)!.properties.hubspot_owner_id).toBe(b.ownerIdOf(CHLOE));
    await router.close();
  });
});
