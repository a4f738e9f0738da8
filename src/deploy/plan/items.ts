/**
 * The plan items of one wanted property or flow: matched by name against the live objects,
 * compared semantically, with drift recorded on the way.
 */
import { canonicalFlow, flowDigest } from "../canonical/flow";
import { canonicalProperty, propertyDigest } from "../canonical/property";
import { carriesManagedMarker } from "../managed-names";
import type { FlowBody } from "../model/flow";
import type { LiveProperty, PropertyDefinition } from "../model/property";
import type { LiveFlow } from "../model/state";
import { deepDiff } from "./deep-diff";
import { contentDrift } from "./drift";
import type { Drift, FieldChange, PlanItem } from "./types";

export interface PlanOptions {
  /** Take over objects that have the names RouteOps wants but no managed marker. */
  adopt?: boolean;
}

const ADOPT_HINT = "plan with adopt (routeops plan --adopt) to take it over, or rename or delete it in HubSpot";

function withDescription(changes: FieldChange[], from: string | undefined, to: string): FieldChange[] {
  return (from ?? "") === to ? changes : [...changes, { path: "description", from: from ?? undefined, to }];
}

export function propertyItem(
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

export function flowItems(
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
