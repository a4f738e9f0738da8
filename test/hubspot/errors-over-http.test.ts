import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { createHubSpotAdapter, HubSpotConfigError, HubSpotError, type HubSpotAdapter } from "../../src/hubspot";
import { adapterFor, collect, emulator, TEST_REPS } from "./emulator-fixture";

const TOKEN = "pat-na1-5c3e1d2a-9f00-4b7e-8d21-0a1b2c3d4e5f";
let running: RunningEmulator;
let hubspot: HubSpotAdapter;

beforeAll(async () => {
  running = await emulator({ token: TOKEN, seed: { reps: TEST_REPS, contacts: 50 } });
  hubspot = adapterFor(running, { retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 5 } });
});
afterAll(() => running.close());

/** Every way an error can be printed or serialised: none may contain the token. */
function expectNoToken(error: unknown, token = TOKEN): void {
  const texts = [String(error), JSON.stringify(error), inspect(error, { depth: 10 }), (error as Error).stack ?? ""];
  for (const text of texts) {
    expect(text).not.toContain(token);
    expect(text).not.toContain(token.slice(8));
  }
}

async function failure(promise: Promise<unknown>): Promise<HubSpotError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(HubSpotError);
  expectNoToken(error);
  return error as HubSpotError;
}

describe("errors over HTTP", () => {
  it("404: a typed not_found error with method, path, status, HubSpot's message, category and correlation id", async () => {
    const error = await failure(hubspot.updateProperty("contacts", "no_such_property", { label: "x" }));
    expect(error).toMatchObject({
      code: "not_found",
      method: "PATCH",
      path: "/crm/v3/properties/contacts/no_such_property",
      status: 404,
      category: "OBJECT_NOT_FOUND",
      attempts: 1,
    });
    expect(error.correlationId).toMatch(/\S+/);
    expect(error.hubspotMessage).toMatch(/no_such_property/);
    expect(error.message).toContain(
      "HubSpot PATCH /crm/v3/properties/contacts/no_such_property failed (HTTP 404 OBJECT_NOT_FOUND): ",
    );
    expect(error.message).toContain(`[correlationId ${error.correlationId}]`);
  });

  it("409: a typed conflict error when the group already exists", async () => {
    await hubspot.createPropertyGroup("contacts", { name: "routeops_twice", label: "Twice" });
    const error = await failure(hubspot.createPropertyGroup("contacts", { name: "routeops_twice", label: "Twice" }));
    expect(error).toMatchObject({
      code: "conflict",
      status: 409,
      method: "POST",
      path: "/crm/v3/properties/contacts/groups",
    });
  });

  it("400: a typed bad_request error with HubSpot's validation message", async () => {
    const search = hubspot.searchContacts({
      filterGroups: [{ filters: [{ propertyName: "no_such_property", operator: "EQ", value: "x" }] }],
    });
    const error = await failure(collect(search));
    expect(error).toMatchObject({ code: "bad_request", status: 400, category: "VALIDATION_ERROR", attempts: 1 });
    expect(error.message).toMatch(/no_such_property/);
  });

  it("404 on a raw call (flows): the same typed error", async () => {
    const error = await failure(hubspot.deleteFlow("987654"));
    expect(error).toMatchObject({
      code: "not_found",
      status: 404,
      method: "DELETE",
      path: "/automation/v4/flows/987654",
    });
  });

  it("401: a wrong token is reported without either token in it", async () => {
    const wrong = "pat-na1-ffffffff-0000-4000-8000-badbadbadbad";
    const stranger = createHubSpotAdapter({ accessToken: wrong, baseUrl: running.baseUrl });
    const error = await failure(stranger.listOwners());
    expectNoToken(error, wrong);
    expect(error).toMatchObject({ code: "unauthorized", status: 401, path: "/crm/v3/owners" });
    const raw = await failure(stranger.listFlows());
    expectNoToken(raw, wrong);
    expect(raw.code).toBe("unauthorized");
  });

  it("no answer at all: a network_error after the configured attempts, without the token", async () => {
    // A server that accepts the connection and closes it without a word: retried, unlike a refused
    // connection (test/hubspot/refused-connection.test.ts), which no retry can fix.
    const silent = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const baseUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    try {
      const nobody = createHubSpotAdapter({
        accessToken: TOKEN,
        baseUrl,
        retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
      });
      const error = await failure(nobody.listOwners());
      expect(error).toMatchObject({ code: "network_error", status: null, attempts: 3 });
      expect(error.message).toMatch(
        /^HubSpot GET \/crm\/v3\/owners failed \(no response\): fetch failed.* after 3 attempts$/,
      );
      expect(error.message).not.toContain(TOKEN);
      const raw = await failure(nobody.listActionTypes());
      expect(raw).toMatchObject({ code: "network_error", path: "/automation/2026-09-beta/action-types" });
    } finally {
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it("a token that cannot be sent in a header is refused up front, without echoing it", () => {
    const pasted = `${TOKEN}\n`;
    let error: unknown;
    try {
      createHubSpotAdapter({ accessToken: pasted, baseUrl: running.baseUrl });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(HubSpotConfigError);
    expectNoToken(error);
    expect(() => createHubSpotAdapter({ accessToken: " ", baseUrl: running.baseUrl })).toThrow(/HUBSPOT_ACCESS_TOKEN/);
  });

  it("a base URL that is not one is refused with what was given and what is expected", () => {
    expect(() => createHubSpotAdapter({ accessToken: TOKEN, baseUrl: "localhost:3000" })).toThrow(
      'The HubSpot base URL "localhost:3000" must start with https:// or http://.',
    );
    expect(() => createHubSpotAdapter({ accessToken: TOKEN, baseUrl: "not a url" })).toThrow(
      'The HubSpot base URL "not a url" is not a URL (expected for example https://api.hubapi.com).',
    );
  });
});
