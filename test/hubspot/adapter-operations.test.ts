import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { FlowRevisionConflictError, HubSpotError, type HubSpotAdapter, type PropertyCreate } from "../../src/hubspot";
import { adapterFor, collect, emulator, SEED_NOW, sortedIds, TEST_REPS } from "./emulator-fixture";
import { contactFlowBody, delayAction } from "../support/flow-body";

let running: RunningEmulator;
let hubspot: HubSpotAdapter;

beforeAll(async () => {
  running = await emulator({ seed: { reps: TEST_REPS, contacts: 3_000, now: SEED_NOW } });
  hubspot = adapterFor(running);
});
afterAll(() => running.close());

const DAY = 86_400_000;

describe("owners", () => {
  it("lists active and deactivated owners, the latter marked archived and without user id", async () => {
    const owners = await hubspot.listOwners();
    expect(owners.map((owner) => [owner.email, owner.archived])).toEqual([
      ["ava.reed@acme.test", false],
      ["ben.ortiz@acme.test", false],
      ["ivan.petrov@acme.test", true],
    ]);
    const ivan = owners.find((owner) => owner.email === "ivan.petrov@acme.test");
    expect(ivan?.userId).toBeNull();
    expect(owners.find((owner) => owner.email === "ben.ortiz@acme.test")?.teams).toEqual([
      expect.objectContaining({ name: "AE NA", primary: true }),
      expect.objectContaining({ name: "West", primary: false }),
    ]);
  });
});

describe("property groups and properties", () => {
  const property = (index: number): PropertyCreate => ({
    name: `routeops_test_${index}`,
    label: `RouteOps test ${index}`,
    type: "enumeration",
    fieldType: "select",
    groupName: "routeops",
    description: "[managed by RouteOps] test",
    options: [{ label: "A", value: "a", hidden: false, displayOrder: 0 }],
  });

  it("reads a missing group as null, creates it, updates its label", async () => {
    expect(await hubspot.getPropertyGroup("contacts", "routeops")).toBeNull();
    const created = await hubspot.createPropertyGroup("contacts", { name: "routeops", label: "RouteOps routing" });
    expect(created).toMatchObject({ name: "routeops", label: "RouteOps routing" });
    const updated = await hubspot.updatePropertyGroup("contacts", "routeops", { label: "RouteOps" });
    expect(updated.label).toBe("RouteOps");
    expect(await hubspot.getPropertyGroup("contacts", "routeops")).toMatchObject({
      name: "routeops",
      label: "RouteOps",
    });
  });

  it("creates properties through the batch endpoint, 100 per request", async () => {
    const before = running.requests.count("POST /crm/v3/properties/contacts/batch/create");
    const created = await hubspot.createProperties(
      "contacts",
      Array.from({ length: 120 }, (_, index) => property(index)),
    );
    expect(created).toHaveLength(120);
    expect(running.requests.count("POST /crm/v3/properties/contacts/batch/create") - before).toBe(2);
    const listed = await hubspot.listProperties("contacts");
    const mine = listed.filter((definition) => definition.name.startsWith("routeops_test_"));
    expect(mine).toHaveLength(120);
    expect(mine[0]).toMatchObject({ type: "enumeration", fieldType: "select", groupName: "routeops", archived: false });
    expect(mine[0]?.options).toEqual([{ label: "A", value: "a", hidden: false, displayOrder: 0 }]);
  });

  it("updates a property and archives one, which then lists only among archived ones", async () => {
    const updated = await hubspot.updateProperty("contacts", "routeops_test_1", { label: "Renamed" });
    expect(updated.label).toBe("Renamed");
    await hubspot.archiveProperty("contacts", "routeops_test_2");
    const live = await hubspot.listProperties("contacts");
    const archived = await hubspot.listProperties("contacts", { archived: true });
    expect(live.some((definition) => definition.name === "routeops_test_2")).toBe(false);
    expect(archived.find((definition) => definition.name === "routeops_test_2")?.archived).toBe(true);
  });

  it("reports the inputs a batch create rejected, and the ones it created", async () => {
    const error = await hubspot
      .createProperties("contacts", [property(500), { ...property(501), groupName: "no_such_group" }])
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HubSpotError);
    expect((error as HubSpotError).code).toBe("partial_failure");
    expect((error as HubSpotError).message).toBe(
      "HubSpot POST /crm/v3/properties/contacts/batch/create failed (HTTP 207): 1 of 2 properties were not created; " +
        "created: routeops_test_500 (routeops_test_501: Property group 'no_such_group' does not exist)",
    );
  });
});

