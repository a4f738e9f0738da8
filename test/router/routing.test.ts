import { describe, expect, it } from "vitest";
import { MANAGED_PROPERTIES as M } from "../../src/deploy/managed-names";
import { compileRouting, createRotationState, route } from "../../src/engine";
import { routeInputOf, startRouter } from "../../src/router";
import { bench, createLead, memoryDatabase } from "./support";

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
    const router = await startRouter({
      config: b.config,
      hubspot: b.hubspot,
      database: db,
      http: false,
      loop: false,
      now: b.clock.now,
    });
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
