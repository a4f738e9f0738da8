/** Property groups and properties: where RouteOps' managed contact properties live. */
import type { Client } from "@hubspot/api-client";
import type {
  Property as ClientProperty,
  PropertyCreate as ClientPropertyCreate,
} from "@hubspot/api-client/lib/codegen/crm/properties";
import type { HubSpotCalls } from "./client-calls";
import { HubSpotError } from "./errors";
import type {
  HubSpotObjectType,
  PropertyCreate,
  PropertyDefinition,
  PropertyGroup,
  PropertyType,
  PropertyUpdate,
} from "./model";
import { chunks, isoString } from "./records";

/** Inputs per batch-create request (HubSpot's batch endpoints take 100). */
const CREATE_BATCH = 100;

const propertiesPath = (objectType: string) => `/crm/v3/properties/${encodeURIComponent(objectType)}`;

/** The group, or `null` when the portal has none by that name. */
export async function getPropertyGroup(
  client: Client,
  calls: HubSpotCalls,
  objectType: HubSpotObjectType,
  name: string,
): Promise<PropertyGroup | null> {
  const path = `${propertiesPath(objectType)}/groups/${encodeURIComponent(name)}`;
  try {
    const group = await calls.generated(
      { endpoint: `GET ${propertiesPath(objectType)}/groups/{groupName}`, method: "GET", path },
      (options) => client.crm.properties.groupsApi.getByName(objectType, name, options),
    );
    return toGroup(group);
  } catch (error) {
    if (error instanceof HubSpotError && error.status === 404) return null;
    throw error;
  }
}

export async function createPropertyGroup(
  client: Client,
  calls: HubSpotCalls,
  objectType: HubSpotObjectType,
  group: { name: string; label: string; displayOrder?: number },
): Promise<PropertyGroup> {
  const created = await calls.generated(
    {
      endpoint: `POST ${propertiesPath(objectType)}/groups`,
      method: "POST",
      path: `${propertiesPath(objectType)}/groups`,
      idempotent: false,
    },
    (options) => client.crm.properties.groupsApi.create(objectType, group, options),
  );
  return toGroup(created);
}

export async function updatePropertyGroup(
  client: Client,
  calls: HubSpotCalls,
  objectType: HubSpotObjectType,
  name: string,
  changes: { label?: string; displayOrder?: number },
): Promise<PropertyGroup> {
  const updated = await calls.generated(
    {
      endpoint: `PATCH ${propertiesPath(objectType)}/groups/{groupName}`,
      method: "PATCH",
      path: `${propertiesPath(objectType)}/groups/${encodeURIComponent(name)}`,
    },
    (options) => client.crm.properties.groupsApi.update(objectType, name, changes, options),
  );
  return toGroup(updated);
}

/** Every property of the object type; with `archived: true`, only the archived ones (HubSpot's rule). */
export async function listProperties(
  client: Client,
  calls: HubSpotCalls,
  objectType: HubSpotObjectType,
  options: { archived?: boolean } = {},
): Promise<PropertyDefinition[]> {
  const page = await calls.generated(
    { endpoint: `GET ${propertiesPath(objectType)}`, method: "GET", path: propertiesPath(objectType) },
    (call) => client.crm.properties.coreApi.getAll(objectType, options.archived ?? false, undefined, call),
  );
  return page.results.map(toDefinition);
}

/**
 * Creates properties through the batch endpoint, 100 per request. When HubSpot rejects some
 * inputs, the error lists them (`details`) and the message names the ones created before.
 */
export async function createProperties(
  client: Client,
  calls: HubSpotCalls,
  objectType: HubSpotObjectType,
  inputs: PropertyCreate[],
): Promise<PropertyDefinition[]> {
  const created: PropertyDefinition[] = [];
  const spec = {
    endpoint: `POST ${propertiesPath(objectType)}/batch/create`,
    method: "POST",
    path: `${propertiesPath(objectType)}/batch/create`,
    idempotent: false,
  };
  for (const batch of chunks(inputs, CREATE_BATCH)) {
    const response = await calls.generated(spec, (options) =>
      client.crm.properties.batchApi.create(objectType, { inputs: batch.map(toClientCreate) }, options),
    );
    created.push(...response.results.map(toDefinition));
    const errors = "errors" in response ? (response.errors ?? []) : [];
    if (errors.length > 0) {
      const names = created.map((property) => property.name);
      throw new HubSpotError({
        code: "partial_failure",
        method: spec.method,
        path: spec.path,
        status: 207,
        attempts: 1,
        hubspotMessage: calls.runner.scrub(
          `${errors.length} of ${batch.length} properties were not created` +
            (names.length > 0 ? `; created: ${names.join(", ")}` : ""),
        ),
        details: errors.map((item) => ({
          message: calls.runner.scrub(
            item.context?.["name"] ? `${item.context["name"].join(", ")}: ${item.message}` : item.message,
          ),
          ...(item.category ? { code: calls.runner.scrub(item.category) } : {}),
          ...(item.context ? { context: item.context } : {}),
        })),
      });
    }
  }
  return created;
}

