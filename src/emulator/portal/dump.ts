import { z } from "zod";
import type { CompanyAssociation } from "./associations";
import { defaultProperties } from "./default-properties";
import type { SequenceEnrollment } from "./enrollments";
import type { ContactEvent } from "./events";
import type { Flow } from "./flows";
import type { ObjectType } from "./object-types";
import type { Owner } from "./owners";
import type { Portal } from "./portal";
import type { PropertyDefinition, PropertyGroupDefinition } from "./property-definition";
import type { CrmRecord } from "./records";

/** The whole portal as JSON: the state file's content and `GET /_emulator/state`'s answer. */
export interface PortalDump {
  format: "routeops-hubspot-emulator";
  version: 1;
  propertyGroups: Record<ObjectType, PropertyGroupDefinition[]>;
  properties: Record<ObjectType, PropertyDefinition[]>;
  owners: Owner[];
  contacts: CrmRecord[];
  companies: CrmRecord[];
  associations: CompanyAssociation[];
  flows: Flow[];
  enrollments: SequenceEnrollment[];
  events: ContactEvent[];
  /**
   * The workflow executor's rotation positions (turns handed out per rotate action, keyed
   * `flowId/actionId`). Absent in files written before they were kept: rotations start afresh.
   */
  rotationPositions?: Record<string, number>;
}

/** The portal as JSON, with the executor's rotation positions when given (the state file has them). */
export function dumpPortal(portal: Portal, rotationPositions?: Record<string, number>): PortalDump {
  return {
    format: "routeops-hubspot-emulator",
    version: 1,
    propertyGroups: { contacts: portal.groups.contacts.dump(), companies: portal.groups.companies.dump() },
    properties: { contacts: portal.properties.contacts.dump(), companies: portal.properties.companies.dump() },
    owners: portal.owners.dump(),
    contacts: portal.contacts.dump(),
    companies: portal.companies.dump(),
    associations: portal.associations.dump(),
    flows: portal.flows.dump(),
    enrollments: portal.enrollments.dump(),
    events: portal.events.dump(),
    ...(rotationPositions ? { rotationPositions } : {}),
  };
}

/**
 * Replaces the portal's whole state with a dump (already checked by `parseDump`). The rotation
 * positions are the executor's to restore (`FlowExecutorOptions.rotationPositions`).
 */
export function loadPortal(portal: Portal, dump: PortalDump): void {
  portal.clear();
  for (const type of ["contacts", "companies"] as const) {
    portal.groups[type].clear();
    portal.properties[type].clear();
    for (const group of dump.propertyGroups[type]) portal.groups[type].put(group);
    for (const property of dump.properties[type]) portal.properties[type].put(property);
    // HubSpot's default properties always exist: one added to the emulator after the file was
    // saved (such as `hs_additional_domains`) is there too.
    for (const property of defaultProperties(type))
      if (!portal.properties[type].get(property.name)) portal.properties[type].put(property);
  }
  for (const owner of dump.owners) portal.owners.put(owner);
  for (const record of dump.contacts) portal.contacts.insert(record);
  for (const record of dump.companies) portal.companies.insert(record);
  for (const a of dump.associations) portal.associations.associate(a.contactId, a.companyId, a.primary);
  for (const flow of dump.flows) portal.flows.put(flow);
  for (const enrollment of dump.enrollments) portal.enrollments.add(enrollment);
  portal.events.load(dump.events);
}

const option = z.object({
  label: z.string(),
  value: z.string(),
  hidden: z.boolean(),
  displayOrder: z.number().optional(),
  description: z.string().optional(),
});

const property = z.looseObject({
  name: z.string(),
  label: z.string(),
  type: z.enum(["bool", "date", "datetime", "enumeration", "number", "phone_number", "string"]),
  fieldType: z.string(),
  groupName: z.string(),
  description: z.string(),
  options: z.array(option),
  hidden: z.boolean(),
  formField: z.boolean(),
  hasUniqueValue: z.boolean(),
  hubspotDefined: z.boolean(),
  calculated: z.boolean(),
  externalOptions: z.boolean(),
  readOnlyValue: z.boolean(),
  readOnlyDefinition: z.boolean(),
  archived: z.boolean(),
});

const group = z.object({ name: z.string(), label: z.string(), displayOrder: z.number(), archived: z.boolean() });

const record = z.object({
  id: z.string().regex(/^\d+$/, "expected a numeric id"),
  properties: z.record(z.string(), z.string()),
  createdAt: z.number(),
  updatedAt: z.number(),
  archived: z.boolean(),
  archivedAt: z.number().optional(),
});

const owner = z.object({
  id: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  userId: z.number().optional(),
  userIdIncludingInactive: z.number(),
  type: z.enum(["PERSON", "QUEUE"]),
  archived: z.boolean(),
  teams: z.array(z.object({ id: z.string(), name: z.string(), primary: z.boolean() })),
  createdAt: z.number(),
  updatedAt: z.number(),
});

const flow = z.looseObject({
  id: z.string(),
  revisionId: z.string(),
  type: z.string(),
  name: z.string(),
  actions: z.array(z.looseObject({ actionId: z.string(), type: z.string() })),
});

const enrollment = z.object({
  id: z.string(),
  contactId: z.string(),
  sequenceId: z.string(),
  sequenceName: z.string(),
  enrolledBy: z.string(),
  enrolledByEmail: z.string(),
  enrolledAt: z.number(),
  updatedAt: z.number(),
});

const event = z.object({
  id: z.string(),
  contactId: z.string(),
  at: z.number(),
  event: z.looseObject({ kind: z.string() }),
});

const perType = <T extends z.ZodType>(item: T) => z.object({ contacts: z.array(item), companies: z.array(item) });

const dumpSchema = z.object({
  format: z.literal("routeops-hubspot-emulator"),
  version: z.literal(1),
  propertyGroups: perType(group),
  properties: perType(property),
  owners: z.array(owner),
  contacts: z.array(record),
  companies: z.array(record),
  associations: z.array(z.object({ contactId: z.string(), companyId: z.string(), primary: z.boolean() })),
  flows: z.array(flow),
  enrollments: z.array(enrollment),
  events: z.array(event),
  rotationPositions: z.record(z.string(), z.number().int().nonnegative()).optional(),
});

/**
 * Checks parsed JSON against the dump's shape. Throws an Error whose message names the path
 * inside the file and what was expected (the caller adds the file name).
 */
export function parseDump(json: unknown): PortalDump {
  const result = dumpSchema.safeParse(json);
  if (result.success) return result.data as unknown as PortalDump;
  const issue = result.error.issues[0]!;
  const path = issue.path.length === 0 ? "(top level)" : issue.path.map(String).join(".");
  throw new Error(`${path}: ${issue.message}`);
}
