/**
 * The account search's cost and limits: D lookup domains cost ceil((ceil(D / 10) + 2) / 5)
 * searches (ten stored forms per domain, 100 values per IN, five groups per request), every
 * request within HubSpot's filter limits (the emulator refuses more), and every stored form found.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { accountSearchGroups, storedDomainForms } from "../../src/hubspot";
import { adapterFor, emulator } from "./emulator-fixture";

const SEARCH = "POST /crm/v3/objects/companies/search";
const T0 = Date.parse("2026-11-27T12:00:00Z");
let running: RunningEmulator | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

describe("HubSpot adapter: companies for account matching", () => {
  it("asks for ten stored forms of each domain, lower case", () => {
    expect(storedDomainForms("acme.example")).toEqual([
      "acme.example",
      "https://acme.example",
      "https://acme.example/",
      "http://acme.example",
      "http://acme.example/",
      "www.acme.example",
      "https://www.acme.example",
      "https://www.acme.example/",
      "http://www.acme.example",
      "http://www.acme.example/",
    ]);
    const groups = accountSearchGroups({ domains: ["Acme.Example"], companyIds: [], additionalDomainsSince: null });
    expect(groups).toEqual([[{ propertyName: "domain", operator: "IN", values: storedDomainForms("acme.example") }]]);
  });

  it.each([
    [1, 1],
    [30, 1],
    [31, 2],
    [100, 3],
  ])("%i lookup domains cost %i searches, and every stored form is found", async (count, searches) => {
    running = await emulator({ clock: () => T0 });
    const forms = ["{d}", "www.{d}", "{D}", "https://{d}/", "http://www.{d}"];
    const domains = Array.from({ length: count }, (_, i) => `company${i}.example`);
    domains.forEach((d, i) => {
      const stored = forms[i % forms.length]!.replace("{d}", d).replace("{D}", d.toUpperCase());
      running!.portal.companies.create({ domain: stored }, T0 - 60_000, "api");
    });
    // One company known by an additional domain, proposed by id.
    const extra = running.portal.companies.create(
      { domain: "other.example", hs_additional_domains: "company0-labs.example" },
      T0 - 60_000,
      "api",
    );
    const hubspot = adapterFor(running);
    const found = await hubspot.searchCompaniesForAccounts(
      { domains, companyIds: [extra.id], additionalDomainsSince: 0 },
      ["name"],
    );
    expect(hubspot.requests.count(SEARCH)).toBe(searches);
    expect(found).toHaveLength(count + 1);
  });
});
