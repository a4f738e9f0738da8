/**
 * Starts the HubSpot emulator for adapter tests (127.0.0.1, random port) and builds adapters for
 * it. Every HTTP test of the adapter goes through the official client to this emulator.
 */
import { startEmulator, type EmulatorOptions, type RunningEmulator, type SeedRep } from "../../src/emulator";
import {
  createHubSpotAdapter,
  type HubSpotAdapter,
  type HubSpotAdapterOptions,
  type HubSpotRecord,
} from "../../src/hubspot";

/** A pinned "today" for generated data; nothing depends on the machine's clock. */
export const SEED_NOW = Date.parse("2026-11-27T12:00:00Z");

export const TEST_REPS: SeedRep[] = [
  { email: "ava.reed@acme.test", firstName: "Ava", lastName: "Reed", active: true, teams: ["AE NA"] },
  { email: "ben.ortiz@acme.test", firstName: "Ben", lastName: "Ortiz", active: true, teams: ["AE NA", "West"] },
  { email: "ivan.petrov@acme.test", firstName: "Ivan", lastName: "Petrov", active: false },
];

export async function emulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ token: "pat-test-0123456789abcdef", ...options });
}

export function adapterFor(running: RunningEmulator, options: Partial<HubSpotAdapterOptions> = {}): HubSpotAdapter {
  return createHubSpotAdapter({ accessToken: running.token, baseUrl: running.baseUrl, ...options });
}

export async function collect(records: AsyncIterable<HubSpotRecord>): Promise<HubSpotRecord[]> {
  const all: HubSpotRecord[] = [];
  for await (const record of records) all.push(record);
  return all;
}

/** Ids, sorted numerically, for set comparisons that also catch duplicates. */
export function sortedIds(records: { id: string }[]): string[] {
  return records.map((record) => record.id).sort((a, b) => Number(a) - Number(b));
}
