/**
 * The router's HTTP face: HubSpot webhooks in, health, readiness, Prometheus metrics and the
 * decision log behind a bearer token. Binds 127.0.0.1 unless told otherwise; bodies are limited.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { timingSafeEqual } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { RouterMetrics } from "./metrics";
import type { LoggedDecision } from "./store";
import {
  MAX_WEBHOOK_AGE_MS,
  parseDelivery,
  verifyWebhookV3,
  WebhookPayloadError,
  type WebhookRequest,
} from "./webhooks";

export interface RouterHttpOptions {
  host: string;
  port: number;
  /** Base URL HubSpot calls (scheme and host, as in the webhook subscription's target URL); signs the URI. */
  publicUrl?: string;
  webhookSecret?: string;
  apiToken?: string;
  maxBodyBytes: number;
  now: () => number;
  metrics: RouterMetrics;
  learn: (requests: WebhookRequest[]) => Promise<void>;
  ready: () => Promise<boolean>;
  renderMetrics: () => Promise<string>;
  decisions: (contact: string) => Promise<LoggedDecision[]>;
}

export interface RouterHttp {
  url: string;
  close(): Promise<void>;
}

class BodyTooLarge extends Error {}

function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers["content-length"] ?? "0");
    if (declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown, type = "application/json"): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  response.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(text) });
  response.end(text);
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function tokenMatches(given: string | undefined, expected: string): boolean {
  const prefix = "Bearer ";
  if (!given || !given.startsWith(prefix)) return false;
  const a = Buffer.from(given.slice(prefix.length));
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startRouterHttp(options: RouterHttpOptions): Promise<RouterHttp> {
  // Signatures seen in the last 5 minutes: a second delivery with the same one is a replay.
  const seen = new Map<string, number>();
  const forget = (now: number) => {
    for (const [signature, at] of seen) if (now - at > MAX_WEBHOOK_AGE_MS) seen.delete(signature);
  };

  async function webhook(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!options.webhookSecret) {
      send(response, 404, { message: "Webhooks are not configured: set ROUTEOPS_WEBHOOK_SECRET." });
      return;
    }
    const body = await readBody(request, options.maxBodyBytes);
    const now = options.now();
    const signature = header(request, "x-hubspot-signature-v3");
    const base = options.publicUrl?.replace(/\/+$/, "") ?? `http://${header(request, "host") ?? "127.0.0.1"}`;
    const verdict = verifyWebhookV3({
      secret: options.webhookSecret,
      method: request.method ?? "POST",
      uri: base + (request.url ?? "/"),
      body,
      signature,
      timestamp: header(request, "x-hubspot-request-timestamp"),
      now,
    });
    if (verdict !== "ok") {
      options.metrics.countWebhook(verdict === "missing" ? "missing_signature" : verdict);
      send(response, 401, { message: `Webhook refused: ${verdict === "missing" ? "no v3 signature" : verdict}.` });
      return;
    }
    forget(now);
    if (seen.has(signature!)) {
      options.metrics.countWebhook("replayed");
      send(response, 401, { message: "Webhook refused: replayed." });
      return;
    }
    seen.set(signature!, now);
    let requests: WebhookRequest[];
    try {
      requests = parseDelivery(body).requests;
    } catch (error) {
      if (!(error instanceof WebhookPayloadError)) throw error;
      options.metrics.countWebhook("malformed");
      send(response, 400, { message: `Webhook payload refused: ${error.message}.` });
      return;
    }
    await options.learn(requests);
    options.metrics.countWebhook("accepted");
    send(response, 200, { accepted: requests.length });
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://router.invalid");
    const method = request.method ?? "GET";
    if (url.pathname === "/webhooks/hubspot" && method === "POST") return webhook(request, response);
    if (url.pathname === "/healthz" && method === "GET") return send(response, 200, "ok\n", "text/plain");
    if (url.pathname === "/readyz" && method === "GET") {
      const ready = await options.ready().catch(() => false);
      return send(response, ready ? 200 : 503, ready ? "ready\n" : "not ready\n", "text/plain");
    }
    if (url.pathname === "/metrics" && method === "GET") {
      return send(response, 200, await options.renderMetrics(), "text/plain; version=0.0.4");
    }
    const decision = /^\/decisions\/([^/]+)$/.exec(url.pathname);
    if (decision && method === "GET") {
      if (!options.apiToken)
        return send(response, 404, { message: "The decision endpoint needs ROUTEOPS_ROUTER_TOKEN." });
      if (!tokenMatches(header(request, "authorization"), options.apiToken)) {
        return send(response, 401, { message: "A valid bearer token is required." });
      }
      const contact = decodeURIComponent(decision[1]!);
      return send(response, 200, { contact, decisions: await options.decisions(contact) });
    }
    send(response, 404, { message: `No route for ${method} ${url.pathname}.` });
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof BodyTooLarge) {
        send(response, 413, { message: `The body is larger than ${options.maxBodyBytes} bytes.` });
        return;
      }
      // Never echo internals (they may hold the connection string): a fixed message.
      if (!response.headersSent) send(response, 500, { message: "Internal error; see the router's log." });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
