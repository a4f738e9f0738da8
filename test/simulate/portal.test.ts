/**
 * Portal samples: HubSpot records as route inputs (what RouteOps recorded on each contact, owners
 * by email), read for real through the official client from the emulator by `routeops simulate
 * --contacts portal:N`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIO } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { MANAGED_GROUP, MANAGED_PROPERTIES as M } from "../../src/deploy/managed-names";
import { startEmulator, type RunningEmulator } from "../../src/emulator";
import { createHubSpotAdapter } from "../../src/hubspot";
import { portalRouteInput } from "../../src/simulate";
import { variant } from "./support";
import { referenceProject } from "../support/reference";

const owners = new Map([
  ["201", "Ava.Reed@acme.test"],
  ["202", "jade.wilson@acme.test"],
  ["203", "ivan.petrov@acme.test"],
]);

describe("a HubSpot contact as a route input", () => {
  it("takes the recorded event, the latest outbound touch and the company, with owners as emails", () => {
    const converted = portalRouteInput(
      {
        id: "51",
        properties: {
          email: "ana@globex.example",
          country: "United Kingdom",
          state: " ",
          createdate: "2026-02-01T10:00:00Z",
          [M.classifiedAt]: String(Date.parse("2026-03-02T14:05:00Z")),
          [M.eventKind]: "chat_completed",
          [M.eventChatQualified]: "true",
          [M.eventOwner]: "999",
          [M.lastOutboundOwner]: "202",
          [M.lastOutboundAt]: "2026-01-15T10:00:00Z",
          [M.lastOutboundKind]: "call",
        },
      },
      { id: "7", properties: { domain: "globex.example", numberofemployees: "1500", hubspot_owner_id: "201" } },
      new Map([...owners].map(([id, email]) => [id, email.toLowerCase()])),
    );
    expect(converted).toEqual({
      eventKnown: true,
      touchKnown: true,
      input: {
        at: Date.parse("2026-03-02T14:05:00Z"),
        contact: {
          email: "ana@globex.example",
          properties: { country: "United Kingdom" },
          company: { domain: "globex.example", owner: "ava.reed@acme.test", properties: { numberofemployees: "1500" } },
          history: [{ kind: "call", owner: "jade.wilson@acme.test", at: Date.parse("2026-01-15T10:00:00Z") }],
        },
        // The event's owner id is no known owner: left out rather than guessed.
        event: { kind: "chat_completed", qualified: true },
      },
    });
  });

  it("replays a contact with no recorded event as contact_created at its creation date, and skips one with no date", () => {
    const none = portalRouteInput({ id: "1", properties: { createdate: "1772445900000" } }, undefined, new Map());
    expect(none).toEqual({
      eventKnown: false,
      touchKnown: false,
      input: { at: 1772445900000, contact: { properties: {} }, event: { kind: "contact_created" } },
    });
    expect(portalRouteInput({ id: "2", properties: { createdate: "soon" } }, undefined, new Map())).toBeNull();
  });
});

describe("routeops simulate --contacts portal:N", () => {
  let emulator: RunningEmulator;
  let dir: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    emulator = await startEmulator({ token: "pat-simulate-0123456789abcdef", rateLimits: false });
    const hubspot = createHubSpotAdapter({ accessToken: emulator.token, baseUrl: emulator.baseUrl });
    await hubspot.createPropertyGroup("contacts", { name: MANAGED_GROUP.name, label: MANAGED_GROUP.label });
    await hubspot.createProperties(
      "contacts",
      Object.values(M).map((name) => ({
        name,
        label: name,
        type: "string" as const,
        fieldType: "text",
        groupName: MANAGED_GROUP.name,
      })),
    );
    const portal = emulator.portal;
    const at = Date.parse("2026-03-01T12:00:00Z");
    for (const [id, email] of owners) {
      const [first = "", last = ""] = email.split("@")[0]!.split(".");
      portal.owners.put({
        id,
        email,
        firstName: first,
        lastName: last,
        userIdIncludingInactive: Number(id) + 1000,
        ...(id === "203" ? {} : { userId: Number(id) + 1000 }),
        type: "PERSON",
        archived: id === "203",
        teams: [],
        createdAt: at,
        updatedAt: at,
      });
    }
    const company = portal.companies.create(
      { name: "Globex", numberofemployees: "1500", hubspot_owner_id: "201" },
      at,
      "api",
    );
    const contact = (name: string, minutes: number, properties: Record<string, string>) => {
      const classified = new Date(Date.parse("2026-03-02T14:00:00Z") + minutes * 60_000).toISOString();
      const record = portal.contacts.create(
        { email: `${name}@example.test`, [M.classifiedAt]: classified, ...properties },
        at,
        "api",
      );
      ids[name] = record.id;
      return record;
    };
    // Listed in creation order, replayed in event order: the one classified first comes first.
    const owned = contact("owned", 10, {
      country: "US",
      state: "CA",
      [M.eventKind]: "form_submission",
      [M.eventFormId]: "demo-request",
    });
    portal.setPrimaryCompany(owned, company.id, at, "api");
    contact("reply", 5, { country: "US", [M.eventKind]: "sequence_reply", [M.eventOwner]: "203" });
    contact("returning", 20, {
      country: "Germany",
      [M.eventKind]: "form_submission",
      [M.eventFormId]: "contact-us",
      [M.lastOutboundOwner]: "202",
      [M.lastOutboundAt]: "2026-02-01T10:00:00Z",
      [M.lastOutboundKind]: "sequence_enrollment",
    });
    portal.contacts.create({ email: "quiet@example.test" }, Date.parse("2026-03-02T15:00:00Z"), "api");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "routeops-portal-"));
  });

  afterAll(async () => {
    await emulator?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function simulatePortal(count: number) {
    // Every notification changes, so that every contact shows as an example with both decisions.
    const head = variant((config) => {
      for (const rule of [
        ...config.systems.inbound.rules,
        ...config.systems.outbound.rules,
        ...config.reengagement.rules,
      ])
        rule.notification = "none";
      config.unclassified.notification = "urgent";
    });
    const headFile = path.join(dir, "head.ts");
    fs.writeFileSync(headFile, `export default ${JSON.stringify(head)};\n`);
    let out = "";
    let err = "";
    const io: CliIO = {
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: (s: string) => (err += s) },
      env: { HUBSPOT_ACCESS_TOKEN: emulator.token },
      cwd: referenceProject,
    };
    const args = ["--config", headFile, "--base", "routing/index.ts", "--contacts", `portal:${count}`];
    const code = await main(
      ["simulate", ...args, "--hubspot-base-url", emulator.baseUrl, "--format", "json", "--examples", "10"],
      io,
    );
    return { code, err, envelope: out === "" ? null : JSON.parse(out) };
  }

  it("routes each contact as RouteOps recorded it: account owner, replaced sequence owner, re-engagement, unknown event", async () => {
    const { code, err, envelope } = await simulatePortal(100);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(envelope.contacts.count).toBe(4);
    expect(envelope.contacts.notes).toContain(
      "1 of 4 contacts have no recorded event (RouteOps' source identification never ran for them): they are replayed as contact_created at their creation date.",
    );
    const byLabel = new Map(envelope.examples.map((e: { label: string }) => [e.label, e]));
    expect([...byLabel.keys()]).toEqual([
      `contact ${ids.reply}`,
      `contact ${ids.owned}`,
      `contact ${ids.returning}`,
      expect.stringMatching(/^contact \d+$/),
    ]);
    const before = (name: string) =>
      (byLabel.get(`contact ${ids[name]}`) as { before: Record<string, unknown> }).before;
    expect(before("owned")).toMatchObject({
      rule: "inbound-account-owner",
      owner: "ava.reed@acme.test",
      segment: "enterprise",
    });
    expect(before("reply")).toMatchObject({ rule: "outbound-sequence-owner", owner: "jade.wilson@acme.test" });
    expect(before("returning")).toMatchObject({
      system: "reengagement",
      collaborator: "jade.wilson@acme.test",
      territory: "emea",
    });
    expect(envelope.examples[3].before).toMatchObject({ system: "unclassified", sourceType: null });
  });

  it("reads no more than N contacts", async () => {
    const { envelope } = await simulatePortal(2);
    expect(envelope.contacts.count).toBe(2);
  });

  it("says what HubSpot answered when the token is wrong, without the token", async () => {
    let err = "";
    const io: CliIO = {
      stdout: { write: () => true },
      stderr: { write: (s: string) => (err += s) },
      env: { HUBSPOT_ACCESS_TOKEN: "pat-wrong-token-abcdef0123456789" },
      cwd: referenceProject,
    };
    const code = await main(
      ["simulate", "--base", "routing/index.ts", "--contacts", "portal:5", "--hubspot-base-url", emulator.baseUrl],
      io,
    );
    expect(code).toBe(1);
    expect(err).toMatch(/^routeops simulate: HubSpot: /);
    expect(err).not.toContain("pat-wrong-token-abcdef0123456789");
  });
});
