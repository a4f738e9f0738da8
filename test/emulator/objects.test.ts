import { describe, expect, it } from "vitest";
import { call, client, emulator, failure, pinnedClock, REPS } from "./harness";

describe("emulator contacts and companies", () => {
  it("creates (201), reads and updates a contact; lastmodifieddate and owner assigned date follow", async () => {
    const clock = pinnedClock();
    const emu = await emulator({ clock: clock.now, seed: { reps: REPS, contacts: 0 } });
    const contacts = client(emu).crm.contacts.basicApi;
    const created = await contacts.create({ properties: { email: "ana@globex.example", country: "United States" } });
    expect(emu.requests.entries.at(-1)!.status).toBe(201);
    expect(created.properties).toMatchObject({ email: "ana@globex.example", country: "United States" });
    expect(created.createdAt.toISOString()).toBe("2026-11-27T12:00:00.000Z");
    clock.advance(60_000);
    const owner = emu.portal.owners.byEmail("ava.reed@acme.test")!;
    await contacts.update(created.id, { properties: { hubspot_owner_id: owner.id, state: "CA" } });
    const read = await contacts.getById(created.id, [
      "state",
      "hubspot_owner_id",
      "hubspot_owner_assigneddate",
      "firstname",
    ]);
    expect(read.properties).toEqual({
      createdate: "2026-11-27T12:00:00.000Z",
      firstname: null,
      hs_object_id: created.id,
      hubspot_owner_assigneddate: "2026-11-27T12:01:00.000Z",
      hubspot_owner_id: owner.id,
      lastmodifieddate: "2026-11-27T12:01:00.000Z",
      state: "CA",
    });
  });

  it("returns HubSpot's default properties when none are asked for", async () => {
    const emu = await emulator();
    const created = await client(emu).crm.companies.basicApi.create({
      properties: { name: "Globex", domain: "globex.example" },
    });
    const read = await client(emu).crm.companies.basicApi.getById(created.id);
    expect(Object.keys(read.properties).sort()).toEqual([
      "createdate",
      "domain",
      "hs_lastmodifieddate",
      "hs_object_id",
      "name",
    ]);
  });

  it("refuses invalid values with HubSpot's 400 listing every problem, and writes nothing", async () => {
    const emu = await emulator();
    const error = await failure(
      client(emu).crm.contacts.basicApi.create({
        properties: {
          email: "x@y.example",
          lifecyclestage: "hot",
          hubspot_owner_id: "999",
          no_such_thing: "1",
          hs_analytics_source: "DIRECT_TRAFFIC",
        },
      }),
    );
    expect(error.code).toBe(400);
    expect(error.body.category).toBe("VALIDATION_ERROR");
    expect(error.body.message).toMatch(/^Property values were not valid: /);
    expect(error.body.errors.map((e: { code: string }) => e.code)).toEqual([
      "INVALID_OPTION",
      "INVALID_OWNER_ID",
      "PROPERTY_DOESNT_EXIST",
      "READ_ONLY_VALUE",
    ]);
    expect(emu.portal.contacts.size).toBe(0);
  });

  it("refuses a second contact with the same email with 409", async () => {
    const emu = await emulator();
    const first = await client(emu).crm.contacts.basicApi.create({ properties: { email: "ana@globex.example" } });
    const error = await failure(
      client(emu).crm.contacts.basicApi.create({ properties: { email: "ANA@globex.example" } }),
    );
    expect(error.code).toBe(409);
    expect(error.body.message).toBe(`Contact already exists. Existing ID: ${first.id}`);
  });

  it("normalises datetime values given as epoch ms to ISO", async () => {
    const emu = await emulator();
    const created = await client(emu).crm.contacts.basicApi.create({
      properties: { email: "a@b.example", createdate: String(Date.parse("2026-10-01T08:00:00Z")) },
    });
    expect(created.properties.createdate).toBe("2026-10-01T08:00:00.000Z");
  });

  it("pages the list endpoint with limit and after, with no 10,000 cap", async () => {
    const emu = await emulator();
    const api = client(emu).crm.contacts.basicApi;
    for (let i = 0; i < 7; i++) await api.create({ properties: { email: `p${i}@x.example` } });
    const ids: string[] = [];
    let after: string | undefined;
    do {
      const page = await api.getPage(3, after, ["email"]);
      ids.push(...page.results.map((r) => r.id));
      after = page.paging?.next?.after;
    } while (after);
    expect(ids).toEqual([...emu.portal.contacts.all()].map((r) => r.id));
    expect((await call(emu, "GET", "/crm/v3/objects/contacts?limit=101")).status).toBe(400);
  });

  it("batch reads, with 207 and the missing ids as errors", async () => {
    const emu = await emulator();
    const a = await client(emu).crm.contacts.basicApi.create({ properties: { email: "a@x.example" } });
    const answer = await client(emu).crm.contacts.batchApi.read({
      inputs: [{ id: a.id }, { id: "424242" }],
      properties: ["email"],
      propertiesWithHistory: [],
    });
    expect(emu.requests.entries.at(-1)!.status).toBe(207);
    expect(answer.results.map((r) => r.properties.email)).toEqual(["a@x.example"]);
    expect("errors" in answer && answer.errors?.[0]).toMatchObject({
      category: "OBJECT_NOT_FOUND",
      context: { ids: ["424242"] },
    });
  });

  it("refuses a batch of more than 100 inputs with 400", async () => {
    const emu = await emulator();
    const inputs = Array.from({ length: 101 }, (_, i) => ({ id: String(i + 1) }));
    const error = await failure(
      client(emu).crm.contacts.batchApi.read({ inputs, properties: [], propertiesWithHistory: [] }),
    );
    expect(error.code).toBe(400);
    expect(error.body.message).toContain("at most 100");
  });

  it("batch creates and batch updates, all or nothing", async () => {
    const emu = await emulator();
    const batch = client(emu).crm.contacts.batchApi;
    const created = await batch.create({
      inputs: [
        { properties: { email: "b1@x.example" }, associations: [] },
        { properties: { email: "b2@x.example" }, associations: [] },
      ],
    });
    expect(created.results).toHaveLength(2);
    const [one, two] = created.results;
    const bad = await failure(
      batch.update({
        inputs: [
          { id: one!.id, properties: { country: "DE" } },
          { id: two!.id, properties: { lifecyclestage: "nope" } },
        ],
      }),
    );
    expect(bad.code).toBe(400);
    expect(emu.portal.contacts.get(one!.id)!.properties.country).toBeUndefined();
    const updated = await batch.update({ inputs: [{ id: one!.id, properties: { country: "DE" } }] });
    expect(updated.results[0]!.properties.country).toBe("DE");
  });

  it("keeps associatedcompanyid and the primary association in step", async () => {
    const emu = await emulator();
    const company = await client(emu).crm.companies.basicApi.create({ properties: { name: "Globex" } });
    const contact = await client(emu).crm.contacts.basicApi.create({
      properties: { email: "a@globex.example" },
      associations: [
        { to: { id: company.id }, types: [{ associationCategory: "HUBSPOT_DEFINED" as never, associationTypeId: 1 }] },
      ],
    });
    expect(emu.portal.associations.primaryCompanyOf(contact.id)).toBe(company.id);
    expect(emu.portal.contacts.get(contact.id)!.properties.associatedcompanyid).toBe(company.id);
    const other = await client(emu).crm.companies.basicApi.create({ properties: { name: "Initech" } });
    await client(emu).crm.contacts.basicApi.update(contact.id, { properties: { associatedcompanyid: other.id } });
    expect(emu.portal.associations.primaryCompanyOf(contact.id)).toBe(other.id);
    expect(
      (
        await failure(
          client(emu).crm.contacts.basicApi.update(contact.id, { properties: { associatedcompanyid: "1" } }),
        )
      ).code,
    ).toBe(400);
  });

  it("reads a contact by email with idProperty, and 404s an unknown id", async () => {
    const emu = await emulator();
    const created = await client(emu).crm.contacts.basicApi.create({ properties: { email: "find@me.example" } });
    const byEmail = await client(emu).crm.contacts.basicApi.getById(
      "find@me.example",
      ["email"],
      undefined,
      undefined,
      false,
      "email",
    );
    expect(byEmail.id).toBe(created.id);
    const missing = await failure(client(emu).crm.contacts.basicApi.getById("99999"));
    expect(missing.code).toBe(404);
    expect(missing.body.category).toBe("OBJECT_NOT_FOUND");
  });

  it("archives with DELETE (204): the record leaves the list and shows only with archived=true", async () => {
    const emu = await emulator();
    const api = client(emu).crm.contacts.basicApi;
    const kept = await api.create({ properties: { email: "kept@x.example" } });
    const gone = await api.create({ properties: { email: "gone@x.example" } });
    await api.archive(gone.id);
    expect(emu.requests.entries.at(-1)!.status).toBe(204);
    expect((await api.getPage(10)).results.map((r) => r.id)).toEqual([kept.id]);
    const archived = await api.getPage(10, undefined, ["email"], undefined, undefined, true);
    expect(archived.results.map((r) => [r.id, r.archived])).toEqual([[gone.id, true]]);
    expect(archived.results[0]!.archivedAt).toBeInstanceOf(Date);
    expect((await failure(api.getById(gone.id))).code).toBe(404);
  });

  it("batch reads companies by id with the asked-for properties", async () => {
    const emu = await emulator({ seed: { reps: REPS, contacts: 40 } });
    const ids = [...emu.portal.companies.all()].slice(0, 3).map((c) => c.id);
    const answer = await client(emu).crm.companies.batchApi.read({
      inputs: ids.map((id) => ({ id })),
      properties: ["numberofemployees", "hubspot_owner_id"],
      propertiesWithHistory: [],
    });
    expect(answer.results.map((r) => r.id)).toEqual(ids);
    expect(Object.keys(answer.results[0]!.properties).sort()).toEqual([
      "createdate",
      "hs_lastmodifieddate",
      "hs_object_id",
      "hubspot_owner_id",
      "numberofemployees",
    ]);
  });
});
