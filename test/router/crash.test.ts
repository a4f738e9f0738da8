/**
 * Exactly once, from the outside: a router that crashes after any step of routing a batch, then
 * restarts on the same database, leaves the same portal (owners, routing properties, SLA tasks)
 * and the same rotation ledger as a router that was never interrupted.
 */
import { describe, expect, it } from "vitest";
import { MANAGED_PROPERTIES as M } from "../../src/deploy/managed-names";
import { ROUTER_STEPS, startRouter, type RouterDatabase, type RouterStep } from "../../src/router";
import { readLedger } from "../../src/router/store";
import { bench, createLead, memoryDatabase, type Bench, benchRouter, californiaDemoRequest } from "./support";

const T0 = Date.parse("2026-03-03T15:00:00Z");
const LEASE = 60_000;

class InjectedCrash extends Error {
  override name = "InjectedCrash";
}

/** Six leads: three into one EMEA pool (the rotation advances), a US west one, a general form, an unclassified one. */
function arrange(b: Bench): string[] {
  return [
    createLead(b, { email: "e1@lead.test", country: "Germany", formId: "demo-request", requestedAt: T0 }),
    createLead(b, { email: "e2@lead.test", country: "France", formId: "demo-request", requestedAt: T0 + 1_000 }),
    createLead(b, californiaDemoRequest("w1@lead.test", T0 + 2_000)),
    createLead(b, { email: "e3@lead.test", country: "Spain", formId: "demo-request", requestedAt: T0 + 3_000 }),
    createLead(b, { email: "g1@lead.test", country: "US", state: "NY", formId: "contact-us", requestedAt: T0 + 4_000 }),
    createLead(b, { email: "u1@lead.test", kind: "contact_created", requestedAt: T0 + 5_000 }),
  ];
}

/** What the outside sees: each contact's owner and routing properties, each SLA task. */
function portalView(b: Bench, ids: string[]) {
  const routing = [
    M.rule,
    M.system,
    M.pool,
    M.queue,
    M.slaDueAt,
    M.routedAt,
    M.configVersion,
    M.routingPending,
    M.notification,
  ];
  return ids.map((id) => {
    const p = b.emulator.portal.contacts.get(id)!.properties;
    return {
      id,
      owner: b.emailOfOwner(p.hubspot_owner_id),
      ...Object.fromEntries(routing.map((name) => [name, p[name] ?? null])),
      tasks: b.emulator.portal.tasks.forContact(id).map((t) => ({
        due: t.properties.hs_timestamp,
        owner: b.emailOfOwner(t.properties.hubspot_owner_id),
        subject: t.properties.hs_task_subject,
      })),
    };
  });
}

async function run(b: Bench, db: RouterDatabase, crashAt: RouterStep | null, batchSize: number) {
  let crashed = false;
  const router = await benchRouter(b, db, {
    batchSize,
    leaseMs: LEASE,
    replicaId: crashAt ? "crashing" : "steady",
    hooks: {
      afterStep(step) {
        if (step === crashAt && !crashed) {
          crashed = true;
          throw new InjectedCrash(`crash after ${step}`);
        }
      },
    },
  });
  await router.poll();
  await expect(router.drain()).rejects.toThrow(InjectedCrash);
  expect(crashed).toBe(true);
  // The crashed router is gone; its leases run out, a new one starts on the same database.
  b.clock.advance(LEASE + 1);
  const restarted = await benchRouter(b, db, {
    // Waiting for a retry time passes on the test's clock, not in real seconds.
    sleep: async (ms) => b.clock.advance(ms),
    batchSize,
    leaseMs: LEASE,
    replicaId: "restarted",
  });
  await restarted.poll();
  await restarted.drain();
}

describe("a crash after any step of routing, then a restart", () => {
  it("gives the same portal, tasks and ledger as an uninterrupted run, for every step", async () => {
    const reference = await bench();
    const referenceDb = await memoryDatabase();
    const ids = arrange(reference);
    reference.clock.set(T0 + 10_000);
    const steady = await startRouter({
      config: reference.config,
      hubspot: reference.hubspot,
      database: referenceDb,
      http: false,
      loop: false,
      now: reference.clock.now,
      batchSize: 4,
    });
    await steady.poll();
    await steady.drain();
    const expectedPortal = portalView(reference, ids);
    const expectedLedger = await readLedger(referenceDb);
    // The reference run did route: owners and tasks are there, and the EMEA pool rotated.
    expect(expectedPortal.filter((c) => c.owner !== null)).toHaveLength(6);
    expect(expectedPortal.flatMap((c) => c.tasks).length).toBeGreaterThanOrEqual(4);
    expect(Object.keys(expectedLedger.pools).length).toBeGreaterThan(0);

    for (const step of ROUTER_STEPS) {
      const b = await bench();
      const db = await memoryDatabase();
      const crashIds = arrange(b);
      b.clock.set(T0 + 10_000);
      await run(b, db, step, 4);
      expect({ step, portal: portalView(b, crashIds) }).toEqual({ step, portal: expectedPortal });
      expect({ step, ledger: await readLedger(db) }).toEqual({ step, ledger: expectedLedger });
      const decisions = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM decisions");
      expect({ step, decisions: decisions.rows[0]!.n }).toEqual({ step, decisions: 6 });
      // Every request is closed: none is left "decided" with its writes done (the router would
      // report it open forever, and `--once` would exit 1).
      const open = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM routing_requests WHERE status <> 'done'",
      );
      expect({ step, open: open.rows[0]!.n }).toEqual({ step, open: 0 });
      await b.emulator.close();
    }
  });
});
