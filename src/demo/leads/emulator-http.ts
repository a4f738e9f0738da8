/**
 * The demo's writes to the emulator over HTTP: creating contacts and companies (HubSpot's CRM
 * endpoints, as a form or an import would) and raising what happened to them through the
 * emulator's test-only endpoints (`/_emulator/events`, `/_emulator/enrollments`). Reads go through
 * the HubSpot adapter; these writes have no place there, because RouteOps itself never creates
 * leads in a portal.
 */
import { redactSecrets } from "../../secrets";

/** An answer that was not 2xx; the message names the endpoint and HubSpot's reason, never the token. */
export class EmulatorRequestError extends Error {
  override name = "EmulatorRequestError";
}

/** What the lead burst needs: one JSON request at a time, rate limits waited out. */
export interface EmulatorHttp {
  post<T>(path: string, body: unknown): Promise<T>;
  /** Requests sent, 429s included. */
  readonly requests: number;
}

/** Waits `ms` milliseconds. */
export type Sleep = (ms: number) => Promise<void>;

const MAX_ATTEMPTS = 20;

/** An emulator client on `baseUrl` with `token`; a 429 waits for the window the emulator names. */
export function emulatorHttp(baseUrl: string, token: string, sleep: Sleep): EmulatorHttp {
  let requests = 0;
  const post = async <T>(path: string, body: unknown): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      requests++;
      let response: Response;
      try {
        response = await fetch(`${baseUrl}${path}`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        });
      } catch (error) {
        throw new EmulatorRequestError(`POST ${path}: not answered (${redactSecrets(reason(error), [token])})`);
      }
      const text = await response.text();
      if (response.status === 429 && attempt < MAX_ATTEMPTS) {
        // HubSpot's ten-secondly window frees a slot as soon as the oldest request leaves it.
        await sleep(Number(response.headers.get("x-hubspot-ratelimit-interval-milliseconds")) > 1000 ? 1000 : 200);
        continue;
      }
      if (response.status < 200 || response.status > 299) {
        throw new EmulatorRequestError(
          `POST ${path}: HTTP ${response.status}: ${redactSecrets(hubSpotMessage(text), [token])}`,
        );
      }
      return (text === "" ? undefined : JSON.parse(text)) as T;
    }
  };
  return {
    post,
    get requests() {
      return requests;
    },
  };
}

function hubSpotMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { message?: unknown; errors?: { message?: unknown }[] };
    const details = (body.errors ?? []).map((e) => String(e.message ?? "")).filter((m) => m !== "");
    const message = typeof body.message === "string" ? body.message : "no message";
    return details.length > 0 ? `${message} (${details.slice(0, 3).join("; ")})` : message;
  } catch {
    return text.slice(0, 200) || "empty answer";
  }
}

function reason(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause?.code;
  return cause ?? (error instanceof Error ? error.message : String(error));
}
