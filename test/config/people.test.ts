import { describe, expect, it } from "vitest";
import type { RoutingConfig } from "../../src/config";
import { byId, findingsAfter, messagesAfter, rep, rule } from "./broken-config";

describe("duplicate ids", () => {
  it("reports a second element with the same id in a collection", () => {
    expect(
      findingsAfter((c) => {
        c.slaPolicies.push({ id: "inbound-high", target: { unit: "business_minutes", amount: 30 } });
      }),
    ).toEqual([["duplicate_id", "error", "slaPolicies.inbound-high.id"]]);
  });

  it("compares rep emails without regard to case", () => {
    const change = (c: RoutingConfig) => {
      c.reps.push({ ...rep(c, "mia.lopez@acme.test"), email: "Mia.Lopez@acme.test" });
    };
    expect(findingsAfter(change)).toEqual([["duplicate_id", "error", "reps.Mia.Lopez@acme.test.email"]]);
    expect(messagesAfter(change)[0]).toContain("first at reps.mia.lopez@acme.test");
  });

  it("keeps rule ids unique across systems, re-engagement and the unclassified rule", () => {
    expect(
      findingsAfter((c) => {
        rule(c, "outbound-fallback").id = "inbound-fallback";
        c.unclassified.rule = "reengagement-collaborative";
      }),
    ).toEqual([
      ["duplicate_id", "error", "systems.outbound.rules.inbound-fallback.id"],
      ["duplicate_id", "error", "unclassified.rule"],
    ]);
  });

  it("reports a rep listed twice in one pool", () => {
    expect(
      findingsAfter((c) => {
        byId(c.pools, "inbound-ae-na-west").members.push({ rep: "ben.ortiz@acme.test", weight: 1 });
      }),
    ).toEqual([["duplicate_id", "error", "pools.inbound-ae-na-west.members[2].rep"]]);
  });
});

describe("replacement chains", () => {
  it("warns about replacedBy on an active rep", () => {
    expect(
      findingsAfter((c) => {
        rep(c, "kofi.mensah@acme.test").replacedBy = "jade.wilson@acme.test";
      }),
    ).toEqual([["replacement_on_active_rep", "warning", "reps.kofi.mensah@acme.test.replacedBy"]]);
  });

  it("reports a chain that loops", () => {
    expect(
      findingsAfter((c) => {
        rep(c, "jade.wilson@acme.test").active = false;
        rep(c, "jade.wilson@acme.test").replacedBy = "ivan.petrov@acme.test";
      }),
    ).toEqual([
      ["replacement_cycle", "error", "reps.ivan.petrov@acme.test.replacedBy"],
      ["replacement_cycle", "error", "reps.jade.wilson@acme.test.replacedBy"],
      ["pool_without_active_member", "error", "pools.outbound-na.members"],
    ]);
  });

  it("reports a chain that ends at an inactive rep with no replacement", () => {
    expect(
      findingsAfter((c) => {
        rep(c, "jade.wilson@acme.test").active = false;
        byId(c.pools, "outbound-na").members.push({ rep: "kofi.mensah@acme.test" });
      }),
    ).toEqual([
      ["replacement_ends_inactive", "error", "reps.ivan.petrov@acme.test.replacedBy"],
      ["missing_replacement", "warning", "reps.jade.wilson@acme.test.active"],
    ]);
  });

  it("reports a chain that ends at an email that is no rep", () => {
    expect(
      findingsAfter((c) => {
        rep(c, "jade.wilson@acme.test").active = false;
        rep(c, "jade.wilson@acme.test").replacedBy = "sam.new@acme.test";
        byId(c.pools, "outbound-na").members.push({ rep: "kofi.mensah@acme.test" });
      }),
    ).toEqual([
      ["unknown_rep", "error", "reps.jade.wilson@acme.test.replacedBy"],
      ["replacement_ends_unknown", "error", "reps.ivan.petrov@acme.test.replacedBy"],
    ]);
  });
});

describe("pools and named owners", () => {
  it("reports a weight that is not a positive integer", () => {
    expect(
      findingsAfter((c) => {
        byId(c.pools, "inbound-ae-na-east").members[0]!.weight = 1.5;
        byId(c.pools, "inbound-ae-na-east").members[1]!.weight = 0;
      }),
    ).toEqual([
      ["invalid_weight", "error", "pools.inbound-ae-na-east.members[0].weight"],
      ["invalid_weight", "error", "pools.inbound-ae-na-east.members[1].weight"],
    ]);
  });

  it("reports a pool whose members are all inactive without an active replacement", () => {
    expect(
      findingsAfter((c) => {
        rep(c, "lara.chen@acme.test").active = false;
      }),
    ).toEqual([
      ["missing_replacement", "warning", "reps.lara.chen@acme.test.active"],
      ["pool_without_active_member", "error", "pools.enterprise-na.members"],
    ]);
  });

  it("accepts a pool whose inactive member is replaced by an active rep", () => {
    expect(
      findingsAfter((c) => {
        byId(c.pools, "outbound-na").members = [{ rep: "ivan.petrov@acme.test" }];
      }),
    ).toEqual([]);
  });

  it("warns about a pool whose every member is out of office on the same day", () => {
    const change = (c: RoutingConfig) => {
      rep(c, "elena.rossi@acme.test").outOfOffice = [{ from: "2026-08-10", to: "2026-08-20" }];
    };
    expect(findingsAfter(change)).toEqual([["pool_all_out_of_office", "warning", "pools.inbound-ae-emea.members"]]);
    expect(messagesAfter(change)[0]).toContain("on 2026-08-10");
  });

  it("ignores absences that are over when today is given", () => {
    const change = (c: RoutingConfig) => {
      rep(c, "elena.rossi@acme.test").outOfOffice = [{ from: "2026-08-10", to: "2026-08-20" }];
    };
    expect(findingsAfter(change, { today: "2026-08-12" })).toEqual([
      ["pool_all_out_of_office", "warning", "pools.inbound-ae-emea.members"],
    ]);
    expect(findingsAfter(change, { today: "2026-08-15" })).toEqual([]);
  });

  it("reports a named rep outcome and a queue backup owner who cannot receive leads", () => {
    expect(
      findingsAfter((c) => {
        rep(c, "mia.lopez@acme.test").active = false;
        rule(c, "outbound-fallback").outcome = { type: "rep", rep: "mia.lopez@acme.test" };
      }),
    ).toEqual([
      ["missing_replacement", "warning", "reps.mia.lopez@acme.test.active"],
      ["no_active_rep", "error", "queues.routing-desk.backupOwner"],
      ["no_active_rep", "error", "systems.outbound.rules.outbound-fallback.outcome.rep"],
    ]);
  });
});
