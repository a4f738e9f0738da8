import { describe, expect, it } from "vitest";
import { fingerprintLive, planChanges, verifyFingerprint, type LiveState } from "../../src/deploy";
import { compile, readBack } from "./support";

const live = readBack(compile());

describe("plan fingerprint", () => {
  it("is the same for the same live state, whatever order HubSpot lists things in", () => {
    const shuffled: LiveState = {
      ...live,
      properties: [...live.properties].reverse(),
      flows: [...live.flows].reverse(),
      owners: [...live.owners].reverse(),
    };
    expect(fingerprintLive(shuffled)).toEqual(fingerprintLive(live));
    expect(verifyFingerprint(fingerprintLive(live), shuffled)).toEqual({ ok: true });
  });

  it("records every flow's revision", () => {
    const { flowRevisions } = fingerprintLive(live);
    expect(Object.keys(flowRevisions).sort()).toEqual(live.flows.map((f) => f.id).sort());
    expect(new Set(Object.values(flowRevisions))).toEqual(new Set(["3"]));
  });

  it("changes when a flow is edited, and says which flow moved to which revision", () => {
    const edited = { ...live, flows: live.flows.map((f, i) => (i === 0 ? { ...f, revisionId: "4" } : f)) };
    expect(fingerprintLive(edited).live).not.toBe(fingerprintLive(live).live);
    expect(verifyFingerprint(fingerprintLive(live), edited)).toEqual({
      ok: false,
      reasons: [`flow ${live.flows[0]?.id} changed (revision 3 -> 4)`],
    });
  });

  it("changes when a flow is created or deleted", () => {
    const fewer = { ...live, flows: live.flows.slice(1) };
    expect(verifyFingerprint(fingerprintLive(live), fewer)).toEqual({
      ok: false,
      reasons: [`flow ${live.flows[0]?.id} was deleted`],
    });
    expect(verifyFingerprint(fingerprintLive(fewer), live)).toEqual({
      ok: false,
      reasons: [`flow ${live.flows[0]?.id} was created`],
    });
  });

  it("changes when an owner is deactivated or a property is edited", () => {
    const deactivated = { ...live, owners: live.owners.map((o, i) => (i === 0 ? { ...o, archived: true } : o)) };
    const relabelled = { ...live, properties: live.properties.map((p, i) => (i === 0 ? { ...p, label: "x" } : p)) };
    for (const changed of [deactivated, relabelled]) {
      expect(verifyFingerprint(fingerprintLive(live), changed)).toEqual({
        ok: false,
        reasons: ["contact properties, the property group or owners changed"],
      });
    }
  });

  it("is carried by the plan computed from that live state", () => {
    expect(planChanges(compile(), live).fingerprint).toEqual(fingerprintLive(live));
  });
});
