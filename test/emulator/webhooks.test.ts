/**
 * The emulator delivers webhooks as HubSpot does: `contact.propertyChange` events with HubSpot's
 * field names, in batches of at most 100, over real HTTP to a receiver on a random loopback port,
 * signed with the v3 signature (checked here with the router's verifier), retried on failure, and
 * duplicated or reordered on demand.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { EmulatorOptionError, startEmulator, type RunningEmulator } from "../../src/emulator";
import type { WebhookOptions } from "../../src/emulator/webhooks/delivery";
import { verifyWebhookV3 } from "../../src/router";

const SECRET = "webhook-secret-0123456789";
const NOW = Date.parse("2026-03-03T15:00:00Z");

interface Received {
  headers: IncomingMessage["headers"];
  body: string;
  events: Record<string, unknown>[];
}

/** A webhook receiver: records every request, answers with the next scripted status (else 200). */
async function receiver(statuses: number[] = []) {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      received.push({ headers: request.headers, body, events: JSON.parse(body) as Record<string, unknown>[] });
      response.statusCode = statuses.shift() ?? 200;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/hubspot`;
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url, received };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function emulatorFor(url: string, options: Partial<WebhookOptions> = {}): Promise<RunningEmulator> {
  const emulator = await startEmulator({
    rateLimits: false,
    clock: () => NOW,
    webhooks: { targetUrl: url, secret: SECRET, properties: ["firstname", "test_at"], retryDelayMs: 1, ...options },
  });
  closers.push(() => emulator.close());
  await api(emulator, "POST", "/crm/v3/properties/contacts", {
    name: "test_at",
    label: "Test at",
    type: "datetime",
    fieldType: "date",
    groupName: "contactinformation",
  });
  return emulator;
}

async function api(emulator: RunningEmulator, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(emulator.baseUrl + path, {
    method,
    headers: { authorization: `Bearer ${emulator.token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

async function createContact(emulator: RunningEmulator, properties: Record<string, string>): Promise<string> {
  const created = (await api(emulator, "POST", "/crm/v3/objects/contacts", { properties })) as { id: string };
  return created.id;
}

describe("webhook delivery", () => {
  it("sends a contact.propertyChange event with HubSpot's fields, signed with the v3 signature", async () => {
    const { url, received } = await receiver();
    const emulator = await emulatorFor(url);
    const id = await createContact(emulator, { email: "a@lead.test" });
    await api(emulator, "PATCH", `/crm/v3/objects/contacts/${id}`, { properties: { firstname: "Ada" } });
    await emulator.webhooks!.settled();

    expect(received).toHaveLength(1);
    const [delivery] = received;
    expect(delivery!.events).toEqual([
      {
        eventId: 1,
        subscriptionId: 1001,
        portalId: 62515,
        appId: 54321,
        occurredAt: NOW,
        subscriptionType: "contact.propertyChange",
        attemptNumber: 0,
        objectId: Number(id),
        propertyName: "firstname",
        propertyValue: "Ada",
        changeSource: "INTEGRATION",
      },
    ]);
    expect(delivery!.headers["x-hubspot-request-timestamp"]).toBe(String(NOW));
    const verdict = verifyWebhookV3({
      secret: SECRET,
      method: "POST",
      uri: url,
      body: delivery!.body,
      signature: delivery!.headers["x-hubspot-signature-v3"] as string,
      timestamp: delivery!.headers["x-hubspot-request-timestamp"] as string,
      now: NOW,
    });
    expect(verdict).toBe("ok");
    expect(delivery!.body).not.toContain(SECRET);
  });

  it("ignores properties nobody subscribed to", async () => {
    const { url, received } = await receiver();
    const emulator = await emulatorFor(url);
    const id = await createContact(emulator, { email: "b@lead.test" });
    await api(emulator, "PATCH", `/crm/v3/objects/contacts/${id}`, { properties: { lastname: "Lovelace" } });
    await emulator.webhooks!.settled();
    expect(received).toEqual([]);
  });

  it("sends datetime values as epoch milliseconds, as HubSpot does", async () => {
    const { url, received } = await receiver();
    const emulator = await emulatorFor(url);
    const id = await createContact(emulator, { email: "c@lead.test" });
    await api(emulator, "PATCH", `/crm/v3/objects/contacts/${id}`, {
      properties: { test_at: "2026-03-03T14:59:00.000Z" },
    });
    await emulator.webhooks!.settled();
    expect(received.flatMap((r) => r.events).map((e) => e.propertyValue)).toEqual([
      String(Date.parse("2026-03-03T14:59:00Z")),
    ]);
  });

  it("batches the changes of one moment, at most 100 events per request", async () => {
    const { url, received } = await receiver();
    const emulator = await emulatorFor(url);
    // One moment: 250 contacts written in one go (as a batch write or an import does), before any delivery leaves.
    for (let i = 0; i < 250; i++)
      emulator.portal.contacts.create({ email: `l${i}@lead.test`, firstname: `L${i}` }, NOW, "api");
    await emulator.webhooks!.settled();
    expect(received.map((r) => r.events.length)).toEqual([100, 100, 50]);
    const ids = received.flatMap((r) => r.events.map((e) => e.eventId));
    expect(new Set(ids).size).toBe(250);
  });

  it("retries a delivery answered with a 5xx, with the attempt number one higher", async () => {
    const { url, received } = await receiver([503, 500]);
    const emulator = await emulatorFor(url);
    const id = await createContact(emulator, { email: "d@lead.test", firstname: "Dee" });
    await emulator.webhooks!.settled();
    expect(received.map((r) => r.events.map((e) => [e.objectId, e.attemptNumber]))).toEqual([
      [[Number(id), 0]],
      [[Number(id), 1]],
      [[Number(id), 2]],
    ]);
    expect(emulator.webhooks!.attempts.map((a) => a.status)).toEqual([503, 500, 200]);
    expect(emulator.webhooks!.dropped).toEqual([]);
  });

  it("does not retry a delivery refused with a 4xx; retries an unanswered one and gives up after the last attempt", async () => {
    const refused = await receiver([401]);
    const emulator = await emulatorFor(refused.url);
    await createContact(emulator, { email: "e@lead.test", firstname: "Eve" });
    await emulator.webhooks!.settled();
    expect(refused.received).toHaveLength(1);
    expect(emulator.webhooks!.dropped.map((e) => e.propertyValue)).toEqual(["Eve"]);

    // Nobody listens: the connection fails, which is retried until the last attempt.
    const closed = await receiver();
    await closers.pop()!();
    const second = await emulatorFor(closed.url, { maxAttempts: 3 });
    await createContact(second, { email: "f@lead.test", firstname: "Fay" });
    await second.webhooks!.settled();
    expect(second.webhooks!.attempts.map((a) => [a.attemptNumber, a.status])).toEqual([
      [0, null],
      [1, null],
      [2, null],
    ]);
    expect(second.webhooks!.dropped.map((e) => e.propertyValue)).toEqual(["Fay"]);
  });

  it("delivers every event a second time on demand (at least once), with the same event id", async () => {
    const { url, received } = await receiver();
    const emulator = await emulatorFor(url, { duplicateRate: 1 });
    await createContact(emulator, { email: "g@lead.test", firstname: "Gus" });
    await emulator.webhooks!.settled();
    expect(received).toHaveLength(2);
    expect(received[0]!.events).toEqual(received[1]!.events);
  });

  it("reorders events on demand, the same way for the same seed", async () => {
    const order = async () => {
      const { url, received } = await receiver();
      const emulator = await emulatorFor(url, { reorder: true, seed: 7 });
      for (let i = 0; i < 20; i++)
        emulator.portal.contacts.create({ email: `r${i}@lead.test`, firstname: `R${i}` }, NOW, "api");
      await emulator.webhooks!.settled();
      return received.flatMap((r) => r.events.map((e) => e.propertyValue as string));
    };
    const first = await order();
    const names = Array.from({ length: 20 }, (_, i) => `R${i}`);
    expect([...first].sort()).toEqual([...names].sort());
    expect(first).not.toEqual(names);
    expect(await order()).toEqual(first);
  });
});

describe("webhook options", () => {
  it("refuses a target that is no URL, naming the option, and never shows the secret", async () => {
    const start = startEmulator({
      webhooks: { targetUrl: "router.local/hook", secret: SECRET, properties: ["firstname"] },
    });
    await expect(start).rejects.toThrow(EmulatorOptionError);
    await expect(start).rejects.toThrow(/webhooks\.targetUrl: expected an http\(s\) URL/);
    await expect(start).rejects.not.toThrow(SECRET);
  });

  it("refuses a batch size above HubSpot's 100", async () => {
    const start = startEmulator({
      webhooks: { targetUrl: "http://127.0.0.1:1/", secret: SECRET, properties: ["firstname"], batchSize: 101 },
    });
    await expect(start).rejects.toThrow(/webhooks\.batchSize: expected an integer from 1 to 100, got 101/);
  });
});
