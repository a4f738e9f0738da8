/**
 * HubSpot's webhook payload for CRM property changes, and its v3 signature headers.
 *
 * Payload (HubSpot docs, "Webhooks API", event payloads; the legacy `contact.propertyChange`
 * subscription of a private or public app): a JSON array of events, at most 100 per request, each
 * `{ eventId, subscriptionId, portalId, appId, occurredAt, subscriptionType, attemptNumber,
 * objectId, propertyName, propertyValue, changeSource, sourceId? }`. `occurredAt` is epoch ms,
 * `objectId` a number, `propertyValue` a string (datetime values as epoch ms). HubSpot delivers at
 * least once, in no guaranteed order, and retries failed deliveries.
 *
 * Signature (HubSpot docs, "Validating requests from HubSpot", v3): `X-HubSpot-Signature-v3` is
 * the base64 HMAC SHA-256, keyed with the app secret, of method + URI + body + timestamp, with the
 * timestamp (epoch ms) in `X-HubSpot-Request-Timestamp`. The signing itself is the router's
 * (`signWebhookV3`, one place for both sides).
 */
import { signWebhookV3 } from "../../router/webhooks";
import type { ChangeSource } from "../portal/records";

export type WebhookSubscriptionType = "contact.propertyChange";

/** One event of a delivery, with HubSpot's field names. */
export interface WebhookEvent {
  eventId: number;
  subscriptionId: number;
  portalId: number;
  appId: number;
  occurredAt: number;
  subscriptionType: WebhookSubscriptionType;
  attemptNumber: number;
  objectId: number;
  propertyName: string;
  propertyValue: string;
  changeSource: string;
  sourceId?: string;
}

/**
 * HubSpot's `changeSource` for where the emulator's change came from. Workflow actions are
 * `AUTOMATION_PLATFORM` and API writes `INTEGRATION` in the payloads HubSpot shows (community
 * examples, unverified against a published enum).
 */
export function changeSourceOf(source: ChangeSource): string {
  switch (source) {
    case "emulator":
      return "AUTOMATION_PLATFORM";
    case "api":
      return "INTEGRATION";
    case "event":
      return "CRM";
    case "seed":
      return "IMPORT";
  }
}

/** The headers HubSpot sends with a delivery (v3 signature; the timestamp in epoch ms). */
export function signedHeaders(
  secret: string,
  targetUrl: string,
  body: string,
  timestamp: number,
): Record<string, string> {
  const stamp = String(timestamp);
  return {
    "content-type": "application/json",
    "x-hubspot-signature-v3": signWebhookV3(secret, "POST", targetUrl, body, stamp),
    "x-hubspot-request-timestamp": stamp,
    "x-hubspot-signature-version": "v3",
    "user-agent": "RouteOps HubSpot emulator (webhooks)",
  };
}
