/**
 * The fingerprint of the live state a plan was computed from. A plan saved on a pull request is
 * applied later; if the portal changed in between (a flow edited, a property added, an owner
 * deactivated), the fingerprint no longer matches and deploy refuses to apply the stale plan.
 */
import { canonicalProperty } from "../canonical/property";
import { sha256, stableStringify } from "../canonical/json";
import type { LiveState } from "../model/state";
import type { PlanFingerprint } from "./types";

const byKey = <T>(values: T[], key: (value: T) => string) =>
  [...values].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

export function fingerprintLive(live: LiveState): PlanFingerprint {
  const snapshot = {
    group: live.group
      ? { name: live.group.name, label: live.group.label, archived: live.group.archived === true }
      : null,
    properties: byKey(
      live.properties.map((property) => ({
        name: property.name,
        archived: property.archived === true,
        description: property.description ?? "",
        ...canonicalProperty(property),
      })),
      (p) => `${p.name}\u0000${p.archived}`,
    ),
    flows: byKey(
      live.flows.map((flow) => ({
        id: flow.id,
        revisionId: flow.revisionId,
        name: flow.name,
        isEnabled: flow.isEnabled,
      })),
      (f) => f.id,
    ),
    owners: byKey(
      live.owners.map((owner) => ({ id: owner.id, email: owner.email.trim().toLowerCase(), archived: owner.archived })),
      (o) => o.id,
    ),
  };
  const flowRevisions: Record<string, string> = {};
  for (const flow of byKey(live.flows, (f) => f.id)) flowRevisions[flow.id] = flow.revisionId;
  return { live: sha256(stableStringify(snapshot)), flowRevisions };
}

/** Whether a saved plan still applies to the portal as it is now, and if not, why. */
export function verifyFingerprint(
  expected: PlanFingerprint,
  live: LiveState,
): { ok: true } | { ok: false; reasons: string[] } {
  const current = fingerprintLive(live);
  if (current.live === expected.live) return { ok: true };
  const reasons: string[] = [];
  for (const [id, revision] of Object.entries(expected.flowRevisions)) {
    const now = current.flowRevisions[id];
    if (now === undefined) reasons.push(`flow ${id} was deleted`);
    else if (now !== revision) reasons.push(`flow ${id} changed (revision ${revision} -> ${now})`);
  }
  for (const id of Object.keys(current.flowRevisions)) {
    if (!(id in expected.flowRevisions)) reasons.push(`flow ${id} was created`);
  }
  if (reasons.length === 0) reasons.push("contact properties, the property group or owners changed");
  return { ok: false, reasons };
}
