/**
 * The pure diff: desired state against live state, by semantic comparison (see canonical/), into
 * create / update / delete / archive / no-op items in the order deploy applies them. Objects that
 * look like ours but carry no managed marker are never touched unless `adopt` is asked for.
 */
import {
  carriesManagedMarker,
  looksLikeManagedFlowName,
  looksLikeManagedPropertyName,
  MANAGED_GROUP,
} from "../managed-names";
import type { LiveProperty } from "../model/property";
import type { DesiredState, LiveState } from "../model/state";
import { deepDiff } from "./deep-diff";
import { fingerprintLive } from "./fingerprint";
import { flowItems, propertyItem, type PlanOptions } from "./items";
import type { Drift, Plan, PlanItem, PlanSummary } from "./types";

export type { PlanOptions };

function summarise(items: PlanItem[], drift: Drift[]): PlanSummary {
  const count = (...actions: PlanItem["action"][]) => items.filter((item) => actions.includes(item.action)).length;
  return {
    add: count("create"),
    change: count("update"),
    destroy: count("delete", "archive"),
    unchanged: count("noop"),
    unmanaged: count("unmanaged"),
    blocked: count("blocked"),
    drift: drift.length,
  };
}

const orderOf = (item: PlanItem) => (item.action === "delete" ? 1 : item.action === "archive" ? 2 : 0);

export function planChanges(desired: DesiredState, live: LiveState, options: PlanOptions = {}): Plan {
  const drift: Drift[] = [];
  const version = desired.configVersion;
  const items: PlanItem[] = [];
  const reportOnly: PlanItem[] = [];

  const group = desired.group;
  if (!live.group) items.push({ kind: "group", key: group.name, action: "create", changes: [], desired: group });
  else if (live.group.archived === true) {
    items.push({
      kind: "group",
      key: group.name,
      action: "blocked",
      changes: [],
      reason: "the property group is archived in HubSpot: restore it, then plan again",
    });
  } else {
    const changes = deepDiff({ label: live.group.label }, { label: group.label });
    items.push({
      kind: "group",
      key: group.name,
      changes,
      ...(changes.length > 0 ? { action: "update" as const, desired: group } : { action: "noop" as const }),
    });
  }

  const wanted = new Set(desired.properties.map((property) => property.name));
  for (const property of desired.properties) {
    items.push(
      propertyItem(
        property,
        live.properties.filter((p) => p.name === property.name),
        options,
        version,
        drift,
      ),
    );
  }
  const flowNames = new Set(desired.flows.map((flow) => flow.body.name));
  for (const flow of desired.flows) {
    items.push(
      ...flowItems(
        flow.body,
        live.flows.filter((f) => f.name === flow.body.name),
        options,
        version,
        drift,
      ),
    );
  }

  for (const flow of [...live.flows].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (flowNames.has(flow.name) || !looksLikeManagedFlowName(flow.name)) continue;
    if (carriesManagedMarker(flow.description)) {
      items.push({
        kind: "flow",
        key: flow.name,
        action: "delete",
        id: flow.id,
        changes: [],
        reason: "no longer in the routing config",
      });
    } else {
      reportOnly.push({
        kind: "flow",
        key: flow.name,
        action: "unmanaged",
        id: flow.id,
        changes: [],
        reason: "looks like a RouteOps workflow but carries no managed marker: left untouched",
      });
    }
  }
  const looksOurs = (property: LiveProperty) =>
    looksLikeManagedPropertyName(property.name) || property.groupName === MANAGED_GROUP.name;
  for (const property of [...live.properties].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (wanted.has(property.name) || property.archived === true || !looksOurs(property)) continue;
    if (carriesManagedMarker(property.description)) {
      items.push({
        kind: "property",
        key: property.name,
        action: "archive",
        changes: [],
        reason: "no longer in the routing config",
      });
    } else {
      reportOnly.push({
        kind: "property",
        key: property.name,
        action: "unmanaged",
        changes: [],
        reason: "looks like a RouteOps property but carries no managed marker: left untouched",
      });
    }
  }

  // Stable sort: writes in desired order, then flow deletes, then property archives (flows first: they reference properties).
  const ordered = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => orderOf(a.item) - orderOf(b.item) || a.index - b.index)
    .map((e) => e.item);
  const all = [...ordered, ...reportOnly];
  return {
    configVersion: version,
    mode: desired.mode,
    computedFor: desired.at,
    fingerprint: fingerprintLive(live),
    items: all,
    drift,
    warnings: desired.warnings,
    summary: summarise(all, drift),
  };
}
