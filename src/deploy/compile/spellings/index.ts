/**
 * The spellings a territory filter lists for a country or state. HubSpot compares strings as they
 * are stored (ignoring case), while the engine normalises what people type before matching; so the
 * filters list the code, the English name and the common variants, and anything else is a known
 * difference (warning `territory_spellings`).
 */
import { COUNTRY_NAMES } from "./country-names";
import { CA_PROVINCES, US_STATES } from "./region-names";

const COUNTRY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  US: ["USA", "U.S.", "U.S.A.", "United States of America", "America"],
  GB: ["UK", "U.K.", "Great Britain", "Britain", "England", "Scotland", "Wales", "Northern Ireland", "GBR"],
  AE: ["UAE", "U.A.E."],
  NL: ["Holland", "The Netherlands"],
  DE: ["Deutschland", "DEU"],
  CH: ["Schweiz", "Suisse", "Svizzera"],
  AT: ["Österreich"],
  ES: ["España", "Espana"],
  IT: ["Italia"],
  SE: ["Sverige"],
  DK: ["Danmark"],
  NO: ["Norge"],
  FI: ["Suomi"],
  BE: ["Belgique", "België"],
  PL: ["Polska"],
  IE: ["Éire", "Republic of Ireland"],
  CZ: ["Czech Republic"],
  KR: ["Korea", "Republic of Korea"],
  RU: ["Russian Federation"],
  TR: ["Turkey"],
  CI: ["Ivory Coast", "Cote d'Ivoire"],
  MK: ["Macedonia"],
  SZ: ["Swaziland"],
  MM: ["Burma"],
  VN: ["Viet Nam"],
  ZA: ["RSA"],
  CA: ["Canada"],
};

/** Case-insensitive de-duplication that keeps the first spelling seen. */
function distinct(values: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const key = value.trim().toLowerCase();
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    out.push(value.trim());
  }
  return out;
}

/** "&" and "St." are how CLDR shortens names; people write them out. */
function nameVariants(name: string): string[] {
  const variants = [name];
  if (name.includes(" & ")) variants.push(name.replace(/ & /g, " and "));
  if (name.startsWith("St. ")) variants.push(name.replace(/^St\. /, "Saint "));
  return variants;
}

/** Spellings of one country, code first. */
export function countrySpellings(code: string): string[] {
  const upper = code.trim().toUpperCase();
  const name = COUNTRY_NAMES.get(upper);
  return distinct([upper, ...(name ? nameVariants(name) : []), ...(COUNTRY_ALIASES[upper] ?? [])]);
}

/** Spellings of states/provinces of a country: code and name for the US and Canada, as given elsewhere. */
export function regionSpellings(country: string, codes: readonly string[]): string[] {
  const upper = country.trim().toUpperCase();
  const table = upper === "US" ? US_STATES : upper === "CA" ? CA_PROVINCES : undefined;
  return distinct(
    codes.flatMap((code) => {
      const name = table?.get(code.trim().toUpperCase());
      return name ? [code.trim().toUpperCase(), name] : [code];
    }),
  );
}
