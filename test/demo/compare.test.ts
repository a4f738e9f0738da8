/** How a lead the workflows routed is compared with the engine's decision for the same input. */
import { describe, expect, it } from "vitest";
import routing from "../reference/routing/index";
import { compareLead, indexOwners, wasRouted } from "../../src/demo/leads/compare";
import { compileRouting, route } from "../../src/engine";
import type { Decision, RouteInput } from "../../src/engine/types";

const owners = indexOwners(routing.reps.map((rep, i) => ({ id: String(80_000_001 + i), email: rep.email })));
const idOf = (email: string) => owners.idOf(email)!;
const compiled = compileRouting(routing);
// Monday 2026-03-02, 10:00 in New York.
const AT = Date.parse("2026-03-02T15:00:00Z");

function decide(input: Omit<RouteInput, "at">): Decision {
  return route(compiled, { at: AT, ...input }, { trace: false });
}

/** The contact properties the workflows would have written for this decision. */
function written(decision: Decision, owner: string | null): Record<string, string | null> {
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
    routeops_notification: decision.notification,
    routeops_reengagement: String(decision.reengagement),
    routeops_collaborator: decision.collaborator ? idOf(decision.collaborator) : null,
    routeops_original_owner: decision.originalRep ? idOf(decision.originalRep) : null,
    routeops_routed_at: new Date(AT).toISOString(),
    routeops_routing_pending: "false",
    hubspot_owner_id: owner === null ? null : idOf(owner),
  };
}

const demoRequestInNewYork = decide({
  contact: { properties: { country: "US", state: "NY" } },
  event: { kind: "form_submission", formId: "demo-request" },
});

describe("compareLead", () => {
  it("accepts any member of the pool the engine chose, whoever the rotation picked", () => {
    expect(demoRequestInNewYork.pool).toBe("inbound-ae-na-east");
    expect(demoRequestInNewYork.owner).toBeNull();
    for (const member of ["ava.reed@acme.test", "dan.kim@acme.test"]) {
      expect(compareLead(demoRequestInNewYork, written(demoRequestInNewYork, member), owners, routing)).toEqual([]);
    }
  });

  it("reports an owner outside the pool", () => {
    const values = written(demoRequestInNewYork, "ben.ortiz@acme.test");
    expect(compareLead(demoRequestInNewYork, values, owners, routing)).toEqual([
      { field: "owner", engine: "a member of inbound-ae-na-east", hubspot: "ben.ortiz@acme.test" },
    ]);
  });

  it("reports every field that differs, values as people read them", () => {
    const values = {
      ...written(demoRequestInNewYork, "ava.reed@acme.test"),
      routeops_territory: "",
      routeops_rule: "inbound-fallback",
    };
    expect(compareLead(demoRequestInNewYork, values, owners, routing)).toEqual([
      { field: "rule", engine: "inbound-high-intent", hubspot: "inbound-fallback" },
      { field: "territory", engine: "na-east", hubspot: "(none)" },
    ]);
  });

  it("compares a named owner exactly", () => {
    const reply = decide({
      contact: { properties: { country: "US", state: "NY" } },
      event: { kind: "sequence_reply", owner: "jade.wilson@acme.test" },
    });
    expect(reply.owner).toBe("jade.wilson@acme.test");
    expect(compareLead(reply, written(reply, "jade.wilson@acme.test"), owners, routing)).toEqual([]);
    expect(compareLead(reply, written(reply, "kofi.mensah@acme.test"), owners, routing)).toEqual([
      { field: "owner", engine: "jade.wilson@acme.test", hubspot: "kofi.mensah@acme.test" },
    ]);
  });

  it("leaves a nurtured lead's owner alone: HubSpot keeps whoever owned it", () => {
    const download = decide({
      contact: { properties: { country: "US", state: "NY" } },
      event: { kind: "form_submission", formId: "ebook-pipeline-guide" },
    });
    expect(download.nurture).toBe("nurture-content");
    expect(compareLead(download, written(download, "lara.chen@acme.test"), owners, routing)).toEqual([]);
  });
});

describe("wasRouted", () => {
  it("needs a routed-at and routing no longer pending", () => {
    const values = written(demoRequestInNewYork, "ava.reed@acme.test");
    expect(wasRouted(values)).toBe(true);
    expect(wasRouted({ ...values, routeops_routed_at: null })).toBe(false);
    expect(wasRouted({ ...values, routeops_routing_pending: "true" })).toBe(false);
  });
});
