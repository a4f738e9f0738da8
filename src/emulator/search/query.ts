import { badRequest } from "../http/errors";
import { QUERY_PROPERTIES, type ObjectType } from "../portal/object-types";
import type { Portal } from "../portal/portal";
import type { PropertyDefinition } from "../portal/property-definition";
import type { CrmRecord } from "../portal/records";
import { comparable, isOrdered, OPERATORS, passes, tokenPattern, type CompiledFilter, type Operator } from "./filters";

/** HubSpot's search limits. */
export const SEARCH_LIMITS = {
  filterGroups: 5,
  filtersPerGroup: 6,
  filters: 18,
  sorts: 1,
  pageSize: 200,
  results: 10_000,
} as const;

/** A checked search request. */
export interface CompiledSearch {
  groups: CompiledFilter[][];
  sort?: { property: string; descending: boolean };
  limit: number;
  offset: number;
  properties?: string[];
  query?: string;
}

type Body = Record<string, unknown>;

const needsValue: readonly Operator[] = [
  "EQ",
  "NEQ",
  "LT",
  "LTE",
  "GT",
  "GTE",
  "BETWEEN",
  "CONTAINS_TOKEN",
  "NOT_CONTAINS_TOKEN",
];

function definitionOf(portal: Portal, objectType: ObjectType, name: unknown, where: string): PropertyDefinition {
  if (typeof name !== "string" || name === "") throw badRequest(`${where}: propertyName is required.`);
  const definition = portal.properties[objectType].get(name);
  if (!definition) throw badRequest(`${where}: property "${name}" does not exist on ${objectType}.`);
  return definition;
}

function comparableValue(definition: PropertyDefinition, raw: unknown, where: string): string | number {
  if (raw === undefined || raw === null) throw badRequest(`${where}: a value is required.`);
  const value = comparable(definition, String(raw));
  if (typeof value === "number" && Number.isNaN(value)) {
    throw badRequest(`${where}: "${String(raw)}" is not a valid ${definition.type} value for ${definition.name}.`);
  }
  return value;
}

function compileFilter(portal: Portal, objectType: ObjectType, raw: unknown, where: string): CompiledFilter {
  const filter = (typeof raw === "object" && raw !== null ? raw : {}) as Body;
  const definition = definitionOf(portal, objectType, filter.propertyName, where);
  const operator = filter.operator as Operator;
  if (!OPERATORS.includes(operator)) {
    throw badRequest(`${where}: operator "${String(filter.operator)}" is not one of ${OPERATORS.join(", ")}.`);
  }
  const compiled: CompiledFilter = { property: definition.name, operator };
  if (needsValue.includes(operator)) {
    if (operator === "CONTAINS_TOKEN" || operator === "NOT_CONTAINS_TOKEN") {
      if (filter.value === undefined) throw badRequest(`${where}: a value is required.`);
      compiled.token = tokenPattern(String(filter.value));
    } else {
      compiled.low = comparableValue(definition, filter.value, where);
    }
    if (operator === "BETWEEN") compiled.high = comparableValue(definition, filter.highValue, `${where} (highValue)`);
  }
  if (operator === "IN" || operator === "NOT_IN") {
    if (!Array.isArray(filter.values) || filter.values.length === 0) {
      throw badRequest(`${where}: operator ${operator} needs a non-empty values array.`);
    }
    if (definition.type === "string") {
      // HubSpot's search guide ("Search the CRM", filter operators): with IN and NOT_IN on a string
      // property, "values must be lowercase letters". What HubSpot answers otherwise is not
      // documented; the emulator refuses, so that a caller breaking the rule fails loudly.
      const upper = filter.values.find((v) => typeof v === "string" && v !== v.toLowerCase());
      if (upper !== undefined) {
        throw badRequest(
          `${where}: operator ${operator} on the string property ${definition.name} needs lower-case values; got "${String(upper)}".`,
        );
      }
    }
    compiled.values = filter.values.map((v) => comparableValue(definition, v, where));
  }
  return compiled;
}

function compileSort(portal: Portal, objectType: ObjectType, raw: unknown): CompiledSearch["sort"] {
  if (typeof raw === "string") {
    const descending = raw.startsWith("-");
    return { property: definitionOf(portal, objectType, raw.replace(/^-/, ""), "sorts[0]").name, descending };
  }
  const sort = (typeof raw === "object" && raw !== null ? raw : {}) as Body;
  const direction = sort.direction ?? "ASCENDING";
  if (direction !== "ASCENDING" && direction !== "DESCENDING") {
    throw badRequest(`sorts[0]: direction must be ASCENDING or DESCENDING.`);
  }
  return {
    property: definitionOf(portal, objectType, sort.propertyName, "sorts[0]").name,
    descending: direction === "DESCENDING",
  };
}

