/**
 * How the demo checks a lead the router routed: field by field and exactly, with the engine
 * replaying the leads in the router's decision order from one rotation state.
 */
import { describe, expect, it } from "vitest";
import routing from "../reference/routing/index";
import { indexOwners } from "../../src/demo/leads/compare";
import { generateLeads, otherOwners } from "../../src/demo/leads/lead-inputs";
import { checkRoutedLeads, type RoutedLead } from "../../src/demo/leads/router-check";
import { compileRouting, createRotationState, route } from "../../src/engine";
import type { Decision, RouteInput } from "../../src/engine/types";
import type { LoggedDecision } from "../../src/router";
import { assignee } from "../../src/engine";

// Monday 2026-03-02, 14:30 in New York.
const NOW = Date.parse("2026-03-02T19:30:00Z");
const LEADS = generateLeads(routing, { count: 30, seed: 7, now: NOW });
// The portal's owners: the reps, and the people the leads name who are no rep (as the demo seeds them).
const owners = indexOwners(
  [...routing.reps, ...otherOwners(routing, LEADS)].map((person, i) => ({
    id: String(80_000_001 + i),
    email: person.email,
  })),
);
const idOf = (email: string | null) => (email === null ? "" : (owners.idOf(email) ?? ""));

/** The contact as the router writes it for this decision (src/router/writes.ts), read back. */
function asWritten(decision: Decision, at: number): Record<string, string | null> {
  const owner = assignee(decision);
  return {
    routeops_source_type: decision.sourceType,
    routeops_system: decision.system,
    routeops_rule: decision.rule,
    routeops_intent: decision.intent,
    routeops_territory: decision.territory,
    routeops_segment: decision.segment,
    routeops_pool: decision.pool,
    routeops_queue: decision.queue,
    routeops_nurture: decision.nurture,
    routeops_sla_policy: decision.slaPolicy,
    // HubSpot gives datetimes back as epoch milliseconds or ISO; both must read as the same instant.
    routeops_sla_due_at: decision.slaDueAt === null ? null : String(decision.slaDueAt),
    routeops_notification: decision.notification,
    routeops_reengagement: String(decision.reengagement),
    routeops_collaborator: idOf(decision.collaborator),
    routeops_original_owner: idOf(decision.originalRep),
    routeops_routed_at: new Date(at).toISOString(),
    routeops_routing_pending: "false",
    routeops_config_version: routing.version,
    hubspot_owner_id: owner === null ? null : idOf(owner),
  };
}

function logged(contactId: string, input: RouteInput, decidedAt: number): LoggedDecision {
  return {
    contactId,
    requestedAt: input.at,
    round: 0,
    email: null,
    decidedAt,
    configVersion: routing.version,
    system: "",
    rule: "",
    ownerEmail: null,
    ownerId: null,
    input: null,
    decision: null,
    status: "done",
    doneAt: decidedAt,
  };
}

/** 30 leads, each decided by the router one after another, written exactly as the engine decides in that order. */
function routedLeads(): RoutedLead[] {
  const inputs = LEADS.map((lead, i) => ({
    ...lead.input,
    at: NOW + i * 1000,
  }));
  const compiled = compileRouting(routing);
  const rotation = createRotationState();
  return inputs.map((input, i) => {
    const decision = route(compiled, input, { rotation, trace: false });
    return {
      contactId: String(1001 + i),
      input,
      values: asWritten(decision, input.at),
      logged: logged(String(1001 + i), input, input.at + 500),
    };
  });
}

describe("checking the router's leads against the engine", () => {
  it("finds no difference when the router wrote what the engine decides, in the router's order", () => {
    const leads = routedLeads();
    expect(leads.filter((lead) => lead.values.routeops_pool !== null).length).toBeGreaterThan(3);
    const checks = checkRoutedLeads(routing, leads, owners);
    expect(checks.every((check) => check.routed)).toBe(true);
    expect(checks.flatMap((check) => check.differences)).toEqual([]);
  });

  it("replays in the order of the decision log, not the order of the burst", () => {
    const leads = routedLeads();
    // Listed backwards, decided forwards: the check must still agree with every rotation pick.
    const checks = checkRoutedLeads(routing, [...leads].reverse(), owners);
    expect(checks.flatMap((check) => check.differences)).toEqual([]);
  });

  it("reports an SLA due time one minute off", () => {
    const leads = routedLeads();
    const lead = leads.find((l) => l.values.routeops_sla_due_at !== null)!;
    lead.values = { ...lead.values, routeops_sla_due_at: String(Number(lead.values.routeops_sla_due_at) + 60_000) };
    const checks = checkRoutedLeads(routing, leads, owners);
    const found = checks.flatMap((check) => check.differences);
    expect(found.map((d) => d.field)).toEqual(["SLA due time"]);
  });

  it("reports a rotation pick that went to another member of the pool", () => {
    const leads = routedLeads();
    const pooled = leads.filter((l) => l.values.routeops_pool !== null);
    const [a, b] = pooled.filter(
      (l, i) => pooled.findIndex((m) => m.values.hubspot_owner_id === l.values.hubspot_owner_id) === i,
    );
    expect(a && b, "two pooled leads with different owners").toBeTruthy();
    const swap = a!.values.hubspot_owner_id;
    a!.values = { ...a!.values, hubspot_owner_id: b!.values.hubspot_owner_id ?? null };
    b!.values = { ...b!.values, hubspot_owner_id: swap ?? null };
    const owner = checkRoutedLeads(routing, leads, owners)
      .flatMap((check) => check.differences)
      .filter((d) => d.field === "owner");
    expect(owner).toHaveLength(2);
  });

  it("counts a lead the router never decided as not routed", () => {
    const leads = routedLeads();
    leads[3] = { ...leads[3]!, logged: undefined, values: { routeops_routing_pending: "true" } };
    const checks = checkRoutedLeads(routing, leads, owners);
    expect(checks.filter((check) => !check.routed)).toHaveLength(1);
    expect(checks[3]!.routed).toBe(false);
  });
});
