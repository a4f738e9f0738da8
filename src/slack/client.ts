/**
 * The Slack adapter: posts Block Kit messages with a bot token (`chat.postMessage`) or to an
 * incoming webhook, retrying what can succeed later (network errors, HTTP 429 with its
 * Retry-After, 5xx) and never throwing: every send resolves to a delivery result, so that a
 * notification that fails can be recorded and retried later but never blocks or loses a routing
 * decision. The token and the webhook URL (itself a secret) never appear in a result.
 *
 * Contract (Slack's docs):
 * - chat.postMessage: `POST {api}/chat.postMessage`, `Authorization: Bearer <token>`, JSON body
 *   `{ channel, text, blocks }`; HTTP 200 with `{ ok: true, channel, ts }` or `{ ok: false,
 *   error }` (for example `channel_not_found`, `not_in_channel`, `invalid_auth`). Rate limited
 *   calls answer HTTP 429 with `Retry-After` in seconds.
 *   https://docs.slack.dev/reference/methods/chat.postMessage, https://docs.slack.dev/apis/web-api/rate-limits
 * - Incoming webhooks: `POST <webhook URL>` with JSON `{ text, blocks }`; HTTP 200 and body `ok`,
 *   or an HTTP error with a short text body (`invalid_payload` 400, `no_service` 404,
 *   `channel_is_archived` 410, ...). https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks
 */
import type { SlackMessage } from "../notifications/message";
import { createRedactor } from "../secrets";

/** How to reach Slack. */
export type SlackConnection =
  { kind: "bot"; token: string; apiUrl?: string; defaultChannel?: string } | { kind: "webhook"; url: string };

export interface SlackClientOptions {
  connection: SlackConnection;
  /** Attempts per message, the first included. Default 4. */
  maxAttempts?: number;
  /** Waits between attempts (injected so tests use a virtual clock). Default: real timers. */
  sleep?: (ms: number) => Promise<void>;
  /** Backoff before attempt n+1 when the answer gives none (ms). Default 500 * 2^(n-1), at most 30 s. */
  backoffMs?: (attempt: number) => number;
  /** Per-request time limit. Default 10 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** Where a message goes: a channel (`#name` or id) or a member id for a direct message (bot only). */
export interface SlackDestination {
  channel: string | null;
}

export type DeliveryResult =
  | { delivered: true; attempts: number; channel: string | null; ts: string | null }
  | { delivered: false; attempts: number; retryable: boolean; error: string };

export interface SlackClient {
  readonly kind: "bot" | "webhook";
  send(destination: SlackDestination, message: SlackMessage): Promise<DeliveryResult>;
}

const PERMANENT_BOT_ERRORS = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "invalid_auth",
  "not_authed",
  "account_inactive",
  "token_revoked",
  "missing_scope",
  "invalid_blocks",
  "invalid_blocks_format",
  "msg_too_long",
  "no_text",
  "too_many_attachments",
  "restricted_action",
]);

interface Attempt {
  ok: boolean;
  retryable: boolean;
  error: string;
  retryAfterMs: number | null;
  channel: string | null;
  ts: string | null;
}

function retryAfter(headers: Headers): number | null {
  const raw = headers.get("retry-after");
  if (raw === null) return null;
  const seconds = Number(raw);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, 300) * 1000 : null;
}

