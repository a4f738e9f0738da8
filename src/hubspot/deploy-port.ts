/**
 * The deploy's writes through the HubSpot adapter: every write gets the adapter's rate limiting,
 * retries (creates only when HubSpot's answer proves they were not carried out) and typed errors
 * that never show the token.
 */
import { MANAGED_GROUP, type DeployPort, type FlowBody, type PropertyDefinition } from "../deploy";
import type { HubSpotAdapter } from "./adapter";
import type { FlowBody as HubSpotFlowBody, PropertyCreate, PropertyUpdate } from "./model";

const CONTACTS = "contacts";

/** A `DeployPort` that writes to the portal behind `adapter`. */
export function createDeployPort(adapter: HubSpotAdapter): DeployPort {
  return {
    async createPropertyGroup(group) {
      await adapter.createPropertyGroup(CONTACTS, { name: group.name, label: group.label });
    },
    async updatePropertyGroup(group) {
      await adapter.updatePropertyGroup(CONTACTS, group.name, { label: group.label });
    },
    async createProperties(properties) {
      await adapter.createProperties(CONTACTS, properties.map(propertyCreate));
    },
    async updateProperty(property) {
      await adapter.updateProperty(CONTACTS, property.name, propertyUpdate(property));
    },
    async archiveProperty(name) {
      await adapter.archiveProperty(CONTACTS, name);
    },
    async createFlow(body) {
      const flow = await adapter.createFlow(flowBody(body));
      return { id: flow.id, revisionId: flow.revisionId };
    },
    async replaceFlow(id, body, revisionId) {
      const flow = await adapter.replaceFlow(id, flowBody(body), revisionId);
      return { id: flow.id, revisionId: flow.revisionId };
    },
    async deleteFlow(id) {
      await adapter.deleteFlow(id);
    },
  };
}

function propertyCreate(property: PropertyDefinition): PropertyCreate {
  return {
    ...propertyUpdate(property),
    name: property.name,
    hasUniqueValue: property.hasUniqueValue,
  } as PropertyCreate;
}

/** Every field RouteOps decides, so that an update (or a take-over) writes the whole definition. */
function propertyUpdate(property: PropertyDefinition): PropertyUpdate {
  return {
    label: property.label,
    type: property.type,
    fieldType: property.fieldType,
    groupName: property.groupName || MANAGED_GROUP.name,
    description: property.description,
    formField: property.formField,
    hidden: property.hidden,
    ...(property.options ? { options: property.options } : {}),
    ...(property.externalOptions !== undefined ? { externalOptions: property.externalOptions } : {}),
    ...(property.referencedObjectType !== undefined ? { referencedObjectType: property.referencedObjectType } : {}),
  };
}

function flowBody(body: FlowBody): HubSpotFlowBody {
  return body as unknown as HubSpotFlowBody;
}
