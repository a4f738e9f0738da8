/**
 * A property reduced to what RouteOps decides, so that desired and read-back properties compare
 * equal when HubSpot only added read-only fields, defaults or reordered the options.
 */
import type { LiveProperty, PropertyDefinition } from "../model/property";
import { contentDigest } from "./json";

export interface CanonicalOption {
  label: string;
  displayOrder: number;
  hidden: boolean;
  description: string;
}

export interface CanonicalProperty {
  label: string;
  type: string;
  fieldType: string;
  groupName: string;
  externalOptions: boolean;
  referencedObjectType: string | null;
  hidden: boolean;
  formField: boolean;
  /** By option value; absent where HubSpot owns the options (bool, owner-referenced). */
  options: Record<string, CanonicalOption> | null;
}

export function canonicalProperty(property: PropertyDefinition | LiveProperty): CanonicalProperty {
  const externalOptions = property.externalOptions === true;
  const ownsOptions = property.type === "enumeration" && !externalOptions;
  const options: Record<string, CanonicalOption> | null = ownsOptions ? {} : null;
  if (options) {
    (property.options ?? []).forEach((option, index) => {
      const order = typeof option.displayOrder === "number" && option.displayOrder >= 0 ? option.displayOrder : index;
      options[option.value] = {
        label: option.label,
        displayOrder: order,
        hidden: option.hidden === true,
        description: option.description ?? "",
      };
    });
  }
  return {
    label: property.label,
    type: property.type,
    fieldType: property.fieldType,
    groupName: property.groupName,
    externalOptions,
    referencedObjectType: externalOptions ? (property.referencedObjectType ?? null) : null,
    hidden: property.hidden === true,
    formField: property.formField === true,
    options,
  };
}

/** The digest a managed property's description records: its name and canonical content. */
export function propertyDigest(property: PropertyDefinition | LiveProperty): string {
  return contentDigest({ name: property.name, ...canonicalProperty(property) });
}