describe("contacts and companies", () => {
  const allContacts = () => [...running.portal.contacts.all()];

  it("searches with filters, sorted by createdate, and counts", async () => {
    const since = SEED_NOW - 30 * DAY;
    const filterGroups = [
      { filters: [{ propertyName: "createdate", operator: "GTE" as const, value: String(since) }] },
    ];
    const found = await collect(hubspot.searchContacts({ filterGroups, properties: ["email"] }));
    const expected = allContacts().filter((contact) => contact.createdAt >= since);
    expect(found.length).toBeGreaterThan(0);
    expect(sortedIds(found)).toEqual(sortedIds(expected));
    const times = found.map((record) => Date.parse(record.properties["createdate"] ?? ""));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(found[0]?.properties).toHaveProperty("email");
    expect(await hubspot.countContacts(filterGroups)).toBe(expected.length);
  });

  it("lists every contact through the list endpoint, 100 per page", async () => {
    const before = running.requests.count("GET /crm/v3/objects/contacts");
    const listed = await collect(hubspot.listContacts({ properties: ["email", "country"] }));
    expect(sortedIds(listed)).toEqual(sortedIds(allContacts()));
    expect(running.requests.count("GET /crm/v3/objects/contacts") - before).toBe(30);
  });

  it("reads a small recent window by search, reusing the probe page", async () => {
    const since = SEED_NOW - 10 * DAY;
    const before = running.requests.count();
    const read = await hubspot.readContacts({ createdAfter: since, properties: ["email"] });
    const contacts = await collect(read.contacts);
    const expected = allContacts().filter((contact) => contact.createdAt >= since);
    expect(read.path).toBe("search");
    expect(read.matching).toBe(expected.length);
    expect(sortedIds(contacts)).toEqual(sortedIds(expected));
    expect(running.requests.count() - before).toBe(Math.ceil(expected.length / 200));
  });

  it("reads a window that is most of the portal by listing, and all contacts by listing", async () => {
    const since = SEED_NOW - 1_000 * DAY;
    const until = SEED_NOW - 2 * DAY;
    // The choice weighs the probe's latency against the search limit; a 1-per-second search
    // limit keeps it clear-cut even on a loaded machine (listing wins below ~480 ms per request).
    const slowSearch = adapterFor(running, { limits: { searchPerSecond: 1 } });
    const read = await slowSearch.readContacts({ createdAfter: since, createdBefore: until });
    const contacts = await collect(read.contacts);
    expect(read.path).toBe("list");
    expect(read.estimate?.list?.calls).toBe(30);
    expect(sortedIds(contacts)).toEqual(
      sortedIds(allContacts().filter((contact) => contact.createdAt >= since && contact.createdAt < until)),
    );
    const everything = await hubspot.readContacts();
    expect(everything.path).toBe("list");
    expect(await collect(everything.contacts)).toHaveLength(3_000);
  });

  it("refuses a window bound that is not an instant, before any request", async () => {
    const before = running.requests.count();
    await expect(hubspot.readContacts({ createdAfter: Number.NaN })).rejects.toThrow(
      "readContacts: createdAfter must be an instant in epoch milliseconds, got NaN",
    );
    expect(running.requests.count()).toBe(before);
  });

  it("batch-reads contacts and companies 100 per request, leaving unknown ids out", async () => {
    const ids = allContacts()
      .slice(0, 250)
      .map((contact) => contact.id);
    const before = running.requests.count("POST /crm/v3/objects/contacts/batch/read");
    const contacts = await hubspot.batchReadContacts([...ids, "999999999"], ["email", "hubspot_owner_id"]);
    expect(sortedIds(contacts)).toEqual([...ids].sort((a, b) => Number(a) - Number(b)));
    expect(running.requests.count("POST /crm/v3/objects/contacts/batch/read") - before).toBe(3);
    const companyIds = [...running.portal.companies.all()].slice(0, 5).map((company) => company.id);
    const companies = await hubspot.batchReadCompanies(companyIds, ["numberofemployees", "hubspot_owner_id"]);
    expect(sortedIds(companies)).toEqual([...companyIds].sort((a, b) => Number(a) - Number(b)));
    expect(companies[0]?.properties).toHaveProperty("numberofemployees");
  });

  it("reads each contact's companies, primary first, and an empty list for contacts without one", async () => {
    const contacts = allContacts().slice(0, 1_200);
    const withCompany = contacts.find((contact) => running.portal.associations.primaryCompanyOf(contact.id));
    const second = [...running.portal.companies.all()].find(
      (company) => company.id !== running.portal.associations.primaryCompanyOf(withCompany?.id ?? ""),
    );
    // A secondary company listed before the primary one: the adapter must still put the primary first.
    running.portal.associations.clearPrimary(withCompany?.id ?? "");
    running.portal.associations.associate(withCompany?.id ?? "", second?.id ?? "", false);
    const primary = [...running.portal.companies.all()].find((company) => company.id !== second?.id);
    running.portal.associations.associate(withCompany?.id ?? "", primary?.id ?? "", true);
    const before = running.requests.count("POST /crm/v4/associations/contacts/companies/batch/read");
    const result = await hubspot.readContactCompanyAssociations(contacts.map((contact) => contact.id));
    expect(running.requests.count("POST /crm/v4/associations/contacts/companies/batch/read") - before).toBe(2);
    expect(result.map((entry) => entry.contactId)).toEqual(contacts.map((contact) => contact.id));
    const entry = result.find((item) => item.contactId === withCompany?.id);
    expect(entry?.primaryCompanyId).toBe(primary?.id);
    expect(entry?.companyIds[0]).toBe(primary?.id);
    expect(entry?.companyIds).toContain(second?.id);
    for (const item of result) {
      expect(item.primaryCompanyId ?? null).toBe(running.portal.associations.primaryCompanyOf(item.contactId) ?? null);
    }
  });

  it("reads a contact's sequence enrollment, and none for a contact never enrolled", async () => {
    const enrolled = allContacts().find((contact) => running.portal.enrollments.latest(contact.id));
    const never = allContacts().find((contact) => !running.portal.enrollments.latest(contact.id));
    const latest = running.portal.enrollments.latest(enrolled?.id ?? "");
    const enrollments = await hubspot.listSequenceEnrollments(enrolled?.id ?? "");
    expect(enrollments).toEqual([
      expect.objectContaining({ sequenceId: latest?.sequenceId, enrolledByEmail: latest?.enrolledByEmail }),
    ]);
    expect(await hubspot.listSequenceEnrollments(never?.id ?? "")).toEqual([]);
  });
});

