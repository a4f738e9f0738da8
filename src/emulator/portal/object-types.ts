/** The CRM object types the emulator holds. */
export type ObjectType = "contacts" | "companies";

export const OBJECT_TYPES: readonly ObjectType[] = ["contacts", "companies"];

/** HubSpot's ids for the object types; paths accept either form. */
export const OBJECT_TYPE_IDS: Record<ObjectType, string> = { contacts: "0-1", companies: "0-2" };

/** The object type a path segment names (`contacts`, `contact`, `0-1`), or undefined. */
export function objectTypeFromPath(segment: string): ObjectType | undefined {
  const s = segment.toLowerCase();
  if (s === "contacts" || s === "contact" || s === "0-1") return "contacts";
  if (s === "companies" || s === "company" || s === "0-2") return "companies";
  return undefined;
}

/** The property HubSpot bumps on every write of a record of this type. */
export const LAST_MODIFIED: Record<ObjectType, string> = {
  contacts: "lastmodifieddate",
  companies: "hs_lastmodifieddate",
};

/** Properties returned when a read asks for none. */
export const DEFAULT_READ_PROPERTIES: Record<ObjectType, readonly string[]> = {
  contacts: ["createdate", "email", "firstname", "hs_object_id", "lastmodifieddate", "lastname"],
  companies: ["createdate", "domain", "hs_lastmodifieddate", "hs_object_id", "name"],
};

/** Properties returned on every read, whatever was asked for. */
export const ALWAYS_READ_PROPERTIES: Record<ObjectType, readonly string[]> = {
  contacts: ["createdate", "hs_object_id", "lastmodifieddate"],
  companies: ["createdate", "hs_lastmodifieddate", "hs_object_id"],
};

/** Properties free-text `query` search looks in. */
export const QUERY_PROPERTIES: Record<ObjectType, readonly string[]> = {
  contacts: ["email", "firstname", "lastname"],
  companies: ["name", "domain"],
};
