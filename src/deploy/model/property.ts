/** Contact properties and the property group, as RouteOps writes them and as HubSpot returns them. */

export type PropertyType = "bool" | "date" | "datetime" | "enumeration" | "number" | "string";
export type PropertyFieldType = "booleancheckbox" | "date" | "number" | "select" | "text";

export interface PropertyOption {
  label: string;
  value: string;
  displayOrder: number;
  hidden: boolean;
  description?: string;
}

/** A managed contact property: the create body (`POST /crm/v3/properties/contacts`). */
export interface PropertyDefinition {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: PropertyFieldType;
  groupName: string;
  description: string;
  /** Enumerations whose values the config knows; `bool` carries Yes/No. */
  options?: PropertyOption[];
  /** Owner-referenced enumerations: values are HubSpot owner ids. */
  externalOptions?: boolean;
  referencedObjectType?: "OWNER";
  hasUniqueValue: false;
  formField: false;
  hidden: false;
}

export interface PropertyGroupDefinition {
  name: string;
  label: string;
}

/** A contact property as read back (any property in our group or named like ours, archived ones included). */
export interface LiveProperty {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  groupName: string;
  description?: string;
  options?: { label: string; value: string; displayOrder?: number; hidden?: boolean; description?: string }[];
  externalOptions?: boolean;
  referencedObjectType?: string;
  hidden?: boolean;
  formField?: boolean;
  hasUniqueValue?: boolean;
  archived?: boolean;
  createdAt?: string;
  updatedAt?: string;
  hubspotDefined?: boolean;
  [field: string]: unknown;
}

export interface LivePropertyGroup {
  name: string;
  label: string;
  displayOrder?: number;
  archived?: boolean;
}
