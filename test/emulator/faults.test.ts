import { describe, expect, it } from "vitest";
import type { FaultOptions } from "../../src/emulator";
import { call, client, emulator, failure } from "./harness";

async function statuses(faults: FaultOptions, count: number): Promise<number[]> {
  const emu = await emulator({ faults });
  const seen: number[] = [];
  for (let i = 0; i < count; i++) seen.push((await call(emu, "GET", "/crm/v3/owners")).status);
  return seen;
}

describe("emulator fault injection", () => {
  it("is deterministic: the same seed and request sequence give the same faults", async () => {
    const faults: FaultOptions = { seed: 7, rate: 0.5, kinds: ["5xx", "429"] };
    const first = await statuses(faults, 40);
    const second = await statuses(faults, 40);
    expect(second).toEqual(first);
    expect(first.filter((s) => s !== 200).length).toBeGreaterThan(5);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(5);
    expect(await statuses({ ...faults, seed: 8 }, 40)).not.toEqual(first);
  });

  it("answers 5xx with HubSpot-like error bodies, which the official client surfaces", async () => {
    const emu = await emulator({ faults: { seed: 1, rate: 1, kinds: ["5xx"] } });
    const error = await failure(client(emu).crm.owners.ownersApi.getPage());
    expect([500, 502, 503, 504]).toContain(error.code);
    expect(error.body).toMatchObject({ status: "error" });
    expect(error.body.correlationId).toBeTruthy();
    expect(emu.requests.entries[0]!.fault).toBe("5xx");
  });

  it("injects 429s with the ten-secondly body", async () => {
    const emu = await emulator({ faults: { seed: 1, rate: 1, kinds: ["429"] } });
    const answer = await call(emu, "GET", "/crm/v3/owners");
    expect(answer.status).toBe(429);
    expect(answer.body.policyName).toBe("TEN_SECONDLY_ROLLING");
  });

  it("drops the connection without answering", async () => {
    const emu = await emulator({ faults: { seed: 1, rate: 1, kinds: ["drop"] } });
    await expect(call(emu, "GET", "/crm/v3/owners")).rejects.toThrow();
    expect(emu.requests.entries[0]).toMatchObject({ status: 0, fault: "drop" });
  });

  it("never half-applies a write: a faulted create leaves no contact", async () => {
    for (const kind of ["5xx", "429", "drop"] as const) {
      const emu = await emulator({ faults: { seed: 3, rate: 1, kinds: [kind] } });
      await call(emu, "POST", "/crm/v3/objects/contacts", { properties: { email: "x@y.example" } }).catch(
        () => undefined,
      );
      expect(emu.portal.contacts.size).toBe(0);
    }
  });

  it("answers slowly but fully for a slow fault", async () => {
    const emu = await emulator({ faults: { seed: 1, rate: 1, kinds: ["slow"], slowMs: 20 } });
    const answer = await call(emu, "POST", "/crm/v3/objects/contacts", { properties: { email: "slow@y.example" } });
    expect(answer.status).toBe(201);
    expect(emu.portal.contacts.size).toBe(1);
    expect(emu.requests.entries[0]!.fault).toBe("slow");
  });

  it("applies only to the endpoints listed", async () => {
    const emu = await emulator({
      faults: { seed: 1, rate: 1, kinds: ["5xx"], endpoints: ["POST /crm/v3/objects/contacts/search"] },
    });
    expect((await call(emu, "GET", "/crm/v3/owners")).status).toBe(200);
    expect((await call(emu, "POST", "/crm/v3/objects/contacts/search", {})).status).toBeGreaterThanOrEqual(500);
    expect((await call(emu, "POST", "/crm/v3/objects/companies/search", {})).status).toBe(200);
  });
});
