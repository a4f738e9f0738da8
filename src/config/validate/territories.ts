/**
 * Territories and segments: a contact is in at most one territory and one segment, so no two of
 * them may claim the same country and state, or the same company size.
 */
import type { SegmentConfig, TerritoryMatch } from "../types";
import type { RoutingDirectory } from "./directory";
import { error, type Finding } from "./finding";
import { ISO_COUNTRY_CODES } from "./iso-countries";
import { element } from "./path";

/** Reports country codes that are no ISO region, contradictory clauses and overlapping territories. */
export function checkTerritories(dir: RoutingDirectory): Finding[] {
  const findings: Finding[] = [];
  const territories = dir.config.territories;
  territories.forEach((territory, i) => {
    territory.matches.forEach((match, j) => {
      const at = ["territories", element(territory, i), "matches", j];
      const problem = countryProblem(match.country);
      if (problem !== undefined) findings.push(error("invalid_country", [...at, "country"], problem));
      if (match.states !== undefined && match.exceptStates !== undefined) {
        findings.push(
          error(
            "invalid_territory_match",
            [...at, "exceptStates"],
            'a clause takes "states" or "exceptStates", not both: split it into two clauses',
          ),
        );
      }
    });
  });
  for (let a = 0; a < territories.length; a++) {
    for (let b = a + 1; b < territories.length; b++) {
      const first = territories[a]!;
      const second = territories[b]!;
      const clash = firstOverlap(first.matches, second.matches);
      if (clash === undefined) continue;
      findings.push(
        error(
          "overlapping_territories",
          ["territories", element(second, b), "matches", clash.index],
          `territory "${second.id}" overlaps "${first.id}": both match ${clash.example}; territories must not overlap`,
        ),
      );
    }
  }
  return findings;
}

/** ICU's region names, loaded only for a code that is not in the ISO list (see iso-countries.ts). */
let regions: Intl.DisplayNames | undefined;

/** Why a country value is no ISO 3166-1 alpha-2 country code; undefined when it is one. */
function countryProblem(code: string): string | undefined {
  return ISO_COUNTRY_CODES.has(code) ? undefined : icuCountryProblem(code);
}

/** {@link countryProblem} as ICU answers it, without the ISO list (exported for the list's test). */
export function icuCountryProblem(code: string): string | undefined {
  const example = '(for example "US", "GB", "DE")';
  if (!/^[A-Z]{2}$/.test(code))
    return `"${code}" is not an ISO 3166-1 alpha-2 country code: two capital letters ${example}`;
  // ICU knows aliases (UK, DD, YU) and groupings (EU, UN, QO) that no contact's country normalises to.
  const canonical = Intl.getCanonicalLocales(`und-${code}`)[0]?.slice(4);
  if (canonical !== undefined && canonical !== code)
    return `"${code}" is not an ISO 3166-1 alpha-2 country code: use "${canonical}"`;
  regions ??= new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });
  const name = regions.of(code);
  const grouping = /^(EU|EZ|UN|Q[M-Z]|X[A-JL-Z])$/.test(code);
  if (grouping || name === undefined || name === code || name === "Unknown Region") {
    return `"${code}" is not an ISO 3166-1 alpha-2 country code ${example}`;
  }
  return undefined;
}

/** The first clause of `later` that can match a contact some clause of `earlier` matches. */
function firstOverlap(
  earlier: TerritoryMatch[],
  later: TerritoryMatch[],
): { index: number; example: string } | undefined {
  for (let j = 0; j < later.length; j++) {
    for (const clause of earlier) {
      const example = sharedPlace(clause, later[j]!);
      if (example !== undefined) return { index: j, example };
    }
  }
  return undefined;
}

/** A country (and state) that both clauses match, described for a message; undefined when none. */
function sharedPlace(a: TerritoryMatch, b: TerritoryMatch): string | undefined {
  const country = a.country.toUpperCase();
  if (country !== b.country.toUpperCase()) return undefined;
  const allowed = (m: TerritoryMatch) => (m.states ? new Set(m.states.map((s) => s.toUpperCase())) : undefined);
  const excluded = (m: TerritoryMatch) => new Set((m.exceptStates ?? []).map((s) => s.toUpperCase()));
  const onlyA = allowed(a);
  const onlyB = allowed(b);
  if (onlyA && onlyB) {
    const shared = [...onlyA].filter((s) => onlyB.has(s) && !excluded(a).has(s) && !excluded(b).has(s));
    return shared.length ? `${country} state ${shared[0]}` : undefined;
  }
  if (onlyA || onlyB) {
    const only = (onlyA ?? onlyB)!;
    const other = onlyA ? b : a;
    const shared = [...only].filter((s) => !excluded(other).has(s));
    return shared.length ? `${country} state ${shared[0]}` : undefined;
  }
  // Neither lists states: both match a contact with no state at all.
  return `${country} with no state`;
}

/** Reports impossible size ranges and segments that can claim the same company. */
export function checkSegments(dir: RoutingDirectory): Finding[] {
  const findings: Finding[] = [];
  const segments = dir.config.segments;
  segments.forEach((segment, i) => {
    const at = ["segments", element(segment, i)];
    for (const bound of ["minEmployees", "maxEmployees"] as const) {
      const value = segment[bound];
      if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
        findings.push(
          error("invalid_segment_range", [...at, bound], `${bound} ${value} is not a whole number of employees`),
        );
      }
    }
    if (
      segment.minEmployees !== undefined &&
      segment.maxEmployees !== undefined &&
      segment.maxEmployees < segment.minEmployees
    ) {
      findings.push(
        error(
          "invalid_segment_range",
          [...at, "maxEmployees"],
          `maxEmployees ${segment.maxEmployees} is below minEmployees ${segment.minEmployees}: no company fits`,
        ),
      );
    }
  });
  for (let a = 0; a < segments.length; a++) {
    for (let b = a + 1; b < segments.length; b++) {
      const clash = segmentOverlap(segments[a]!, segments[b]!);
      if (clash === undefined) continue;
      findings.push(
        error(
          "overlapping_segments",
          ["segments", element(segments[b]!, b)],
          `segment "${segments[b]!.id}" overlaps "${segments[a]!.id}": both match ${clash}; a company must fall in one segment`,
        ),
      );
    }
  }
  return findings;
}

function segmentOverlap(a: SegmentConfig, b: SegmentConfig): string | undefined {
  if (a.whenUnknown && b.whenUnknown) return "a company of unknown size";
  const low = Math.max(a.minEmployees ?? 0, b.minEmployees ?? 0);
  const high = Math.min(a.maxEmployees ?? Infinity, b.maxEmployees ?? Infinity);
  if (low > high) return undefined;
  return `a company of ${low} employees`;
}
