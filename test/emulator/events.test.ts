import { describe, expect, it } from "vitest";
import type { ContactEvent, PropertyChange } from "../../src/emulator";
import { call, client, emulator, pinnedClock, REPS } from "./harness";

describe("emulator test-only endpoints and event bus", () => {
  it("records a contact event, tells portal.onEvent listeners, and sets what HubSpot sets", async () => {
    const clock = pinnedClock();
    const emu = await emulator({ clock: clock.now, seed: { reps: REPS, contacts: 0 } });
    const owner = emu.portal.owners.byEmail("ava.reed@acme.test")!;
    const contact = await client(emu).crm.contacts.basicApi.create({
      properties: { email: "lead@x.example", hubspot_owner_id: owner.id },
    });
    const events: ContactEvent[] = [];
    emu.portal.onEvent((e) => events.push(e));
    const answer = await call(emu, "POST", "/_emulator/events", {
      contactId: contact.id,
      at: "2026-11-27T12:30:00Z",
      event: { kind: "meeting_booked", owner: "ava.reed@acme.test" },
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ contactId: contact.id, at: "2026-11-27T12:30:00.000Z", contactCreated: false });
    expect(events).toEqual([
      {
        id: answer.body.id,
        contactId: contact.id,
        at: Date.parse("2026-11-27T12:30:00Z"),
        event: { kind: "meeting_booked", owner: "ava.reed@acme.test" },
      },
    ]);
    const read = await client(emu).crm.contacts.basicApi.getById(contact.id, [
      "engagements_last_meeting_booked",
      "hs_sa_first_engagement_date",
      "hs_time_to_first_engagement",
    ]);
    expect(read.properties).toMatchObject({
      engagements_last_meeting_booked: "2026-11-27T12:30:00.000Z",
      hs_sa_first_engagement_date: "2026-11-27T12:30:00.000Z",
      hs_time_to_first_engagement: String(30 * 60_000),
    });
  });

  it("creates the contact for an event naming an unknown email", async () => {
    const emu = await emulator();
    const answer = await call(emu, "POST", "/_emulator/events", {
      email: "new@x.example",
      event: { kind: "form_submission", formId: "demo-request", pageUrl: "https://acme.test/demo" },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.contactCreated).toBe(true);
    expect(emu.portal.contacts.get(answer.body.contactId)!.properties.email).toBe("new@x.example");
    const listed = await call(emu, "GET", `/_emulator/events?contactId=${answer.body.contactId}`);
    expect(listed.body.results).toHaveLength(1);
  });

  it("refuses events that do not follow the fixture format", async () => {
    const emu = await emulator();
    const cases = [
      { kind: "form_submission" },
      { kind: "chat_completed", qualified: "yes" },
      { kind: "call_logged", owner: "a@b.example", colour: "red" },
      { kind: "fax_received" },
    ];
    for (const event of cases) {
      const answer = await call(emu, "POST", "/_emulator/events", { email: "e@x.example", event });
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0].in).toMatch(/^event\./);
    }
    expect(emu.portal.contacts.size).toBe(0);
  });

  it("tells portal.onPropertyChange listeners about API writes, with the previous value", async () => {
    const clock = pinnedClock();
    const emu = await emulator({ clock: clock.now });
    const contact = await client(emu).crm.contacts.basicApi.create({
      properties: { email: "c@x.example", country: "US" },
    });
    const changes: PropertyChange[] = [];
    const stop = emu.portal.onPropertyChange((c) => changes.push(c));
    await client(emu).crm.contacts.basicApi.update(contact.id, { properties: { country: "DE", state: "" } });
    stop();
    await client(emu).crm.contacts.basicApi.update(contact.id, { properties: { country: "FR" } });
    expect(changes).toEqual([
      {
        objectType: "contacts",
        objectId: contact.id,
        property: "country",
        previous: "US",
        value: "DE",
        at: clock.now(),
        source: "api",
      },
    ]);
  });

  it("keeps a listener's error away from the request, recording it", async () => {
    const emu = await emulator();
    emu.portal.onPropertyChange(() => {
      throw new Error("listener broke");
    });
    const answer = await call(emu, "POST", "/crm/v3/objects/contacts", { properties: { email: "z@x.example" } });
    expect(answer.status).toBe(201);
    expect(emu.portal.listenerErrors.length).toBeGreaterThan(0);
  });

  it("resets to the starting portal", async () => {
    const emu = await emulator({ seed: { reps: REPS, contacts: 20 } });
    const before = JSON.stringify((await call(emu, "GET", "/_emulator/state")).body);
    await client(emu).crm.contacts.basicApi.create({ properties: { email: "extra@x.example" } });
    await call(emu, "POST", "/automation/v4/flows", {
      type: "CONTACT_FLOW",
      objectTypeId: "0-1",
      isEnabled: false,
      name: "x",
      actions: [],
    });
    expect((await call(emu, "POST", "/_emulator/reset")).status).toBe(204);
    expect(JSON.stringify((await call(emu, "GET", "/_emulator/state")).body)).toBe(before);
  });
});
