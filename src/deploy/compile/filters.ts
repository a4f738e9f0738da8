/**
 * A small condition algebra that the compiler folds and then writes as HubSpot filter branches.
 * Conditions are built from property filters on the contact and on its primary company; constants
 * fold away (a rule whose condition is always false is dropped, an always-true one ends the chain).
 */
import type { FilterBranch, FilterOperation, PropertyFilter } from "../model/flow";

export type Cond =
  | { kind: "true" }
  | { kind: "false" }
  | { kind: "filter"; filter: PropertyFilter }
  /** The contact's primary company exists and matches every filter. */
  | { kind: "company"; filters: PropertyFilter[] }
  | { kind: "and"; items: Cond[] }
  | { kind: "or"; items: Cond[] };

export const TRUE: Cond = { kind: "true" };
export const FALSE: Cond = { kind: "false" };

/** Contact -> primary company (HubSpot-defined association type 1). */
export const PRIMARY_COMPANY = { objectTypeId: "0-2", associationTypeId: 1 } as const;

export function and(...items: Cond[]): Cond {
  const kept: Cond[] = [];
  for (const item of items) {
    if (item.kind === "false") return FALSE;
    if (item.kind === "true") continue;
    if (item.kind === "and") kept.push(...item.items);
    else kept.push(item);
  }
  if (kept.length === 0) return TRUE;
  return kept.length === 1 ? (kept[0] as Cond) : { kind: "and", items: kept };
}

export function or(...items: Cond[]): Cond {
  const kept: Cond[] = [];
  for (const item of items) {
    if (item.kind === "true") return TRUE;
    if (item.kind === "false") continue;
    if (item.kind === "or") kept.push(...item.items);
    else kept.push(item);
  }
  if (kept.length === 0) return FALSE;
  return kept.length === 1 ? (kept[0] as Cond) : { kind: "or", items: kept };
}

export function company(...filters: PropertyFilter[]): Cond {
  return { kind: "company", filters };
}

function filter(property: string, operation: FilterOperation): Cond {
  return { kind: "filter", filter: { filterType: "PROPERTY", property, operation } };
}

/** An enumeration (or owner id) is one of `values`; no values folds to false. */
export function anyOf(property: string, values: readonly string[]): Cond {
  if (values.length === 0) return FALSE;
  return filter(property, {
    operationType: "ENUMERATION",
    operator: "IS_ANY_OF",
    values: [...values],
    includeObjectsWithNoValueSet: false,
  });
}

/** An enumeration is none of `values` (an empty value counts as none of them). */
export function noneOf(property: string, values: readonly string[]): Cond {
  if (values.length === 0) return TRUE;
  return filter(property, {
    operationType: "ENUMERATION",
    operator: "IS_NONE_OF",
    values: [...values],
    includeObjectsWithNoValueSet: true,
  });
}

export type TextMatch = "IS_EQUAL_TO" | "IS_NOT_EQUAL_TO" | "STARTS_WITH" | "CONTAINS";

/** A text property compared with any of `values`; `includeEmpty` decides for a contact with no value. */
export function text(property: string, operator: TextMatch, values: readonly string[], includeEmpty = false): Cond {
  if (values.length === 0) return operator === "IS_NOT_EQUAL_TO" ? TRUE : FALSE;
  return filter(property, {
    operationType: "MULTISTRING",
    operator,
    values: [...values],
    includeObjectsWithNoValueSet: includeEmpty,
  });
}

export function isTrue(property: string, value: boolean): Cond {
  return filter(property, {
    operationType: "BOOL",
    operator: "IS_EQUAL_TO",
    value,
    includeObjectsWithNoValueSet: false,
  });
}

export function known(property: string): Cond {
  return filter(property, { operationType: "ALL_PROPERTY", operator: "IS_KNOWN", includeObjectsWithNoValueSet: false });
}

export function unknown(property: string): Cond {
  return filter(property, {
    operationType: "ALL_PROPERTY",
    operator: "IS_UNKNOWN",
    includeObjectsWithNoValueSet: false,
  });
}

/**
 * The time zone of the time points the flows compare with. A point "now minus N days" is the same
 * instant in every zone, so UTC changes nothing; the contract requires a `zoneId` all the same.
 */
export const TIME_POINT_ZONE = "UTC";

/**
 * A datetime property is at or after now minus `days` (IS_AFTER) or strictly before it
 * (IS_BEFORE). An empty value is after nothing and before nothing.
 */
export function withinDays(property: string, days: number, operator: "IS_AFTER" | "IS_BEFORE"): Cond {
  return filter(property, {
    operationType: "TIME_POINT",
    operator,
    type: "TIME_POINT",
    includeObjectsWithNoValueSet: false,
    timePoint: {
      timeType: "INDEXED",
      zoneId: TIME_POINT_ZONE,
      indexReference: { referenceType: "NOW" },
      offset: { days: -days },
    },
  });
}

export function propertyFilter(property: string, operation: FilterOperation): PropertyFilter {
  return { filterType: "PROPERTY", property, operation };
}

/** One AND term of a disjunctive normal form: contact filters plus one merged company filter list. */
interface Term {
  filters: PropertyFilter[];
  company: PropertyFilter[] | null;
}

function dnf(cond: Cond): Term[] {
  switch (cond.kind) {
    case "true":
      return [{ filters: [], company: null }];
    case "false":
      return [];
    case "filter":
      return [{ filters: [cond.filter], company: null }];
    case "company":
      return [{ filters: [], company: [...cond.filters] }];
    case "or":
      return cond.items.flatMap(dnf);
    case "and":
      return cond.items.reduce<Term[]>(
        (terms, item) =>
          terms.flatMap((left) =>
            dnf(item).map((right) => ({
              filters: [...left.filters, ...right.filters],
              // A contact has one primary company, so two company conditions are one company matching both.
              company: left.company || right.company ? [...(left.company ?? []), ...(right.company ?? [])] : null,
            })),
          ),
        [{ filters: [], company: null }],
      );
  }
}

/**
 * The condition as an OR of AND branches (HubSpot's shape for enrollment and list branches).
 * Callers fold constants first: a constant condition has no branch.
 */
function distinctFilters(filters: PropertyFilter[]): PropertyFilter[] {
  const seen = new Set<string>();
  return filters.filter((f) => {
    const key = JSON.stringify(f);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

export function toFilterBranch(cond: Cond): FilterBranch {
  const seen = new Set<string>();
  const branches: FilterBranch[] = [];
  for (const raw of dnf(cond)) {
    const term = { filters: distinctFilters(raw.filters), company: raw.company && distinctFilters(raw.company) };
    const branch: FilterBranch = {
      filterBranchType: "AND",
      filterBranchOperator: "AND",
      filters: term.filters,
      filterBranches: term.company
        ? [
            {
              filterBranchType: "ASSOCIATION",
              filterBranchOperator: "AND",
              objectTypeId: PRIMARY_COMPANY.objectTypeId,
              operator: "IN_LIST",
              associationTypeId: PRIMARY_COMPANY.associationTypeId,
              associationCategory: "HUBSPOT_DEFINED",
              filters: term.company,
              filterBranches: [],
            },
          ]
        : [],
    };
    const key = JSON.stringify(branch);
    if (seen.has(key)) continue;
    seen.add(key);
    branches.push(branch);
  }
  return { filterBranchType: "OR", filterBranchOperator: "OR", filters: [], filterBranches: branches };
}
