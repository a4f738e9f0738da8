import type { PropertyDefinition } from "../portal/property-definition";
import { parseInstant } from "../portal/records";

/** The search operators HubSpot supports. */
export const OPERATORS = [
  "EQ",
  "NEQ",
  "LT",
  "LTE",
  "GT",
  "GTE",
  "BETWEEN",
  "IN",
  "NOT_IN",
  "HAS_PROPERTY",
  "NOT_HAS_PROPERTY",
  "CONTAINS_TOKEN",
  "NOT_CONTAINS_TOKEN",
] as const;

export type Operator = (typeof OPERATORS)[number];

/** A checked filter: values already converted to what comparisons need. */
export interface CompiledFilter {
  property: string;
  operator: Operator;
  /** Comparable form of `value` (and `highValue` for BETWEEN). */
  low?: string | number;
  high?: string | number;
  values?: (string | number)[];
  /** For the token operators: a matcher over a lower-cased value. */
  token?: RegExp;
}

/** Whether the property compares as a number (dates and datetimes as instants). */
export function isOrdered(definition: PropertyDefinition): boolean {
  return definition.type === "number" || definition.type === "date" || definition.type === "datetime";
}

/**
 * Converts a filter value into its comparable form: numbers for numbers, instants (epoch ms) for
 * dates whether given as ISO text or epoch-ms text, lower-cased text otherwise. NaN when it does not parse.
 */
export function comparable(definition: PropertyDefinition, raw: string): string | number {
  if (definition.type === "number") return raw.trim() === "" ? NaN : Number(raw);
  if (definition.type === "datetime" || definition.type === "date") {
    return parseInstant(/^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T00:00:00Z` : raw);
  }
  return raw.toLowerCase();
}

/** A CONTAINS_TOKEN pattern: `*` is a wildcard; otherwise the value must be one whole word of the text. */
export function tokenPattern(value: string): RegExp {
  const escaped = value
    .toLowerCase()
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return value.includes("*")
    ? new RegExp(`^${escaped}$|(^|[^a-z0-9])${escaped}($|[^a-z0-9])`)
    : new RegExp(`(^|[^a-z0-9])${escaped}($|[^a-z0-9])`);
}

function compare(a: string | number, b: string | number): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/**
 * Whether a record's value passes a filter. A record without a value passes only HubSpot's
 * negative operators (NEQ, NOT_IN, NOT_HAS_PROPERTY, NOT_CONTAINS_TOKEN).
 */
export function passes(
  filter: CompiledFilter,
  definition: PropertyDefinition,
  raw: string | undefined,
  /** The value's comparable form when the caller already has it (a record's createdAt). */
  known?: number,
): boolean {
  const has = raw !== undefined && raw !== "";
  switch (filter.operator) {
    case "HAS_PROPERTY":
      return has;
    case "NOT_HAS_PROPERTY":
      return !has;
    case "NEQ":
      return !has || compare(comparable(definition, raw), filter.low!) !== 0;
    case "NOT_IN":
      return !has || !filter.values!.some((v) => compare(comparable(definition, raw), v) === 0);
    case "NOT_CONTAINS_TOKEN":
      return !has || !filter.token!.test(raw.toLowerCase());
    default:
      break;
  }
  if (!has) return false;
  const value = known ?? comparable(definition, raw);
  if (typeof value === "number" && Number.isNaN(value)) return false;
  switch (filter.operator) {
    case "EQ":
      return compare(value, filter.low!) === 0;
    case "LT":
      return compare(value, filter.low!) < 0;
    case "LTE":
      return compare(value, filter.low!) <= 0;
    case "GT":
      return compare(value, filter.low!) > 0;
    case "GTE":
      return compare(value, filter.low!) >= 0;
    case "BETWEEN":
      return compare(value, filter.low!) >= 0 && compare(value, filter.high!) <= 0;
    case "IN":
      return filter.values!.some((v) => compare(value, v) === 0);
    case "CONTAINS_TOKEN":
      return filter.token!.test(raw.toLowerCase());
  }
}
