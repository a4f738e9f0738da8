import { describe, expect, it } from "vitest";
import type { RoutingConfig } from "../../src/config";
import { ISO_COUNTRY_CODES } from "../../src/config/validate/iso-countries";
import { icuCountryProblem } from "../../src/config/validate/territories";
import { byId, findingsAfter, messagesAfter } from "./broken-config";

describe("territories", () => {
  it("reports two territories that match the same US state", () => {
    const change = (c: RoutingConfig) => {
      byId(c.territories, "na-east").matches[0] = { country: "US", exceptStates: ["WA", "OR"] };
    };
    expect(findingsAfter(change)).toEqual([["overlapping_territories", "error", "territories.na-east.matches[0]"]]);
    expect(messagesAfter(change)[0]).toBe(
      'territory "na-east" overlaps "na-west": both match US state CA; territories must not overlap',
    );
  });

  it("reports two territories that claim the same whole country", () => {
    expect(
      findingsAfter((c) => {
        byId(c.territories, "emea").matches.push({ country: "CA" });
      }),
    ).toEqual([["overlapping_territories", "error", "territories.emea.matches[19]"]]);
  });

  it("reports overlapping state lists", () => {
    const change = (c: RoutingConfig) => {
      byId(c.territories, "na-east").matches[0] = { country: "US", states: ["NY", "NJ", "HI"] };
    };
    expect(findingsAfter(change)).toEqual([["overlapping_territories", "error", "territories.na-east.matches[0]"]]);
    expect(messagesAfter(change)[0]).toContain("both match US state HI");
  });

  it("accepts a country split into disjoint states", () => {
    expect(
      findingsAfter((c) => {
        byId(c.territories, "na-west").matches = [{ country: "US", states: ["CA"] }];
        byId(c.territories, "na-east").matches = [{ country: "US", exceptStates: ["CA"] }, { country: "CA" }];
      }),
    ).toEqual([]);
  });

  it("warns that a new territory is missing from the byTerritory maps of rules that let every territory through", () => {
    expect(
      findingsAfter((c) => {
        c.territories.push({ id: "apac", matches: [{ country: "JP" }, { country: "AU" }] });
      }),
    ).toEqual([
      ["by_territory_incomplete", "warning", "systems.inbound.rules.inbound-high-intent.outcome.byTerritory"],
      ["by_territory_incomplete", "warning", "systems.inbound.rules.inbound-standard.outcome.byTerritory"],
      ["by_territory_incomplete", "warning", "systems.outbound.rules.outbound-event-territory.outcome.byTerritory"],
    ]);
  });

  it("reports a country that is no ISO 3166-1 alpha-2 code", () => {
    expect(
      findingsAfter((c) => {
        byId(c.territories, "emea").matches[0] = { country: "UK" };
        byId(c.territories, "emea").matches[1] = { country: "ie" };
        byId(c.territories, "emea").matches[2] = { country: "EU" };
      }),
    ).toEqual([
      ["invalid_country", "error", "territories.emea.matches[0].country"],
      ["invalid_country", "error", "territories.emea.matches[1].country"],
      ["invalid_country", "error", "territories.emea.matches[2].country"],
    ]);
  });

  it("reports a clause with both states and exceptStates", () => {
    expect(
      findingsAfter((c) => {
        byId(c.territories, "na-west").matches[0]!.exceptStates = ["CA"];
      }),
    ).toEqual([["invalid_territory_match", "error", "territories.na-west.matches[0].exceptStates"]]);
  });
});

describe("segments", () => {
  it("reports segments whose employee ranges overlap", () => {
    const change = (c: RoutingConfig) => {
      byId(c.segments, "mid-market").maxEmployees = 1000;
    };
    expect(findingsAfter(change)).toEqual([["overlapping_segments", "error", "segments.mid-market"]]);
    expect(messagesAfter(change)[0]).toContain("a company of 1000 employees");
  });

  it("reports two segments that both claim unknown sizes", () => {
    expect(
      findingsAfter((c) => {
        byId(c.segments, "enterprise").whenUnknown = true;
      }),
    ).toEqual([["overlapping_segments", "error", "segments.smb"]]);
  });

  it("reports a range whose maximum is below its minimum", () => {
    expect(
      findingsAfter((c) => {
        byId(c.segments, "mid-market").minEmployees = 1200;
      }),
    ).toEqual([["invalid_segment_range", "error", "segments.mid-market.maxEmployees"]]);
  });
});

describe("the ISO country list that spares validate loading ICU's region names", () => {
  it("holds only codes that ICU's check accepts as countries", () => {
    const refused = [...ISO_COUNTRY_CODES].filter((code) => icuCountryProblem(code) !== undefined);
    expect(refused).toEqual([]);
    expect(ISO_COUNTRY_CODES.size).toBe(249);
  });

  it("still asks ICU about codes it does not list: reserved codes pass, old ones name their replacement", () => {
    expect(ISO_COUNTRY_CODES.has("XK")).toBe(false);
    expect(
      findingsAfter((c) => {
        c.territories.push({ id: "islands", matches: [{ country: "IC" }, { country: "XK" }] });
      }).filter(([code]) => code === "invalid_country"),
    ).toEqual([]);
    expect(icuCountryProblem("YU")).toBe('"YU" is not an ISO 3166-1 alpha-2 country code: use "RS"');
    expect(icuCountryProblem("ZZ")).toContain('"ZZ" is not an ISO 3166-1 alpha-2 country code');
  });
});
