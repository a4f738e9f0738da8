import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MANAGED_PROPERTIES as M } from "../../src/deploy/managed-names";
import { Portal, DEFAULT_ACTION_TYPES, seedPortal, type SeedOptions } from "../../src/emulator";
import { dumpPortal } from "../../src/emulator/portal/dump";
import { call, client, emulator, REPS } from "./harness";

const DAY = 86_400_000;
const NOW = Date.parse("2026-11-27T12:00:00Z");

function seeded(options: SeedOptions): Portal {
  const portal = new Portal({ clock: () => NOW, searchLagMs: 0, actionTypes: DEFAULT_ACTION_TYPES });
  seedPortal(portal, options);
  return portal;
}

const hash = (portal: Portal) =>
  createHash("sha256")
    .update(JSON.stringify(dumpPortal(portal)))
    .digest("hex");

describe("emulator seeded portals", () => {
  it("is deterministic: the same arguments give the same portal, another seed another one", () => {
    const options = { reps: REPS, contacts: 800, seed: 42 };
    expect(hash(seeded(options))).toBe(hash(seeded(options)));
    expect(hash(seeded({ ...options, seed: 43 }))).not.toBe(hash(seeded(options)));
  });

  it("gives the same dump over HTTP for the same arguments", async () => {
    const a = await emulator({ seed: { reps: REPS, contacts: 300, seed: 5 } });
    const b = await emulator({ seed: { reps: REPS, contacts: 300, seed: 5 } });
    const [da, db] = [(await call(a, "GET", "/_emulator/state")).body, (await call(b, "GET", "/_emulator/state")).body];
    expect(JSON.stringify(da)).toBe(JSON.stringify(db));
  });

  it("makes owners from the reps: inactive ones archived without userId", () => {
    const portal = seeded({ reps: REPS, contacts: 0 });
    const ivan = portal.owners.byEmail("ivan.petrov@acme.test")!;
    expect(ivan).toMatchObject({ archived: true, firstName: "Ivan" });
    expect(ivan.userId).toBeUndefined();
    expect(portal.owners.list().filter((o) => !o.archived)).toHaveLength(3);
  });

  it("generates the variety an audit needs", () => {
    const portal = seeded({ reps: REPS, contacts: 3000 });
    const contacts = [...portal.contacts.all()];
    expect(contacts).toHaveLength(3000);
    const share = (test: (p: Record<string, string>) => boolean) =>
      contacts.filter((c) => test(c.properties)).length / contacts.length;
    expect(share((p) => p[M.sourceType] !== undefined)).toBeGreaterThan(0.6);
    expect(share((p) => p[M.sourceType] === undefined && p.hs_analytics_source_data_1 !== undefined)).toBeGreaterThan(
      0.1,
    );
    expect(share((p) => p[M.system] === "unclassified")).toBeGreaterThan(0.05);
    expect(share((p) => p[M.system] === "reengagement")).toBeGreaterThan(0.01);
    expect(share((p) => !p.hubspot_owner_id)).toBeGreaterThan(0.05);
    const archived = new Set(
      portal.owners
        .list()
        .filter((o) => o.archived)
        .map((o) => o.id),
    );
    expect(share((p) => archived.has(p.hubspot_owner_id ?? ""))).toBeGreaterThan(0.005);
    expect(share((p) => p.lifecyclestage === "opportunity")).toBeGreaterThan(0.03);
    expect(share((p) => p.engagements_last_meeting_booked !== undefined)).toBeGreaterThan(0.03);
    expect(share((p) => p.country === undefined)).toBeGreaterThan(0.03);
    expect(new Set(contacts.map((c) => c.properties.country)).size).toBeGreaterThan(20);
    const met = contacts.filter((c) => {
      const due = Date.parse(c.properties[M.slaDueAt] ?? "");
      const engaged = Date.parse(c.properties.hs_sa_first_engagement_date ?? "");
      return engaged <= due;
    }).length;
    const missed = contacts.filter(
      (c) => Date.parse(c.properties.hs_sa_first_engagement_date ?? "") > Date.parse(c.properties[M.slaDueAt] ?? ""),
    ).length;
    expect(met).toBeGreaterThan(100);
    expect(missed).toBeGreaterThan(100);
    expect(contacts.filter((c) => portal.enrollments.forContact(c.id).length > 0).length).toBeGreaterThan(100);
    expect(contacts.every((c) => c.createdAt <= NOW && c.createdAt > NOW - 121 * DAY)).toBe(true);
  });

  it("does not create the managed property definitions (the portal is not deployed to)", async () => {
    const emu = await emulator({ seed: { reps: REPS, contacts: 50 } });
    const names = (await client(emu).crm.properties.coreApi.getAll("contacts")).results.map((p) => p.name);
    expect(names.filter((n) => n.startsWith("routeops_"))).toEqual([]);
  });

  it("seeds 100,000 contacts that search can window by createdate", async () => {
    const emu = await emulator({ seed: { reps: REPS, contacts: 100_000 } });
    expect(emu.portal.contacts.size).toBe(100_000);
    const answer = await call(emu, "POST", "/crm/v3/objects/contacts/search", {
      filterGroups: [
        {
          filters: [
            { propertyName: "createdate", operator: "GTE", value: String(NOW - 7 * DAY) },
            { propertyName: "createdate", operator: "LT", value: new Date(NOW).toISOString() },
          ],
        },
      ],
      limit: 200,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.total).toBeGreaterThan(4000);
    expect(answer.body.total).toBeLessThan(8000);
  });
});
