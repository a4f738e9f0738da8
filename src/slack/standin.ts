/**
 * A local stand-in for the two Slack endpoints RouteOps posts to, over real HTTP on 127.0.0.1 and
 * a random port: the Web API's `chat.postMessage` (bearer token, JSON body, `{ ok, channel, ts,
 * message }` or `{ ok: false, error }`, HTTP 429 with Retry-After when rate limited) and incoming
 * webhooks (`POST /services/...`, body `ok`, or `invalid_payload` / `no_service` with HTTP 400 /
 * 404). The shapes follow Slack's docs (see src/slack/client.ts). It keeps every message it
 * accepted, so the demo can show one and tests can read them. No Slack account is involved.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A message the stand-in accepted. */
export interface StandinSlackMessage {
  via: "chat.postMessage" | "webhook";
  channel: string;
  text: string;
  blocks: unknown[];
  ts: string;
}

export interface SlackStandinOptions {
  /** The bot token chat.postMessage accepts. */
  token: string;
  /** The webhook path (`/services/T.../B.../...`) and the channel it posts to. */
  webhook?: { path: string; channel: string };
  /** Channels that exist (names with `#`, ids, or member ids for direct messages). Default: any. */
  channels?: string[];
}

export interface SlackStandin {
  /** Base of the Web API, for SLACK_API_URL: `http://127.0.0.1:PORT/api`. */
  apiUrl: string;
  /** The incoming webhook URL, when configured. */
  webhookUrl: string | null;
  messages: StandinSlackMessage[];
  /** Every request, with the Authorization header as received. */
  requests: { path: string; authorization: string | undefined; body: string }[];
  /** The next `count` requests answer `status` (429 with `Retry-After: retryAfterSeconds`). */
  failNext(count: number, status: number, retryAfterSeconds?: number): void;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  response.end(JSON.stringify(body));
}

function textReply(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  response.end(body);
}

/** Slack accepts `text` or `blocks` (an array of objects with a `type`); anything else is invalid. */
function validPayload(body: unknown): body is { text?: string; blocks?: { type: string }[] } {
  if (typeof body !== "object" || body === null) return false;
  const { text, blocks } = body as { text?: unknown; blocks?: unknown };
  const hasText = typeof text === "string" && text.trim() !== "";
  if (blocks !== undefined) {
    if (!Array.isArray(blocks) || blocks.length > 50) return false;
    if (!blocks.every((b) => typeof b === "object" && b !== null && typeof (b as { type?: unknown }).type === "string"))
      return false;
  }
  return hasText || (Array.isArray(blocks) && blocks.length > 0);
}

/** Starts the stand-in. Close it when done. */
export async function startSlackStandin(options: SlackStandinOptions): Promise<SlackStandin> {
  const messages: StandinSlackMessage[] = [];
  const requests: SlackStandin["requests"] = [];
  const failures: { status: number; retryAfter?: number }[] = [];
  let counter = 0;
  const nextTs = () => `${1_700_000_000 + ++counter}.${String(counter).padStart(6, "0")}`;
  const known = options.channels ? new Set(options.channels) : null;

  const server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const path = (request.url ?? "/").split("?")[0]!;
      requests.push({ path, authorization: request.headers.authorization, body });
      const failure = failures.shift();
      if (failure) {
        const headers: Record<string, string> = { "content-type": "text/plain" };
        if (failure.retryAfter !== undefined) headers["retry-after"] = String(failure.retryAfter);
        response.writeHead(failure.status, headers);
        response.end(failure.status === 429 ? "rate_limited" : "internal_error");
        return;
      }
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(body);
      } catch {
        parsed = null;
      }
      if (request.method === "POST" && path === "/api/chat.postMessage") {
        if (request.headers.authorization !== `Bearer ${options.token}`) {
          json(response, 200, { ok: false, error: request.headers.authorization ? "invalid_auth" : "not_authed" });
          return;
        }
        const channel = (parsed as { channel?: unknown } | null)?.channel;
        if (typeof channel !== "string" || channel.trim() === "") {
          json(response, 200, { ok: false, error: "channel_not_found" });
          return;
        }
        if (known && !known.has(channel)) {
          json(response, 200, { ok: false, error: "channel_not_found" });
          return;
        }
        if (!validPayload(parsed)) {
          json(response, 200, { ok: false, error: "invalid_blocks" });
          return;
        }
        const ts = nextTs();
        const message = {
          via: "chat.postMessage" as const,
          channel,
          text: parsed.text ?? "",
          blocks: parsed.blocks ?? [],
          ts,
        };
        messages.push(message);
        json(response, 200, { ok: true, channel, ts, message: { type: "message", text: message.text, ts } });
        return;
      }
      if (request.method === "POST" && options.webhook && path === options.webhook.path) {
        if (!validPayload(parsed)) {
          textReply(response, 400, "invalid_payload");
          return;
        }
        messages.push({
          via: "webhook",
          channel: options.webhook.channel,
          text: parsed.text ?? "",
          blocks: parsed.blocks ?? [],
          ts: nextTs(),
        });
        textReply(response, 200, "ok");
        return;
      }
      if (path.startsWith("/services/")) {
        textReply(response, 404, "no_service");
        return;
      }
      json(response, 404, { ok: false, error: "unknown_method" });
    })().catch(() => {
      if (!response.headersSent) textReply(response, 500, "internal_error");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    apiUrl: `${base}/api`,
    webhookUrl: options.webhook ? `${base}${options.webhook.path}` : null,
    messages,
    requests,
    failNext(count, status, retryAfterSeconds) {
      for (let i = 0; i < count; i++)
        failures.push({ status, ...(retryAfterSeconds !== undefined ? { retryAfter: retryAfterSeconds } : {}) });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
