/**
 * Territories and segments as filters HubSpot can evaluate: a territory is a list of country (and
 * state) spellings compared with the contact's `country` and `state`; a segment is a range of the
 * primary company's `numberofemployees`, or no company / no value for a `whenUnknown` segment.
 */
import type { SegmentConfig, TerritoryConfig, TerritoryMatch } from "../../config/types";
import { and, company, FALSE, or, propertyFilter, text, TRUE, unknown, type Cond } from "./filters";
import { countrySpellings, regionSpellings } from "./spellings";

/** Contact and company properties the derivations read (HubSpot defaults). */
export const CONTACT_COUNTRY = "country";
export const CONTACT_STATE = "state";
export const CONTACT_PRIMARY_COMPANY = "associatedcompanyid";
export const COMPANY_EMPLOYEES = "numberofemployees";

function clause(match: TerritoryMatch): Cond {
  const country = text(CONTACT_COUNTRY, "IS_EQUAL_TO", countrySpellings(match.country));
  const states = match.states ? text(CONTACT_STATE, "IS_EQUAL_TO", regionSpellings(match.country, match.states)) : TRUE;
  // "Every state except these": a contact with no state is in.
  const except = match.exceptStates
    ? text(CONTACT_STATE, "IS_NOT_EQUAL_TO", regionSpellings(match.country, match.exceptStates), true)
    : TRUE;
  return and(country, states, except);
}

export function territoryCondition(territory: TerritoryConfig): Cond {
  // Whole-country clauses share one filter: a list of every spelling of every such country.
  const wholeCountries = territory.matches.filter((match) => !match.states && !match.exceptStates);
  const narrowed = territory.matches.filter((match) => match.states || match.exceptStates);
  const countries = text(
    CONTACT_COUNTRY,
    "IS_EQUAL_TO",
    wholeCountries.flatMap((match) => countrySpellings(match.country)),
  );
  return or(...narrowed.map(clause), countries);
}

export function segmentCondition(segment: SegmentConfig): Cond {
  const { minEmployees: min, maxEmployees: max } = segment;
  const range =
    min !== undefined && max !== undefined
      ? company(
          propertyFilter(COMPANY_EMPLOYEES, {
            operationType: "NUMBER_RANGED",
            operator: "IS_BETWEEN",
            lowerBound: min,
            upperBound: max,
            includeObjectsWithNoValueSet: false,
          }),
        )
      : min !== undefined
        ? company(
            propertyFilter(COMPANY_EMPLOYEES, {
              operationType: "NUMBER",
              operator: "IS_GREATER_THAN_OR_EQUAL_TO",
              value: min,
              includeObjectsWithNoValueSet: false,
            }),
          )
        : max !== undefined
          ? company(
              propertyFilter(COMPANY_EMPLOYEES, {
                operationType: "NUMBER",
                operator: "IS_LESS_THAN_OR_EQUAL_TO",
                value: max,
                includeObjectsWithNoValueSet: false,
              }),
            )
          : company(
              propertyFilter(COMPANY_EMPLOYEES, {
                operationType: "ALL_PROPERTY",
                operator: "IS_KNOWN",
                includeObjectsWithNoValueSet: false,
              }),
            );
  const whenUnknown = segment.whenUnknown
    ? or(
        unknown(CONTACT_PRIMARY_COMPANY),
        company(
          propertyFilter(COMPANY_EMPLOYEES, {
            operationType: "ALL_PROPERTY",
            operator: "IS_UNKNOWN",
            includeObjectsWithNoValueSet: false,
          }),
        ),
      )
    : FALSE;
  return or(range, whenUnknown);
}