/** Creates one property (`POST /crm/v3/properties/{objectType}`): a 409 when the name is taken. */
export async function createProperty(
  client: Client,
  calls: HubSpotCalls,
  objectType: HubSpotObjectType,
  input: PropertyCreate,
): Promise<PropertyDefinition> {
  const created = await calls.generated(
    {
      endpoint: `POST ${propertiesPath(objectType)}`,
      method: "POST",
      path: propertiesPath(objectType),
      idempotent: false,
    },
    (options) => client.crm.properties.coreApi.create(objectType, toClientCreate(input), options),
  );
  return toDefinition(created);
}

export async function updateProperty(
  client: Client,
  calls: HubSpotCalls,
  objectType: HubSpotObjectType,
  name: string,
  changes: PropertyUpdate,
): Promise<PropertyDefinition> {
  const updated = await calls.generated(
    {
      endpoint: `PATCH ${propertiesPath(objectType)}/{propertyName}`,
      method: "PATCH",
      path: `${propertiesPath(objectType)}/${encodeURIComponent(name)}`,
    },
    (options) =>
      client.crm.properties.coreApi.update(
        objectType,
        name,
        changes as Parameters<typeof client.crm.properties.coreApi.update>[2],
        options,
      ),
  );
  return toDefinition(updated);
}

/** Archives (moves to HubSpot's recycle bin); the name may not be reusable for a while. */
export async function archiveProperty(
  client: Client,
  calls: HubSpotCalls,
  objectType: HubSpotObjectType,
  name: string,
): Promise<void> {
  await calls.generated(
    {
      endpoint: `DELETE ${propertiesPath(objectType)}/{propertyName}`,
      method: "DELETE",
      path: `${propertiesPath(objectType)}/${encodeURIComponent(name)}`,
    },
    (options) => client.crm.properties.coreApi.archive(objectType, name, options),
  );
}

function toGroup(group: { name: string; label: string; displayOrder?: number; archived?: boolean }): PropertyGroup {
  return {
    name: group.name,
    label: group.label,
    ...(group.displayOrder === undefined ? {} : { displayOrder: group.displayOrder }),
    ...(group.archived === undefined ? {} : { archived: group.archived }),
  };
}

// The client types `type`/`fieldType` as enums of the same strings; the values pass unchanged.
function toClientCreate(input: PropertyCreate): ClientPropertyCreate {
  return input as unknown as ClientPropertyCreate;
}

function toDefinition(property: ClientProperty): PropertyDefinition {
  const definition: PropertyDefinition = {
    name: property.name,
    label: property.label,
    type: property.type as PropertyType,
    fieldType: property.fieldType,
    groupName: property.groupName,
    description: property.description ?? "",
    options: (property.options ?? []).map((option) => ({
      label: option.label,
      value: option.value,
      hidden: option.hidden === true,
      ...(option.displayOrder === undefined ? {} : { displayOrder: option.displayOrder }),
      ...(option.description === undefined ? {} : { description: option.description }),
    })),
    archived: property.archived === true,
    hubspotDefined: property.hubspotDefined === true,
    createdAt: property.createdAt ? isoString(property.createdAt) : null,
    updatedAt: property.updatedAt ? isoString(property.updatedAt) : null,
  };
  if (property.displayOrder !== undefined) definition.displayOrder = property.displayOrder;
  if (property.hasUniqueValue !== undefined) definition.hasUniqueValue = property.hasUniqueValue;
  if (property.formField !== undefined) definition.formField = property.formField;
  if (property.hidden !== undefined) definition.hidden = property.hidden;
  if (property.referencedObjectType !== undefined) definition.referencedObjectType = property.referencedObjectType;
  if (property.externalOptions !== undefined) definition.externalOptions = property.externalOptions;
  return definition;
}
