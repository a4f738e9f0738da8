import { describe, expect, it } from "vitest";
import type { RuleConfig } from "../../src/config";
import { demoRequest, routeLead, variant } from "./leads";

const rule = (id: string, when: RuleConfig["when"], outcome: RuleConfig["outcome"]): RuleConfig => ({
  id,
  when,
  outcome,
  sla: null,
  notification: "calm",
});

describe("outcomes and handoffs the reference organisation does not use", () => {
  it("a named-rep outcome follows replacements", () => {
    const routing = variant((config) => {
      config.systems.inbound.rules.unshift(rule("to-ivan", {}, { type: "rep", rep: "ivan.petrov@acme.test" }));
    });
    expect(routeLead({ country: "US", event: demoRequest }, {}, routing)).toMatchObject({
      rule: "to-ivan",
      owner: "jade.wilson@acme.test",
      slaPolicy: null,
      notification: "calm",
    });
  });

  it("an event-owner outcome for meetings: the rep whose calendar was booked", () => {
    const routing = variant((config) => {
      config.systems.inbound.rules.unshift(
        rule("booked-rep", { eventHasOwner: true }, { type: "owner", from: "event_owner" }),
      );
    });
    const booked = routeLead(
      { country: "US", event: { kind: "meeting_booked", owner: "dan.kim@acme.test" } },
      {},
      routing,
    );
    expect(booked).toMatchObject({ rule: "booked-rep", owner: "dan.kim@acme.test" });
    expect(routeLead({ country: "US", event: { kind: "meeting_booked" } }, {}, routing).rule).toBe(
      "inbound-high-intent",
    );
  });

  it("inbound_pool handoff: the inbound rules decide, with no collaborator", () => {
    const routing = variant((config) => {
      config.reengagement.rules[1]!.handoff = "inbound_pool";
    });
    const history = [{ kind: "call" as const, owner: "kofi.mensah@acme.test", at: "2026-02-01T15:00:00Z" }];
    expect(routeLead({ country: "US", history, event: demoRequest }, {}, routing)).toMatchObject({
      system: "reengagement",
      rule: "reengagement-collaborative",
      pool: "inbound-ae-na-east",
      collaborator: null,
      originalRep: "kofi.mensah@acme.test",
      reengagement: true,
    });
  });

  it("chatQualified holds only for chats: neither true nor false matches another event", () => {
    const routing = variant((config) => {
      config.systems.inbound.rules.unshift(
        rule("unqualified-chat", { chatQualified: false }, { type: "queue", queue: "routing-desk" }),
      );
    });
    expect(routeLead({ country: "US", event: { kind: "chat_completed", qualified: false } }, {}, routing).rule).toBe(
      "unqualified-chat",
    );
    expect(routeLead({ country: "US", event: demoRequest }, {}, routing).rule).toBe("inbound-high-intent");
  });
});

describe("configs a validator would reject still route every lead somewhere", () => {
  it("no catch-all: the lead goes to the unclassified queue under the system's last rule", () => {
    const routing = variant((config) => {
      config.systems.outbound.rules = config.systems.outbound.rules.filter((r) => r.id !== "outbound-fallback");
    });
    const decision = routeLead(
      { country: "Japan", event: { kind: "list_import", importSource: "event:x" } },
      {},
      routing,
    );
    expect(decision).toMatchObject({
      rule: "outbound-event-territory",
      queue: "routing-desk",
      owner: "mia.lopez@acme.test",
    });
    expect(decision.trace.some((s) => s.reason.includes("so that it is not lost"))).toBe(true);
  });

  it("a fallback rule whose pool has nobody available: the unclassified queue", () => {
    const routing = variant((config) => {
      const last = config.systems.inbound.rules.at(-1)!;
      last.outcome = { type: "pool", pool: "inbound-ae-emea" };
      config.reps.find((r) => r.email === "elena.rossi@acme.test")!.outOfOffice = [
        { from: "2026-08-01", to: "2026-08-31" },
      ];
    });
    const decision = routeLead({ at: "2026-08-05T10:00:00Z", country: "Japan", event: demoRequest }, {}, routing);
    expect(decision).toMatchObject({ rule: "inbound-fallback", queue: "routing-desk", pool: null });
  });

  it("an unknown pool or SLA policy is skipped or left without a due time, not a crash", () => {
    const routing = variant((config) => {
      config.systems.inbound.rules.unshift({ ...rule("ghost-pool", {}, { type: "pool", pool: "nope" }), sla: "nope" });
      config.systems.inbound.rules[1]!.sla = "missing-policy";
    });
    const decision = routeLead({ country: "US", companyOwner: "ava.reed@acme.test", event: demoRequest }, {}, routing);
    expect(decision).toMatchObject({ rule: "inbound-account-owner", slaPolicy: "missing-policy", slaDueAt: null });
  });
});
