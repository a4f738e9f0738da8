/**
 * The Slack adapter against the local Slack stand-in over real HTTP: bot token and incoming
 * webhook, Block Kit bodies as sent, retries (429 with Retry-After, 5xx) on a virtual clock,
 * permanent errors reported without retrying, and secrets never in a result.
 */
import { afterEach, describe, expect, it } from "vitest";
import { leadMessage, type LeadNotice } from "../../src/notifications/message";
import { createSlackClient, startSlackStandin, type SlackStandin } from "../../src/slack";

const TOKEN = "xoxb-test-0000-secret";
const WEBHOOK_PATH = "/services/T000/B000/SECRETwebhookPART";

let standins: SlackStandin[] = [];
afterEach(async () => {
  await Promise.all(standins.map((s) => s.close()));
  standins = [];
});

async function standin(channels?: string[]) {
  const s = await startSlackStandin({
    token: TOKEN,
    webhook: { path: WEBHOOK_PATH, channel: "#inbound-leads" },
    ...(channels ? { channels } : {}),
  });
  standins.push(s);
  return s;
}

/** A virtual clock: sleeps are recorded, not waited. */
function virtualSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

const notice: LeadNotice = {
  style: "urgent",
  owner: { email: "ben.ortiz@acme.test", name: "Ben Ortiz", slackUserId: "U0BENORTIZ" },
  contact: { name: "Ana <@channel> Lima", email: "ana@globex.example", company: "Globex", place: "US, CA (na-west)" },
  source: "Inbound: demo request",
  action: "submitted the demo-request form on /pricing",
  fields: { company_size: "200-500", message: "Call me <https://evil.example|here>" },
  rule: "inbound-high-intent",
  why: "high intent in na-west",
  slaDue: "Mon 22 Jun 09:30 PDT",
  context: [],
  contactUrl: null,
};

describe("Slack bot token: chat.postMessage", () => {
  it("posts the Block Kit message to the channel and reports the message ts", async () => {
    const s = await standin();
    const client = createSlackClient({ connection: { kind: "bot", token: TOKEN, apiUrl: s.apiUrl } });
    const result = await client.send({ channel: "U0BENORTIZ" }, leadMessage(notice));
    expect(result).toMatchObject({ delivered: true, attempts: 1, channel: "U0BENORTIZ" });
    expect(s.requests[0]!.authorization).toBe(`Bearer ${TOKEN}`);
    expect(s.messages).toHaveLength(1);
    const [message] = s.messages;
    expect(message!.blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: "Contact now: Inbound: demo request" },
    });
    // Untrusted text cannot mention a channel or forge a link.
    expect(JSON.stringify(message!.blocks)).not.toContain("<@channel>");
    expect(JSON.stringify(message!.blocks)).toContain("&lt;https://evil.example|here&gt;");
  });

  it("retries a 429 after its Retry-After and a 503 with backoff, then delivers", async () => {
    const s = await standin();
    s.failNext(1, 429, 7);
    s.failNext(1, 503);
    const clock = virtualSleep();
    const client = createSlackClient({
      connection: { kind: "bot", token: TOKEN, apiUrl: s.apiUrl },
      sleep: clock.sleep,
      backoffMs: (n) => n * 1000,
    });
    const result = await client.send({ channel: "#inbound-leads" }, leadMessage(notice));
    expect(result).toMatchObject({ delivered: true, attempts: 3 });
    expect(clock.waits).toEqual([7000, 2000]);
    expect(s.messages).toHaveLength(1);
  });

  it("gives up after the last attempt and says why, without the token", async () => {
    const s = await standin();
    s.failNext(5, 500);
    const client = createSlackClient({
      connection: { kind: "bot", token: TOKEN, apiUrl: s.apiUrl },
      sleep: virtualSleep().sleep,
      maxAttempts: 3,
    });
    const result = await client.send({ channel: "#inbound-leads" }, leadMessage(notice));
    expect(result).toEqual({ delivered: false, attempts: 3, retryable: true, error: "HTTP 500" });
  });

  it("does not retry a permanent error such as an unknown channel", async () => {
    const s = await standin(["#inbound-leads"]);
    const client = createSlackClient({
      connection: { kind: "bot", token: TOKEN, apiUrl: s.apiUrl },
      sleep: virtualSleep().sleep,
    });
    const result = await client.send({ channel: "#nowhere" }, leadMessage(notice));
    expect(result).toEqual({ delivered: false, attempts: 1, retryable: false, error: "channel_not_found" });
  });

  it("reports a wrong token as invalid_auth", async () => {
    const s = await standin();
    const client = createSlackClient({ connection: { kind: "bot", token: "xoxb-wrong-token", apiUrl: s.apiUrl } });
    const result = await client.send({ channel: "#inbound-leads" }, leadMessage(notice));
    expect(result).toMatchObject({ delivered: false, retryable: false, error: "invalid_auth" });
  });

  it("reports an unreachable Slack as a retryable failure instead of throwing", async () => {
    const s = await standin();
    const apiUrl = s.apiUrl;
    await s.close();
    standins = [];
    const client = createSlackClient({
      connection: { kind: "bot", token: TOKEN, apiUrl },
      sleep: virtualSleep().sleep,
      maxAttempts: 2,
    });
    const result = await client.send({ channel: "#inbound-leads" }, leadMessage(notice));
    expect(result).toMatchObject({ delivered: false, attempts: 2, retryable: true });
  });
});

describe("Slack incoming webhook", () => {
  it("posts to the webhook's channel and reads the plain `ok` answer", async () => {
    const s = await standin();
    const client = createSlackClient({ connection: { kind: "webhook", url: s.webhookUrl! } });
    const result = await client.send({ channel: null }, leadMessage({ ...notice, style: "calm" }));
    expect(result).toMatchObject({ delivered: true, attempts: 1 });
    expect(s.messages[0]).toMatchObject({ via: "webhook", channel: "#inbound-leads" });
    expect(s.messages[0]!.text).toContain("Added to your pipeline");
  });

  it("keeps the webhook URL, a secret, out of the failure it reports", async () => {
    const s = await standin();
    const url = `${s.apiUrl.replace(/\/api$/, "")}/services/T000/B000/WRONGsecretPART`;
    const client = createSlackClient({ connection: { kind: "webhook", url }, sleep: virtualSleep().sleep });
    const result = await client.send({ channel: null }, leadMessage(notice));
    expect(result).toEqual({ delivered: false, attempts: 1, retryable: false, error: "HTTP 404 no_service" });
    expect(JSON.stringify(result)).not.toContain("WRONGsecretPART");
  });
});
