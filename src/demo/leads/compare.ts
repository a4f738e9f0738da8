/**
 * A lead as the deployed workflows left it, against the engine's decision for the same input.
 * Compared: what RouteOps records on the contact and who owns it. Not compared, by design (see
 * docs/deploy.md, "Notes for the differential test"): the SLA due time (HubSpot counts calendar
 * time), which member of a pool the rotation picked (only that it is a member), and the owner of
 * a nurtured lead (HubSpot leaves it as it was).
 */
import type { RoutingConfig } from "../../config/types";
import { MANAGED_PROPERTIES as P } from "../../deploy/managed-names";
import type { Decision } from "../../engine/types";

/** One field where the workflows and the engine disagree, values as people read them. */
export interface FieldDifference {
  field: string;
  engine: string;
  hubspot: string;
}

/** Owners of the portal by id and by email (lower case). */
export interface OwnerIndex {
  idOf(email: string): string | undefined;
  emailOf(id: string): string | undefined;
}

/** The contact properties the comparison reads. */
export const COMPARED_PROPERTIES: readonly string[] = [
  P.sourceType,
  P.system,
  P.rule,
  P.intent,
  P.territory,
  P.segment,
  P.pool,
  P.queue,
  P.nurture,
  P.slaPolicy,
  P.notification,
  P.reengagement,
  P.collaborator,
  P.originalOwner,
  P.routedAt,
  P.routingPending,
  "hubspot_owner_id",
];

const EMPTY = "(none)";

function shown(value: string | null | undefined): string {
  return value === null || value === undefined || value.trim() === "" ? EMPTY : value;
}

/** Whether the workflows routed the contact (a routing flow or the unclassified path recorded it). */
export function wasRouted(values: Record<string, string | null>): boolean {
  return shown(values[P.routedAt]) !== EMPTY && values[P.routingPending] !== "true";
}

/** Every field where the contact differs from the decision (empty: they agree). */
export function compareLead(
  decision: Decision,
  values: Record<string, string | null>,
  owners: OwnerIndex,
  config: RoutingConfig,
): FieldDifference[] {
  const differences: FieldDifference[] = [];
  const same = (field: string, engine: string | null, hubspot: string | null | undefined) => {
    const a = shown(engine);
    const b = shown(hubspot);
    if (a !== b) differences.push({ field, engine: a, hubspot: b });
  };
  const email = (id: string | null | undefined) => (id ? (owners.emailOf(id) ?? `owner ${id}`) : null);

  same("source type", decision.sourceType, values[P.sourceType]);
  same("system", decision.system, values[P.system]);
  same("rule", decision.rule, values[P.rule]);
  same("intent", decision.intent, values[P.intent]);
  same("territory", decision.territory, values[P.territory]);
  same("segment", decision.segment, values[P.segment]);
  same("pool", decision.pool, values[P.pool]);
  same("queue", decision.queue, values[P.queue]);
  same("nurture", decision.nurture, values[P.nurture]);
  same("SLA policy", decision.slaPolicy, values[P.slaPolicy]);
  same("notification", decision.notification, values[P.notification]);
  same("re-engagement", String(decision.reengagement), values[P.reengagement] === "true" ? "true" : "false");
  same("collaborator", lower(decision.collaborator), lower(email(values[P.collaborator])));
  if (decision.system === "reengagement") {
    same("original rep", lower(decision.originalRep), lower(email(values[P.originalOwner])));
  }

  const actual = lower(email(values.hubspot_owner_id));
  if (decision.nurture === null) {
    if (decision.owner === null && decision.pool !== null) {
      const members = poolMembers(config, decision.pool);
      if (actual === null || !members.includes(actual)) {
        differences.push({ field: "owner", engine: `a member of ${decision.pool}`, hubspot: shown(actual) });
      }
    } else {
      same("owner", lower(decision.owner), actual);
    }
  }
  return differences;
}

function lower(email: string | null): string | null {
  return email === null ? null : email.trim().toLowerCase();
}

function poolMembers(config: RoutingConfig, poolId: string): string[] {
  const pool = config.pools.find((p) => p.id === poolId);
  return (pool?.members ?? []).map((member) => member.rep.toLowerCase());
}

/** An owner index over `{ id, email }` owners. */
export function indexOwners(owners: readonly { id: string; email: string | null }[]): OwnerIndex {
  const byEmail = new Map<string, string>();
  const byId = new Map<string, string>();
  for (const owner of owners) {
    if (!owner.email) continue;
    byId.set(owner.id, owner.email.toLowerCase());
    if (!byEmail.has(owner.email.toLowerCase())) byEmail.set(owner.email.toLowerCase(), owner.id);
  }
  return {
    idOf: (email) => byEmail.get(email.trim().toLowerCase()),
    emailOf: (id) => byId.get(id),
  };
}
