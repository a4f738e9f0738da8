/**
 * What a change to the routing config does to its flow: which source types and rules were
 * added, changed (and in which fields, `position` when a rule moved relative to the others:
 * order decides which rule wins) or removed, compared with a base config.
 */
import type { RoutingConfig } from "../config/types";

/** The part of the routing flow an entry belongs to. */
export type RoutingLayer = "source" | "reengagement" | "inbound" | "outbound" | "unclassified";

/** A source type or rule that differs from the base config. */
export interface RuleChange {
  layer: RoutingLayer;
  /** Source type id, rule id, or the unclassified rule id. */
  id: string;
  kind: "added" | "changed" | "removed";
  /** For `changed`: the fields that differ, plus `position` when its order moved. Empty otherwise. */
  fields: string[];
}

interface Entry {
  id: string;
  value: object;
}

/** The entries of each layer, in evaluation order. */
export function layers(config: RoutingConfig): Record<RoutingLayer, Entry[]> {
  return {
    source: config.sources.map((source) => ({ id: source.id, value: source })),
    reengagement: config.reengagement.rules.map((rule) => ({ id: rule.id, value: rule })),
    inbound: config.systems.inbound.rules.map((rule) => ({ id: rule.id, value: rule })),
    outbound: config.systems.outbound.rules.map((rule) => ({ id: rule.id, value: rule })),
    unclassified: [{ id: config.unclassified.rule, value: config.unclassified }],
  };
}

/** JSON with sorted keys, so that key order in the config file is not a change. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** Ids (present in both lists) that are not in the longest common subsequence: the ones that moved. */
export function moved(current: string[], base: string[]): Set<string> {
  const shared = new Set(current.filter((id) => base.includes(id)));
  const a = current.filter((id) => shared.has(id));
  const b = base.filter((id) => shared.has(id));
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = lengths[i] as number[];
      const below = lengths[i + 1] as number[];
      row[j] = a[i] === b[j] ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number);
    }
  }
  const stayed = new Set<string>();
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      stayed.add(a[i] as string);
      i++;
      j++;
    } else if ((lengths[i + 1]?.[j] ?? 0) >= (lengths[i]?.[j + 1] ?? 0)) i++;
    else j++;
  }
  return new Set(a.filter((id) => !stayed.has(id)));
}

function changedFields(current: object, base: object): string[] {
  const keys = new Set([...Object.keys(current), ...Object.keys(base)]);
  return [...keys]
    .filter((key) => key !== "id" && key !== "rule")
    .filter(
      (key) =>
        canonical((current as Record<string, unknown>)[key]) !== canonical((base as Record<string, unknown>)[key]),
    )
    .sort();
}

/** Every source type and rule that was added, changed or removed, layer by layer in flow order. */
export function routingChanges(config: RoutingConfig, base: RoutingConfig): RuleChange[] {
  const now = layers(config);
  const before = layers(base);
  const changes: RuleChange[] = [];
  for (const layer of Object.keys(now) as RoutingLayer[]) {
    const currentEntries = now[layer];
    const baseEntries = before[layer];
    const baseById = new Map(baseEntries.map((entry) => [entry.id, entry]));
    const currentIds = new Set(currentEntries.map((entry) => entry.id));
    const movedIds = moved(
      currentEntries.map((entry) => entry.id),
      baseEntries.map((entry) => entry.id),
    );
    for (const entry of currentEntries) {
      const previous = baseById.get(entry.id);
      if (!previous) {
        changes.push({ layer, id: entry.id, kind: "added", fields: [] });
        continue;
      }
      const fields = changedFields(entry.value, previous.value);
      if (movedIds.has(entry.id)) fields.push("position");
      if (fields.length > 0) changes.push({ layer, id: entry.id, kind: "changed", fields });
    }
    for (const entry of baseEntries) {
      if (!currentIds.has(entry.id)) changes.push({ layer, id: entry.id, kind: "removed", fields: [] });
    }
  }
  return changes;
}
