/**
 * The two ways the adapter reaches HubSpot through the official client, both reduced to one
 * attempt outcome: generated API methods (with a per-call middleware that captures the status,
 * headers and error body of the HTTP exchange, whatever the client then does with it), and raw
 * `client.apiRequest` calls for the APIs the client has no methods for (flows, sequences).
 */
import type { Client } from "@hubspot/api-client";
import { networkDetail, normaliseHeaders, parseErrorBody, type AttemptOutcome, type ResponseHeaders } from "./attempt";
import type { CallRunner, CallSpec } from "./call-runner";

interface ResponseContextLike {
  httpStatusCode: number;
  headers: Record<string, string>;
  body: { text(): Promise<string> };
}

/** Per-call options accepted by every generated API method (`_options`). */
export interface GeneratedCallOptions {
  middleware: {
    pre<C>(context: C): Promise<C>;
    post<C extends ResponseContextLike>(context: C): Promise<C>;
  }[];
  middlewareMergeStrategy: "append";
}

/** A raw call's request; `query` values are sent as they are (never secrets). */
export interface RawRequest extends CallSpec {
  body?: unknown;
  query?: Record<string, string>;
}

/** A raw call's successful answer. `body` is `undefined` for empty bodies (204). */
export interface RawResponse<T> {
  status: number;
  body: T | undefined;
}

/** Everything an operation needs to call HubSpot. */
export interface HubSpotCalls {
  /** One generated-client call, limited, counted and retried. */
  generated<T>(spec: CallSpec, invoke: (options: GeneratedCallOptions) => Promise<T>): Promise<T>;
  /** One raw call through `client.apiRequest`, with our own status checks. */
  raw<T>(request: RawRequest): Promise<RawResponse<T>>;
  /** The runner, for operations that build their own errors (batch partial failures). */
  runner: CallRunner;
}

export function hubSpotCalls(client: Client, runner: CallRunner): HubSpotCalls {
  return {
    runner,
    generated: (spec, invoke) => runner.run(spec, () => generatedAttempt(invoke)),
    raw: <T>(request: RawRequest) => runner.run(request, () => rawAttempt<T>(client, request)),
  };
}

async function generatedAttempt<T>(invoke: (options: GeneratedCallOptions) => Promise<T>): Promise<AttemptOutcome<T>> {
  const seen: { status?: number; headers: ResponseHeaders; text: string } = { headers: {}, text: "" };
  const options: GeneratedCallOptions = {
    middlewareMergeStrategy: "append",
    middleware: [
      {
        pre: async (context) => context,
        post: async (context) => {
          seen.status = context.httpStatusCode;
          seen.headers = normaliseHeaders(context.headers);
          // The client's buffered body can be read twice; errors need the raw text because the
          // client's error model drops fields such as `policyName`.
          if (context.httpStatusCode >= 300) seen.text = await context.body.text().catch(() => "");
          return context;
        },
      },
    ],
  };
  try {
    const value = await invoke(options);
    return { ok: true, value, status: seen.status ?? 200, headers: seen.headers };
  } catch (error) {
    const network = networkDetail(error);
    if (seen.status === undefined || (seen.status < 300 && network)) {
      return { ok: false, failure: network ? { kind: "network", detail: network } : clientFailure(error) };
    }
    if (seen.status < 300) {
      const detail = `could not read the response: ${error instanceof Error ? error.message : "unknown error"}`;
      return { ok: false, failure: { kind: "unexpected", status: seen.status, headers: seen.headers, detail } };
    }
    return {
      ok: false,
      failure: {
        kind: "http",
        status: seen.status,
        headers: seen.headers,
        body: parseErrorBody(seen.text),
        text: seen.text,
      },
    };
  }
}

async function rawAttempt<T>(client: Client, request: RawRequest): Promise<AttemptOutcome<RawResponse<T>>> {
  let response: Response;
  let text: string;
  try {
    response = await client.apiRequest({
      method: request.method,
      path: request.path,
      ...(request.body === undefined ? {} : { body: request.body }),
      ...(request.query ? { qs: request.query } : {}),
    });
    text = await response.text();
  } catch (error) {
    const network = networkDetail(error);
    return { ok: false, failure: network ? { kind: "network", detail: network } : clientFailure(error) };
  }
  const headers = normaliseHeaders(response.headers);
  if (response.status < 200 || response.status >= 300) {
    return {
      ok: false,
      failure: { kind: "http", status: response.status, headers, body: parseErrorBody(text), text },
    };
  }
  if (!text.trim())
    return { ok: true, value: { status: response.status, body: undefined }, status: response.status, headers };
  try {
    return {
      ok: true,
      value: { status: response.status, body: JSON.parse(text) as T },
      status: response.status,
      headers,
    };
  } catch {
    return {
      ok: false,
      failure: { kind: "unexpected", status: response.status, headers, detail: "the response is not JSON" },
    };
  }
}

function clientFailure(error: unknown) {
  return { kind: "client" as const, detail: error instanceof Error ? error.message : "the request could not be made" };
}
