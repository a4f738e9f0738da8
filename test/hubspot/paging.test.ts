import { afterEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import type { HubSpotAdapter } from "../../src/hubspot";
import { adapterFor, collect, emulator, sortedIds } from "./emulator-fixture";

const BASE = Date.parse("2026-01-05T09:00:00Z");
/** Limits are tested elsewhere: here the emulator and the adapter both let reads go at full speed. */
const FAST = { limits: { tenSecondly: 100_000, searchPerSecond: 100_000 } };

let running: RunningEmulator | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** Creates contacts straight in the emulator's portal, with the given createdates. */
function addContacts(target: RunningEmulator, createdates: number[]): string[] {
  return createdates.map(
    (at, index) =>
      target.portal.contacts.create({ createdate: String(at), email: `c${index}@paging.test` }, at, "emulator").id,
  );
}

describe("paging", () => {
  it("lists owners over several pages, archived ones included and marked, each once", async () => {
    const reps = Array.from({ length: 230 }, (_, index) => ({
      email: `rep${index}@acme.test`,
      firstName: "Rep",
      lastName: String(index),
      active: index < 130,
    }));
    running = await emulator({ seed: { reps, contacts: 0 }, rateLimits: false });
    const hubspot = adapterFor(running, FAST);
    const owners = await hubspot.listOwners();
    expect(owners).toHaveLength(230);
    expect(new Set(owners.map((owner) => owner.id)).size).toBe(230);
    expect(owners.filter((owner) => owner.archived).map((owner) => owner.email)).toEqual(
      reps.filter((rep) => !rep.active).map((rep) => rep.email),
    );
    expect(running.requests.count("GET /crm/v3/owners")).toBeGreaterThanOrEqual(3);
  });

  describe("25,000 contacts, many sharing a createdate, one instant straddling the 10,000th result", () => {
    let hubspot: HubSpotAdapter;
    let ids: string[];

    const arrange = async () => {
      running = await emulator({ rateLimits: false });
      // Three contacts per second, and 300 contacts at one instant around the 10,000th.
      const createdates = Array.from({ length: 25_000 }, (_, index) =>
        index >= 9_850 && index < 10_150 ? BASE + 9_850_000 : BASE + Math.floor(index / 3) * 1_000,
      ).sort((a, b) => a - b);
      ids = addContacts(running, createdates);
      hubspot = adapterFor(running, FAST);
    };

    it("search returns every contact exactly once, in createdate order, past the 10,000 cap", async () => {
      await arrange();
      const found = await collect(hubspot.searchContacts({ properties: ["email"] }));
      expect(found).toHaveLength(25_000);
      expect(sortedIds(found)).toEqual(sortedIds(ids.map((id) => ({ id }))));
      const times = found.map((record) => Date.parse(record.properties["createdate"] ?? ""));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      // 125 pages, plus at most one page more per restarted window.
      expect(hubspot.requests.count("POST /crm/v3/objects/contacts/search")).toBeLessThanOrEqual(128);
      expect(running?.requests.entries.every((entry) => entry.status === 200)).toBe(true);
    });

    it("the list endpoint returns every contact exactly once, 100 per page", async () => {
      await arrange();
      const listed = await collect(hubspot.listContacts());
      expect(sortedIds(listed)).toEqual(sortedIds(ids.map((id) => ({ id }))));
      expect(hubspot.requests.count("GET /crm/v3/objects/contacts")).toBe(250);
    });
  });

  it("reads an instant shared by more than 10,000 contacts in object-id windows", async () => {
    running = await emulator({ rateLimits: false });
    const createdates = [
      ...Array.from({ length: 50 }, (_, index) => BASE + index),
      ...Array.from({ length: 10_100 }, () => BASE + 100),
      ...Array.from({ length: 50 }, (_, index) => BASE + 200 + index),
    ];
    const ids = addContacts(running, createdates);
    const hubspot = adapterFor(running, FAST);
    const found = await collect(hubspot.searchContacts({}));
    expect(found).toHaveLength(ids.length);
    expect(sortedIds(found)).toEqual(sortedIds(ids.map((id) => ({ id }))));
  });
});
