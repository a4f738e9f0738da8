/** Stable JSON and short content digests: the same value always prints and hashes the same way. */
import { createHash } from "node:crypto";

/** JSON with object keys sorted at every level and undefined members left out. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value))
    return `[${value.map((item) => (item === undefined ? "null" : stableStringify(item))).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, member]) => member !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, member]) => `${JSON.stringify(name)}:${stableStringify(member)}`);
  return `{${entries.join(",")}}`;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** 12 hex digits of the SHA-256 of the stable JSON: enough to tell contents apart, short enough to read. */
export function contentDigest(value: unknown): string {
  return sha256(stableStringify(value)).slice(0, 12);
}

/** Orders values by their stable JSON (for collections whose order carries no meaning). */
export function sortByJson<T>(values: readonly T[]): T[] {
  return values
    .map((value) => ({ value, key: stableStringify(value) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((entry) => entry.value);
}
