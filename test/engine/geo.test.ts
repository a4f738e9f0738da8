import { describe, expect, it } from "vitest";
import { compileTerritories, findTerritory, normaliseCountry, normaliseState } from "../../src/engine";
import { territories } from "../reference/routing/territories";

describe("normaliseCountry", () => {
  it.each([
    ["US", "US"],
    ["usa", "US"],
    ["U.S.", "US"],
    ["U.S.A.", "US"],
    ["United States", "US"],
    ["united states of america", "US"],
    ["America", "US"],
    ["  us  ", "US"],
    ["UK", "GB"],
    ["U.K.", "GB"],
    ["Great Britain", "GB"],
    ["United Kingdom", "GB"],
    ["England", "GB"],
    ["Scotland", "GB"],
    ["Wales", "GB"],
    ["Northern Ireland", "GB"],
    ["GBR", "GB"],
    ["CA", "CA"],
    ["Canada", "CA"],
    ["CAN", "CA"],
    ["Germany", "DE"],
    ["Deutschland", "DE"],
    ["DEU", "DE"],
    ["the Netherlands", "NL"],
    ["Holland", "NL"],
    ["España", "ES"],
    ["Ireland", "IE"],
    ["UAE", "AE"],
    ["United Arab Emirates", "AE"],
    ["South Africa", "ZA"],
    ["Israel", "IL"],
    ["Switzerland", "CH"],
    ["Japan", "JP"],
    ["Brazil", "BR"],
    ["India", "IN"],
    ["Australia", "AU"],
    ["Mexico", "MX"],
    ["China", "CN"],
    ["Côte d'Ivoire", "CI"],
  ])("%j -> %s", (raw, code) => {
    expect(normaliseCountry(raw)).toBe(code);
  });

  it("no value is null: missing, empty, blank", () => {
    expect(normaliseCountry(undefined)).toBeNull();
    expect(normaliseCountry("")).toBeNull();
    expect(normaliseCountry("   ")).toBeNull();
  });

  it("a value that is no country is kept trimmed and upper-cased", () => {
    expect(normaliseCountry("  Atlantis ")).toBe("ATLANTIS");
    expect(normaliseCountry("N/A")).toBe("N/A");
  });
});

describe("normaliseState", () => {
  it.each([
    ["US", "California", "CA"],
    ["US", "ca", "CA"],
    ["US", " CA ", "CA"],
    ["US", "Washington", "WA"],
    ["US", "District of Columbia", "DC"],
    ["US", "Washington DC", "DC"],
    ["US", "Washington, D.C.", "DC"],
    ["US", "N.Y.", "NY"],
    ["US", "new york", "NY"],
    ["CA", "Ontario", "ON"],
    ["CA", "Québec", "QC"],
    ["CA", "quebec", "QC"],
    ["CA", "BC", "BC"],
  ])("%s %j -> %s", (country, raw, code) => {
    expect(normaliseState(country, raw)).toBe(code);
  });

  it("CA is California in the US and stays CA elsewhere; a Canadian CA is no province", () => {
    expect(normaliseState("US", "CA")).toBe("CA");
    expect(normaliseState("CA", "California")).toBe("CALIFORNIA");
  });

  it("states outside the US and Canada, and unknown ones, are trimmed and upper-cased", () => {
    expect(normaliseState("GB", " London ")).toBe("LONDON");
    expect(normaliseState("US", "Cali")).toBe("CALI");
    expect(normaliseState("US", "")).toBeNull();
    expect(normaliseState(null, "NY")).toBe("NY");
  });
});

describe("territory lookup (reference territories)", () => {
  const index = compileTerritories(territories);
  const territoryOf = (country: string | null, state: string | null) =>
    findTerritory(index, country, state)?.territory ?? null;

  it("western states are na-west; other states, DC and no state are na-east", () => {
    expect(territoryOf("US", "CA")).toBe("na-west");
    expect(territoryOf("US", "HI")).toBe("na-west");
    expect(territoryOf("US", "NY")).toBe("na-east");
    expect(territoryOf("US", "DC")).toBe("na-east");
    expect(territoryOf("US", null)).toBe("na-east");
    expect(territoryOf("US", "CALI")).toBe("na-east");
  });

  it("Canada is na-east whatever the province", () => {
    expect(territoryOf("CA", "BC")).toBe("na-east");
    expect(territoryOf("CA", null)).toBe("na-east");
  });

  it("EMEA countries are emea; others and no country are in no territory", () => {
    expect(territoryOf("GB", null)).toBe("emea");
    expect(territoryOf("ZA", "GAUTENG")).toBe("emea");
    expect(territoryOf("JP", null)).toBeNull();
    expect(territoryOf("BR", null)).toBeNull();
    expect(territoryOf(null, "CA")).toBeNull();
  });

  it("the first territory in config order wins where clauses overlap", () => {
    const overlapping = compileTerritories([
      { id: "first", matches: [{ country: "usa", states: ["California"] }] },
      { id: "second", matches: [{ country: "US" }] },
    ]);
    expect(findTerritory(overlapping, "US", "CA")?.territory).toBe("first");
    expect(findTerritory(overlapping, "US", "NY")?.territory).toBe("second");
  });
});
