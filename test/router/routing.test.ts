import { describe, expect, it } from "vitest";
import { MANAGED_PROPERTIES as M } from "../../src/deploy/managed-names";
import { compileRouting, createRotationState, route } from "../../src/engine";
import { routeInputOf } from "../../src/router";
import { bench, createLead, memoryDatabase, benchRouter } from "./support";

const T0 = Date.parse("2026-03-03T15:00:00Z");

describe("routeops router on the emulator, embedded database", () => {
  it("routes pending requests found by the poll: owner, routing properties, SLA due time and task as the engine decides", async () => {
    const b = await bench();
    const db = await memoryDatabase();
    const ids = [
      createLead(b, { email: "a@lead.test", country: "US", state: "CA", formId: "demo-request", requestedAt: T0 }),
      createLead(b, { email: "b@lead.test", country: "Germany", formId: "demo-request", requestedAt: T0 + 1000 }),
      createLead(b, { email: "c@lead.test", country: "US", state: "NY", formId: "contact-us", requestedAt: T0 + 2000 }),
    ];
    b.clock.set(T0 + 5000);
    const router = await benchRouter(b, db);
    expect(await router.poll()).toBe(3);
    const report = await router.drain();
    expect(report.decided).toBe(3);
    expect(report.finished).toBe(3);

    const compiled = compileRouting(b.config);
    const rotation = createRotationState();
    const emails = new Map(b.emulator.portal.owners.list().map((o) => [o.id, o.email.toLowerCase()]));
    for (const id of ids) {
      const contact = b.emulator.portal.contacts.get(id)!;
      const props = contact.properties;
      const input = routeInputOf({ id, properties: props }, undefined, emails, Date.parse(props[M.routeRequestedAt]!));
      const expected = route(compiled, input, { rotation });
      expect(b.emailOfOwner(props.hubspot_owner_id)).toBe(expected.owner ?? expected.rotationPick);
      expect(props[M.rule]).toBe(expected.rule);
      expect(props[M.system]).toBe(expected.system);
      expect(props[M.slaDueAt] ? Date.parse(props[M.slaDueAt]!) : null).toBe(expected.slaDueAt);
      expect(props[M.configVersion]).toBe(b.config.version);
      expect(props[M.routingPending]).toBe("false");
      expect(Date.parse(props[M.routedAt]!)).toBe(Date.parse(props[M.routeRequestedAt]!));
      const tasks = b.emulator.portal.tasks.forContact(id);
      expect(tasks).toHaveLength(expected.slaDueAt === null ? 0 : 1);
      if (expected.slaDueAt !== null) expect(Date.parse(tasks[0]!.properties.hs_timestamp!)).toBe(expected.slaDueAt);
    }
    const why = await router.why("b@lead.test");
    expect(why).toHaveLength(1);
    expect(why[0]!.configVersion).toBe(b.config.version);
    expect((why[0]!.decision as { trace: unknown[] }).trace.length).toBeGreaterThan(0);
    expect(await router.poll()).toBe(0);
    await router.close();
  });
});

describe("a contact that asks again at the very instant it was routed for", () => {
  it("is routed again for the second event (a new round of the same request), once; a duplicate delivery changes nothing", async () => {
    const b = await bench();
    const db = await memoryDatabase();
    const id = createLead(b, {
      email: "twice@lead.test",
      country: "US",
      state: "NY",
      formId: "contact-us",
      requestedAt: T0,
    });
    b.clock.set(T0 + 1000);
    const router = await benchRouter(b, db);
    const request = { contactId: id, requestedAt: T0, recheck: true };
    expect(await router.learn([request], "webhook")).toBe(1);
    expect((await router.drain()).decided).toBe(1);
    const portal = b.emulator.portal;
    const contact = portal.contacts.get(id)!;
    const compiled = compileRouting(b.config);
    const rotation = createRotationState();
    const emails = new Map(portal.owners.list().map((o) => [o.id, o.email.toLowerCase()]));
    const inputNow = () => routeInputOf({ id, properties: contact.properties }, undefined, emails, T0);
    const first = route(compiled, inputNow(), { rotation });
    expect(contact.properties[M.rule]).toBe(first.rule);

    // A duplicate of the first delivery: the contact does not ask again, so it is closed, not routed.
    expect(await router.learn([request], "webhook")).toBe(1);
    const duplicate = await router.drain();
    expect([duplicate.decided, duplicate.closed]).toEqual([0, 1]);

    // The capture workflows of a second event in the same millisecond (a demo request): the stamp
    // is cleared, the facts copied, pending set, and the same instant stamped again.
    portal.contacts.update(contact, { [M.routeRequestedAt]: "" }, T0 + 2000, "emulator");
    portal.contacts.update(
      contact,
      { [M.eventFormId]: "demo-request", [M.routingPending]: "true", [M.routeRequestedAt]: new Date(T0).toISOString() },
      T0 + 2000,
      "emulator",
    );
    expect(await router.poll()).toBe(1); // the poll sees it too; the webhook would find the same round open
    expect(await router.learn([request], "webhook")).toBe(0);
    expect((await router.drain()).decided).toBe(1);

    const expected = route(compiled, inputNow(), { rotation });
    expect(expected.rule).not.toBe(first.rule);
    expect(contact.properties[M.rule]).toBe(expected.rule);
    expect(b.emailOfOwner(contact.properties.hubspot_owner_id)).toBe(expected.owner ?? expected.rotationPick);
    expect(Date.parse(contact.properties[M.routedAt]!)).toBe(T0);
    expect(contact.properties[M.routingPending]).toBe("false");
    const why = await router.why(id);
    expect(why.map((d) => [d.requestedAt, d.round, d.rule])).toEqual([
      [T0, 2, expected.rule], // round 1 was the duplicate, closed
      [T0, 0, first.rule],
    ]);
    const markers = portal.tasks.forContact(id).map((t) => t.properties.hs_task_body!.split("\n").at(-1));
    expect(new Set(markers).size).toBe(markers.length);
    expect(await router.poll()).toBe(0);
    await router.close();
  });
});

