import {
  PropertyCreateFieldTypeEnum as FieldType,
  PropertyCreateTypeEnum as Type,
  type PropertyCreate,
} from "@hubspot/api-client/lib/codegen/crm/properties";
import { describe, expect, it } from "vitest";
import { call, client, emulator, failure, pinnedClock, UUID } from "./harness";

const ROUTING_SOURCE_TYPE: PropertyCreate = {
  name: "routeops_source_type",
  label: "Routing Source Type",
  type: Type.Enumeration,
  fieldType: FieldType.Select,
  groupName: "contactinformation",
  options: [{ label: "Inbound: demo request", value: "inbound_demo_request", hidden: false }],
};

describe("emulator properties", () => {
  it("ships the HubSpot-defined properties RouteOps reads", async () => {
    const emu = await emulator();
    const hub = client(emu);
    const contacts = (await hub.crm.properties.coreApi.getAll("contacts")).results.map((p) => p.name);
    for (const name of ["createdate", "email", "country", "state", "hubspot_owner_id", "hs_analytics_source"]) {
      expect(contacts).toContain(name);
    }
    for (const name of [
      "hs_sa_first_engagement_date",
      "hubspot_owner_assigneddate",
      "associatedcompanyid",
      "hs_object_id",
    ]) {
      expect(contacts).toContain(name);
    }
    const companies = (await hub.crm.properties.coreApi.getAll("companies")).results.map((p) => p.name);
    expect(companies).toEqual(
      expect.arrayContaining(["name", "domain", "country", "numberofemployees", "hubspot_owner_id"]),
    );
    const owner = await hub.crm.properties.coreApi.getByName("contacts", "hubspot_owner_id");
    expect(owner).toMatchObject({ type: "enumeration", referencedObjectType: "OWNER", hubspotDefined: true });
    expect(owner.modificationMetadata).toEqual({ archivable: false, readOnlyDefinition: true, readOnlyValue: false });
  });

  it("creates a property (201) and reads it back with archived, timestamps, hubspotDefined and modificationMetadata", async () => {
    const clock = pinnedClock();
    const emu = await emulator({ clock: clock.now });
    const created = await client(emu).crm.properties.coreApi.create("contacts", ROUTING_SOURCE_TYPE);
    expect(emu.requests.entries.at(-1)!.status).toBe(201);
    const read = await client(emu).crm.properties.coreApi.getByName("contacts", "routeops_source_type");
    expect(read).toEqual(created);
    expect(read).toMatchObject({ archived: false, hubspotDefined: false, description: "" });
    expect(read.createdAt?.toISOString()).toBe("2026-11-27T12:00:00.000Z");
    expect(read.modificationMetadata).toEqual({ archivable: true, readOnlyDefinition: false, readOnlyValue: false });
  });

  it("refuses a duplicate name with 409 CONFLICT", async () => {
    const emu = await emulator();
    await client(emu).crm.properties.coreApi.create("contacts", ROUTING_SOURCE_TYPE);
    const error = await failure(client(emu).crm.properties.coreApi.create("contacts", ROUTING_SOURCE_TYPE));
    expect(error.code).toBe(409);
    expect(error.body).toMatchObject({ status: "error", category: "CONFLICT" });
    expect(error.body.correlationId).toMatch(UUID);
  });

  it("refuses a create without required fields with 400 naming each field", async () => {
    const emu = await emulator();
    const answer = await call(emu, "POST", "/crm/v3/properties/contacts", { name: "x_only" });
    expect(answer.status).toBe(400);
    expect(answer.body.category).toBe("VALIDATION_ERROR");
    expect(answer.body.errors.map((e: { in: string }) => e.in)).toEqual(["label", "type", "fieldType", "groupName"]);
  });

  it("refuses a field type that does not fit the type, and an unknown group", async () => {
    const emu = await emulator();
    const answer = await call(emu, "POST", "/crm/v3/properties/contacts", {
      ...ROUTING_SOURCE_TYPE,
      fieldType: "number",
      groupName: "nope",
    });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain("does not fit type 'enumeration'");
    expect(answer.body.message).toContain("Property group 'nope' does not exist");
  });

  it("archives (204), lists only archived ones with archived=true, and keeps the name taken", async () => {
    const emu = await emulator();
    const core = client(emu).crm.properties.coreApi;
    await core.create("contacts", ROUTING_SOURCE_TYPE);
    await core.archive("contacts", "routeops_source_type");
    expect(emu.requests.entries.at(-1)!.status).toBe(204);
    expect((await core.getAll("contacts")).results.map((p) => p.name)).not.toContain("routeops_source_type");
    const archived = (await core.getAll("contacts", true)).results;
    expect(archived.map((p) => p.name)).toEqual(["routeops_source_type"]);
    expect(archived[0]!.archived).toBe(true);
    const reuse = await failure(core.create("contacts", ROUTING_SOURCE_TYPE));
    expect(reuse.code).toBe(409);
    expect(reuse.body.message).toContain("recycle bin");
    expect((await failure(core.getByName("contacts", "routeops_source_type"))).code).toBe(404);
  });

  it("refuses to archive a HubSpot-defined property", async () => {
    const emu = await emulator();
    const error = await failure(client(emu).crm.properties.coreApi.archive("contacts", "email"));
    expect(error.code).toBe(400);
  });

  it("updates with PATCH (options replaced, label changed) and refuses a type change of a HubSpot-defined one", async () => {
    const emu = await emulator();
    const core = client(emu).crm.properties.coreApi;
    await core.create("contacts", ROUTING_SOURCE_TYPE);
    const updated = await core.update("contacts", "routeops_source_type", {
      label: "Source type",
      options: [
        { label: "A", value: "a", hidden: false },
        { label: "B", value: "b", hidden: false },
      ],
    });
    expect(updated.label).toBe("Source type");
    expect(updated.options.map((o) => o.value)).toEqual(["a", "b"]);
    expect((await failure(core.update("contacts", "email", { type: Type.Number as never }))).code).toBe(400);
  });

  it("batch creates (201), batch reads with 207 errors for missing names, and batch archives (204)", async () => {
    const emu = await emulator();
    const batch = client(emu).crm.properties.batchApi;
    const created = await batch.create("contacts", {
      inputs: [
        { ...ROUTING_SOURCE_TYPE },
        {
          name: "routeops_rule",
          label: "Routing rule",
          type: Type.String,
          fieldType: FieldType.Text,
          groupName: "contactinformation",
        },
      ],
    });
    expect(created.results.map((p) => p.name).sort()).toEqual(["routeops_rule", "routeops_source_type"]);
    const read = await batch.read("contacts", {
      archived: false,
      inputs: [{ name: "routeops_rule" }, { name: "missing_one" }],
    });
    expect(read.results.map((p) => p.name)).toEqual(["routeops_rule"]);
    expect("errors" in read && read.errors?.[0]?.category).toBe("OBJECT_NOT_FOUND");
    expect(emu.requests.entries.at(-1)!.status).toBe(207);
    await batch.archive("contacts", { inputs: [{ name: "routeops_rule" }, { name: "routeops_source_type" }] });
    expect(emu.requests.entries.at(-1)!.status).toBe(204);
    expect((await client(emu).crm.properties.coreApi.getAll("contacts", true)).results).toHaveLength(2);
  });

  it("answers 207 to a batch create with one duplicate, creating the others", async () => {
    const emu = await emulator();
    const batch = client(emu).crm.properties.batchApi;
    await client(emu).crm.properties.coreApi.create("contacts", ROUTING_SOURCE_TYPE);
    const answer = await batch.create("contacts", {
      inputs: [
        ROUTING_SOURCE_TYPE,
        {
          ...ROUTING_SOURCE_TYPE,
          name: "routeops_pool",
          type: Type.String,
          fieldType: FieldType.Text,
          options: [],
        },
      ],
    });
    expect(answer.results.map((p) => p.name)).toEqual(["routeops_pool"]);
    expect("errors" in answer && answer.errors?.[0]?.category).toBe("CONFLICT");
  });

  it("lists, creates, reads, updates and archives property groups", async () => {
    const emu = await emulator();
    const groups = client(emu).crm.properties.groupsApi;
    expect((await groups.getAll("contacts")).results.map((g) => g.name)).toContain("contactinformation");
    const created = await groups.create("contacts", { name: "routeops", label: "RouteOps routing", displayOrder: 5 });
    expect(created).toMatchObject({ name: "routeops", label: "RouteOps routing", displayOrder: 5, archived: false });
    expect((await failure(groups.create("contacts", { name: "routeops", label: "again" }))).code).toBe(409);
    expect((await groups.update("contacts", "routeops", { label: "Routing" })).label).toBe("Routing");
    expect((await groups.getByName("contacts", "routeops")).label).toBe("Routing");
    await groups.archive("contacts", "routeops");
    expect((await failure(groups.getByName("contacts", "routeops"))).code).toBe(404);
    expect((await groups.getAll("contacts")).results.map((g) => g.name)).not.toContain("routeops");
  });

  it("refuses to archive a group that still holds properties", async () => {
    const emu = await emulator();
    const error = await failure(client(emu).crm.properties.groupsApi.archive("contacts", "contactinformation"));
    expect(error.code).toBe(400);
    expect(error.body.message).toContain("still holds");
  });
});
