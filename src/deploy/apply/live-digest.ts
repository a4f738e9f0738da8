/**
 * Per-object digests of the live state a plan was computed from, kept in a saved plan so that a
 * refusal can say what changed in the portal since (which property, which owner), where the
 * plan's fingerprint only says that something did.
 */
import { canonicalProperty } from "../canonical/property";
import { contentDigest } from "../canonical/json";
import type { LiveState } from "../model/state";

export interface LiveDigests {
  /** The managed group (`absent` when the portal had none). */
  group: string;
  /** Each property that is ours or looks like ours, by name (archived ones as `name (archived)`). */
  properties: Record<string, string>;
  /** Each owner, by owner id (email and whether deactivated). */
  owners: Record<string, string>;
}

/** A flow the plan read: the revision deploy expects to find. */
export interface ReadFlow {
  id: string;
  name: string;
  revisionId: string;
}

const propertyKey = (property: { name: string; archived?: boolean }) =>
  property.archived === true ? `${property.name} (archived)` : property.name;

export function liveDigests(live: LiveState): LiveDigests {
  const properties: Record<string, string> = {};
  for (const property of live.properties) {
    properties[propertyKey(property)] = contentDigest({
      description: property.description ?? "",
      ...canonicalProperty(property),
    });
  }
  const owners: Record<string, string> = {};
  for (const owner of live.owners) {
    owners[owner.id] = contentDigest({ email: owner.email.trim().toLowerCase(), archived: owner.archived });
  }
  return {
    group: live.group
      ? contentDigest({ name: live.group.name, label: live.group.label, archived: live.group.archived === true })
      : "absent",
    properties,
    owners,
  };
}

export function readFlows(live: LiveState): ReadFlow[] {
  return live.flows
    .map((flow) => ({ id: flow.id, name: flow.name, revisionId: flow.revisionId }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** What differs between the portal the plan read and the portal now, one sentence each. */
export function describeLiveChanges(then: { flows: ReadFlow[]; live: LiveDigests }, live: LiveState): string[] {
  const reasons: string[] = [];
  const nowFlows = new Map(live.flows.map((flow) => [flow.id, flow]));
  for (const flow of then.flows) {
    const current = nowFlows.get(flow.id);
    if (!current) reasons.push(`workflow "${flow.name}" (id ${flow.id}) was deleted`);
    else if (current.revisionId !== flow.revisionId) {
      reasons.push(
        `workflow "${current.name}" (id ${flow.id}) changed: revision ${flow.revisionId} when planned, ${current.revisionId} now`,
      );
    }
  }
  const planned = new Set(then.flows.map((flow) => flow.id));
  for (const flow of live.flows) {
    if (!planned.has(flow.id)) reasons.push(`workflow "${flow.name}" (id ${flow.id}) was created`);
  }
  const now = liveDigests(live);
  if (now.group !== then.live.group) {
    reasons.push(
      then.live.group === "absent"
        ? "the property group was created"
        : now.group === "absent"
          ? "the property group was deleted"
          : "the property group changed",
    );
  }
  reasons.push(...differences("property", then.live.properties, now.properties, (name) => name));
  const email = new Map(
    live.owners.map((owner) => [owner.id, `${owner.email}${owner.archived ? ", deactivated" : ""}`]),
  );
  reasons.push(
    ...differences("owner", then.live.owners, now.owners, (id) => `${id}${email.has(id) ? ` (${email.get(id)})` : ""}`),
  );
  return reasons;
}

function differences(
  what: string,
  then: Record<string, string>,
  now: Record<string, string>,
  name: (key: string) => string,
): string[] {
  const out: string[] = [];
  for (const [key, digest] of Object.entries(then)) {
    if (!(key in now)) out.push(`${what} ${name(key)} is gone`);
    else if (now[key] !== digest) out.push(`${what} ${name(key)} changed`);
  }
  for (const key of Object.keys(now)) if (!(key in then)) out.push(`${what} ${name(key)} was added`);
  return out;
}
