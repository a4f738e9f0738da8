import { Client } from "@hubspot/api-client";
import { onTestFinished } from "vitest";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../../src/emulator";

/** A pinned, movable clock: tests never read the machine's time. */
export function pinnedClock(start = Date.parse("2026-11-27T12:00:00Z")) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

/** Parsed JSON answers come in many shapes; tests index into them freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/**
 * Starts an emulator that is closed after the test; rate limits off unless asked for. (The close
 * is registered on the test that started it, not by a hook at module scope: test files share
 * their worker's modules, and a module-scope hook would belong to the first file only.)
 */
export async function emulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const started = await startEmulator({ rateLimits: false, clock: pinnedClock().now, ...options });
  onTestFinished(() => started.close());
  return started;
}

/** The official client pointed at the emulator, without retries. */
export function client(emu: RunningEmulator, token = emu.token): Client {
  return new Client({ accessToken: token, basePath: emu.baseUrl, numberOfApiCallRetries: 1 });
}

/** Raw call, for endpoints the client has no API for; returns status, headers and parsed body. */
export async function call(
  emu: RunningEmulator,
  method: string,
  path: string,
  body?: unknown,
  token: string | null = emu.token,
): Promise<{ status: number; headers: Headers; body: Json }> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const response = await fetch(emu.baseUrl + path, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** The rejection of a client call, for asserting HubSpot's error answers. */
export async function failure(promise: Promise<unknown>): Promise<{ code: number; body: Json; headers: Json }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code?: number; body?: unknown; headers?: unknown };
    if (typeof e.code !== "number") throw error;
    return { code: e.code, body: typeof e.body === "string" ? JSON.parse(e.body) : e.body, headers: e.headers };
  }
  throw new Error("expected the call to fail");
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const REPS = [
  { email: "ava.reed@acme.test", firstName: "Ava", lastName: "Reed", active: true, teams: ["AE"] },
  { email: "ben.ortiz@acme.test", firstName: "Ben", lastName: "Ortiz", active: true, teams: ["AE"] },
  { email: "ivan.petrov@acme.test", firstName: "Ivan", lastName: "Petrov", active: false, teams: ["Outbound"] },
  { email: "jade.wilson@acme.test", firstName: "Jade", lastName: "Wilson", active: true, teams: ["Outbound", "AE"] },
];
