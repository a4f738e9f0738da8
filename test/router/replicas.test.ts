/**
 * Two routers on one PostgreSQL server share the work (`FOR UPDATE SKIP LOCKED`) and the rotation
 * ledger without routing a lead twice, also while HubSpot answers a fifth of the calls with
 * 429s, 5xx, slow answers and dropped connections.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type RouterDatabase } from "../../src/router";
import { readMigrations } from "../../src/router/database";
import { escalationLog } from "../../src/router/operations";
import { readLedger } from "../../src/router/store";
import { bench, createLead, memoryDatabase, type Bench, benchRouter, californiaDemoRequest } from "./support";
import { startPostgres, type PostgresServer } from "./postgres-server";

const T0 = Date.parse("2026-03-03T15:00:00Z");
const COUNTRIES = ["Germany", "France", "Spain", "US", "Canada", "Japan"];

let server: PostgresServer;
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(() => server?.stop());

function arrange(b: Bench, count: number): string[] {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(
      createLead(b, {
        email: `lead${i}@replica.test`,
        country: COUNTRIES[i % COUNTRIES.length]!,
        ...(COUNTRIES[i % COUNTRIES.length] === "US" ? { state: i % 2 ? "CA" : "NY" } : {}),
        formId: i % 3 === 0 ? "contact-us" : "demo-request",
        requestedAt: T0 + i * 1000,
      }),
    );
  }
  return ids;
}

async function routers(b: Bench, databases: RouterDatabase[]) {
  return Promise.all(
    databases.map((database, i) =>
      benchRouter(b, database, {
        sleep: async (ms) => b.clock.advance(ms),
        batchSize: 7,
        leaseMs: 60_000,
        replicaId: `replica-${i}`,
      }),
    ),
  );
}

async function fresh(url: string): Promise<RouterDatabase> {
  const db = await openDatabase({ databaseUrl: url });
  await db.query("TRUNCATE outbox, decisions, rotation_ledger, routing_requests RESTART IDENTITY CASCADE");
  return db;
}

describe("two router replicas on one PostgreSQL server", () => {
  it("migrates once and runs the same schema as the embedded database", async () => {
    const a = await openDatabase({ databaseUrl: server.url });
    const b = await openDatabase({ databaseUrl: server.url });
    const versions = await a.query<{ version: number }>("SELECT version FROM schema_migrations ORDER BY version");
    expect(versions.rows.map((r) => Number(r.version))).toEqual(readMigrations().map((m) => m.version));
    expect(a.kind).toBe("postgres");
    await a.close();
    await b.close();
  });

  it("route every lead exactly once, with one task each, and the ledger of a single router", async () => {
    const count = 60;
    const single = await bench();
    arrange(single, count);
    single.clock.set(T0 + count * 1000);
    const singleDb = await memoryDatabase();
    const [alone] = await routers(single, [singleDb]);
    await alone!.poll();
    await alone!.drain();

    const b = await bench();
    const ids = arrange(b, count);
    b.clock.set(T0 + count * 1000);
    const databases = [await fresh(server.url), await openDatabase({ databaseUrl: server.url })];
    const [one, two] = await routers(b, databases);
    await one!.poll();
    await two!.poll();
    const reports = await Promise.all([one!.drain(), two!.drain()]);
    expect(reports[0]!.decided + reports[1]!.decided).toBe(count);
    // Both did some of the work.
    expect(reports[0]!.decided).toBeGreaterThan(0);
    expect(reports[1]!.decided).toBeGreaterThan(0);

    const decided = await databases[0]!.query<{ contact_id: string; n: number }>(
      "SELECT contact_id, count(*)::int AS n FROM decisions GROUP BY contact_id",
    );
    expect(decided.rows).toHaveLength(count);
    expect(decided.rows.every((r) => r.n === 1)).toBe(true);
    for (const id of ids) {
      const expectedTasks = single.emulator.portal.tasks.forContact(id).length;
      expect(b.emulator.portal.tasks.forContact(id)).toHaveLength(expectedTasks);
      expect(b.emulator.portal.contacts.get(id)!.properties.hubspot_owner_id).toBeTruthy();
    }
    expect(await readLedger(databases[0]!)).toEqual(await readLedger(singleDb));
    for (const db of databases) await db.close();
  });

  it("with 20% HubSpot faults (429, 5xx, slow, dropped): all routed, none twice, no duplicate task", async () => {
    const count = 40;
    const b = await bench({ faults: { rate: 0.2, seed: 13, slowMs: 50 } });
    const ids = arrange(b, count);
    b.clock.set(T0 + count * 1000);
    const databases = [await fresh(server.url), await openDatabase({ databaseUrl: server.url })];
    const [one, two] = await routers(b, databases);
    await one!.poll();
    await Promise.all([one!.drain({ maxIdleWaits: 200 }), two!.drain({ maxIdleWaits: 200 })]);
    // The faults did happen: calls were retried, and some writes failed and were replayed.
    expect(b.hubspot.requests.retries()).toBeGreaterThan(0);
    const open = await databases[0]!.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM routing_requests WHERE status <> 'done'",
    );
    expect(open.rows[0]!.n).toBe(0);
    const decided = await databases[0]!.query<{ n: number }>(
      "SELECT count(DISTINCT contact_id)::int AS n, count(*)::int AS total FROM decisions",
    );
    expect(decided.rows[0]).toMatchObject({ n: count, total: count });
    for (const id of ids) {
      expect(b.emulator.portal.contacts.get(id)!.properties.routeops_routing_pending).toBe("false");
      expect(b.emulator.portal.tasks.forContact(id).length).toBeLessThanOrEqual(1);
    }
    const withTask = await databases[0]!.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM outbox WHERE kind = 'task_create'",
    );
    expect(b.emulator.portal.tasks.size).toBe(withTask.rows[0]!.n);
    for (const db of databases) await db.close();
  });

  it("both watching one breach: each reassignment runs once, from the ledger, and the ledger is a single router's", async () => {
    // Fri 2026-06-19 16:30 PDT: NA-west demo requests (inbound-high), breached and reassigned on Monday.
    const friday = Date.parse("2026-06-19T23:30:00Z");
    const monday = Date.parse("2026-06-22T17:45:00Z");
    const count = 6;
    const breach = (b: Bench) =>
      Array.from({ length: count }, (_, i) =>
        createLead(b, californiaDemoRequest(`breach${i}@replica.test`, friday + i * 1000)),
      );
    const single = await bench({ start: "2026-06-19T23:30:00Z" });
    breach(single);
    single.clock.set(friday + count * 1000);
    const singleDb = await memoryDatabase();
    const [alone] = await routers(single, [singleDb]);
    await alone!.poll();
    await alone!.drain();
    single.clock.set(monday);
    await alone!.cycle();

    const b = await bench({ start: "2026-06-19T23:30:00Z" });
    const ids = breach(b);
    b.clock.set(friday + count * 1000);
    const databases = [await fresh(server.url), await openDatabase({ databaseUrl: server.url })];
    const [one, two] = await routers(b, databases);
    await one!.poll();
    await one!.drain();
    b.clock.set(monday);
    await Promise.all([one!.cycle(), two!.cycle()]);

    const ownerOf = (bench: Bench, id: string) =>
      bench.emailOfOwner(bench.emulator.portal.contacts.get(id)!.properties.hubspot_owner_id);
    for (const [i, id] of ids.entries()) {
      const key = { contactId: id, requestedAt: friday + i * 1000 };
      const log = await escalationLog(databases[0]!, key);
      expect(log.map((step) => step.action)).toEqual(["notify_rep", "notify_manager", "reassign"]);
      // The same lead in the single router's portal has the same id (same creation order).
      expect(log[2]!.target).toBe((await escalationLog(singleDb, key))[2]!.target);
      expect(ownerOf(b, id)).toBe(log[2]!.target);
      expect(ownerOf(b, id)).toBe(ownerOf(single, id));
    }
    const reassigned = await databases[0]!.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM escalation_steps WHERE action = 'reassign' AND written_at IS NOT NULL",
    );
    expect(reassigned.rows[0]!.n).toBe(count);
    expect(await readLedger(databases[0]!)).toEqual(await readLedger(singleDb));
    for (const db of databases) await db.close();
  });
});
