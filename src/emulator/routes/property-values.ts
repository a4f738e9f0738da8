import { badRequest, conflict } from "../http/errors";
import { OBJECT_LABEL, type PropertyDefinition } from "../portal/property-definition";
import type { ObjectType } from "../portal/object-types";
import type { Portal } from "../portal/portal";
import { parseInstant, type CrmRecord } from "../portal/records";

/** One invalid value, in the shape HubSpot lists inside its "Property values were not valid" message. */
interface ValueIssue {
  isValid: false;
  message: string;
  error: string;
  name: string;
  localizedErrorMessage: string;
}

const issue = (name: string, error: string, message: string): ValueIssue => ({
  isValid: false,
  message,
  error,
  name,
  localizedErrorMessage: message,
});

/** Throws HubSpot's 400 for a list of invalid values. */
export function invalidValues(issues: ValueIssue[]): never {
  throw badRequest(`Property values were not valid: ${JSON.stringify(issues)}`, {
    errors: issues.map((i) => ({ message: i.message, code: i.error, context: { propertyName: [i.name] } })),
  });
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** Normalises one value as HubSpot stores it, or returns the issue with it. */
function normalise(portal: Portal, definition: PropertyDefinition, raw: string): string | ValueIssue {
  const { name } = definition;
  if (raw === "") return "";
  switch (definition.type) {
    case "number":
      return NUMBER.test(raw.trim()) ? raw.trim() : issue(name, "INVALID_INTEGER", `${raw} was not a valid number.`);
    case "bool": {
      const lower = raw.toLowerCase();
      return lower === "true" || lower === "false"
        ? lower
        : issue(name, "INVALID_BOOLEAN", `${raw} was not a valid boolean (true or false).`);
    }
    case "datetime": {
      const at = parseInstant(raw);
      return Number.isFinite(at)
        ? new Date(at).toISOString()
        : issue(name, "INVALID_DATE", `${raw} was not a valid date-time (ISO 8601 or epoch milliseconds).`);
    }
    case "date": {
      const at = parseInstant(/^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T00:00:00Z` : raw);
      if (!Number.isFinite(at)) return issue(name, "INVALID_DATE", `${raw} was not a valid date.`);
      if (at % 86_400_000 !== 0) return issue(name, "INVALID_DATE", `${raw} is not at midnight UTC.`);
      return new Date(at).toISOString().slice(0, 10);
    }
    case "enumeration": {
      if (definition.referencedObjectType === "OWNER") {
        return portal.owners.get(raw) ? raw : issue(name, "INVALID_OWNER_ID", `${raw} is not a valid owner id`);
      }
      if (definition.externalOptions) return raw;
      const allowed = definition.options.map((o) => o.value);
      const values = definition.fieldType === "checkbox" ? raw.split(";") : [raw];
      const bad = values.find((v) => !allowed.includes(v));
      return bad === undefined
        ? raw
        : issue(name, "INVALID_OPTION", `${bad} was not one of the allowed options: [${allowed.join(", ")}]`);
    }
    default:
      if (name === "email" && !EMAIL.test(raw)) return issue(name, "INVALID_EMAIL", `Email address ${raw} is invalid`);
      return raw;
  }
}

/**
 * Checks a request's `properties` against the portal's definitions and returns them normalised
 * (dates as ISO, booleans lower case). Every issue is collected before failing, so one 400 lists all.
 */
export function checkValues(portal: Portal, objectType: ObjectType, values: unknown): Record<string, string> {
  if (values === undefined) return {};
  if (typeof values !== "object" || values === null || Array.isArray(values)) {
    throw badRequest("Invalid input JSON: properties must be an object of property names to values.");
  }
  const issues: ValueIssue[] = [];
  const checked: Record<string, string> = {};
  for (const [name, value] of Object.entries(values as Record<string, unknown>)) {
    const definition = portal.properties[objectType].get(name);
    if (!definition) {
      issues.push(issue(name, "PROPERTY_DOESNT_EXIST", `Property "${name}" does not exist`));
      continue;
    }
    if (definition.readOnlyValue || definition.calculated) {
      issues.push(issue(name, "READ_ONLY_VALUE", `${name} is a read only property; its value cannot be set.`));
      continue;
    }
    if (value !== null && !["string", "number", "boolean"].includes(typeof value)) {
      issues.push(issue(name, "INVALID_VALUE", `${name} must be a string, number or boolean.`));
      continue;
    }
    const result = normalise(portal, definition, value === null ? "" : String(value));
    if (typeof result === "string") checked[name] = result;
    else issues.push(result);
  }
  if (issues.length > 0) invalidValues(issues);
  return checked;
}

/** HubSpot refuses a second contact with the same email (409), naming the existing one. */
export function checkUniqueEmail(portal: Portal, objectType: ObjectType, email: string | undefined, self?: string) {
  if (objectType !== "contacts" || !email) return;
  const existing = findContactByEmail(portal, email);
  if (existing && existing.id !== self) {
    throw conflict(`Contact already exists. Existing ID: ${existing.id}`);
  }
}

export function findContactByEmail(portal: Portal, email: string): CrmRecord | undefined {
  const wanted = email.toLowerCase();
  for (const record of portal.contacts.all()) {
    if (record.properties.email?.toLowerCase() === wanted) return record;
  }
  return undefined;
}

/** Message for a missing record, as HubSpot words it. */
export const recordNotFound = (objectType: ObjectType, id: string) =>
  `Object not found. ${OBJECT_LABEL[objectType]} ${id} does not exist.`;
