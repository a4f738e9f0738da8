/**
 * One HTTP attempt, as the call runner sees it: either a value, or a failure described well
 * enough to decide whether to retry and to build a `HubSpotError`. Generated-client calls and raw
 * `apiRequest` calls both end up in this shape, so that one retry policy covers them all.
 */

/** Response headers, names lower-cased. */
export type ResponseHeaders = Record<string, string>;

/** HubSpot's error body; every field is optional in practice. */
export interface HubSpotErrorBody {
  status?: string;
  message?: string;
  correlationId?: string;
  category?: string;
  subCategory?: string;
  policyName?: string;
  errorType?: string;
  errors?: { message?: string; code?: string; context?: Record<string, string[]> }[];
}

export type AttemptFailure =
  /** HubSpot (or something in front of it) answered with a non-2xx status. */
  | { kind: "http"; status: number; headers: ResponseHeaders; body: HubSpotErrorBody | undefined; text: string }
  /** No complete response: refused, reset, dropped mid-body. Safe to retry for reads. */
  | { kind: "network"; detail: string }
  /** A 2xx whose body could not be understood. */
  | { kind: "unexpected"; status: number; headers: ResponseHeaders; detail: string }
  /** The request could not even be built (bad argument, invalid header value). */
  | { kind: "client"; detail: string };

export type AttemptOutcome<T> =
  { ok: true; value: T; status: number; headers: ResponseHeaders } | { ok: false; failure: AttemptFailure };

/** Parses an error body when it is JSON; HTML from a proxy gives `undefined`. */
export function parseErrorBody(text: string): HubSpotErrorBody | undefined {
  if (!text) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as HubSpotErrorBody)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Lower-cases header names (fetch already does; the client's buffered responses may not). */
export function normaliseHeaders(headers: Record<string, string> | Headers | undefined): ResponseHeaders {
  const result: ResponseHeaders = {};
  if (!headers) return result;
  if (typeof (headers as Headers).forEach === "function" && typeof (headers as Headers).get === "function") {
    (headers as Headers).forEach((value, name) => {
      result[name.toLowerCase()] = value;
    });
    return result;
  }
  for (const [name, value] of Object.entries(headers as Record<string, string>)) result[name.toLowerCase()] = value;
  return result;
}

/**
 * Describes a thrown error that came from fetch/undici without a response: `fetch failed`
 * (refused, reset before headers) or `terminated` (dropped mid-body), with the socket cause.
 */
export function networkDetail(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const cause = (error as { cause?: unknown }).cause;
  const causeCode = cause && typeof cause === "object" ? (cause as { code?: unknown }).code : undefined;
  const causeMessage = cause instanceof Error ? cause.message : undefined;
  const looksLikeNetwork =
    (error.name === "TypeError" && (error.message === "fetch failed" || error.message === "terminated")) ||
    error.name === "AbortError" ||
    typeof causeCode === "string";
  if (!looksLikeNetwork) return undefined;
  const parts = [error.message, causeMessage, typeof causeCode === "string" ? causeCode : undefined];
  return parts.filter((part, index) => part && parts.indexOf(part) === index).join(": ");
}
