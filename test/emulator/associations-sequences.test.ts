import { describe, expect, it } from "vitest";
import { call, client, emulator, failure, REPS } from "./harness";

describe("emulator associations v4", () => {
  it("reads contact-to-company associations in a batch, with 207 errors for contacts without a company", async () => {
    const emu = await emulator();
    const hub = client(emu);
    const company = await hub.crm.companies.basicApi.create({ properties: { name: "Globex" } });
    const withCompany = await hub.crm.contacts.basicApi.create({
      properties: { email: "a@globex.example", associatedcompanyid: company.id },
    });
    const without = await hub.crm.contacts.basicApi.create({ properties: { email: "b@mail.example" } });
    const answer = await hub.crm.associations.v4.batchApi.getPage("contacts", "companies", {
      inputs: [{ id: withCompany.id }, { id: without.id }],
    });
    expect(emu.requests.entries.at(-1)!.status).toBe(207);
    expect(answer.results).toHaveLength(1);
    const result = answer.results[0]!;
    expect(result._from.id).toBe(withCompany.id);
    expect(result.to).toEqual([
      {
        toObjectId: company.id,
        associationTypes: [
          { category: "HUBSPOT_DEFINED", typeId: 279 },
          { category: "HUBSPOT_DEFINED", typeId: 1, label: "Primary" },
        ],
      },
    ]);
    expect("errors" in answer && answer.errors?.[0]).toMatchObject({
      category: "OBJECT_NOT_FOUND",
      context: { fromObjectId: [without.id] },
    });
  });

  it("answers 200 when every contact has a company, with the wire shape `from`", async () => {
    const emu = await emulator({ seed: { reps: REPS, contacts: 40 } });
    const ids = [...emu.portal.contacts.all()]
      .filter((c) => c.properties.associatedcompanyid)
      .map((c) => ({ id: c.id }));
    const raw = await call(emu, "POST", "/crm/v4/associations/contacts/companies/batch/read", { inputs: ids });
    expect(raw.status).toBe(200);
    expect(raw.body.results).toHaveLength(ids.length);
    expect(raw.body.results[0].from.id).toBe(ids[0]!.id);
  });

  it("refuses more than 1,000 inputs with 400", async () => {
    const emu = await emulator();
    const inputs = Array.from({ length: 1001 }, (_, i) => ({ id: String(i) }));
    const error = await failure(client(emu).crm.associations.v4.batchApi.getPage("contacts", "companies", { inputs }));
    expect(error.code).toBe(400);
  });
});

describe("emulator sequence enrollments", () => {
  it("answers a contact's latest enrollment, injected through /_emulator/enrollments", async () => {
    const emu = await emulator({ seed: { reps: REPS, contacts: 0 } });
    const contact = await client(emu).crm.contacts.basicApi.create({ properties: { email: "lead@x.example" } });
    for (const [sequenceId, enrolledAt] of [
      ["77", "2026-06-01T10:00:00Z"],
      ["78", "2026-09-01T10:00:00Z"],
    ] as const) {
      const injected = await call(emu, "POST", "/_emulator/enrollments", {
        contactId: contact.id,
        sequenceId,
        sequenceName: `Sequence ${sequenceId}`,
        enrolledByEmail: "ivan.petrov@acme.test",
        enrolledAt,
      });
      expect(injected.status).toBe(201);
    }
    const answer = await call(emu, "GET", `/automation/v4/sequences/enrollments/contact/${contact.id}`);
    expect(answer.status).toBe(200);
    const ivan = emu.portal.owners.byEmail("ivan.petrov@acme.test")!;
    expect(answer.body).toEqual({
      id: expect.any(String),
      toEmail: "lead@x.example",
      sequenceId: "78",
      sequenceName: "Sequence 78",
      enrolledBy: String(ivan.userIdIncludingInactive),
      enrolledByEmail: "ivan.petrov@acme.test",
      enrolledAt: "2026-09-01T10:00:00.000Z",
      updatedAt: "2026-09-01T10:00:00.000Z",
    });
    const props = await client(emu).crm.contacts.basicApi.getById(contact.id, [
      "hs_sequences_enrolled_count",
      "hs_latest_sequence_enrolled",
    ]);
    expect(props.properties).toMatchObject({ hs_sequences_enrolled_count: "2", hs_latest_sequence_enrolled: "78" });
  });

  it("answers 404 for a contact never enrolled", async () => {
    const emu = await emulator();
    const contact = await client(emu).crm.contacts.basicApi.create({ properties: { email: "none@x.example" } });
    const answer = await call(emu, "GET", `/automation/v4/sequences/enrollments/contact/${contact.id}`);
    expect(answer.status).toBe(404);
    expect(answer.body.category).toBe("OBJECT_NOT_FOUND");
  });

  it("refuses an enrollment by someone who is not an owner", async () => {
    const emu = await emulator();
    const contact = await client(emu).crm.contacts.basicApi.create({ properties: { email: "x@x.example" } });
    const answer = await call(emu, "POST", "/_emulator/enrollments", {
      contactId: contact.id,
      sequenceId: "1",
      sequenceName: "S",
      enrolledByEmail: "stranger@else.example",
    });
    expect(answer.status).toBe(400);
  });
});
