import type { SimplePublicObject } from "@hubspot/api-client/lib/codegen/crm/contacts";
import { badRequest } from "../http/errors";
import { ALWAYS_READ_PROPERTIES, DEFAULT_READ_PROPERTIES, type ObjectType } from "../portal/object-types";
import type { Portal } from "../portal/portal";
import type { CrmRecord } from "../portal/records";
import type { Wire } from "../wire";

/** The property names a read asked for: `properties=a,b` or repeated `properties=a&properties=b`, or a body array. */
export function requestedProperties(value: string[] | unknown): string[] | undefined {
  if (Array.isArray(value)) {
    const names = value
      .flatMap((v) => String(v).split(","))
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    return names.length > 0 ? names : undefined;
  }
  return undefined;
}

/** Which properties a read returns: the asked-for ones that exist (plus HubSpot's always-returned ones), or the defaults. */
export function propertiesToRead(portal: Portal, objectType: ObjectType, asked: string[] | undefined): string[] {
  const names = asked
    ? [...new Set([...asked, ...ALWAYS_READ_PROPERTIES[objectType]])]
    : DEFAULT_READ_PROPERTIES[objectType];
  return names.filter((name) => portal.properties[objectType].get(name) !== undefined);
}

/** A record as HubSpot answers it: every asked-for property present, `null` when it has no value. */
export function renderRecord(
  record: CrmRecord,
  names: readonly string[],
  values: Record<string, string> = record.properties,
): Wire<SimplePublicObject> {
  const properties: Record<string, string | null> = {};
  for (const name of names) properties[name] = values[name] ?? null;
  const wire: Wire<SimplePublicObject> = {
    id: record.id,
    properties,
    createdAt: new Date(record.createdAt).toISOString(),
    updatedAt: new Date(record.updatedAt).toISOString(),
    archived: record.archived,
  };
  if (record.archivedAt !== undefined) wire.archivedAt = new Date(record.archivedAt).toISOString();
  return wire;
}

/** Parses a `limit` (query or body), defaulting and refusing values above `max` as HubSpot does. */
export function readLimit(raw: unknown, fallback: number, max: number): number {
  if (raw === undefined || raw === null || raw === "") return fallback;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1) throw badRequest(`limit must be a positive integer, got ${String(raw)}.`);
  if (limit > max) throw badRequest(`limit must be at most ${max}, got ${limit}.`);
  return limit;
}
