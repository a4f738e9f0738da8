import { describe, expect, it } from "vitest";
import { MANAGED_PROPERTIES as M } from "../../src/deploy/managed-names";
import { parseDelivery, signWebhookV3, startRouter, verifyWebhookV3, WebhookPayloadError } from "../../src/router";
import { bench, createLead, memoryDatabase } from "./support";

const SECRET = "whsec-test-0123456789";
const T0 = Date.parse("2026-03-03T15:00:00Z");

function event(contactId: string, requestedAt: number | string, extra: Record<string, unknown> = {}) {
  return {
    eventId: 1,
    subscriptionId: 7,
    portalId: 62515,
    appId: 1,
    occurredAt: T0,
    subscriptionType: "contact.propertyChange",
    attemptNumber: 0,
    objectId: Number(contactId),
    propertyName: M.routeRequestedAt,
    propertyValue: typeof requestedAt === "number" ? String(requestedAt) : requestedAt,
    changeSource: "AUTOMATION_PLATFORM",
    ...extra,
  };
}

describe("webhook v3 signature", () => {
  const base = { secret: SECRET, method: "POST", uri: "https://r.example/webhooks/hubspot", body: "[]" };
  const timestamp = String(T0);
  const signature = signWebhookV3(SECRET, "POST", base.uri, "[]", timestamp);

  it("is base64 HMAC-SHA256 of method + URI + body + timestamp", async () => {
    const { createHmac } = await import("node:crypto");
    const expected = createHmac("sha256", SECRET).update(`POST${base.uri}[]${timestamp}`).digest("base64");
    expect(signature).toBe(expected);
  });

  it("accepts a fresh, matching signature", () => {
    expect(verifyWebhookV3({ ...base, signature, timestamp, now: T0 + 60_000 })).toBe("ok");
  });

  it("refuses a signature over another body or URI as forged", () => {
    expect(verifyWebhookV3({ ...base, body: "[1]", signature, timestamp, now: T0 })).toBe("forged");
    expect(verifyWebhookV3({ ...base, uri: "https://evil/webhooks/hubspot", signature, timestamp, now: T0 })).toBe(
      "forged",
    );
  });

  it("refuses a timestamp older than 5 minutes as stale", () => {
    expect(verifyWebhookV3({ ...base, signature, timestamp, now: T0 + 5 * 60_000 + 1 })).toBe("stale");
  });

  it("refuses a delivery without the headers", () => {
    expect(verifyWebhookV3({ ...base, signature: undefined, timestamp, now: T0 })).toBe("missing");
  });
});

describe("webhook payloads", () => {
  it("reads routing requests out of a batch and ignores other properties and cleared values", () => {
    const body = JSON.stringify([
      event("1001", T0),
      event("1002", new Date(T0 + 5).toISOString()),
      event("1003", T0, { propertyName: "firstname" }),
      event("1004", ""),
      event("1005", T0, { subscriptionType: "contact.creation" }),
    ]);
    const parsed = parseDelivery(body);
    expect(parsed.requests.map((r) => [r.contactId, r.requestedAt])).toEqual([
      ["1001", T0],
      ["1002", T0 + 5],
    ]);
    expect(parsed.ignored).toBe(3);
  });

  it("says what is wrong with a body that is not HubSpot's array of events", () => {
    expect(() => parseDelivery("{}")).toThrow(WebhookPayloadError);
    expect(() => parseDelivery("{}")).toThrow(/JSON array of webhook events/);
    expect(() => parseDelivery(JSON.stringify([event("1001", T0, { objectId: null })]))).toThrow(
      /event \[0\]\.objectId must be the contact id/,
    );
  });
});

