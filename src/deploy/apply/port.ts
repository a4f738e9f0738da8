/**
 * What applying a plan needs from HubSpot: one method per kind of write. The HubSpot adapter
 * implements it (src/hubspot/deploy-port.ts); tests wrap it to fail after any number of writes.
 * Each method is one write as the apply report counts it (a batch create of properties is one).
 */
import type { FlowBody } from "../model/flow";
import type { PropertyDefinition, PropertyGroupDefinition } from "../model/property";

/** A workflow as HubSpot holds it after a write: its id and the revision a later replace must send. */
export interface WrittenFlow {
  id: string;
  revisionId: string;
}

/** The writes `applyPlan` makes. Every method throws when HubSpot refuses or cannot be reached. */
export interface DeployPort {
  createPropertyGroup(group: PropertyGroupDefinition): Promise<void>;
  updatePropertyGroup(group: PropertyGroupDefinition): Promise<void>;
  /** Creates every property given, in as few requests as HubSpot's batch endpoint allows. */
  createProperties(properties: PropertyDefinition[]): Promise<void>;
  updateProperty(property: PropertyDefinition): Promise<void>;
  /** Moves the property to HubSpot's recycle bin. */
  archiveProperty(name: string): Promise<void>;
  createFlow(body: FlowBody): Promise<WrittenFlow>;
  /** Replaces the whole flow; `revisionId` is the revision the body was planned from. */
  replaceFlow(id: string, body: FlowBody, revisionId: string): Promise<WrittenFlow>;
  deleteFlow(id: string): Promise<void>;
}
