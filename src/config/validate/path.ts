/**
 * Paths inside a routing config. A finding keeps its path as segments (so that the loader can
 * find the element in the source files without parsing a string back) and renders it with ids:
 * `systems.inbound.rules.inbound-enterprise.when.segment[0]`.
 */

/** An element of an array whose items carry an id (or, for reps, an email). */
export interface IdSegment {
  index: number;
  id: string;
}

/** A property name, an array index, or an element known by its id. */
export type PathSegment = string | number | IdSegment;

/** Renders segments as people read them: ids after a dot, bare indexes in brackets. */
export function renderPath(segments: readonly PathSegment[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (typeof segment === "string") out += out === "" ? segment : `.${segment}`;
    else out += out === "" ? segment.id : `.${segment.id}`;
  }
  return out;
}

/** The segment for item `index` of a collection: by id when the item has one. */
export function element(item: unknown, index: number): PathSegment {
  const id = identityOf(item);
  return id === undefined ? index : { index, id };
}

/** The `id` of a config element, or `email` for reps; undefined when it has neither. */
export function identityOf(item: unknown): string | undefined {
  if (typeof item !== "object" || item === null) return undefined;
  const record = item as Record<string, unknown>;
  if (typeof record.id === "string" && record.id !== "") return record.id;
  if (typeof record.email === "string" && record.email !== "") return record.email;
  return undefined;
}

/**
 * Turns a raw path (keys and indexes, as zod reports it) into segments, naming array items by id
 * where the value at that place has one.
 */
export function segmentsOf(root: unknown, raw: readonly PropertyKey[]): PathSegment[] {
  const segments: PathSegment[] = [];
  let value: unknown = root;
  for (const key of raw) {
    if (typeof key === "number") {
      const item = Array.isArray(value) ? value[key] : undefined;
      segments.push(element(item, key));
      value = item;
    } else {
      const name = String(key);
      segments.push(name);
      value = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[name] : undefined;
    }
  }
  return segments;
}

/** The value found at `segments` inside `root`, or undefined. */
export function valueAt(root: unknown, segments: readonly PathSegment[]): unknown {
  let value: unknown = root;
  for (const segment of segments) {
    if (typeof value !== "object" || value === null) return undefined;
    if (typeof segment === "string") value = (value as Record<string, unknown>)[segment];
    else if (Array.isArray(value)) value = value[typeof segment === "number" ? segment : segment.index];
    else return undefined;
  }
  return value;
}
