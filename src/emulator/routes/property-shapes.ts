import type { Property, PropertyGroup } from "@hubspot/api-client/lib/codegen/crm/properties";
import { badRequest } from "../http/errors";
import type {
  PropertyDefinition,
  PropertyGroupDefinition,
  PropertyOption,
  PropertyType,
} from "../portal/property-definition";
import type { Wire } from "../wire";

const iso = (ms: number) => new Date(ms).toISOString();

/** A property as HubSpot's read endpoints answer it. */
export function renderProperty(d: PropertyDefinition): Wire<Property> {
  const wire: Wire<Property> = {
    name: d.name,
    label: d.label,
    type: d.type,
    fieldType: d.fieldType,
    groupName: d.groupName,
    description: d.description,
    options: d.options.map((o) => ({ ...o })),
    hidden: d.hidden,
    formField: d.formField,
    hasUniqueValue: d.hasUniqueValue,
    hubspotDefined: d.hubspotDefined,
    calculated: d.calculated,
    externalOptions: d.externalOptions,
    archived: d.archived,
    modificationMetadata: {
      archivable: !d.readOnlyDefinition,
      readOnlyDefinition: d.readOnlyDefinition,
      readOnlyValue: d.readOnlyValue,
    },
  };
  if (d.displayOrder !== undefined) wire.displayOrder = d.displayOrder;
  if (d.referencedObjectType !== undefined) wire.referencedObjectType = d.referencedObjectType;
  if (d.createdAt !== undefined) wire.createdAt = iso(d.createdAt);
  if (d.updatedAt !== undefined) wire.updatedAt = iso(d.updatedAt);
  if (d.archivedAt !== undefined) wire.archivedAt = iso(d.archivedAt);
  return wire;
}

export function renderGroup(g: PropertyGroupDefinition): Wire<PropertyGroup> {
  return { name: g.name, label: g.label, displayOrder: g.displayOrder, archived: g.archived };
}

const TYPES: readonly PropertyType[] = ["bool", "date", "datetime", "enumeration", "number", "phone_number", "string"];

/** Field types HubSpot accepts for each value type. */
const FIELD_TYPES: Record<PropertyType, readonly string[]> = {
  string: ["text", "textarea", "file", "html", "phonenumber"],
  number: ["number", "calculation_equation"],
  date: ["date"],
  datetime: ["date"],
  enumeration: ["select", "radio", "checkbox", "booleancheckbox", "calculation_equation"],
  bool: ["booleancheckbox", "calculation_equation"],
  phone_number: ["phonenumber", "text"],
};

const NAME = /^[a-z][a-z0-9_]*$/;

type Body = Record<string, unknown>;

/** Collects every problem of a body before failing, like HubSpot's validation errors. */
export class Problems {
  readonly list: { message: string; field: string; code: string }[] = [];
  add(field: string, message: string, code = "INVALID_FIELD"): void {
    this.list.push({ field, message, code });
  }
  throwIfAny(): void {
    if (this.list.length === 0) return;
    throw badRequest(this.list.map((p) => p.message).join("; "), {
      errors: this.list.map((p) => ({ message: p.message, in: p.field, code: p.code })),
    });
  }
}

export function asObject(body: unknown, what: string): Body {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw badRequest(`Invalid input JSON: ${what} must be a JSON object.`);
  }
  return body as Body;
}

function readOptions(value: unknown, problems: Problems): PropertyOption[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    problems.add("options", "options must be an array");
    return undefined;
  }
  const seen = new Set<string>();
  return value.map((raw, index) => {
    const o = (typeof raw === "object" && raw !== null ? raw : {}) as Body;
    if (typeof o.label !== "string" || typeof o.value !== "string") {
      problems.add(`options[${index}]`, `options[${index}] needs a string label and value`);
    }
    const option: PropertyOption = {
      label: String(o.label ?? ""),
      value: String(o.value ?? ""),
      hidden: o.hidden === true,
    };
    if (seen.has(option.value)) problems.add(`options[${index}]`, `duplicate option value '${option.value}'`);
    seen.add(option.value);
    if (typeof o.displayOrder === "number") option.displayOrder = o.displayOrder;
    if (typeof o.description === "string") option.description = o.description;
    return option;
  });
}

