/**
 * How people actually type places and company sizes into forms and imports, with rough
 * frequencies: the raw material of generated contacts.
 */

/** A country as typed, with the states typed alongside it (empty: no state asked). */
export interface PlaceSpelling {
  countries: readonly string[];
  states: readonly string[];
  /** Relative frequency. */
  weight: number;
}

const usStatesWest = ["CA", "California", "ca", "WA", "Washington", "OR", "Oregon", "Colorado", "AZ", "Nevada", "utah"];
const usStatesEast = [
  "NY",
  "New York",
  "ny",
  "TX",
  "Texas",
  "FL",
  "florida",
  "MA",
  "Massachusetts",
  "IL",
  "Georgia",
  "DC",
  "District of Columbia",
  "Washington DC",
  "N.J.",
  "pennsylvania",
];

/** Places, weighted towards the reference organisation's markets. */
export const PLACES: readonly PlaceSpelling[] = [
  {
    countries: ["US", "USA", "United States", "united states of america", "U.S.", "U.S.A.", "America", " us "],
    states: [...usStatesWest, ...usStatesEast, "", "  ", "Cali", "N/A"],
    weight: 48,
  },
  {
    countries: ["Canada", "CA", "CAN", "canada"],
    states: ["ON", "Ontario", "Québec", "QC", "BC", "Alberta", ""],
    weight: 5,
  },
  {
    countries: ["UK", "United Kingdom", "GB", "Great Britain", "England", "Scotland", "U.K."],
    states: ["", "", "London", "Greater Manchester"],
    weight: 10,
  },
  {
    countries: [
      "Germany",
      "DE",
      "Deutschland",
      "France",
      "FR",
      "Netherlands",
      "the Netherlands",
      "Ireland",
      "Spain",
      "España",
      "Israel",
      "UAE",
      "South Africa",
      "Sweden",
      "Poland",
      "ITA",
    ],
    states: ["", "", "Bavaria"],
    weight: 15,
  },
  {
    countries: ["Japan", "JP", "Brazil", "Brasil", "India", "Australia", "AU", "Mexico", "China", "Singapore"],
    states: ["", "NSW", "São Paulo", "Maharashtra"],
    weight: 9,
  },
  { countries: ["Atlantis", "N/A", "-", "Earth", "usa usa"], states: ["", "CA"], weight: 2 },
  { countries: ["", "   "], states: ["", "CA", "NY"], weight: 5 },
];

/** `numberofemployees` as found on companies: clean numbers, separators, junk. */
export const COMPANY_SIZES: readonly (readonly [string | undefined, number])[] = [
  ["3", 4],
  ["12", 8],
  ["45", 10],
  ["120", 10],
  ["199", 3],
  ["200", 3],
  ["350", 8],
  ["750", 6],
  ["999", 2],
  ["1000", 3],
  ["1,200", 4],
  ["4500", 4],
  ["25 000", 2],
  ["120000", 1],
  ["", 4],
  ["unknown", 2],
  ["NaN", 1],
  ["-5", 1],
  [undefined, 8],
];

/** Emails of people who own companies or appear in events but are no rep in any config. */
export const NON_REPS: readonly string[] = [
  "former.rep@acme.test",
  "partner.manager@partner.example",
  "ops-bot@acme.test",
  "  ",
];

/** Form ids that no reference source type knows (they leave the contact unclassified). */
export const UNKNOWN_FORM_IDS: readonly string[] = ["careers-apply", "partner-signup", "event-feedback", "unsubscribe"];

/** Pages that forms sit on, other than the ones the config names. */
export const OTHER_PAGES: readonly string[] = [
  "https://acme.test/blog/routing-101",
  "https://www.acme.test/",
  "/resources/ebooks",
  "https://acme.test/product?utm_source=linkedin",
  "not a url",
];

/** Import sources other than the ones the config names. */
export const OTHER_IMPORT_SOURCES: readonly string[] = [
  "webinar:q3-roadmap",
  "csv:purchased-list",
  "crm-migration",
  "",
];

/** Call outcomes as HubSpot call dispositions spell them. */
export const CALL_OUTCOMES: readonly (readonly [string | undefined, number])[] = [
  [undefined, 5],
  ["connected", 3],
  ["Connected", 1],
  ["no_answer", 2],
  ["left_voicemail", 2],
  ["busy", 1],
];
