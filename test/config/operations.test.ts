import { afterEach, describe, expect, it } from "vitest";
import { loadAndValidate } from "../../src/files/config-loader";
import { byId, findingsAfter, messagesAfter, rep, rule } from "./broken-config";
import { ConfigFolder } from "./config-folder";

let folders: ConfigFolder[] = [];
afterEach(() => {
  folders.forEach((f) => f.remove());
  folders = [];
});

describe("routing operations: references with did-you-mean", () => {
  it("reports an escalation manager who is no rep", () => {
    const change = (c: Parameters<Parameters<typeof findingsAfter>[0]>[0]) => {
      const step = byId(c.slaPolicies, "inbound-high").escalation![1]!;
      if (step.action === "notify_manager") step.manager = "mia.lopes@acme.test";
    };
    expect(findingsAfter(change)).toEqual([["unknown_rep", "error", "slaPolicies.inbound-high.escalation[1].manager"]]);
    expect(messagesAfter(change)[0]).toBe('unknown rep "mia.lopes@acme.test"; did you mean "mia.lopez@acme.test"?');
  });

  it("reports an escalation channel that notifications.channels does not declare", () => {
    const change = (c: Parameters<Parameters<typeof findingsAfter>[0]>[0]) => {
      const step = byId(c.slaPolicies, "outbound-call").escalation![1]!;
      if (step.action === "notify_channel") step.channel = "sales-escalation";
    };
    expect(findingsAfter(change)).toEqual([
      ["unknown_channel", "error", "slaPolicies.outbound-call.escalation[1].channel"],
    ]);
    expect(messagesAfter(change)[0]).toBe(
      'unknown notification channel "sales-escalation"; did you mean "sales-escalations"?',
    );
  });

  it("reports an unknown reassignment queue and an unknown overflow target", () => {
    expect(
      findingsAfter((c) => {
        byId(c.slaPolicies, "inbound-high").escalation![2] = {
          after: { unit: "business_minutes", amount: 60 },
          action: "reassign",
          queue: "routing-dsk",
        };
        rule(c, "inbound-high-intent").overflow = { type: "pool", pool: "inbound-ae-na-wst" };
      }),
    ).toEqual([
      ["unknown_pool", "error", "systems.inbound.rules.inbound-high-intent.overflow.pool"],
      ["unknown_queue", "error", "slaPolicies.inbound-high.escalation[2].queue"],
    ]);
  });

  it("locates an unknown manager at its file and line", () => {
    const f = new ConfigFolder();
    folders.push(f);
    f.edit("routing/slas.ts", 'manager: "mia.lopez@acme.test"', 'manager: "mia.lopes@acme.test"');
    expect(loadAndValidate("routing/index.ts", { cwd: f.cwd }).diagnostics).toMatchObject([
      {
        code: "unknown_rep",
        path: "slaPolicies.inbound-high.escalation[1].manager",
        file: "routing/slas.ts",
        line: f.lineOf("routing/slas.ts", "mia.lopes"),
      },
    ]);
  });
});

describe("routing operations: values", () => {
  it("reports caps that are not whole numbers and a weekly cap below the daily one", () => {
    expect(
      findingsAfter((c) => {
        rep(c, "ben.ortiz@acme.test").capacity = { perDay: 8.5, perWeek: 5 };
      }),
    ).toEqual([
      ["invalid_capacity", "error", "reps.ben.ortiz@acme.test.capacity.perDay"],
      ["capacity_week_below_day", "warning", "reps.ben.ortiz@acme.test.capacity.perWeek"],
    ]);
  });

  it("reports start and end dates that are not dates, or in the wrong order", () => {
    expect(
      findingsAfter((c) => {
        rep(c, "dan.kim@acme.test").startsOn = "2027-02-01";
        rep(c, "hugo.martin@acme.test").startsOn = "2026-02-30";
      }),
    ).toEqual([
      ["reversed_date_range", "error", "reps.dan.kim@acme.test.endsOn"],
      ["invalid_date", "error", "reps.hugo.martin@acme.test.startsOn"],
    ]);
  });

  it("accepts out-of-office times and reports impossible or reversed ones", () => {
    expect(
      findingsAfter((c) => {
        rep(c, "elena.rossi@acme.test").outOfOffice = [
          { from: "2026-10-01T09:00", to: "2026-10-01T12:30" },
          { from: "2026-10-02T25:00", to: "2026-10-02T26:00" },
          { from: "2026-10-03T15:00", to: "2026-10-03T10:00" },
        ];
      }),
    ).toEqual([
      ["invalid_date", "error", "reps.elena.rossi@acme.test.outOfOffice[1].from"],
      ["invalid_date", "error", "reps.elena.rossi@acme.test.outOfOffice[1].to"],
      ["reversed_date_range", "error", "reps.elena.rossi@acme.test.outOfOffice[2].to"],
    ]);
  });

  it("warns about an overflow on a rule whose outcome is no pool", () => {
    expect(
      findingsAfter((c) => {
        rule(c, "inbound-account-owner").overflow = { type: "queue", queue: "routing-desk" };
      }),
    ).toEqual([["overflow_without_pool", "warning", "systems.inbound.rules.inbound-account-owner.overflow"]]);
  });
});
