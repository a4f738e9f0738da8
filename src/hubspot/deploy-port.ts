/**
 * The deploy's writes through the HubSpot adapter: every write gets the adapter's rate limiting,
 * retries (creates only when HubSpot's answer proves they were not carried out) and typed errors
 * that never show the token.
 */
import { canonicalFlow, MANAGED_GROUP, type DeployPort, type FlowBody, type PropertyDefinition } from "../deploy";
import type { HubSpotAdapter } from "./adapter";
import { FlowRevisionConflictError } from "./errors";
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
      try {
        const flow = await adapter.replaceFlow(id, flowBody(body), revisionId);
        return { id: flow.id, revisionId: flow.revisionId };
      } catch (error) {
        // A replace that landed but was answered 502 is retried with the revision it replaced,
        // and then "conflicts" with itself. When the flow now is exactly what we sent, it was
        // our own write (or one identical to it): the replace succeeded.
        if (!(error instanceof FlowRevisionConflictError) || error.attempts < 2) throw error;
        const [live] = await adapter.getFlows([id]);
        if (live && sameFlowContent(live, body)) return { id: live.id, revisionId: live.revisionId };
        throw error;
      }
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

/** What a replace decides: the flow's name, enrolment and steps, its description and whether it is on. */
function sameFlowContent(live: object, body: FlowBody): boolean {
  const pick = (flow: object) => {
    const { name, enrollment, steps } = canonicalFlow(flow);
    const raw = flow as { description?: unknown; isEnabled?: unknown };
    return JSON.stringify({
      name,
      enrollment,
      steps,
      description: raw.description ?? "",
      isEnabled: raw.isEnabled === true,
    });
  };
  return pick(live) === pick(body);
}

/** The compiler's body is a `ContactFlowCreateRequest` already (checked by test/hubspot/request-bodies.test.ts). */
function flowBody(body: FlowBody): HubSpotFlowBody {
  return body;
}
