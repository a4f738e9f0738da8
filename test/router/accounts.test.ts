/**
 * Account matching in the router: companies HubSpot stores with `www.`, capitals, a scheme and a
 * trailing slash, or with the domain among their additional domains, are found by the router's
 * search as the engine finds them in a fixture; free mail is never matched.
 */
import { describe, expect, it } from "vitest";
import { compileRouting, route } from "../../src/engine";
import type { RouteCompany, RouteInput } from "../../src/engine/types";

import { portalCompany } from "../../src/simulate/portal-sample";
import { bench, createLead, memoryDatabase, type Bench, benchRouter } from "./support";

// Wed 2026-06-17 17:00Z is 13:00 in New York.
const T0 = Date.parse("2026-06-17T17:00:00Z");
const SEARCH = "POST /crm/v3/objects/companies/search";

function company(b: Bench, domain: string, owner: string, additional?: string): string {
  const properties: Record<string, string> = { domain, hubspot_owner_id: b.ownerIdOf(owner), name: domain };
  if (additional !== undefined) properties.hs_additional_domains = additional;
  return b.emulator.portal.companies.create(properties, T0 - 3_600_000, "api").id;
}

async function routeLeads(b: Bench, emails: string[], at: number) {
  const ids = emails.map((email, i) =>
    createLead(b, { email, country: "US", state: "NY", formId: "demo-request", requestedAt: at + i * 1_000 }),
  );
  return ids;
}

describe("routeops router: account matching by email domain", () => {
  it("finds companies stored as www., capitals, https://…/ or among additional domains, as the engine does", async () => {
    const b = await bench({ start: "2026-06-17T17:00:00Z" });
    const db = await memoryDatabase();
    company(b, "www.globex-www.example", "ava.reed@acme.test");
    company(b, "Initech-Caps.EXAMPLE", "dan.kim@acme.test");
    company(b, "https://umbrella-scheme.example/", "elena.rossi@acme.test");
    company(b, "hooli.example", "lara.chen@acme.test", "hooli-labs.example; hooli.co.example");
    // A company whose domain is free mail: never an account.
    company(b, "gmail.com", "ben.ortiz@acme.test");
    const emails = [
      "ana@globex-www.example",
      "bo@initech-caps.example",
      "cy@eu.umbrella-scheme.example",
      "di@hooli.co.example",
      "ed@gmail.com",
      "fa@nobody-has-this.example",
    ];
    const ids = await routeLeads(b, emails, T0);
    b.clock.set(T0 + 60_000);
    const router = await benchRouter(b, db);
    await router.poll();
    const report = await router.drain();
    expect(report.decided).toBe(6);
    // One companies search for the whole batch.
    expect(b.hubspot.requests.count(SEARCH)).toBe(1);

    const expected: (string | null)[] = [
      "ava.reed@acme.test",
      "dan.kim@acme.test",
      "elena.rossi@acme.test",
      "lara.chen@acme.test",
    ];
    expect(ids.slice(0, 4).map((id) => b.ownerOf(id))).toEqual(expected);

    // The engine, given every company of the portal as a fixture would state them, decides alike.
    const compiled = compileRouting(b.config);
    const ownerEmails = new Map(b.emulator.portal.owners.list().map((o) => [o.id, o.email.toLowerCase()]));
    const all: RouteCompany[] = [...b.emulator.portal.companies.all()].map((c) =>
      portalCompany({ id: c.id, properties: c.properties }, ownerEmails),
    );
    for (const email of emails) {
      const [logged] = await router.why(email);
      const decision = logged!.decision as {
        account: string;
        owner: string | null;
        trace: { stage: string; reason: string }[];
      };
      const engine = route(compiled, { ...(logged!.input as RouteInput), accounts: all });
      expect({ email, account: decision.account, owner: decision.owner }).toEqual({
        email,
        account: engine.account,
        owner: engine.owner,
      });
    }
    const byEmail = async (email: string) =>
      (await router.why(email))[0]!.decision as { account: string; trace: { stage: string; reason: string }[] };
    expect((await byEmail("ed@gmail.com")).account).toBe("free_mail");
    expect((await byEmail("fa@nobody-has-this.example")).account).toBe("none");
    expect((await byEmail("di@hooli.co.example")).trace.find((s) => s.stage === "account")?.reason).toMatch(
      /additional domains: owner lara\.chen@acme\.test/,
    );
    await router.close();
  });

  it("notices additional domains added or removed after its first search", async () => {
    const b = await bench({ start: "2026-06-17T17:00:00Z" });
    const db = await memoryDatabase();
    const hooli = company(b, "hooli.example", "lara.chen@acme.test", "hooli-labs.example");
    const globex = company(b, "globex.example", "ava.reed@acme.test");
    const router = await benchRouter(b, db);
    const accountOf = async (email: string) => {
      const decision = (await router.why(email))[0]!.decision as { account: string; owner: string | null };
      return [decision.account, decision.owner];
    };
    await routeLeads(b, ["a1@hooli-labs.example", "a2@globex-eu.example"], T0);
    b.clock.set(T0 + 60_000);
    await router.poll();
    await router.drain();
    expect(await accountOf("a1@hooli-labs.example")).toEqual(["email_domain", "lara.chen@acme.test"]);
    expect((await accountOf("a2@globex-eu.example"))[0]).toBe("none");

    // An hour later: hooli-labs moved to Globex.
    const later = T0 + 3_600_000;
    b.emulator.portal.companies.update(
      b.emulator.portal.companies.get(hooli)!,
      { hs_additional_domains: "" },
      later - 600_000,
      "api",
    );
    b.emulator.portal.companies.update(
      b.emulator.portal.companies.get(globex)!,
      { hs_additional_domains: "hooli-labs.example;globex-eu.example" },
      later - 600_000,
      "api",
    );
    await routeLeads(b, ["b1@hooli-labs.example", "b2@globex-eu.example"], later);
    b.clock.set(later + 60_000);
    await router.poll();
    await router.drain();
    expect(await accountOf("b1@hooli-labs.example")).toEqual(["email_domain", "ava.reed@acme.test"]);
    expect(await accountOf("b2@globex-eu.example")).toEqual(["email_domain", "ava.reed@acme.test"]);
    await router.close();
  });
});
