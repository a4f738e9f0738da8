import { FilterOperatorEnum as Op, type PublicObjectSearchRequest } from "@hubspot/api-client/lib/codegen/crm/contacts";
import { describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { call, client, emulator, failure, pinnedClock } from "./harness";

const DAY = 86_400_000;
const T0 = Date.parse("2026-11-01T00:00:00Z");

/** Five contacts a day apart with known values. */
async function fiveContacts(emu: RunningEmulator) {
  const rows: Record<string, string>[] = [
    { email: "ana@globex.example", country: "US", state: "CA", lifecyclestage: "lead", firstname: "Ana Maria" },
    { email: "ben@initech.example", country: "usa", state: "NY", lifecyclestage: "opportunity", firstname: "Ben" },
    { email: "chloe@globex.example", country: "Germany", lifecyclestage: "lead", firstname: "Chloe" },
    { email: "dan@hooli.example", country: "Japan", firstname: "Dan" },
    { email: "eve@hooli.example", lifecyclestage: "customer", firstname: "Eve" },
  ];
  for (const [i, row] of rows.entries()) {
    await client(emu).crm.contacts.basicApi.create({
      properties: { ...row, createdate: new Date(T0 + i * DAY).toISOString() },
    });
  }
}

function search(filters: PublicObjectSearchRequest["filterGroups"], extra: Partial<PublicObjectSearchRequest> = {}) {
  return {
    filterGroups: filters,
    properties: ["email"],
    limit: 100,
    after: "0",
    sorts: [],
    ...extra,
  } as PublicObjectSearchRequest;
}

async function emails(emu: RunningEmulator, request: PublicObjectSearchRequest): Promise<string[]> {
  const answer = await client(emu).crm.contacts.searchApi.doSearch(request);
  return answer.results.map((r) => r.properties.email!);
}

const one = (propertyName: string, operator: Op, more: Record<string, unknown>) => [
  { filters: [{ propertyName, operator, ...more }] },
];

describe("emulator search", () => {
  it("supports every operator", async () => {
    const emu = await emulator();
    await fiveContacts(emu);
    const at = (day: number) => new Date(T0 + day * DAY).toISOString();
    expect(await emails(emu, search(one("lifecyclestage", Op.Eq, { value: "lead" })))).toEqual([
      "ana@globex.example",
      "chloe@globex.example",
    ]);
    expect(await emails(emu, search(one("lifecyclestage", Op.Neq, { value: "lead" })))).toHaveLength(3);
    expect(await emails(emu, search(one("createdate", Op.Lt, { value: at(1) })))).toEqual(["ana@globex.example"]);
    expect(await emails(emu, search(one("createdate", Op.Lte, { value: at(1) })))).toHaveLength(2);
    expect(await emails(emu, search(one("createdate", Op.Gt, { value: at(3) })))).toEqual(["eve@hooli.example"]);
    expect(await emails(emu, search(one("createdate", Op.Gte, { value: at(3) })))).toHaveLength(2);
    expect(await emails(emu, search(one("createdate", Op.Between, { value: at(1), highValue: at(2) })))).toEqual([
      "ben@initech.example",
      "chloe@globex.example",
    ]);
    expect(await emails(emu, search(one("country", Op.In, { values: ["us", "usa"] })))).toHaveLength(2);
    expect(await emails(emu, search(one("country", Op.NotIn, { values: ["us", "usa"] })))).toHaveLength(3);
    expect(await emails(emu, search(one("state", Op.HasProperty, {})))).toHaveLength(2);
    expect(await emails(emu, search(one("state", Op.NotHasProperty, {})))).toHaveLength(3);
    expect(await emails(emu, search(one("firstname", Op.ContainsToken, { value: "maria" })))).toEqual([
      "ana@globex.example",
    ]);
    expect(await emails(emu, search(one("email", Op.ContainsToken, { value: "*@hooli.example" })))).toHaveLength(2);
    expect(await emails(emu, search(one("email", Op.NotContainsToken, { value: "*@hooli.example" })))).toHaveLength(3);
  });

  it("compares dates as instants whether the value is ISO or epoch milliseconds", async () => {
    const emu = await emulator();
    await fiveContacts(emu);
    const iso = await emails(emu, search(one("createdate", Op.Gte, { value: "2026-11-03T00:00:00+01:00" })));
    const epoch = await emails(emu, search(one("createdate", Op.Gte, { value: String(T0 + 2 * DAY - 3_600_000) })));
    expect(iso).toEqual(["chloe@globex.example", "dan@hooli.example", "eve@hooli.example"]);
    expect(epoch).toEqual(iso);
  });

  it("ORs filter groups and ANDs filters within a group", async () => {
    const emu = await emulator();
    await fiveContacts(emu);
    const found = await emails(
      emu,
      search([
        {
          filters: [
            { propertyName: "lifecyclestage", operator: Op.Eq, value: "lead" },
            { propertyName: "country", operator: Op.Eq, value: "germany" },
          ],
        },
        { filters: [{ propertyName: "lifecyclestage", operator: Op.Eq, value: "customer" }] },
      ]),
    );
    expect(found).toEqual(["chloe@globex.example", "eve@hooli.example"]);
  });

  it("sorts by one property and pages with after, reporting the total", async () => {
    const emu = await emulator();
    await fiveContacts(emu);
    const api = client(emu).crm.contacts.searchApi;
    const sorts = [{ propertyName: "createdate", direction: "DESCENDING" }] as unknown as string[];
    const first = await api.doSearch(search([], { sorts, limit: 2 }));
    expect(first.total).toBe(5);
    expect(first.results.map((r) => r.properties.email)).toEqual(["eve@hooli.example", "dan@hooli.example"]);
    expect(first.paging?.next?.after).toBe("2");
    const second = await api.doSearch(search([], { sorts, limit: 2, after: first.paging!.next!.after }));
    expect(second.results.map((r) => r.properties.email)).toEqual(["chloe@globex.example", "ben@initech.example"]);
    const last = await api.doSearch(search([], { sorts, limit: 2, after: "4" }));
    expect(last.results).toHaveLength(1);
    expect(last.paging).toBeUndefined();
  });

  it("refuses more than one sort, a limit above 200, and more filters than HubSpot allows", async () => {
    const emu = await emulator();
    const api = client(emu).crm.contacts.searchApi;
    const f = { propertyName: "email", operator: Op.HasProperty };
    const cases: PublicObjectSearchRequest[] = [
      search([], { sorts: ["email", "createdate"] }),
      search([], { limit: 201 }),
      search(Array.from({ length: 6 }, () => ({ filters: [f] }))),
      search([{ filters: Array.from({ length: 7 }, () => f) }]),
      search(Array.from({ length: 4 }, () => ({ filters: Array.from({ length: 5 }, () => f) }))),
    ];
    for (const request of cases) {
      const error = await failure(api.doSearch(request));
      expect(error.code).toBe(400);
      expect(error.body).toMatchObject({ status: "error", category: "VALIDATION_ERROR" });
    }
  });

  it("refuses an unknown property or operator with 400", async () => {
    const emu = await emulator();
    expect(
      (await failure(client(emu).crm.contacts.searchApi.doSearch(search(one("nope", Op.Eq, { value: "x" }))))).code,
    ).toBe(400);
    const raw = await call(emu, "POST", "/crm/v3/objects/contacts/search", {
      filterGroups: [{ filters: [{ propertyName: "email", operator: "LIKE", value: "x" }] }],
    });
    expect(raw.status).toBe(400);
    expect(raw.body.message).toContain("LIKE");
  });

  it("caps a query at 10,000 results: the page at after=10000 is a 400", async () => {
    const emu = await emulator({ seed: { reps: [], contacts: 10_050 } });
    const api = client(emu).crm.contacts.searchApi;
    const all = search(one("email", Op.HasProperty, {}), { limit: 200, after: "9900" });
    const near = await api.doSearch(all);
    expect(near.total).toBe(10_050);
    expect(near.results).toHaveLength(100);
    expect(near.paging?.next?.after).toBe("10000");
    const beyond = await failure(api.doSearch({ ...all, after: "10000" }));
    expect(beyond.code).toBe(400);
    expect(beyond.body.message).toContain("10000");
  });

  it("searches companies too", async () => {
    const emu = await emulator();
    await client(emu).crm.companies.basicApi.create({ properties: { name: "Globex", numberofemployees: "1200" } });
    await client(emu).crm.companies.basicApi.create({ properties: { name: "Initech", numberofemployees: "40" } });
    const answer = await client(emu).crm.companies.searchApi.doSearch({
      filterGroups: one("numberofemployees", Op.Gte, { value: "1000" }),
      properties: ["name"],
      limit: 10,
      after: "0",
      sorts: [],
    });
    expect(answer.results.map((r) => r.properties.name)).toEqual(["Globex"]);
  });

  it("shows new records, and new values, only after the search lag", async () => {
    const clock = pinnedClock();
    const emu = await emulator({ clock: clock.now, searchLagMs: 5_000 });
    const contacts = client(emu).crm.contacts;
    const created = await contacts.basicApi.create({ properties: { email: "lag@x.example", lifecyclestage: "lead" } });
    const byStage = (stage: string) => search(one("lifecyclestage", Op.Eq, { value: stage }));
    expect(await emails(emu, byStage("lead"))).toEqual([]);
    clock.advance(5_000);
    expect(await emails(emu, byStage("lead"))).toEqual(["lag@x.example"]);
    await contacts.basicApi.update(created.id, { properties: { lifecyclestage: "customer" } });
    expect(await emails(emu, byStage("customer"))).toEqual([]);
    expect(await emails(emu, byStage("lead"))).toEqual(["lag@x.example"]);
    clock.advance(5_000);
    expect(await emails(emu, byStage("customer"))).toEqual(["lag@x.example"]);
  });

  it("IN on a string property takes lower-case values only, and finds values stored in capitals", async () => {
    const emu = await emulator();
    await fiveContacts(emu);
    const api = client(emu).crm.contacts.searchApi;
    // HubSpot's search guide: with IN on a string property "values must be lowercase letters".
    const refused = await failure(api.doSearch(search(one("email", Op.In, { values: ["Ana@globex.example"] }))));
    expect(refused.code).toBe(400);
    expect(JSON.stringify(refused.body)).toMatch(/lower-case values; got \\"Ana@globex\.example\\"/);
    await client(emu).crm.contacts.basicApi.create({ properties: { email: "Zed@Capitals.Example" } });
    expect(await emails(emu, search(one("email", Op.In, { values: ["zed@capitals.example"] })))).toEqual([
      "Zed@Capitals.Example",
    ]);
    // Enumeration values are not string values: their case is the option's.
    expect(await emails(emu, search(one("lifecyclestage", Op.In, { values: ["lead"] })))).toHaveLength(2);
  });
});
