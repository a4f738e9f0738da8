import { describe, expect, it } from "vitest";
import { createRotationState } from "../../src/engine";
import { demoRequest, generalForm, routeLead, variant } from "./leads";

const emeaDemo = (at: string) => ({ at, country: "Germany", event: demoRequest });

describe("out of office: farid.haddad 2026-08-03 to 2026-08-14, both days included, London dates", () => {
  it("before the absence the EMEA AE pool has two members: the rotation picks", () => {
    const decision = routeLead(emeaDemo("2026-08-02T22:30:00Z"));
    expect(decision).toMatchObject({ pool: "inbound-ae-emea", owner: null, rotationPick: "elena.rossi@acme.test" });
  });

  it("on the first day (00:30 London, still 08-02 in UTC) elena is the only available member", () => {
    const decision = routeLead(emeaDemo("2026-08-02T23:30:00Z"));
    expect(decision).toMatchObject({ pool: "inbound-ae-emea", owner: "elena.rossi@acme.test" });
  });

  it("on the last day farid is still away; the next London day he is back", () => {
    expect(routeLead(emeaDemo("2026-08-14T22:59:00Z")).owner).toBe("elena.rossi@acme.test");
    expect(routeLead(emeaDemo("2026-08-14T23:00:00Z")).owner).toBeNull();
  });

  it("rotation skips the absent member and leaves his counter where it was", () => {
    const rotation = createRotationState();
    routeLead(emeaDemo("2026-07-30T10:00:00Z"), { rotation });
    const before = rotation.pools["inbound-ae-emea"]!["farid.haddad@acme.test"];
    for (const day of ["05", "06", "07"]) routeLead(emeaDemo(`2026-08-${day}T10:00:00Z`), { rotation });
    expect(rotation.pools["inbound-ae-emea"]!["farid.haddad@acme.test"]).toBe(before);
    expect(routeLead(emeaDemo("2026-08-17T10:00:00Z"), { rotation }).rotationPick).toBe("farid.haddad@acme.test");
  });

  it("the trace says who was away", () => {
    const step = routeLead(emeaDemo("2026-08-05T10:00:00Z")).trace.find((s) => s.stage === "pool");
    expect(step?.reason).toMatch(/farid\.haddad@acme\.test weight 1: out of office on 2026-08-05/);
  });

  it("with nobody available and no overflow the system's fallback rule decides, and the trace says why", () => {
    const routing = variant((config) => {
      config.reps.find((r) => r.email === "elena.rossi@acme.test")!.outOfOffice = [
        { from: "2026-08-01", to: "2026-08-31" },
      ];
      delete config.systems.inbound.rules.find((r) => r.id === "inbound-high-intent")!.overflow;
    });
    const decision = routeLead(emeaDemo("2026-08-05T10:00:00Z"), {}, routing);
    expect(decision).toMatchObject({
      rule: "inbound-fallback",
      queue: "routing-desk",
      owner: "mia.lopez@acme.test",
      slaPolicy: "inbound-high",
    });
    const reasons = decision.trace.map((s) => `${s.matched ? "✓" : "✗"} ${s.id}: ${s.reason}`).join("\n");
    expect(reasons).toMatch(/✗ inbound-high-intent: .*pool inbound-ae-emea has no available member/);
    expect(reasons).toMatch(/✓ inbound-fallback: fallback, because inbound-high-intent's pool has no available member/);
  });
});

describe("inactive reps in pools", () => {
  it("ivan.petrov is replaced by jade.wilson, already a member: merged, jade is the only member", () => {
    const decision = routeLead({ country: "US", event: { kind: "list_import", importSource: "event:x" } });
    expect(decision).toMatchObject({
      pool: "outbound-na",
      owner: "jade.wilson@acme.test",
      rotationPick: "jade.wilson@acme.test",
    });
    expect(decision.trace.find((s) => s.stage === "pool")?.reason).toMatch(
      /jade\.wilson@acme\.test replacing ivan\.petrov@acme\.test \(inactive\) weight 2/,
    );
  });

  it("a replacement who is not yet a member takes the inactive member's place and weight", () => {
    const routing = variant((config) => {
      const dan = config.reps.find((r) => r.email === "dan.kim@acme.test")!;
      dan.active = false;
      dan.replacedBy = "gina.park@acme.test";
    });
    const rotation = createRotationState();
    const picks = Array.from(
      { length: 3 },
      () => routeLead({ country: "US", event: demoRequest }, { rotation }, routing).rotationPick,
    );
    expect(picks).toEqual(["ava.reed@acme.test", "gina.park@acme.test", "ava.reed@acme.test"]);
  });
});

describe("pool rotation on the reference organisation", () => {
  it("inbound-ae-na-east (ava 2, dan 1) hands out A, B, A, A, B, A", () => {
    const rotation = createRotationState();
    const picks = Array.from(
      { length: 6 },
      () => routeLead({ country: "US", event: demoRequest }, { rotation }).rotationPick,
    );
    const [A, B] = ["ava.reed@acme.test", "dan.kim@acme.test"];
    expect(picks).toEqual([A, B, A, A, B, A]);
  });

  it("without a rotation state every decision starts fresh: the first highest-weight member", () => {
    expect(routeLead({ country: "US", state: "WA", event: demoRequest }).rotationPick).toBe("ben.ortiz@acme.test");
    expect(routeLead({ country: "US", state: "WA", event: demoRequest }).rotationPick).toBe("ben.ortiz@acme.test");
  });

  it("a pool's SLA runs on the pool's calendar even with one member", () => {
    const routing = variant((config) => {
      config.pools.find((p) => p.id === "inbound-sdr-na")!.calendar = "us-west";
    });
    const decision = routeLead({ country: "US", event: generalForm }, {}, routing);
    expect(decision).toMatchObject({ owner: "gina.park@acme.test", slaCalendar: "us-west" });
  });
});