describe("a new config version (GitOps: the router restarted on the merged commit)", () => {
  it("writes what the old version decided as it was decided, and decides what was pending with the new one; nothing lost", async () => {
    const b = await bench();
    const db = await memoryDatabase();
    const decidedOld = createLead(b, {
      email: "old@lead.test",
      country: "Germany",
      formId: "demo-request",
      requestedAt: T0,
    });
    const pendingOld = createLead(b, {
      email: "new@lead.test",
      country: "France",
      formId: "demo-request",
      requestedAt: T0 + 1,
    });
    b.clock.set(T0 + 1000);
    class Stop extends Error {
      override name = "InjectedCrash";
    }
    // The old router decides the first lead and stops before writing it; the second is learnt only.
    const old = await benchRouter(b, db, {
      // A restart keeps its replica id, so it resumes its own leases at once (another name would
      // wait for them to run out: --lease-ms).
      replicaId: "router-1",
      hooks: {
        afterStep: (step) => {
          if (step === "decided") throw new Stop("stopped for the deploy");
        },
      },
    });
    expect(await old.learn([{ contactId: decidedOld, requestedAt: T0 }], "webhook")).toBe(1);
    await expect(old.cycle()).rejects.toThrow("stopped for the deploy");
    expect(await old.learn([{ contactId: pendingOld, requestedAt: T0 + 1 }], "webhook")).toBe(1);
    await old.close();

    const merged = { ...b.config, version: `${b.config.version}-merged` };
    const next = await benchRouter(b, db, {
      config: merged,
      replicaId: "router-1",
    });
    const report = await next.drain();
    expect(report.decided).toBe(1);
    const version = (id: string) => b.emulator.portal.contacts.get(id)!.properties[M.configVersion];
    expect(version(decidedOld)).toBe(b.config.version);
    expect(version(pendingOld)).toBe(merged.version);
    for (const id of [decidedOld, pendingOld]) {
      expect(b.emulator.portal.contacts.get(id)!.properties[M.routingPending]).toBe("false");
      expect((await next.why(id)).map((d) => d.configVersion)).toEqual([version(id)]);
    }
    expect(await next.queueDepth()).toEqual({ pending: 0, decided: 0 });
    await next.close();
  });
});

describe("20% HubSpot faults (429, 5xx, slow answers, dropped connections), one router, embedded database", () => {
  it("routes every lead, none twice, with no duplicate task", async () => {
    const b = await bench({ faults: { rate: 0.2, seed: 29, slowMs: 50 } });
    const db = await memoryDatabase();
    const countries = ["Germany", "France", "US", "Spain", "Japan"];
    const ids = Array.from({ length: 30 }, (_, i) =>
      createLead(b, {
        email: `fault${i}@lead.test`,
        country: countries[i % countries.length]!,
        state: "CA",
        formId: i % 3 === 0 ? "contact-us" : "demo-request",
        requestedAt: T0 + i * 1000,
      }),
    );
    b.clock.set(T0 + 60_000);
    const router = await benchRouter(b, db, {
      sleep: async (ms) => b.clock.advance(ms),
      batchSize: 7,
    });
    for (let i = 0; i < 20 && (await router.poll().catch(() => 0)) === 0; i++) b.clock.advance(1000);
    await router.drain({ maxIdleWaits: 200 });
    expect(b.emulator.requests.entries.filter((e) => e.fault).length).toBeGreaterThan(0);
    expect(await router.queueDepth()).toEqual({ pending: 0, decided: 0 });
    const decided = await db.query<{ n: number; total: number }>(
      "SELECT count(DISTINCT contact_id)::int AS n, count(*)::int AS total FROM decisions",
    );
    expect(decided.rows[0]).toEqual({ n: ids.length, total: ids.length });
    const tasks = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM outbox WHERE kind = 'task_create'");
    expect(b.emulator.portal.tasks.size).toBe(tasks.rows[0]!.n);
    for (const id of ids) {
      expect(b.emulator.portal.contacts.get(id)!.properties[M.routingPending]).toBe("false");
      expect(b.emulator.portal.tasks.forContact(id).length).toBeLessThanOrEqual(1);
    }
    await router.close();
  });
});
