/**
 * The pure diff: desired state against live state, by semantic comparison (see canonical/), into
 * create / update / delete / archive / no-op items in the order deploy applies them. Objects that
 * look like ours but carry no managed marker are never touched unless `adopt` is asked for.
 */
import { canonicalFlow, flowDigest } from "../canonical/flow";
import { canonicalProperty, propertyDigest } from "../canonical/property";
import {
  carriesManagedMarker,
  looksLikeManagedFlowName,
  looksLikeManagedPropertyName,
  MANAGED_GROUP,
} from "../managed-names";
import type { FlowBody } from "../model/flow";
import type { LiveProperty, PropertyDefinition } from "../model/property";
import type { DesiredState, LiveFlow, LiveState } from "../model/state";
import { deepDiff } from "./deep-diff";
import { contentDrift } from "./drift";
import { fingerprintLive } from "./fingerprint";
import type { Drift, FieldChange, Plan, PlanItem, PlanSummary } from "./types";

export interface PlanOptions {
  /** Take over objects that have the names RouteOps wants but no managed marker. */
  adopt?: boolean;
}

const ADOPT_HINT = "plan with adopt (routeops plan --adopt) to take it over, or rename or delete it in HubSpot";

function withDescription(changes: FieldChange[], from: string | undefined, to: string): FieldChange[] {
  return (from ?? "") === to ? changes : [...changes, { path: "description", from: from ?? undefined, to }];
}

function propertyItem(
  desired: PropertyDefinition,
  candidates: LiveProperty[],
  options: PlanOptions,
  version: string,
  drift: Drift[],
): PlanItem {
  const active = candidates.find((property) => property.archived !== true);
  const archived = candidates.find((property) => property.archived === true);
  const base = { kind: "property" as const, key: desired.name };
  if (!active) {
    if (archived) {
      if (carriesManagedMarker(archived.description)) {
        drift.push({ kind: "property", key: desired.name, drift: "archived", fields: [], deployedVersion: null });
      }
      return {
        ...base,
        action: "blocked",
        changes: [],
        reason:
          "an archived property with this name is in HubSpot's recycle bin, so it cannot be created: restore it " +
          "(Settings > Properties > Archived properties) or delete it permanently, then plan again",
      };
    }
    return { ...base, action: "create", changes: [], desired };
  }
  const managed = carriesManagedMarker(active.description);
  if (!managed && !options.adopt) {
    return {
      ...base,
      action: "unmanaged",
      changes: [],
      reason: `a property with this name exists without the managed marker: ${ADOPT_HINT}`,
    };
  }
  const changes = withDescription(
    deepDiff(canonicalProperty(active), canonicalProperty(desired)),
    active.description,
    desired.description,
  );
  if (managed) {
    const found = contentDrift("property", desired.name, active.description, propertyDigest(active), version, changes);
    if (found) drift.push(found);
  }
  if (changes.length === 0) return { ...base, action: "noop", changes };
  return {
    ...base,
    action: "update",
    changes,
    desired,
    ...(managed ? {} : { adopt: true, reason: "taken over (adopt): it carried no managed marker" }),
  };
}

function flowChanges(live: LiveFlow, desired: FlowBody): FieldChange[] {
  const changes = withDescription(
    deepDiff(canonicalFlow(live), canonicalFlow(desired)),
    live.description,
    desired.description,
  );
  return live.isEnabled === desired.isEnabled
    ? changes
    : [...changes, { path: "isEnabled", from: live.isEnabled, to: desired.isEnabled }];
}

function flowItems(
  desired: FlowBody,
  candidates: LiveFlow[],
  options: PlanOptions,
  version: string,
  drift: Drift[],
): PlanItem[] {
  const base = { kind: "flow" as const, key: desired.name };
  const byId = [...candidates].sort((a, b) => Number(a.id) - Number(b.id) || (a.id < b.id ? -1 : 1));
  const managed = byId.filter((flow) => carriesManagedMarker(flow.description));
  const unmanaged = byId.filter((flow) => !carriesManagedMarker(flow.description));
  const target = managed[0] ?? (options.adopt ? unmanaged[0] : undefined);
  const items: PlanItem[] = [];
  if (!target) {
    if (unmanaged.length > 0) {
      items.push({
        ...base,
        action: "unmanaged",
        id: unmanaged[0]?.id,
        changes: [],
        reason: `a workflow with this name exists without the managed marker: ${ADOPT_HINT}`,
      });
    } else {
      items.push({
        ...base,
        action: "create",
        changes: [],
        desired: { ...desired, isEnabled: false },
        enable: desired.isEnabled,
      });
    }
  } else {
    const changes = flowChanges(target, desired);
    const adopted = !carriesManagedMarker(target.description);
    if (!adopted) {
      const found = contentDrift("flow", desired.name, target.description, flowDigest(target), version, changes);
      if (found) drift.push(found);
      if (!target.isEnabled && desired.isEnabled) {
        drift.push({ kind: "flow", key: desired.name, drift: "disabled", fields: [], deployedVersion: null });
      }
    }
    const enable = !target.isEnabled && desired.isEnabled;
    items.push(
      changes.length === 0
        ? { ...base, action: "noop", id: target.id, revisionId: target.revisionId, changes }
        : {
            ...base,
            action: "update",
            id: target.id,
            revisionId: target.revisionId,
            changes,
            // Written with its current state; flows are enabled last, once every write is done.
            desired: { ...desired, isEnabled: target.isEnabled },
            ...(enable ? { enable: true } : {}),
            ...(adopted ? { adopt: true, reason: "taken over (adopt): it carried no managed marker" } : {}),
          },
    );
  }
  for (const extra of managed.slice(1)) {
    items.push({
      ...base,
      action: "delete",
      id: extra.id,
      changes: [],
      reason: `duplicate of workflow ${target?.id} (an interrupted deploy?)`,
    });
  }
  for (const other of unmanaged.filter(
    (flow) => flow !== target && !(items[0]?.action === "unmanaged" && items[0].id === flow.id),
  )) {
    items.push({
      ...base,
      action: "unmanaged",
      id: other.id,
      changes: [],
      reason: "looks like a RouteOps workflow but carries no managed marker: left untouched",
    });
  }
  return items;
}

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
    computedFor: desired.at,
    fingerprint: fingerprintLive(live),
    items: all,
    drift,
    warnings: desired.warnings,
    summary: summarise(all, drift),
  };
}