/** A Slack client over HTTP. Construct it once (the CLI does, from the environment) and pass it in. */
export function createSlackClient(options: SlackClientOptions): SlackClient {
  const { connection } = options;
  const doFetch = options.fetch ?? fetch;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 4);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const backoff = options.backoffMs ?? ((n: number) => Math.min(30_000, 500 * 2 ** (n - 1)));
  const timeoutMs = options.timeoutMs ?? 10_000;
  const scrub = createRedactor([connection.kind === "bot" ? connection.token : connection.url]);

  async function once(destination: SlackDestination, message: SlackMessage): Promise<Attempt> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      if (connection.kind === "webhook") {
        const response = await doFetch(connection.url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ text: message.text, blocks: message.blocks }),
          signal: controller.signal,
        });
        const body = (await response.text()).trim().slice(0, 200);
        if (response.ok) return { ok: true, retryable: false, error: "", retryAfterMs: null, channel: null, ts: null };
        const retryable = response.status === 429 || response.status >= 500;
        return {
          ok: false,
          retryable,
          error: `HTTP ${response.status}${body ? ` ${body}` : ""}`,
          retryAfterMs: retryAfter(response.headers),
          channel: null,
          ts: null,
        };
      }
      const base = (connection.apiUrl ?? "https://slack.com/api").replace(/\/+$/, "");
      const channel = destination.channel ?? connection.defaultChannel ?? null;
      if (channel === null) {
        return {
          ok: false,
          retryable: false,
          error: "no channel to post to",
          retryAfterMs: null,
          channel: null,
          ts: null,
        };
      }
      const response = await doFetch(`${base}/chat.postMessage`, {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8", authorization: `Bearer ${connection.token}` },
        body: JSON.stringify({ channel, text: message.text, blocks: message.blocks }),
        signal: controller.signal,
      });
      if (response.status === 429 || response.status >= 500) {
        return {
          ok: false,
          retryable: true,
          error: `HTTP ${response.status}`,
          retryAfterMs: retryAfter(response.headers),
          channel,
          ts: null,
        };
      }
      const payload = (await response.json().catch(() => null)) as {
        ok?: unknown;
        error?: unknown;
        channel?: unknown;
        ts?: unknown;
      } | null;
      if (payload && payload.ok === true) {
        return {
          ok: true,
          retryable: false,
          error: "",
          retryAfterMs: null,
          channel: typeof payload.channel === "string" ? payload.channel : channel,
          ts: typeof payload.ts === "string" ? payload.ts : null,
        };
      }
      const error =
        payload && typeof payload.error === "string" ? payload.error : `HTTP ${response.status}, no Slack answer`;
      return {
        ok: false,
        retryable: !PERMANENT_BOT_ERRORS.has(error) && error !== "",
        error,
        retryAfterMs: error === "ratelimited" ? retryAfter(response.headers) : null,
        channel,
        ts: null,
      };
    } catch (error) {
      const words = controller.signal.aborted ? `no answer within ${timeoutMs} ms` : (error as Error).message;
      return { ok: false, retryable: true, error: words, retryAfterMs: null, channel: null, ts: null };
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    kind: connection.kind,
    async send(destination, message) {
      let last: Attempt | null = null;
      for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        last = await once(destination, message);
        if (last.ok) return { delivered: true, attempts: attempt, channel: last.channel, ts: last.ts };
        if (!last.retryable || attempt === maxAttempts) {
          return { delivered: false, attempts: attempt, retryable: last.retryable, error: scrub(last.error) };
        }
        await sleep(last.retryAfterMs ?? backoff(attempt));
      }
      return { delivered: false, attempts: maxAttempts, retryable: true, error: scrub(last?.error ?? "not sent") };
    },
  };
}

/**
 * The connection the environment asks for: `SLACK_BOT_TOKEN` (with `SLACK_API_URL` to point at a
 * stand-in, `SLACK_CHANNEL` as the default channel) or `SLACK_WEBHOOK_URL`; null when neither.
 * Only the CLI calls this; the pure core never reads the environment.
 */
export function slackConnectionFromEnv(env: Record<string, string | undefined>): SlackConnection | null {
  const token = env.SLACK_BOT_TOKEN?.trim();
  if (token) {
    return {
      kind: "bot",
      token,
      ...(env.SLACK_API_URL?.trim() ? { apiUrl: env.SLACK_API_URL.trim() } : {}),
      ...(env.SLACK_CHANNEL?.trim() ? { defaultChannel: env.SLACK_CHANNEL.trim() } : {}),
    };
  }
  const url = env.SLACK_WEBHOOK_URL?.trim();
  return url ? { kind: "webhook", url } : null;
}
