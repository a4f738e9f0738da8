/** The burst's leads: generated inputs as a portal can hold them, and the history the portal keeps. */
import { describe, expect, it } from "vitest";
import routing from "../reference/routing/index";
import { createDemoClock } from "../../src/demo/clock";
import { generateLeads, latestCountedTouch, movedTo, otherOwners } from "../../src/demo/leads/lead-inputs";
import type { RouteInput } from "../../src/engine/types";
import { generateRouteInputList } from "../../src/sample";

const NOW = Date.parse("2026-03-02T19:30:00Z");
const DAY = 86_400_000;
const COUNT = 2000;
const leads = generateLeads(routing, { count: COUNT, seed: 7, now: NOW });
const raw = generateRouteInputList(routing, { count: COUNT, seed: 7, from: NOW - 7 * DAY, to: NOW });

describe("generateLeads", () => {
  it("keeps the generator's leads in order, events in the week before now", () => {
    expect(leads.map((lead) => lead.index)).toEqual(raw.map((_, i) => i));
    expect(leads.map((lead) => lead.input.event)).toEqual(raw.map((input) => input.event));
    expect(leads.every((lead) => lead.input.at >= NOW - 7 * DAY && lead.input.at < NOW)).toBe(true);
  });

  it("leaves out company sizes a HubSpot number property refuses, and keeps plain numbers", () => {
    const sizes = (inputs: RouteInput[]) => inputs.map((input) => input.contact.company?.properties?.numberofemployees);
    const before = sizes(raw);
    const after = sizes(leads.map((lead) => lead.input));
    const junk = before.filter((size) => size !== undefined && size !== "" && !/^-?\d+(\.\d+)?$/.test(size));
    expect(junk.length).toBeGreaterThan(0);
    after.forEach((size, i) => {
      const original = before[i];
      const plain = original === undefined || original === "" || /^-?\d+(\.\d+)?$/.test(original);
      expect(size).toBe(plain ? original : undefined);
    });
  });

  it("leaves out blank company owners", () => {
    expect(raw.some((input) => input.contact.company?.owner?.trim() === "")).toBe(true);
    expect(leads.some((lead) => lead.input.contact.company?.owner?.trim() === "")).toBe(false);
  });
});

describe("otherOwners", () => {
  it("names every person the leads mention who is no rep, once, as an active owner", () => {
    const reps = new Set(routing.reps.map((rep) => rep.email));
    const mentioned = new Set(
      leads
        .flatMap(({ input }) => [
          input.contact.company?.owner,
          input.event.owner,
          ...(input.contact.history ?? []).map((t) => t.owner),
        ])
        .map((email) => email?.trim().toLowerCase())
        .filter((email): email is string => !!email && email.includes("@") && !reps.has(email)),
    );
    const owners = otherOwners(routing, leads);
    expect(owners.map((o) => o.email).sort()).toEqual([...mentioned].sort());
    expect(owners.every((o) => o.active && o.firstName !== "")).toBe(true);
  });
});

describe("latestCountedTouch and movedTo", () => {
  const base: RouteInput = {
    at: NOW,
    contact: {
      history: [
        { kind: "call", owner: "kofi.mensah@acme.test", at: NOW - 40 * DAY },
        { kind: "sequence_enrollment", owner: "Jade.Wilson@acme.test ", at: NOW - 10 * DAY },
        { kind: "event", owner: "partner.manager@partner.example", at: NOW - 2 * DAY },
        { kind: "call", owner: "ivan.petrov@acme.test", at: NOW + 3 * DAY },
      ],
    },
    event: { kind: "form_submission", formId: "demo-request" },
  };

  it("is the latest touch by a rep of the config before the event, whatever the spelling of the email", () => {
    expect(latestCountedTouch(routing, base)).toEqual(base.contact.history![1]);
  });

  it("is undefined without a counted touch", () => {
    expect(latestCountedTouch(routing, { ...base, contact: { history: [base.contact.history![2]!] } })).toBeUndefined();
  });

  it("moves the event and its history by the same amount", () => {
    const moved = movedTo(base, NOW + 5000);
    expect(moved.at).toBe(NOW + 5000);
    expect(moved.contact.history!.map((t) => t.at)).toEqual(base.contact.history!.map((t) => t.at + 5000));
    expect(moved.event).toBe(base.event);
  });
});

describe("createDemoClock", () => {
  it("starts at the demo's instant, follows real time in whole milliseconds, and only moves forward", () => {
    let real = 1000.25;
    const clock = createDemoClock(NOW, () => real);
    expect(clock.now()).toBe(NOW);
    real += 1500.6;
    expect(clock.now()).toBe(NOW + 1500);
    clock.advance(600_000);
    expect(clock.now()).toBe(NOW + 601_500);
    clock.advance(-5000);
    expect(clock.now()).toBe(NOW + 601_500);
  });
});
