import { describe, expect, it } from "vitest";
import type { RoutingConfig } from "../../src/config";
import { byId, findingsAfter, messagesAfter, rep, rule } from "./broken-config";

describe("unknown references", () => {
  it("reports a pool member who is no rep, with a did-you-mean", () => {
    const change = (c: RoutingConfig) => {
      byId(c.pools, "inbound-ae-emea").members[1]!.rep = "farid.hadad@acme.test";
    };
    expect(findingsAfter(change)).toEqual([["unknown_rep", "error", "pools.inbound-ae-emea.members[1].rep"]]);
    expect(messagesAfter(change)[0]).toBe(
      'unknown rep "farid.hadad@acme.test"; did you mean "farid.haddad@acme.test"?',
    );
  });

  it("matches rep emails without regard to case", () => {
    expect(
      findingsAfter((c) => {
        byId(c.queues, "routing-desk").backupOwner = "Mia.Lopez@ACME.test";
      }),
    ).toEqual([]);
  });

  it("reports a rep's unknown calendar and territory", () => {
    expect(
      findingsAfter((c) => {
        rep(c, "ava.reed@acme.test").calendar = "us-central";
        rep(c, "ava.reed@acme.test").territories = ["na-east", "latam"];
      }),
    ).toEqual([
      ["unknown_calendar", "error", "reps.ava.reed@acme.test.calendar"],
      ["unknown_territory", "error", "reps.ava.reed@acme.test.territories[1]"],
    ]);
  });

  it("reports an unknown replacedBy", () => {
    expect(
      findingsAfter((c) => {
        rep(c, "ivan.petrov@acme.test").replacedBy = "nobody@elsewhere.test";
      }),
    ).toEqual([["unknown_rep", "error", "reps.ivan.petrov@acme.test.replacedBy"]]);
  });

  it("reports a pool's and a queue's unknown calendar and the queue's unknown backup owner", () => {
    expect(
      findingsAfter((c) => {
        byId(c.pools, "outbound-emea").calendar = "emea";
        byId(c.queues, "routing-desk").calendar = "hq";
        byId(c.queues, "routing-desk").backupOwner = "ops@acme.test";
      }),
    ).toEqual([
      ["unknown_calendar", "error", "pools.outbound-emea.calendar"],
      ["unknown_rep", "error", "queues.routing-desk.backupOwner"],
      ["unknown_calendar", "error", "queues.routing-desk.calendar"],
    ]);
  });

  it("reports an unknown segment and territory in a rule condition", () => {
    expect(
      findingsAfter((c) => {
        rule(c, "inbound-enterprise").when.segment = ["enterprise", "strategic"];
        rule(c, "inbound-enterprise").when.territory = ["na-east", "na-central"];
      }),
    ).toEqual([
      ["unknown_territory", "error", "systems.inbound.rules.inbound-enterprise.when.territory[1]"],
      ["unknown_segment", "error", "systems.inbound.rules.inbound-enterprise.when.segment[1]"],
    ]);
  });

  it("reports an unknown source type in a condition", () => {
    expect(
      findingsAfter((c) => {
        rule(c, "outbound-caller").when.sourceType = ["outbound_cold_calls"];
      }),
    ).toEqual([["unknown_source_type", "error", "systems.outbound.rules.outbound-caller.when.sourceType[0]"]]);
  });

  it("reports an unknown segment in a source type's intent rules", () => {
    expect(
      findingsAfter((c) => {
        const intent = byId(c.sources, "inbound_content_download").intent;
        if (typeof intent !== "object") throw new Error("expected a conditional intent");
        intent.rules[0]!.when.segment = ["midmarket"];
      }),
    ).toEqual([["unknown_segment", "error", "sources.inbound_content_download.intent.rules[0].when.segment[0]"]]);
  });

  it("reports unknown pools, queues and reps in outcomes", () => {
    expect(
      findingsAfter((c) => {
        rule(c, "inbound-enterprise").outcome = { type: "pool", pool: "enterprise-emea" };
        rule(c, "outbound-fallback").outcome = { type: "queue", queue: "ops-desk" };
        rule(c, "inbound-fallback").outcome = { type: "rep", rep: "zoe@acme.test" };
      }),
    ).toEqual([
      ["unknown_pool", "error", "systems.inbound.rules.inbound-enterprise.outcome.pool"],
      ["unknown_rep", "error", "systems.inbound.rules.inbound-fallback.outcome.rep"],
      ["unknown_queue", "error", "systems.outbound.rules.outbound-fallback.outcome.queue"],
    ]);
  });

  it("reports a byTerritory key that is no territory and a value that is no pool", () => {
    expect(
      findingsAfter((c) => {
        const outcome = rule(c, "inbound-standard").outcome;
        if (!("byTerritory" in outcome)) throw new Error("expected byTerritory");
        outcome.byTerritory = { ...outcome.byTerritory, apac: "inbound-sdr-emea", emea: "inbound-sdr-uk" };
      }),
    ).toEqual([
      ["unknown_pool", "error", "systems.inbound.rules.inbound-standard.outcome.byTerritory.emea"],
      ["unknown_territory", "error", "systems.inbound.rules.inbound-standard.outcome.byTerritory.apac"],
    ]);
  });

  it("reports unknown SLA policies in rules, re-engagement rules, slaByIntent and unclassified", () => {
    expect(
      findingsAfter((c) => {
        rule(c, "outbound-caller").sla = "outbound-calls";
        c.reengagement.rules[0]!.sla = "re-engagement";
        c.systems.inbound.slaByIntent.low = "inbound-low";
        c.unclassified.sla = "triage";
      }),
    ).toEqual([
      ["unknown_sla_policy", "error", "systems.outbound.rules.outbound-caller.sla"],
      ["unknown_sla_policy", "error", "reengagement.rules.reengagement-original-rep.sla"],
      ["unknown_sla_policy", "error", "systems.inbound.slaByIntent.low"],
      ["unknown_sla_policy", "error", "unclassified.sla"],
    ]);
  });

  it("reports an unknown unclassified queue and default calendar", () => {
    expect(
      findingsAfter((c) => {
        c.unclassified.queue = "desk";
        c.defaultCalendar = "utc";
      }),
    ).toEqual([
      ["unknown_queue", "error", "unclassified.queue"],
      ["unknown_calendar", "error", "defaultCalendar"],
    ]);
  });
});
