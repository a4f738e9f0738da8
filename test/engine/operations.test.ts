import { describe, expect, it } from "vitest";
import { createRotationState, dueEscalationSteps, route } from "../../src/engine";
import type { RouteInput } from "../../src/engine";
import { reference, t, variant } from "./leads";

/** A NA-west demo request (Los Angeles) at `at`. */
const naWest = (at: string, extra: Partial<RouteInput> = {}): RouteInput => ({
  at: t(at),
  contact: { properties: { country: "US", state: "CA" } },
  event: { kind: "form_submission", formId: "demo-request" },
  ...extra,
});

describe("rotation fairness around skipped members", () => {
  const capBen = (at: string, count: number) => ({
    load: { assigned: [{ rep: "ben.ortiz@acme.test", at: t(at), count }] },
  });

  it("a rep capped for a day is not owed a burst of leads afterwards", () => {
    const rotation = createRotationState();
    const picks: (string | null)[] = [];
    // Wednesday: Ben is capped, Chloe takes three leads in a row.
    for (const hour of ["17", "18", "19"])
      picks.push(
        route(reference, naWest(`2026-06-17T${hour}:00:00Z`, capBen("2026-06-17T16:00:00Z", 8)), { rotation }).owner,
      );
    // Thursday: both available again, the rotation alternates at once.
    for (const hour of ["17", "18", "19", "20"])
      picks.push(route(reference, naWest(`2026-06-18T${hour}:00:00Z`), { rotation }).rotationPick);
    expect(picks).toEqual([
      "chloe.nguyen@acme.test",
      "chloe.nguyen@acme.test",
      "chloe.nguyen@acme.test",
      "ben.ortiz@acme.test",
      "chloe.nguyen@acme.test",
      "ben.ortiz@acme.test",
      "chloe.nguyen@acme.test",
    ]);
  });

  it("with catchUp the rep earns their weight while away and catches up on return", () => {
    const catchUp = variant((config) => {
      config.pools.find((p) => p.id === "inbound-ae-na-west")!.catchUp = true;
    });
    const rotation = createRotationState();
    for (const hour of ["17", "18", "19"])
      route(catchUp, naWest(`2026-06-17T${hour}:00:00Z`, capBen("2026-06-17T16:00:00Z", 8)), { rotation });
    const thursday = ["17", "18", "19", "20"].map(
      (hour) => route(catchUp, naWest(`2026-06-18T${hour}:00:00Z`), { rotation }).rotationPick,
    );
    expect(thursday.slice(0, 2)).toEqual(["ben.ortiz@acme.test", "ben.ortiz@acme.test"]);
  });
});

describe("escalation decision (pure)", () => {
  const decision = route(reference, naWest("2026-06-19T23:30:00Z")); // Fri 16:30 PDT, due Mon 09:30 PDT

  it("schedules nothing before the due time and names the next wake-up", () => {
    const result = dueEscalationSteps(reference, decision, { now: t("2026-06-20T12:00:00Z"), firstTouchAt: null });
    expect(result).toEqual({ status: "pending", due: [], nextDueAt: t("2026-06-22T16:30:00Z") });
  });

  it("lists the steps due by now in order, and the next one still to come", () => {
    const result = dueEscalationSteps(reference, decision, { now: t("2026-06-22T17:10:00Z"), firstTouchAt: null });
    expect(result.status).toBe("breached");
    expect(result.due.map((s) => [s.step.action, new Date(s.dueAt).toISOString()])).toEqual([
      ["notify_rep", "2026-06-22T16:30:00.000Z"],
      ["notify_manager", "2026-06-22T17:00:00.000Z"],
    ]);
    expect(result.nextDueAt).toBe(t("2026-06-22T17:30:00Z"));
  });

  it("a decision without an SLA has nothing to escalate", () => {
    const nurture = { ...decision, slaPolicy: null, slaDueAt: null };
    expect(dueEscalationSteps(reference, nurture, { now: t("2027-01-01T00:00:00Z"), firstTouchAt: null }).status).toBe(
      "no_sla",
    );
  });
});