const BOOL_OPTIONS: PropertyOption[] = [
  { label: "Yes", value: "true", hidden: false, displayOrder: 0 },
  { label: "No", value: "false", hidden: false, displayOrder: 1 },
];

/** Checks a PropertyCreate body; `groupExists` says whether a group name is live. */
export function readPropertyCreate(raw: unknown, groupExists: (name: string) => boolean, now: number) {
  const body = asObject(raw, "the property");
  const problems = new Problems();
  for (const field of ["name", "label", "type", "fieldType", "groupName"]) {
    if (typeof body[field] !== "string" || body[field] === "") problems.add(field, `${field} is required`);
  }
  problems.throwIfAny();
  const name = body.name as string;
  const type = body.type as PropertyType;
  if (!NAME.test(name) || name.length > 100) {
    problems.add("name", `Property name '${name}' must start with a lowercase letter and hold only a-z, 0-9 and _`);
  }
  if (!TYPES.includes(type)) problems.add("type", `type '${type}' is not one of ${TYPES.join(", ")}`);
  else if (!FIELD_TYPES[type].includes(body.fieldType as string)) {
    problems.add("fieldType", `fieldType '${String(body.fieldType)}' does not fit type '${type}'`);
  }
  if (!groupExists(body.groupName as string)) {
    problems.add("groupName", `Property group '${String(body.groupName)}' does not exist`);
  }
  const options = readOptions(body.options, problems);
  if (body.referencedObjectType !== undefined && body.referencedObjectType !== "OWNER") {
    problems.add("referencedObjectType", "referencedObjectType must be OWNER");
  }
  problems.throwIfAny();
  const definition: PropertyDefinition = {
    name,
    label: body.label as string,
    type,
    fieldType: body.fieldType as string,
    groupName: body.groupName as string,
    description: typeof body.description === "string" ? body.description : "",
    options: options ?? (type === "bool" ? BOOL_OPTIONS : []),
    hidden: body.hidden === true,
    formField: body.formField === true,
    hasUniqueValue: body.hasUniqueValue === true,
    hubspotDefined: false,
    calculated: false,
    externalOptions: body.externalOptions === true,
    readOnlyValue: false,
    readOnlyDefinition: false,
    createdAt: now,
    updatedAt: now,
    archived: false,
  };
  if (typeof body.displayOrder === "number") definition.displayOrder = body.displayOrder;
  if (body.referencedObjectType === "OWNER") definition.referencedObjectType = "OWNER";
  return definition;
}

/** Applies a PropertyUpdate body to a definition (returns a new one). */
export function applyPropertyUpdate(
  current: PropertyDefinition,
  raw: unknown,
  groupExists: (name: string) => boolean,
  now: number,
): PropertyDefinition {
  const body = asObject(raw, "the property update");
  const problems = new Problems();
  const next: PropertyDefinition = { ...current, updatedAt: now };
  for (const field of ["label", "description", "groupName", "fieldType", "type"] as const) {
    if (body[field] === undefined) continue;
    if (typeof body[field] !== "string") problems.add(field, `${field} must be a string`);
    else (next as unknown as Record<string, unknown>)[field] = body[field];
  }
  if (current.readOnlyDefinition && (body.type !== undefined || body.fieldType !== undefined)) {
    problems.add("type", `${current.name} is a HubSpot defined property: its type cannot be changed`);
  }
  if (!TYPES.includes(next.type)) problems.add("type", `type '${next.type}' is not one of ${TYPES.join(", ")}`);
  else if (!FIELD_TYPES[next.type].includes(next.fieldType)) {
    problems.add("fieldType", `fieldType '${next.fieldType}' does not fit type '${next.type}'`);
  }
  if (body.groupName !== undefined && !groupExists(next.groupName)) {
    problems.add("groupName", `Property group '${next.groupName}' does not exist`);
  }
  const options = readOptions(body.options, problems);
  if (options) next.options = options;
  if (typeof body.hidden === "boolean") next.hidden = body.hidden;
  if (typeof body.formField === "boolean") next.formField = body.formField;
  if (typeof body.displayOrder === "number") next.displayOrder = body.displayOrder;
  problems.throwIfAny();
  return next;
}
