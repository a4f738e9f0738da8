/** Saved plans without files or HTTP: the round trip, what a refusal says, and `--at`. */
import { describe, expect, it } from "vitest";
import { parseAt } from "../../src/cli/args";
import { UsageError } from "../../src/cli/io";
import {
  deployWrites,
  parseSavedPlan,
  planDeploy,
  savedPlanJson,
  savePlan,
  verifySavedPlan,
  type LiveState,
} from "../../src/deploy";
import { compile, readBack } from "../deploy/support";

const desired = compile();
const origin = { gitCommit: null, configFile: "routing/index.ts" };

/** A portal that drifted a little, so that the plan has updates with bodies and revisions. */
function driftedLive(): LiveState {
  const live = readBack(desired);
  return {
    ...live,
    properties: live.properties.map((p) => (p.name === "routeops_pool" ? { ...p, label: "Pool" } : p)),
    flows: live.flows.map((f, i) => (i === 0 ? { ...f, isEnabled: false } : f)),
  };
}

const roundTrip = (live: LiveState) => {
  const saved = savePlan(planDeploy(desired, live), live, origin);
  const read = parseSavedPlan(JSON.parse(savedPlanJson(saved)));
  if (!read.ok) throw new Error(`${read.path}: ${read.message}`);
  return { saved, read: read.saved };
};

describe("a saved plan read back", () => {
  it("makes the same writes as the plan it was saved from", () => {
    const { saved, read } = roundTrip(driftedLive());
    expect(deployWrites(read.planned.plan)).toEqual(deployWrites(saved.planned.plan));
    expect(read.planned.plan.summary).toEqual(saved.planned.plan.summary);
    expect(read.planned.actionTypes).toEqual(saved.planned.actionTypes);
    expect(read.planned.wanted).toEqual(saved.planned.wanted);
  });

  it("still applies to the portal it was computed from", () => {
    const live = driftedLive();
    expect(verifySavedPlan(roundTrip(live).read, live)).toEqual({ ok: true });
  });

  it("names an owner added, the group deleted and a property archived since", () => {
    const live = driftedLive();
    const { read } = roundTrip(live);
    const now: LiveState = {
      group: null,
      owners: [...live.owners, { id: "999", email: "new.rep@acme.test", archived: false }],
      properties: live.properties.map((p) => (p.name === "routeops_queue" ? { ...p, archived: true } : p)),
      flows: live.flows,
    };
    const check = verifySavedPlan(read, now);
    expect(check.ok).toBe(false);
    expect(check.ok ? [] : check.reasons).toEqual([
      "the property group was deleted",
      "property routeops_queue is gone",
      "property routeops_queue (archived) was added",
      "owner 999 (new.rep@acme.test) was added",
    ]);
  });

  it("names a deleted and a created workflow", () => {
    const live = driftedLive();
    const { read } = roundTrip(live);
    const [first, ...rest] = live.flows;
    const check = verifySavedPlan(read, { ...live, flows: [...rest, { ...first!, id: "77" }] });
    expect(check.ok ? [] : check.reasons).toEqual([
      `workflow "${first!.name}" (id ${first!.id}) was deleted`,
      `workflow "${first!.name}" (id 77) was created`,
    ]);
  });

  it("is refused with the path of the first problem when a summary count is not a number", () => {
    const live = driftedLive();
    const document = JSON.parse(savedPlanJson(savePlan(planDeploy(desired, live), live, origin)));
    document.summary.add = "three";
    expect(parseSavedPlan(document)).toMatchObject({ ok: false, path: "summary.add" });
  });
});

describe("--at", () => {
  it("reads a date as 12:00 UTC that day, whatever the machine's time zone", () => {
    expect(parseAt("2026-03-02")).toBe(Date.parse("2026-03-02T12:00:00Z"));
  });

  it("reads a date-time with a zone", () => {
    expect(parseAt("2026-03-02T09:30:00+13:45")).toBe(Date.parse("2026-03-01T19:45:00Z"));
  });

  it.each(["2026-03-02T09:30:00", "2026-02-30", "next monday", ""])("refuses %j as bad usage", (value) => {
    expect(() => parseAt(value)).toThrow(UsageError);
  });
});
