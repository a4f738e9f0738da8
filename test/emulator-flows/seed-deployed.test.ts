/** `seed.deployed`: a portal that starts with routing/ deployed, and routes at once. */
import { afterEach, describe, expect, it } from "vitest";
import { desiredState, type DesiredState } from "../../src/deploy";
import { seedFromRouting, startEmulator, type RunningEmulator } from "../../src/emulator";
import { dumpPortal } from "../../src/emulator/portal/dump";
import { referenceConfig } from "../differential/deployed-portal";
import { call, ok, START } from "./support";

const config = referenceConfig();
const seed = seedFromRouting(config, { contacts: 0, now: START });
const started: RunningEmulator[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((emu) => emu.close()));
});

async function start(deployed?: DesiredState) {
  const emu = await startEmulator({
    seed: { ...seed, ...(deployed ? { deployed } : {}) },
    rateLimits: false,
    clock: () => START,
  });
  started.push(emu);
  return emu;
}

/** The desired state for the seeded owners (their ids come from the seed, so a plain seed tells them). */
async function referenceState(): Promise<DesiredState> {
  const plain = await start();
  const owners = plain.portal.owners.list().map((o) => ({
    id: o.id,
    email: o.email,
    archived: o.archived,
    ...(o.userId === undefined ? {} : { userId: o.userId }),
  }));
  const result = desiredState(config, { owners, at: START, mode: "workflows" });
  if ("errors" in result) throw new Error(JSON.stringify(result.errors));
  return result.state;
}

describe("seed.deployed", () => {
  it("starts with the group, the properties and the enabled flows, and routes the first event", async () => {
    const state = await referenceState();
    const emu = await start(state);
    expect(emu.portal.flows.list().map((f) => [f.name, f.isEnabled])).toEqual(
      state.flows.map((f) => [f.body.name, true]),
    );
    expect(emu.portal.properties.contacts.get("routeops_source_type")?.groupName).toBe("routeops");
    const answer = ok(
      await call(emu, "POST", "/_emulator/events", {
        email: "nora@initech.example",
        event: { kind: "form_submission", formId: "contact-us" },
      }),
    );
    const contact = ok(
      await call(
        emu,
        "GET",
        `/crm/v3/objects/contacts/${answer.contactId}?properties=routeops_source_type,routeops_rule`,
      ),
    );
    expect(contact.properties).toMatchObject({
      routeops_source_type: "inbound_general_form",
      routeops_rule: "inbound-fallback",
    });
  });

  it("gives the same portal for the same seed, byte for byte", async () => {
    const state = await referenceState();
    const [a, b] = [await start(state), await start(state)];
    expect(JSON.stringify(dumpPortal(a.portal))).toBe(JSON.stringify(dumpPortal(b.portal)));
  });

  it("refuses a flow the portal would refuse, naming it", async () => {
    const state = await referenceState();
    const broken = {
      ...state,
      flows: [
        {
          key: "broken",
          body: { ...state.flows[0]!.body, name: "broken", actions: [] as never[], startActionId: "9" },
        },
      ],
    };
    await expect(start(broken)).rejects.toThrow(
      "seed.deployed.flows[0] (broken): startActionId 9 is not an action of this flow",
    );
  });
});
