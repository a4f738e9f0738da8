/**
 * Plain shapes the adapter returns and accepts. They mirror HubSpot's API (dates as ISO
 * strings, property values as strings) without exposing the official client's classes, so that
 * the rest of RouteOps never depends on `@hubspot/api-client`.
 */
import type { ContactFlowCreateRequest } from "../hubspot-contract/flows";

/** A HubSpot owner: who a record can be assigned to. */
export interface HubSpotOwner {
  /** Owner id: what `hubspot_owner_id` holds (not the user id). */
  id: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  /** The user behind the owner; `null` once the user was deactivated. */
  userId: number | null;
  type: "PERSON" | "QUEUE";
  /** `true` for owners of deactivated users (only listed with `archived=true`). */
  archived: boolean;
  teams: { id: string; name: string; primary: boolean }[];
}

/** Object types RouteOps reads and writes properties of; other HubSpot object types work too. */
export type HubSpotObjectType = "contacts" | "companies" | (string & {});

/** HubSpot property data types. */
export type PropertyType = "bool" | "date" | "datetime" | "enumeration" | "number" | "phone_number" | "string";

export interface PropertyOption {
  label: string;
  value: string;
  hidden: boolean;
  displayOrder?: number;
  description?: string;
}

/** Fields of a property that can be set on create and update. */
export interface PropertyFields {
  label: string;
  type: PropertyType;
  /** How the property shows in forms: `select`, `text`, `booleancheckbox`, `date`, ... */
  fieldType: string;
  groupName: string;
  description?: string;
  displayOrder?: number;
  options?: PropertyOption[];
  formField?: boolean;
  hidden?: boolean;
  /** `"OWNER"` for properties whose values are owner ids (shown as owner pickers). */
  referencedObjectType?: string;
  externalOptions?: boolean;
}

/** A property to create. */
export interface PropertyCreate extends PropertyFields {
  name: string;
  hasUniqueValue?: boolean;
}

/** Changes to a property (any subset of its fields). */
export type PropertyUpdate = Partial<PropertyFields>;

/** A property as HubSpot reports it. */
export interface PropertyDefinition extends PropertyCreate {
  archived: boolean;
  /** `true` for HubSpot's default properties. */
  hubspotDefined: boolean;
  createdAt: string | null;
  updatedAt: string | null;
}

export interface PropertyGroup {
  name: string;
  label: string;
  displayOrder?: number;
  archived?: boolean;
}

/** A CRM record (contact, company): id, string property values, timestamps as ISO strings. */
export interface HubSpotRecord {
  id: string;
  properties: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

export type SearchOperator =
  | "EQ"
  | "NEQ"
  | "LT"
  | "LTE"
  | "GT"
  | "GTE"
  | "BETWEEN"
  | "IN"
  | "NOT_IN"
  | "HAS_PROPERTY"
  | "NOT_HAS_PROPERTY"
  | "CONTAINS_TOKEN"
  | "NOT_CONTAINS_TOKEN";

export interface SearchFilter {
  propertyName: string;
  operator: SearchOperator;
  value?: string;
  highValue?: string;
  values?: string[];
}

/** Filter groups are ORed; the filters inside one group are ANDed. */
export interface SearchFilterGroup {
  filters: SearchFilter[];
}

/**
 * A contact search. Results always come sorted by `createdate` ascending: that is what lets the
 * adapter read past HubSpot's 10,000-results-per-query cap.
 */
export interface ContactSearchRequest {
  filterGroups?: SearchFilterGroup[];
  /** Properties to return (`createdate` is always added). */
  properties?: string[];
  /** Results per page, 1-200. Default 200. */
  pageSize?: number;
}

/** A contact's associated companies, primary first. */
export interface ContactCompanies {
  contactId: string;
  /** Company ids, the primary company (association type 1) first. */
  companyIds: string[];
  primaryCompanyId: string | null;
}

/** A contact's enrollment in a sales sequence (who enrolled it, in which sequence, when). */
export interface SequenceEnrollment {
  id: string;
  sequenceId: string;
  sequenceName: string | null;
  /** User id of the rep who enrolled the contact. */
  enrolledBy: string | null;
  enrolledByEmail: string | null;
  enrolledAt: string | null;
  updatedAt: string | null;
}

/** A workflow as `GET /automation/v4/flows` lists it (no actions or criteria). */
export interface FlowSummary {
  id: string;
  name: string;
  isEnabled: boolean;
  flowType: string;
  objectTypeId: string;
  /** Current revision: `replaceFlow` must send it back (optimistic lock). */
  revisionId: string;
  createdAt: string | null;
  updatedAt: string | null;
}

/**
 * A full flow (automation v4). The body is HubSpot's own shape, passed through as is: the deploy
 * compiler builds it and compares it semantically, never as raw JSON.
 */
export interface Flow extends Record<string, unknown> {
  id: string;
  revisionId: string;
  name: string;
}

/**
 * A flow body to create (SDK `ContactFlowCreateRequest`); `replaceFlow` sends the matching
 * `ContactFlowPutRequest` (the same body without its create-only keys, plus `revisionId`).
 */
export type FlowBody = ContactFlowCreateRequest;

/** An action type the portal offers to workflows (from the beta action-types endpoint). */
export interface ActionType extends Record<string, unknown> {
  actionTypeId: string;
  name: string | null;
}
