/**
 * HubSpot webhooks, v3 signature and `contact.propertyChange` payloads.
 *
 * Signature (HubSpot docs, "Validating requests from HubSpot", v3; changelog "Introducing version
 * 3 of webhook signatures"): `X-HubSpot-Signature-v3` is the base64 HMAC SHA-256, keyed with the
 * app's client secret, of the UTF-8 string method + URI + body + timestamp, where the timestamp
 * is the `X-HubSpot-Request-Timestamp` header (epoch ms); requests whose timestamp is older than
 * 5 minutes are to be rejected. The URI is the full URL HubSpot called (scheme, host, path,
 * query).
 *
 * Payload (HubSpot docs, "Webhooks API", event payloads): a JSON array of up to 100 events, each
 * with `objectId`, `propertyName`, `propertyValue`, `subscriptionType` ("contact.propertyChange"),
 * `occurredAt`, `eventId`, `subscriptionId`, `portalId`, `attemptNumber`, `changeSource`. Delivery
 * is at least once and in no particular order.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { MANAGED_PROPERTIES } from "../deploy/managed-names";
import { portalInstant } from "../simulate/portal-sample";

/** HubSpot refuses to have requests trusted that are older than this (docs: 5 minutes). */
export const MAX_WEBHOOK_AGE_MS = 5 * 60 * 1000;

/** Computes the v3 signature: what HubSpot sends and what tests and the emulator sign with. */
export function signWebhookV3(secret: string, method: string, uri: string, body: string, timestamp: string): string {
  return createHmac("sha256", secret).update(`${method}${uri}${body}${timestamp}`, "utf8").digest("base64");
}

export type SignatureVerdict = "ok" | "missing" | "forged" | "stale";

/**
 * Checks a delivery: the signature must match and the timestamp must be within 5 minutes of `now`
 * (either side: a timestamp from the future is as suspicious as an old one).
 */
export function verifyWebhookV3(input: {
  secret: string;
  method: string;
  uri: string;
  body: string;
  signature: string | undefined;
  timestamp: string | undefined;
  now: number;
}): SignatureVerdict {
  if (!input.signature || !input.timestamp) return "missing";
  const expected = Buffer.from(signWebhookV3(input.secret, input.method, input.uri, input.body, input.timestamp));
  const given = Buffer.from(input.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return "forged";
  const at = Number(input.timestamp);
  if (!Number.isFinite(at) || Math.abs(input.now - at) > MAX_WEBHOOK_AGE_MS) return "stale";
  return "ok";
}

/** A routing request learnt from a webhook event. */
export interface WebhookRequest {
  contactId: string;
  requestedAt: number;
  eventId: string | null;
  /** When HubSpot changed the property (`occurredAt`, epoch ms), or null when absent. */
  changedAt: number | null;
}

export interface ParsedDelivery {
  requests: WebhookRequest[];
  /** Events about something else (other properties, other subscription types, cleared values). */
  ignored: number;
}

/** Thrown for a body that is not HubSpot's payload; the message says what was expected where. */
export class WebhookPayloadError extends Error {
  override name = "WebhookPayloadError";
}

/** Reads the routing requests out of a delivery (`routeops_route_requested_at` changes). */
export function parseDelivery(body: string): ParsedDelivery {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new WebhookPayloadError("the body is not JSON (expected an array of webhook events)");
  }
  if (!Array.isArray(parsed)) throw new WebhookPayloadError("the body must be a JSON array of webhook events");
  const requests: WebhookRequest[] = [];
  let ignored = 0;
  parsed.forEach((event: unknown, index) => {
    if (typeof event !== "object" || event === null) {
      throw new WebhookPayloadError(`event [${index}] must be an object`);
    }
    const e = event as Record<string, unknown>;
    const type = e.subscriptionType;
    if (type !== "contact.propertyChange" && !(type === "object.propertyChange" && e.objectTypeId === "0-1")) {
      ignored++;
      return;
    }
    if (e.propertyName !== MANAGED_PROPERTIES.routeRequestedAt) {
      ignored++;
      return;
    }
    const objectId = e.objectId;
    if ((typeof objectId !== "number" && typeof objectId !== "string") || String(objectId).trim() === "") {
      throw new WebhookPayloadError(`event [${index}].objectId must be the contact id`);
    }
    const value = typeof e.propertyValue === "string" ? e.propertyValue.trim() : undefined;
    const requestedAt = portalInstant(value === "" ? undefined : value);
    if (requestedAt === null) {
      // Cleared, or not a date: nothing to route.
      ignored++;
      return;
    }
    requests.push({
      contactId: String(objectId),
      requestedAt,
      eventId: e.eventId === undefined || e.eventId === null ? null : String(e.eventId),
      changedAt: typeof e.occurredAt === "number" && Number.isFinite(e.occurredAt) ? e.occurredAt : null,
    });
  });
  return { requests, ignored };
}
