/**
 * Country and state values as people type them, normalised to codes, and the territory they
 * fall in.
 */
import type { TerritoryConfig } from "../config/types";
import { CANADIAN_PROVINCE_CODES, COUNTRY_CODES, lookupKey, US_STATE_CODES } from "./geo-names";

function lookup(table: ReadonlyMap<string, string>, raw: string): string | null {
  const upper = raw.toUpperCase();
  return table.get(upper) ?? table.get(lookupKey(raw)) ?? null;
}

/**
 * ISO 3166-1 alpha-2 code of a typed country (`usa`, `United States`, `U.K.`, `DEU`,
 * `Deutschland`), `null` for no value (missing, empty, blank), or the value trimmed and
 * upper-cased when it is no country we know (so it matches nothing explicit).
 */
export function normaliseCountry(raw: string | null | undefined): string | null {
  if (typeof raw !== "string") return null;
  const trimmed = raw.trim();
  if (trimmed === "") return null;
  return lookup(COUNTRY_CODES, trimmed) ?? trimmed.toUpperCase();
}

/**
 * State code of a typed state in the (normalised) `country`: USPS codes for the US
 * (`California` -> `CA`, `Washington DC` -> `DC`), province codes for Canada (`Québec` -> `QC`).
 * `null` for no value; otherwise, and in other countries, the value trimmed and upper-cased.
 */
export function normaliseState(country: string | null, raw: string | null | undefined): string | null {
  if (typeof raw !== "string") return null;
  const trimmed = raw.trim();
  if (trimmed === "") return null;
  const table = country === "US" ? US_STATE_CODES : country === "CA" ? CANADIAN_PROVINCE_CODES : null;
  return (table && lookup(table, trimmed)) ?? trimmed.toUpperCase();
}

/** One clause of a territory, with its values normalised like contacts' values. */
export interface TerritoryClause {
  territory: string;
  /** Position of the territory in the config (lower wins). */
  order: number;
  country: string;
  states: ReadonlySet<string> | null;
  exceptStates: ReadonlySet<string> | null;
}

/** Territory clauses by country, each list in config order. */
export type TerritoryIndex = ReadonlyMap<string, readonly TerritoryClause[]>;

/** Indexes the territories' clauses by normalised country, keeping config order. */
export function compileTerritories(territories: readonly TerritoryConfig[]): TerritoryIndex {
  const index = new Map<string, TerritoryClause[]>();
  territories.forEach((territory, order) => {
    for (const match of territory.matches ?? []) {
      const country = normaliseCountry(match.country);
      if (country === null) continue;
      const states = (list: string[] | undefined): ReadonlySet<string> | null =>
        list ? new Set(list.map((s) => normaliseState(country, s)).filter((s): s is string => s !== null)) : null;
      const clause = {
        territory: territory.id,
        order,
        country,
        states: states(match.states),
        exceptStates: states(match.exceptStates),
      };
      const list = index.get(country) ?? [];
      list.push(clause);
      index.set(country, list);
    }
  });
  return index;
}

/**
 * The clause that places a contact: the first territory (config order) with a clause whose
 * country is the contact's and whose state lists admit the contact's state. A contact with no
 * country is in no territory.
 */
export function findTerritory(
  index: TerritoryIndex,
  country: string | null,
  state: string | null,
): TerritoryClause | null {
  if (country === null) return null;
  const clauses = index.get(country);
  if (!clauses) return null;
  for (const clause of clauses) {
    if (clause.states && (state === null || !clause.states.has(state))) continue;
    if (clause.exceptStates && state !== null && clause.exceptStates.has(state)) continue;
    return clause;
  }
  return null;
}