/** Checks a search body against HubSpot's rules; every violation is a 400. */
export function compileSearch(portal: Portal, objectType: ObjectType, raw: unknown): CompiledSearch {
  const body = (raw === undefined ? {} : raw) as Body;
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw badRequest("Invalid input JSON: the search must be a JSON object.");
  const groups = Array.isArray(body.filterGroups) ? body.filterGroups : [];
  if (groups.length > SEARCH_LIMITS.filterGroups) {
    throw badRequest(
      `Too many filter groups: ${groups.length}. The maximum number of filterGroups allowed is ${SEARCH_LIMITS.filterGroups}.`,
    );
  }
  let total = 0;
  const compiled = groups.map((rawGroup, g) => {
    const filters = (rawGroup as Body | null)?.filters;
    if (!Array.isArray(filters)) throw badRequest(`filterGroups[${g}]: filters must be an array.`);
    if (filters.length > SEARCH_LIMITS.filtersPerGroup) {
      throw badRequest(
        `filterGroups[${g}] has ${filters.length} filters. The maximum number of filters allowed per group is ${SEARCH_LIMITS.filtersPerGroup}.`,
      );
    }
    total += filters.length;
    return filters.map((f, i) => compileFilter(portal, objectType, f, `filterGroups[${g}].filters[${i}]`));
  });
  if (total > SEARCH_LIMITS.filters) {
    throw badRequest(
      `The search has ${total} filters. The maximum number of filters allowed in total is ${SEARCH_LIMITS.filters}.`,
    );
  }
  const sorts = Array.isArray(body.sorts) ? body.sorts : [];
  if (sorts.length > SEARCH_LIMITS.sorts)
    throw badRequest(`Only ${SEARCH_LIMITS.sorts} sort is allowed, got ${sorts.length}.`);
  const limit = body.limit === undefined ? 10 : Number(body.limit);
  if (!Number.isInteger(limit) || limit < 0) throw badRequest(`limit must be a non-negative integer.`);
  if (limit > SEARCH_LIMITS.pageSize) {
    throw badRequest(
      `limit ${limit} is too large: the maximum page size of the search API is ${SEARCH_LIMITS.pageSize}.`,
    );
  }
  const offset = body.after === undefined || body.after === null || body.after === "" ? 0 : Number(body.after);
  if (!Number.isInteger(offset) || offset < 0)
    throw badRequest(`after "${String(body.after)}" is not a valid paging cursor.`);
  if (offset >= SEARCH_LIMITS.results) {
    throw badRequest(
      `The search API returns at most ${SEARCH_LIMITS.results} results for a query; after=${offset} pages past that limit. Narrow the query (for example by createdate windows) to read more.`,
      { subCategory: "SearchApiError.RESULT_LIMIT_EXCEEDED" },
    );
  }
  const search: CompiledSearch = { groups: compiled, limit, offset };
  if (sorts.length === 1) search.sort = compileSort(portal, objectType, sorts[0]);
  const properties = Array.isArray(body.properties) ? body.properties.map(String) : undefined;
  if (properties && properties.length > 0) search.properties = properties;
  if (typeof body.query === "string" && body.query.trim() !== "") search.query = body.query.trim().toLowerCase();
  return search;
}

/** The createdate window a group of filters pins, if any (so that the index can narrow the scan). */
function createdWindow(filters: CompiledFilter[]): [number, number] | undefined {
  let lo = -Infinity;
  let hi = Infinity;
  let pinned = false;
  for (const f of filters) {
    if (f.property !== "createdate" || typeof f.low !== "number") continue;
    const low = f.low;
    if (f.operator === "GT" || f.operator === "GTE") lo = Math.max(lo, f.operator === "GT" ? low + 1 : low);
    else if (f.operator === "LT" || f.operator === "LTE") hi = Math.min(hi, f.operator === "LT" ? low - 1 : low);
    else if (f.operator === "EQ") [lo, hi] = [Math.max(lo, low), Math.min(hi, low)];
    else if (f.operator === "BETWEEN" && typeof f.high === "number")
      [lo, hi] = [Math.max(lo, low), Math.min(hi, f.high)];
    else continue;
    pinned = true;
  }
  return pinned ? [lo, hi] : undefined;
}

function candidates(portal: Portal, objectType: ObjectType, search: CompiledSearch): Iterable<CrmRecord> {
  const store = portal.records(objectType);
  const windows = search.groups.map(createdWindow);
  if (windows.length === 0 || windows.some((w) => w === undefined)) return store.all();
  const seen = new Map<string, CrmRecord>();
  for (const [lo, hi] of windows as [number, number][]) {
    for (const record of store.createdBetween(lo, hi)) seen.set(record.id, record);
  }
  return [...seen.values()].sort((a, b) => Number(a.id) - Number(b.id));
}

/** Runs a checked search at `now`: the matches in order and their total (the page is cut by the caller). */
export function runSearch(portal: Portal, objectType: ObjectType, search: CompiledSearch, now: number) {
  const store = portal.records(objectType);
  const definitions = portal.properties[objectType];
  const matches: { record: CrmRecord; values: Record<string, string> }[] = [];
  for (const record of candidates(portal, objectType, search)) {
    const values = store.searchView(record, now);
    if (!values) continue;
    // createdate is the hot filter of windowed reads: compare the stored instant, not the text.
    const created = values === record.properties ? record.createdAt : undefined;
    const groupOk =
      search.groups.length === 0 ||
      search.groups.some((filters) =>
        filters.every((f) =>
          passes(
            f,
            definitions.get(f.property)!,
            values[f.property],
            f.property === "createdate" ? created : undefined,
          ),
        ),
      );
    if (!groupOk) continue;
    if (search.query && !QUERY_PROPERTIES[objectType].some((p) => values[p]?.toLowerCase().includes(search.query!)))
      continue;
    matches.push({ record, values });
  }
  if (search.sort) {
    const { property, descending } = search.sort;
    const definition = definitions.get(property)!;
    const key = (values: Record<string, string>) => {
      const raw = values[property];
      if (raw === undefined || raw === "") return undefined;
      return isOrdered(definition) ? comparable(definition, raw) : raw.toLowerCase();
    };
    const keyed = matches.map((m) => ({ m, k: key(m.values) }));
    keyed.sort((a, b) => {
      if (a.k === undefined || b.k === undefined) {
        if (a.k === b.k) return Number(a.m.record.id) - Number(b.m.record.id);
        return a.k === undefined ? 1 : -1;
      }
      const order = a.k < b.k ? -1 : a.k > b.k ? 1 : Number(a.m.record.id) - Number(b.m.record.id);
      return descending && a.k !== b.k ? -order : order;
    });
    return keyed.map((k) => k.m);
  }
  return matches;
}
