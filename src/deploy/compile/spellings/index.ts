/**
 * The spellings a territory filter lists for a country or state. HubSpot compares stored strings
 * (ignoring case) while the engine normalises what people type before matching, so the filters
 * list every name the engine's table knows (src/engine/geo-names.ts, inverted here so that the two
 * never disagree) plus the punctuated and accented forms people type. Anything else is a known
 * difference (warning `territory_spellings`).
 */
import { CANADIAN_PROVINCE_CODES, COUNTRY_CODES, US_STATE_CODES } from "../../../engine/geo-names";

/** Forms the engine's lookup keys lose (dots, accents, apostrophes), by code. */
const TYPED_COUNTRY_FORMS: Readonly<Record<string, readonly string[]>> = {
  US: ["U.S.", "U.S.A."],
  GB: ["U.K.", "G.B."],
  AE: ["U.A.E."],
  AT: ["Österreich"],
  BE: ["België"],
  CI: ["Côte d'Ivoire", "Cote d'Ivoire"],
  ES: ["España"],
  IE: ["Éire"],
  CW: ["Curaçao"],
  RE: ["Réunion"],
  BL: ["Saint Barthélemy"],
  AX: ["Åland Islands"],
  TR: ["Türkiye"],
};

const TYPED_REGION_FORMS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  US: { DC: ["D.C.", "Washington D.C.", "Washington, D.C."], VI: ["U.S. Virgin Islands"] },
  CA: { QC: ["Québec"] },
};

const SMALL_WORDS = new Set(["AND", "OF", "THE", "DA", "DE", "DU", "DEL", "LA"]);

/** A lookup key as people write it ("UNITED STATES OF AMERICA" -> "United States of America"). */
function readable(key: string, code: string): string {
  if (key === code || /^[A-Z]{1,3}$/.test(key)) return key;
  return key
    .split(" ")
    .map((word, index) =>
      index > 0 && SMALL_WORDS.has(word) ? word.toLowerCase() : word.charAt(0) + word.slice(1).toLowerCase(),
    )
    .join(" ");
}

function invert(table: ReadonlyMap<string, string>): Map<string, string[]> {
  const byCode = new Map<string, string[]>();
  for (const [key, code] of table) byCode.set(code, [...(byCode.get(code) ?? []), readable(key, code)]);
  return byCode;
}

const COUNTRY_SPELLINGS = invert(COUNTRY_CODES);
const REGION_SPELLINGS: Readonly<Record<string, Map<string, string[]>>> = {
  US: invert(US_STATE_CODES),
  CA: invert(CANADIAN_PROVINCE_CODES),
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

/**
 * Names people write with a leading "the" ("the Netherlands", "the United States"). The engine
 * drops a leading "the" before its lookup; HubSpot compares whole strings, so list those forms.
 */
const TAKES_ARTICLE =
  /\b(United|Republic|Kingdom|Islands|Emirates|Gambia|Netherlands|Philippines|Bahamas|Maldives|Seychelles|Comoros|States)\b/;

function withArticle(names: readonly string[]): string[] {
  return names.filter((name) => !/^[A-Z]{1,3}$/.test(name) && TAKES_ARTICLE.test(name)).map((name) => `the ${name}`);
}

/** Spellings of one country, code first. */
export function countrySpellings(code: string): string[] {
  const upper = code.trim().toUpperCase();
  const names = [...(COUNTRY_SPELLINGS.get(upper) ?? []), ...(TYPED_COUNTRY_FORMS[upper] ?? [])];
  return distinct([upper, ...names, ...withArticle(names)]);
}

/** Spellings of states/provinces: every known name for the US and Canada, the values as given elsewhere. */
export function regionSpellings(country: string, codes: readonly string[]): string[] {
  const upper = country.trim().toUpperCase();
  const table = REGION_SPELLINGS[upper];
  return distinct(
    codes.flatMap((raw) => {
      const code = raw.trim().toUpperCase();
      return [code, ...(table?.get(code) ?? []), ...(TYPED_REGION_FORMS[upper]?.[code] ?? [])];
    }),
  );
}
