import type { SegmentConfig, TerritoryConfig } from "routeops";

/** US states served by the west coast team. */
const westStates = ["CA", "WA", "OR", "NV", "AZ", "CO", "UT", "ID", "MT", "WY", "NM", "AK", "HI"];

export const territories: TerritoryConfig[] = [
  {
    id: "na-west",
    label: "North America west",
    matches: [{ country: "US", states: westStates }],
  },
  {
    id: "na-east",
    label: "North America east",
    // Any other US state, DC, or no state at all; and Canada.
    matches: [{ country: "US", exceptStates: westStates }, { country: "CA" }],
  },
  {
    id: "emea",
    label: "EMEA",
    matches: [
      "GB",
      "IE",
      "DE",
      "FR",
      "NL",
      "ES",
      "IT",
      "SE",
      "DK",
      "NO",
      "FI",
      "BE",
      "CH",
      "AT",
      "PL",
      "PT",
      "IL",
      "AE",
      "ZA",
    ].map((country) => ({ country })),
  },
];

export const segments: SegmentConfig[] = [
  { id: "enterprise", minEmployees: 1000 },
  { id: "mid-market", minEmployees: 200, maxEmployees: 999 },
  { id: "smb", maxEmployees: 199, whenUnknown: true },
];
