import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Portal } from "../portal/portal";
import { ApiError, errorBody } from "./errors";
import { serverErrorMessage, type FaultInjector } from "./faults";
import { rateLimitBody, type RateLimiter } from "./rate-limiter";
import type { RequestLog, RequestLogEntry } from "./request-log";
import type { EmulatorControl, Router } from "./router";

const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** Everything one request goes through, assembled by `startEmulator`. */
export interface Pipeline {
  portal: Portal;
  router: Router;
  token: string;
  log: RequestLog;
  clock: () => number;
  control: EmulatorControl;
  limiter?: RateLimiter;
  faults?: FaultInjector;
  /** Writes the state file; called after any request that changed the portal. */
  persist?: () => Promise<void>;
  /**
   * A number that moves whenever persisted state changes (the portal's revision, plus what the
   * workflow executor keeps in the state file). Default: the portal's revision.
   */
  revision?: () => number;
}

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Compares in constant time, so that the token cannot be guessed from answer times. */
function tokenMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? "");
  return match !== null && timingSafeEqual(digest(match[1]!.trim()), digest(token));
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, "VALIDATION_ERROR", "Request body too large.");
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ApiError(400, "VALIDATION_ERROR", `Invalid input JSON: ${(error as Error).message}`);
  }
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  if (status === 204 || body === undefined) {
    response.writeHead(status);
    response.end();
    return;
  }
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "Content-Type": "application/json;charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
  });
  response.end(text);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The request handler: auth, rate limits, faults, the route, persistence, the log. */
export function handleRequest(pipeline: Pipeline) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const at = pipeline.clock();
    const method = request.method ?? "GET";
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const match = pipeline.router.match(method, url.pathname);
    const route = typeof match === "object" ? match : undefined;
    const endpoint = route ? route.endpoint : `${method} ${url.pathname}`;
    const entry: RequestLogEntry = {
      method,
      path: url.pathname,
      endpoint,
      status: 0,
      at,
      rateLimit: { verdict: "off" },
    };
    const headers: Record<string, string> = {};
    const answer = (status: number, body: unknown) => {
      entry.status = status;
      pipeline.log.record(entry);
      send(response, status, body, headers);
    };
    try {
      if (!tokenMatches(request.headers.authorization, pipeline.token)) {
        request.resume();
        const message = request.headers.authorization
          ? "The access token provided is invalid or has expired."
          : "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview";
        return answer(401, errorBody("INVALID_AUTHENTICATION", message));
      }
      if (match === undefined || match === "method-not-allowed") {
        request.resume();
        const status = match === undefined ? 404 : 405;
        return answer(
          status,
          errorBody(
            status === 404 ? "OBJECT_NOT_FOUND" : "VALIDATION_ERROR",
            `No ${method} endpoint at ${url.pathname}.`,
          ),
        );
      }
      const admin = match.route.admin === true;
      if (pipeline.limiter && !admin) {
        const verdict = pipeline.limiter.check(at, match.route.search === true);
        Object.assign(headers, verdict.headers);
        entry.rateLimit = verdict.limited ? { verdict: "limited", policy: verdict.limited } : { verdict: "allowed" };
        if (verdict.limited) {
          request.resume();
          return answer(429, rateLimitBody(verdict.limited, randomUUID()));
        }
      }
      const fault = pipeline.faults && !admin ? pipeline.faults.decide(endpoint) : undefined;
      if (fault) {
        entry.fault = fault.kind;
        if (fault.kind === "drop") {
          pipeline.log.record(entry);
          request.socket.destroy();
          return;
        }
        if (fault.kind === "5xx") {
          request.resume();
          if (fault.status === 503) Object.assign(headers, pipeline.faults?.retryAfter(at));
          const { category, message } = serverErrorMessage(fault.status);
          return answer(fault.status, errorBody(category, message));
        }
        if (fault.kind === "429" || fault.kind === "429-daily") {
          request.resume();
          Object.assign(headers, pipeline.faults?.retryAfter(at));
          const policy = fault.kind === "429" ? "TEN_SECONDLY_ROLLING" : "DAILY";
          return answer(429, rateLimitBody(policy, randomUUID()));
        }
        if (fault.kind === "slow") await sleep(fault.delayMs);
      }
      const body = await readBody(request);
      const revisionNow = pipeline.revision ?? (() => pipeline.portal.revision);
      const revision = revisionNow();
      const result = await match.route.handle({
        portal: pipeline.portal,
        params: match.params,
        objectType: match.objectType,
        query: url.searchParams,
        body,
        now: pipeline.clock(),
        control: pipeline.control,
      });
      if (pipeline.persist && revisionNow() !== revision) await pipeline.persist();
      if (fault?.kind === "applied") {
        // The write landed; the answer is lost on the way back, as a proxy's 502 would lose it.
        const { category, message } = serverErrorMessage(502);
        return answer(502, errorBody(category, message));
      }
      return answer(result.status, result.body);
    } catch (error) {
      if (error instanceof ApiError) {
        Object.assign(headers, error.extra.headers ?? {});
        return answer(error.status, error.body());
      }
      return answer(500, errorBody("INTERNAL_ERROR", `internal error: ${(error as Error).message ?? String(error)}`));
    }
  };
}
