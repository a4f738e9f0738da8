/**
 * Field-by-field differences between two canonical values. Lists of named entries (branches) are
 * compared by name; other lists by position.
 */
import { stableStringify } from "../canonical/json";
import type { FieldChange } from "./types";

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const join = (path: string, key: string) => (path === "" ? key : `${path}.${key}`);

function namedEntries(list: unknown[]): Map<string, unknown> | null {
  if (list.length === 0 || !list.every((item) => isObject(item) && typeof item.name === "string")) return null;
  const map = new Map(list.map((item) => [(item as { name: string }).name, item]));
  return map.size === list.length ? map : null;
}

/** Changes that turn `from` (the portal) into `to` (the config). */
export function deepDiff(from: unknown, to: unknown, path = ""): FieldChange[] {
  if (stableStringify(from) === stableStringify(to)) return [];
  if (isObject(from) && isObject(to)) {
    const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])].sort();
    return keys.flatMap((key) => deepDiff(from[key], to[key], join(path, key)));
  }
  if (Array.isArray(from) && Array.isArray(to)) {
    const left = namedEntries(from);
    const right = namedEntries(to);
    if (left && right) {
      const changes: FieldChange[] = [];
      const leftOrder = [...left.keys()].filter((name) => right.has(name));
      const rightOrder = [...right.keys()].filter((name) => left.has(name));
      if (leftOrder.join("\n") !== rightOrder.join("\n"))
        changes.push({ path: `${path} order`, from: leftOrder, to: rightOrder });
      for (const name of new Set([...left.keys(), ...right.keys()])) {
        changes.push(...deepDiff(left.get(name), right.get(name), `${path}[${name}]`));
      }
      return changes;
    }
    const primitives = [...from, ...to].every((item) => !isObject(item) && !Array.isArray(item));
    if (primitives) return [{ path, from, to }];
    const length = Math.max(from.length, to.length);
    const changes: FieldChange[] = [];
    for (let index = 0; index < length; index++) changes.push(...deepDiff(from[index], to[index], `${path}[${index}]`));
    return changes;
  }
  return [{ path, from, to }];
}
