/**
 * Filter branches as HubSpot evaluates them (docs/deploy.md, "Filters"): AND / OR trees of
 * property filters, association branches that test the contact's companies, and time points
 * relative to the evaluation instant. Flows are stored as sent, so shapes are checked here: a
 * shape the executor does not know raises a FlowFormatError that names where it is.
 */
import { parseInstant } from "../portal/records";

const DAY_MS = 86_400_000;

/** A filter or branch the executor cannot evaluate; the message names the path inside the flow. */
export class FlowFormatError extends Error {
  override name = "FlowFormatError";
}

/** What a filter branch is evaluated against. */
export interface FilterScope {
  /** The enrolled record's properties (or an event's, for enrolment event filters). */
  values: Record<string, string>;
  /** The contact's primary company (association type 1), if any. */
  primaryCompany(): Record<string, string> | undefined;
  /** Every company associated with the contact. */
  companies(): Record<string, string>[];
  /** The evaluation instant, epoch ms (time points are relative to it). */
  now: number;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function list(value: unknown, where: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new FlowFormatError(`${where}: expected a list`);
  return value;
}

/** Empty as HubSpot means it: absent, null or only white space. */
function isEmpty(value: string | undefined): value is undefined {
  return value === undefined || value.trim() === "";
}

const text = (value: string) => value.trim().toLowerCase();

function strings(operation: Json, where: string): string[] {
  return list(operation.values, `${where}.values`).map((value) => text(String(value)));
}

function number(value: string): number {
  const trimmed = value.trim();
  return trimmed === "" ? NaN : Number(trimmed);
}

function timePoint(point: unknown, now: number, where: string): number {
  if (!isObject(point) || point.timeType !== "INDEXED") {
    throw new FlowFormatError(`${where}: only INDEXED time points are emulated`);
  }
  const reference = isObject(point.indexReference) ? point.indexReference.referenceType : undefined;
  if (reference !== "NOW") throw new FlowFormatError(`${where}.indexReference: only NOW is emulated`);
  const offset = isObject(point.offset) ? point.offset : {};
  const days = offset.days === undefined ? 0 : Number(offset.days);
  if (!Number.isFinite(days)) throw new FlowFormatError(`${where}.offset.days: expected a number`);
  return now + days * DAY_MS;
}

/** Whether one property filter holds for `values` at `now`. */
export function filterHolds(filter: unknown, values: Record<string, string>, now: number, where: string): boolean {
  if (!isObject(filter) || filter.filterType !== "PROPERTY" || typeof filter.property !== "string") {
    throw new FlowFormatError(`${where}: expected a PROPERTY filter with a property name`);
  }
  const operation = filter.operation;
  if (!isObject(operation)) throw new FlowFormatError(`${where}.operation: expected an object`);
  const at = `${where}.operation`;
  const raw = values[filter.property];
  const operator = operation.operator;
  if (operation.operationType === "ALL_PROPERTY") {
    if (operator === "IS_KNOWN") return !isEmpty(raw);
    if (operator === "IS_UNKNOWN") return isEmpty(raw);
    throw new FlowFormatError(`${at}: ALL_PROPERTY operator ${String(operator)} is not emulated`);
  }
  if (isEmpty(raw)) return operation.includeObjectsWithNoValueSet === true;
  const value = text(raw);
  switch (operation.operationType) {
    case "MULTISTRING": {
      const wanted = strings(operation, at);
      if (operator === "IS_EQUAL_TO") return wanted.includes(value);
      if (operator === "IS_NOT_EQUAL_TO") return !wanted.includes(value);
      if (operator === "STARTS_WITH") return wanted.some((w) => value.startsWith(w));
      if (operator === "CONTAINS") return wanted.some((w) => value.includes(w));
      if (operator === "DOES_NOT_CONTAIN") return !wanted.some((w) => value.includes(w));
      break;
    }
    case "ENUMERATION": {
      const wanted = strings(operation, at);
      if (operator === "IS_ANY_OF") return wanted.includes(value);
      if (operator === "IS_NONE_OF") return !wanted.includes(value);
      break;
    }
    case "BOOL":
      if (operator === "IS_EQUAL_TO") return value === String(operation.value === true || operation.value === "true");
      if (operator === "IS_NOT_EQUAL_TO")
        return value !== String(operation.value === true || operation.value === "true");
      break;
    case "NUMBER": {
      const n = number(raw);
      if (Number.isNaN(n)) return false;
      if (operator === "IS_EQUAL_TO") return n === Number(operation.value);
      if (operator === "IS_GREATER_THAN_OR_EQUAL_TO") return n >= Number(operation.value);
      if (operator === "IS_LESS_THAN_OR_EQUAL_TO") return n <= Number(operation.value);
      if (operator === "IS_GREATER_THAN") return n > Number(operation.value);
      if (operator === "IS_LESS_THAN") return n < Number(operation.value);
      break;
    }
    // SDK AutomationPublicRangedNumberPropertyOperation: a range is its own operation type.
    case "NUMBER_RANGED": {
      const n = number(raw);
      if (Number.isNaN(n)) return false;
      const inside = n >= Number(operation.lowerBound) && n <= Number(operation.upperBound);
      if (operator === "IS_BETWEEN") return inside;
      if (operator === "IS_NOT_BETWEEN") return !inside;
      break;
    }
    case "TIME_POINT": {
      const instant = parseInstant(raw);
      if (!Number.isFinite(instant)) return false;
      const point = timePoint(operation.timePoint, now, `${at}.timePoint`);
      if (operator === "IS_AFTER") return instant >= point;
      if (operator === "IS_BEFORE") return instant < point;
      break;
    }
    default:
      throw new FlowFormatError(`${at}: operationType ${String(operation.operationType)} is not emulated`);
  }
  throw new FlowFormatError(`${at}: ${String(operation.operationType)} operator ${String(operator)} is not emulated`);
}

/** Whether every filter and branch holds on a company's properties (the inside of an ASSOCIATION branch). */
function companyHolds(branch: Json, company: Record<string, string>, scope: FilterScope, where: string): boolean {
  const inner: FilterScope = { ...scope, values: company, primaryCompany: () => undefined, companies: () => [] };
  return (
    list(branch.filters, `${where}.filters`).every((f, i) =>
      filterHolds(f, company, scope.now, `${where}.filters[${i}]`),
    ) &&
    list(branch.filterBranches, `${where}.filterBranches`).every((b, i) =>
      branchHolds(b, inner, `${where}.filterBranches[${i}]`),
    )
  );
}

/** Whether a filter branch holds in `scope`. `where` names the branch in error messages. */
export function branchHolds(branch: unknown, scope: FilterScope, where: string): boolean {
  if (!isObject(branch)) throw new FlowFormatError(`${where}: expected a filter branch object`);
  const filters = list(branch.filters, `${where}.filters`);
  const branches = list(branch.filterBranches, `${where}.filterBranches`);
  const filterAt = (f: unknown, i: number) => filterHolds(f, scope.values, scope.now, `${where}.filters[${i}]`);
  const branchAt = (b: unknown, i: number) => branchHolds(b, scope, `${where}.filterBranches[${i}]`);
  switch (branch.filterBranchType) {
    case "OR":
      return filters.some(filterAt) || branches.some(branchAt);
    case "AND":
      return filters.every(filterAt) && branches.every(branchAt);
    case "ASSOCIATION": {
      if (branch.objectTypeId !== "0-2") {
        throw new FlowFormatError(`${where}: only associations to companies (0-2) are emulated`);
      }
      const candidates =
        Number(branch.associationTypeId) === 1
          ? [scope.primaryCompany()].filter((c): c is Record<string, string> => c !== undefined)
          : scope.companies();
      return candidates.some((company) => companyHolds(branch, company, scope, where));
    }
    default:
      throw new FlowFormatError(`${where}: filterBranchType ${String(branch.filterBranchType)} is not emulated`);
  }
}
