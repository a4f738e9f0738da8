import type { ObjectType } from "./object-types";

/** A value of an enumeration property. */
export interface PropertyOption {
  label: string;
  value: string;
  hidden: boolean;
  displayOrder?: number;
  description?: string;
}

/** Property value types HubSpot knows. */
export type PropertyType = "bool" | "date" | "datetime" | "enumeration" | "number" | "phone_number" | "string";

/** A property definition as the portal stores it (times in epoch ms). */
export interface PropertyDefinition {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: string;
  groupName: string;
  description: string;
  displayOrder?: number;
  options: PropertyOption[];
  hidden: boolean;
  formField: boolean;
  hasUniqueValue: boolean;
  hubspotDefined: boolean;
  calculated: boolean;
  externalOptions: boolean;
  referencedObjectType?: string;
  /** The API may not write values of this property (calculated by HubSpot). */
  readOnlyValue: boolean;
  /** The definition itself may not be changed or archived. */
  readOnlyDefinition: boolean;
  createdAt?: number;
  updatedAt?: number;
  archived: boolean;
  archivedAt?: number;
}

/** A property group. */
export interface PropertyGroupDefinition {
  name: string;
  label: string;
  displayOrder: number;
  archived: boolean;
}

/** Which object type a definition belongs to, for messages. */
export const OBJECT_LABEL: Record<ObjectType, string> = { contacts: "contact", companies: "company" };