describe("POST /webhooks/hubspot", () => {
  async function setup() {
    const b = await bench();
    const db = await memoryDatabase();
    const router = await startRouter({
      config: b.config,
      hubspot: b.hubspot,
      database: db,
      loop: false,
      now: b.clock.now,
      webhookSecret: SECRET,
      apiToken: "decisions-token-1234",
      maxBodyBytes: 4096,
    });
    const deliver = async (body: string, options: { timestamp?: number; signWith?: string; uri?: string } = {}) => {
      const timestamp = String(options.timestamp ?? b.clock.now());
      const uri = options.uri ?? `${router.url}/webhooks/hubspot`;
      const signature = signWebhookV3(options.signWith ?? SECRET, "POST", uri, body, timestamp);
      const response = await fetch(`${router.url}/webhooks/hubspot`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-hubspot-signature-v3": signature,
          "x-hubspot-request-timestamp": timestamp,
        },
        body,
      });
      return response.status;
    };
    return { b, db, router, deliver };
  }

  it("takes a signed batch, records each request once (duplicates and reordering change nothing), and routes it", async () => {
    const { b, router, deliver } = await setup();
    const first = createLead(b, {
      email: "w1@lead.test",
      country: "US",
      state: "CA",
      formId: "demo-request",
      requestedAt: T0,
    });
    const second = createLead(b, {
      email: "w2@lead.test",
      country: "Germany",
      formId: "demo-request",
      requestedAt: T0 + 10,
    });
    b.clock.set(T0 + 1000);
    expect(await deliver(JSON.stringify([event(second, T0 + 10), event(first, T0)]))).toBe(200);
    b.clock.advance(1);
    expect(await deliver(JSON.stringify([event(first, T0), event(first, T0)]))).toBe(200);
    const report = await router.drain();
    expect(report.decided).toBe(2);
    expect(b.emulator.portal.tasks.size).toBe(2);
    const metrics = await router.renderMetrics();
    expect(metrics).toMatch(/routeops_routing_requests_learnt_total\{source="webhook"\} 2/);
    expect(metrics).toMatch(/routeops_webhook_deliveries_total\{verdict="accepted"\} 2/);
    await router.close();
  });

  it("refuses forged, replayed and stale deliveries and counts each in /metrics", async () => {
    const { b, router, deliver } = await setup();
    const id = createLead(b, { email: "f@lead.test", country: "US", requestedAt: T0 });
    b.clock.set(T0 + 1000);
    const body = JSON.stringify([event(id, T0)]);
    expect(await deliver(body, { signWith: "not-the-secret" })).toBe(401);
    expect(await deliver(body, { uri: "http://elsewhere/webhooks/hubspot" })).toBe(401);
    expect(await deliver(body, { timestamp: T0 + 1000 - 6 * 60_000 })).toBe(401);
    expect(await deliver(body)).toBe(200);
    expect(await deliver(body)).toBe(401);
    const unsigned = await fetch(`${router.url}/webhooks/hubspot`, { method: "POST", body });
    expect(unsigned.status).toBe(401);
    expect(await deliver(JSON.stringify({ not: "an array" }))).toBe(400);
    const metrics = await (await fetch(`${router.url}/metrics`)).text();
    expect(metrics).toMatch(/verdict="forged"\} 2/);
    expect(metrics).toMatch(/verdict="stale"\} 1/);
    expect(metrics).toMatch(/verdict="replayed"\} 1/);
    expect(metrics).toMatch(/verdict="accepted"\} 1/);
    expect(metrics).toMatch(/verdict="missing_signature"\} 1/);
    expect(metrics).toMatch(/verdict="malformed"\} 1/);
    expect(metrics).toMatch(/routeops_queue_depth\{state="pending"\} 1/);
    expect(metrics).not.toContain(SECRET);
    await router.close();
  });

  it("refuses a body over the size limit with 413", async () => {
    const { router, deliver } = await setup();
    expect(await deliver(JSON.stringify([{ pad: "x".repeat(5000) }]))).toBe(413);
    await router.close();
  });

  it("answers /healthz and /readyz, and the decision endpoint only with the bearer token", async () => {
    const { b, router, deliver } = await setup();
    const id = createLead(b, {
      email: "d@lead.test",
      country: "US",
      state: "CA",
      formId: "demo-request",
      requestedAt: T0,
    });
    b.clock.set(T0 + 1000);
    await deliver(JSON.stringify([event(id, T0)]));
    await router.drain();
    expect((await fetch(`${router.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${router.url}/readyz`)).status).toBe(200);
    expect((await fetch(`${router.url}/decisions/${id}`)).status).toBe(401);
    const wrong = await fetch(`${router.url}/decisions/${id}`, { headers: { authorization: "Bearer nope" } });
    expect(wrong.status).toBe(401);
    const answer = await fetch(`${router.url}/decisions/d%40lead.test`, {
      headers: { authorization: "Bearer decisions-token-1234" },
    });
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { decisions: { contactId: string; configVersion: string }[] };
    expect(body.decisions.map((d) => d.contactId)).toEqual([id]);
    expect(body.decisions[0]!.configVersion).toBe(b.config.version);
    await router.close();
  });

  it("binds 127.0.0.1 by default", async () => {
    const { router } = await setup();
    expect(router.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await router.close();
  });
});

describe("the background loop", () => {
  it("a signed webhook wakes the running router, which routes the lead without being driven", async () => {
    const b = await bench();
    const db = await memoryDatabase();
    const router = await startRouter({
      config: b.config,
      hubspot: b.hubspot,
      database: db,
      now: b.clock.now,
      webhookSecret: SECRET,
      // A poll interval far away: only the webhook can make the router work.
      pollIntervalMs: 3_600_000,
    });
    const id = createLead(b, { email: "loop@lead.test", country: "Germany", formId: "demo-request", requestedAt: T0 });
    // Not flagged pending: the poll cannot find it, only the webhook tells the router.
    b.emulator.portal.contacts.update(b.emulator.portal.contacts.get(id)!, { [M.routingPending]: "" }, T0, "api");
    b.clock.set(T0 + 1000);
    const body = JSON.stringify([event(id, T0)]);
    const timestamp = String(b.clock.now());
    const signature = signWebhookV3(SECRET, "POST", `${router.url}/webhooks/hubspot`, body, timestamp);
    const response = await fetch(`${router.url}/webhooks/hubspot`, {
      method: "POST",
      headers: { "x-hubspot-signature-v3": signature, "x-hubspot-request-timestamp": timestamp },
      body,
    });
    expect(response.status).toBe(200);
    for (let i = 0; i < 600 && b.emulator.portal.contacts.get(id)!.properties[M.routingPending] !== "false"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(b.emulator.portal.contacts.get(id)!.properties[M.routingPending]).toBe("false");
    expect(b.emulator.portal.contacts.get(id)!.properties.hubspot_owner_id).toBeTruthy();
    await router.close();
  });
});
