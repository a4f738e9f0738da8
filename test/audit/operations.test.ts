import { describe, expect, it } from "vitest";
import { operationsSection, type LoggedLead } from "../../src/audit/operations";
import type { RoutingConfig } from "../../src/config/types";

const config = {
  pools: [
    {
      id: "west",
      label: "West AEs",
      members: [
        { rep: "ben@acme.test", weight: 1 },
        { rep: "chloe@acme.test", weight: 3 },
      ],
    },
    { id: "idle", members: [{ rep: "ivy@acme.test" }] },
  ],
} as unknown as RoutingConfig;

const H = 3_600_000;
const T = Date.parse("2026-06-17T16:00:00Z");

function lead(n: number, over: Partial<LoggedLead>): LoggedLead {
  return {
    contactId: String(n),
    requestedAt: T + n * H,
    system: "inbound",
    sourceType: "demo",
    pool: "west",
    owner: "chloe@acme.test",
    skipped: [],
    slaDueAt: T + n * H + H,
    escalations: [],
    ...over,
  };
}

describe("audit: fairness and health from the decision log", () => {
  const log: LoggedLead[] = [
    lead(1, { owner: "ben@acme.test" }),
    lead(2, { skipped: [{ rep: "ben@acme.test", reason: "capacity" }] }),
    lead(3, { skipped: [{ rep: "ben@acme.test", reason: "absent" }] }),
    lead(4, {
      owner: "Chloe@acme.test",
      escalations: [
        { action: "notify_rep", dueAt: T + 5 * H },
        { action: "reassign", dueAt: T + 6 * H },
      ],
    }),
    lead(5, { system: "outbound", sourceType: "cold-call", pool: null, owner: "dan@acme.test" }),
    lead(6, { requestedAt: T + 100 * H, slaDueAt: T + 101 * H }), // pending at `now`
    lead(7, { requestedAt: T - 48 * H }), // before the window
  ];
  const touches = new Map<string, number>([
    ["1", T + H + 30 * 60_000], // 30 min: met
    ["2", T + 2 * H + 90 * 60_000], // 90 min: breached (due after 60)
    ["5", T + 5 * H + 10 * 60_000], // 10 min, outbound: met
  ]);
  const section = operationsSection(config, log, (id) => touches.get(id) ?? null, {
    from: T,
    to: T + 200 * H,
    now: T + 50 * H,
  });

  it("counts each member's leads against their weight share, with capacity hits and absences skipped", () => {
    expect(section.leads).toBe(6);
    expect(section.pools.map((p) => p.pool)).toEqual(["west"]);
    const [west] = section.pools;
    expect(west!.leads).toBe(5);
    expect(west!.members).toEqual([
      {
        rep: "ben@acme.test",
        weight: 1,
        weightShare: 0.25,
        leads: 1,
        leadShare: 0.2,
        capacityHits: 1,
        absencesSkipped: 1,
      },
      {
        rep: "chloe@acme.test",
        weight: 3,
        weightShare: 0.75,
        leads: 4,
        leadShare: 0.8,
        capacityHits: 0,
        absencesSkipped: 0,
      },
    ]);
  });

  it("splits SLAs per system into met, breached (escalated among them) and pending", () => {
    expect(section.sla).toEqual([
      { system: "inbound", leads: 5, met: 1, breached: 3, escalated: 1, pending: 1 },
      { system: "outbound", leads: 1, met: 1, breached: 0, escalated: 0, pending: 0 },
    ]);
  });

  it("measures time to first touch by source type, leaving out the leads not touched", () => {
    expect(section.firstTouch).toEqual([
      { sourceType: "demo", leads: 5, stats: { count: 2, medianMinutes: 30, p90Minutes: 90 }, notTouched: 3 },
      { sourceType: "cold-call", leads: 1, stats: { count: 1, medianMinutes: 10, p90Minutes: 10 }, notTouched: 0 },
    ]);
  });
});