describe("flows and action types", () => {
  const body = (name: string) =>
    contactFlowBody(name, { description: "[managed by RouteOps] test", actions: [delayAction("1", 60)] });

  it("creates, lists, reads, replaces and deletes a flow", async () => {
    const created = await hubspot.createFlow(body("RouteOps: test"));
    expect(created.revisionId).toBe("1");
    expect((await hubspot.listFlows()).map((flow) => [flow.id, flow.name, flow.revisionId])).toContainEqual([
      created.id,
      "RouteOps: test",
      "1",
    ]);
    const [read] = await hubspot.getFlows([created.id, "424242"]);
    expect(read).toMatchObject({ id: created.id, name: "RouteOps: test" });
    const replaced = await hubspot.replaceFlow(created.id, body("RouteOps: renamed"), created.revisionId);
    expect(replaced).toMatchObject({ name: "RouteOps: renamed", revisionId: "2" });
    await hubspot.deleteFlow(created.id);
    expect((await hubspot.listFlows()).some((flow) => flow.id === created.id)).toBe(false);
  });

  it("refuses a replace based on a stale revision with a typed conflict", async () => {
    const created = await hubspot.createFlow(body("RouteOps: conflict"));
    await hubspot.replaceFlow(created.id, body("RouteOps: changed in HubSpot"), "1");
    const error = await hubspot
      .replaceFlow(created.id, body("RouteOps: stale"), "1")
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FlowRevisionConflictError);
    expect(error).toMatchObject({
      flowId: created.id,
      expectedRevisionId: "1",
      status: 409,
      code: "flow_revision_conflict",
    });
    expect((error as Error).message).toMatch(/PUT \/automation\/v4\/flows\/\d+ failed \(HTTP 409/);
    expect((await hubspot.getFlows([created.id]))[0]?.name).toBe("RouteOps: changed in HubSpot");
  });

  it("lists the portal's workflow action types", async () => {
    const types = await hubspot.listActionTypes();
    expect(types.map((type) => type.actionTypeId)).toContain("0-1");
    expect(types.find((type) => type.actionTypeId === "0-1")?.name).toBe("Delay");
  });
});

describe("request counts", () => {
  it("counts every HTTP request by endpoint, as the emulator saw them", async () => {
    const counted = adapterFor(running);
    running.requests.reset();
    await counted.listOwners();
    await counted.listProperties("contacts");
    await counted.countContacts();
    expect(counted.requests.byEndpoint()).toEqual({
      "GET /crm/v3/owners": 2,
      "GET /crm/v3/properties/contacts": 1,
      "POST /crm/v3/objects/contacts/search": 1,
    });
    expect(counted.requests.count()).toBe(running.requests.count());
    for (const [endpoint, count] of Object.entries(counted.requests.byEndpoint())) {
      expect(running.requests.count(endpoint)).toBe(count);
    }
  });
});
