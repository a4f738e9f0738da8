/**
 * Conversions to the adapter's plain records: from the official client's record classes, and from
 * the raw JSON of the endpoints called over `calls.raw` (batch reads, searches).
 */
import type { HubSpotRecord } from "./model";

/** A record as the client's classes or a raw JSON answer hold it. */
export interface ClientRecord {
  id: string | number;
  properties?: Record<string, string | null>;
  createdAt?: Date | string;
  updatedAt?: Date | string;
  archived?: boolean;
}

export function toRecord(record: ClientRecord): HubSpotRecord {
  return {
    id: String(record.id),
    properties: { ...record.properties },
    createdAt: isoString(record.createdAt),
    updatedAt: isoString(record.updatedAt),
    archived: record.archived === true,
  };
}

/** ISO string of a client date (a `Date`, or a string when the client left it alone). */
export function isoString(value: Date | string | undefined | null): string {
  if (value === undefined || value === null) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString();
  return value;
}

/**
 * Epoch milliseconds of a HubSpot date value: property values may be ISO strings or epoch
 * milliseconds as strings. `undefined` when absent or unreadable.
 */
export function epochMillis(value: string | null | undefined): number | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (/^-?\d+$/.test(value.trim())) return Number(value);
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : parsed;
}

/** Splits a list into chunks of at most `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}
