/**
 * Router mode: every lead as HubSpot holds it after the router wrote it, against the engine's
 * decision for the same input at the same instant, field by field and exactly: owner (the
 * rotation's pick included), every routing property, the SLA due time, routed-at and the config
 * version. The engine replays the leads in the order the router decided them (its decision log:
 * decided-at, then request instant, then contact id, as it claims a batch), from one rotation
 * state, as the router does from its ledger; so rotation picks must agree one for one.
 */
import type { RoutingConfig } from "../../config/types";
import { MANAGED_PROPERTIES as P } from "../../deploy/managed-names";
import { compileRouting, createRotationState, route } from "../../engine";
import type { Decision, RouteInput } from "../../engine/types";
import type { LoggedDecision } from "../../router";
import { assignee } from "../../engine";
import type { FieldDifference, OwnerIndex } from "./compare";

/** The properties the router writes and the comparison reads. */
export const ROUTER_PROPERTIES: readonly string[] = [
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
  P.slaDueAt,
  P.notification,
  P.reengagement,
  P.collaborator,
  P.originalOwner,
  P.routedAt,
  P.routingPending,
  P.configVersion,
  "hubspot_owner_id",
];

/** One lead as the router left it. */
export interface RoutedLead {
  contactId: string;
  /** The event at the instant the portal recorded it. */
  input: RouteInput;
  /** The contact's properties read back. */
  values: Record<string, string | null>;
  /** The router's newest decision for the contact, when it made one. */
  logged: LoggedDecision | undefined;
}

/** A lead after the check. */
export interface RouterCheck {
  decision: Decision;
  /** The router decided and wrote it (routed-at set, no longer pending). */
  routed: boolean;
  differences: FieldDifference[];
}

const EMPTY = "(none)";

function shown(value: string | null | undefined): string {
  return value === null || value === undefined || value.trim() === "" ? EMPTY : value;
}

function instant(value: string | null | undefined): string {
  if (value === null || value === undefined || value.trim() === "") return EMPTY;
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

const lower = (email: string | null | undefined) => (email ? email.trim().toLowerCase() : null);

/** Checks every lead; the result is in the leads' order. */
export function checkRoutedLeads(
  config: RoutingConfig,
  leads: readonly RoutedLead[],
  owners: OwnerIndex,
): RouterCheck[] {
  const order = leads
    .map((lead, i) => ({ lead, i }))
    .sort((a, b) => {
      const x = a.lead.logged;
      const y = b.lead.logged;
      if (!x || !y) return x ? -1 : y ? 1 : a.i - b.i;
      return (
        x.decidedAt - y.decidedAt ||
        x.requestedAt - y.requestedAt ||
        x.contactId.localeCompare(y.contactId) ||
        x.round - y.round
      );
    });
  const compiled = compileRouting(config);
  const rotation = createRotationState();
  const checks: RouterCheck[] = new Array<RouterCheck>(leads.length);
  for (const { lead, i } of order) {
    const decision = route(compiled, lead.input, { rotation, trace: false });
    const routed =
      lead.logged !== undefined && shown(lead.values[P.routedAt]) !== EMPTY && lead.values[P.routingPending] !== "true";
    checks[i] = { decision, routed, differences: routed ? differences(decision, lead, owners, config) : [] };
  }
  return checks;
}

function differences(
  decision: Decision,
  lead: RoutedLead,
  owners: OwnerIndex,
  config: RoutingConfig,
): FieldDifference[] {
  const values = lead.values;
  const found: FieldDifference[] = [];
  const same = (field: string, engine: string | null | undefined, hubspot: string | null | undefined) => {
    const a = shown(engine);
    const b = shown(hubspot);
    if (a !== b) found.push({ field, engine: a, hubspot: b });
  };
  const email = (id: string | null | undefined) => (id ? (owners.emailOf(id) ?? `owner ${id}`) : null);

  // The engine's owner, or none: a decision naming nobody (nurture) leaves the lead unowned (src/router/writes.ts).
  same("owner", lower(assignee(decision)), lower(email(values.hubspot_owner_id)));
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
  same(
    "SLA due time",
    decision.slaDueAt === null ? null : new Date(decision.slaDueAt).toISOString(),
    instant(values[P.slaDueAt]),
  );
  same("notification", decision.notification, values[P.notification]);
  same("re-engagement", String(decision.reengagement), values[P.reengagement] === "true" ? "true" : "false");
  same("collaborator", lower(decision.collaborator), lower(email(values[P.collaborator])));
  same("original rep", lower(decision.originalRep), lower(email(values[P.originalOwner])));
  same("routed at", new Date(lead.input.at).toISOString(), instant(values[P.routedAt]));
  same("config version", config.version, values[P.configVersion]);
  return found;
}
