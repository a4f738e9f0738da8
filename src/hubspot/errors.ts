/**
 * The errors the HubSpot adapter raises. Every failure that leaves the adapter is a
 * `HubSpotError`: it says which call failed (method and path, never the query string), what
 * HubSpot answered (status, message, category, correlation id) and how many attempts were made.
 * It never holds the access token, the raw client exception or the request headers.
 */
import { RouteOpsError } from "../errors";

/** Stable, machine-readable kind of failure (snake_case, for the CLI and JSON output). */
export type HubSpotErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "flow_revision_conflict"
  | "rate_limited"
  | "server_error"
  | "network_error"
  | "unexpected_response"
  | "partial_failure"
  | "invalid_request"
  | "http_error"
  /** The command's total deadline passed before the call could finish. */
  | "deadline_exceeded"
  /** HubSpot asked to wait longer (`Retry-After`) than RouteOps waits for one call. */
  | "retry_after_too_long";

/** One item of HubSpot's `errors` array (or of a batch response's errors). */
export interface HubSpotErrorDetail {
  message: string;
  code?: string;
  /** For batch errors: the inputs (names, ids) the item is about. */
  context?: Record<string, string[]>;
}

/** What is known about a failed call; everything here is already scrubbed of secrets. */
export interface HubSpotErrorInit {
  code: HubSpotErrorCode;
  method: string;
  /** Path without query string, for example `/crm/v3/properties/contacts/routeops_rule`. */
  path: string;
  /** HTTP status, or `null` when no response arrived (network error, dropped connection). */
  status: number | null;
  /** HubSpot's own `message`, or a description of the network failure. */
  hubspotMessage?: string;
  category?: string;
  subCategory?: string;
  correlationId?: string;
  details?: HubSpotErrorDetail[];
  /** Number of HTTP attempts made before giving up; 0 when the request was refused before sending. */
  attempts: number;
}

/** A HubSpot call that failed for good (after retries, when the failure was retryable). */
export class HubSpotError extends RouteOpsError {
  override name = "HubSpotError";
  declare readonly code: HubSpotErrorCode;
  readonly method: string;
  readonly path: string;
  readonly status: number | null;
  readonly hubspotMessage: string | undefined;
  readonly category: string | undefined;
  readonly subCategory: string | undefined;
  readonly correlationId: string | undefined;
  readonly details: HubSpotErrorDetail[];
  readonly attempts: number;

  constructor(init: HubSpotErrorInit) {
    super(init.code, describe(init));
    this.method = init.method;
    this.path = init.path;
    this.status = init.status;
    this.hubspotMessage = init.hubspotMessage;
    this.category = init.category;
    this.subCategory = init.subCategory;
    this.correlationId = init.correlationId;
    this.details = init.details ?? [];
    this.attempts = init.attempts;
  }

  /** A plain object for JSON output and logs (same fields, no stack). */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      method: this.method,
      path: this.path,
      status: this.status,
      hubspotMessage: this.hubspotMessage,
      category: this.category,
      subCategory: this.subCategory,
      correlationId: this.correlationId,
      details: this.details,
      attempts: this.attempts,
    };
  }
}

/**
 * `replaceFlow` was refused because the flow changed in HubSpot since it was read (the
 * `revisionId` sent is no longer current). Re-read the flow, re-plan, then replace again.
 */
export class FlowRevisionConflictError extends HubSpotError {
  override name = "FlowRevisionConflictError";
  readonly flowId: string;
  /** The revision the replace was based on. */
  readonly expectedRevisionId: string;

  constructor(init: HubSpotErrorInit & { flowId: string; expectedRevisionId: string }) {
    super({ ...init, code: "flow_revision_conflict" });
    this.flowId = init.flowId;
    this.expectedRevisionId = init.expectedRevisionId;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), flowId: this.flowId, expectedRevisionId: this.expectedRevisionId };
  }
}

function describe(init: HubSpotErrorInit): string {
  const what = `HubSpot ${init.method} ${init.path} failed`;
  const status = init.attempts === 0 ? "not sent" : init.status === null ? "no response" : `HTTP ${init.status}`;
  const category = init.category ? ` ${init.category}` : "";
  const message = init.hubspotMessage ? `: ${init.hubspotMessage}` : "";
  const details = (init.details ?? [])
    .slice(0, 5)
    .map((detail) => detail.message)
    .filter((text) => text && text !== init.hubspotMessage);
  const more = details.length > 0 ? ` (${details.join("; ")})` : "";
  const correlation = init.correlationId ? ` [correlationId ${init.correlationId}]` : "";
  const attempts = init.attempts > 1 ? ` after ${init.attempts} attempts` : "";
  return `${what} (${status}${category})${message}${more}${correlation}${attempts}`;
}
