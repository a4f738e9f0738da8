/**
 * What a decision writes to HubSpot, computed when the decision is made and stored in the outbox
 * with it, so that a replay after a crash writes exactly the same values. Pure.
 */
import { MANAGED_PROPERTIES as M } from "../deploy/managed-names";
import { assignee } from "../engine/route";
import type { Decision } from "../engine/types";
import type { RoutingRequestKey } from "./request";
import type { OutboxKind } from "./store";

/** `contact_update` payload: the contact's new property values. */
export interface ContactUpdatePayload {
  properties: Record<string, string>;
  /** Reps the decision names that have no HubSpot owner (their owner properties were left empty). */
  unresolved: string[];
}

/** `task_create` payload: the SLA task. */
export interface TaskCreatePayload {
  /** Identifies the task among the contact's tasks (written into its body). */
  marker: string;
  properties: Record<string, string>;
}

/** The line that ties a task to its routing request; looked for before creating it again. */
export function taskMarker(key: RoutingRequestKey): string {
  const round = key.round ?? 0;
  return `routeops-request:${key.contactId}:${key.requestedAt}${round > 0 ? `:${round}` : ""}`;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The writes of one decision: the contact update (owner, every routing property, the exact SLA
 * due time, the config version, routed-at = the request's instant, pending cleared) and, when an
 * SLA applies and the lead has an owner, the SLA task due at the SLA due time.
 */
export function decisionWrites(
  key: RoutingRequestKey,
  decision: Decision,
  ownerIds: ReadonlyMap<string, string>,
  configVersion: string,
  contactLabel: string,
): { kind: OutboxKind; payload: ContactUpdatePayload | TaskCreatePayload }[] {
  const unresolved: string[] = [];
  const ownerId = (email: string | null): string => {
    if (email === null) return "";
    const id = ownerIds.get(email.toLowerCase());
    if (id === undefined) unresolved.push(email);
    return id ?? "";
  };
  const owner = assignee(decision);
  const properties: Record<string, string> = {
    [M.sourceType]: decision.sourceType ?? "",
    [M.system]: decision.system,
    [M.rule]: decision.rule,
    [M.pool]: decision.pool ?? "",
    [M.queue]: decision.queue ?? "",
    [M.nurture]: decision.nurture ?? "",
    [M.slaPolicy]: decision.slaPolicy ?? "",
    [M.slaDueAt]: decision.slaDueAt === null ? "" : iso(decision.slaDueAt),
    [M.reengagement]: decision.reengagement ? "true" : "false",
    [M.collaborator]: ownerId(decision.collaborator),
    [M.originalOwner]: ownerId(decision.originalRep),
    [M.intent]: decision.intent ?? "",
    [M.territory]: decision.territory ?? "",
    [M.segment]: decision.segment ?? "",
    [M.notification]: decision.notification,
    [M.configVersion]: configVersion,
    [M.routedAt]: iso(key.requestedAt),
    [M.routingPending]: "false",
  };
  const ownerIdValue = ownerId(owner);
  // The owner is the engine's: a decision that names nobody (nurture) leaves the lead unowned, so
  // the owner an earlier routing gave it is cleared ("" clears a value, as for every routing
  // property above). A named rep without a HubSpot owner (unresolved) leaves the owner as it is.
  if (owner === null) properties.hubspot_owner_id = "";
  else if (ownerIdValue !== "") properties.hubspot_owner_id = ownerIdValue;
  const writes: { kind: OutboxKind; payload: ContactUpdatePayload | TaskCreatePayload }[] = [
    { kind: "contact_update", payload: { properties, unresolved } satisfies ContactUpdatePayload },
  ];
  if (decision.slaDueAt !== null && ownerIdValue !== "") {
    const marker = taskMarker(key);
    writes.push({
      kind: "task_create",
      payload: {
        marker,
        properties: {
          hs_timestamp: iso(decision.slaDueAt),
          hs_task_subject: `First contact due: ${contactLabel}`,
          hs_task_body: [
            `Routed by RouteOps rule ${decision.rule} (${decision.system}), SLA ${decision.slaPolicy ?? "none"}.`,
            `Notification: ${decision.notification}.`,
            marker,
          ].join("\n"),
          hs_task_status: "NOT_STARTED",
          hs_task_priority: decision.notification === "urgent" ? "HIGH" : "MEDIUM",
          hs_task_type: "TODO",
          hubspot_owner_id: ownerIdValue,
        },
      } satisfies TaskCreatePayload,
    });
  }
  return writes;
}
