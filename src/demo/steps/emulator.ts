/** The local HubSpot portal the demo works on: the emulator, seeded from the routing config. */
import type { RoutingConfig } from "../../config/types";
import { seedFromRouting, startEmulator, type RunningEmulator, type SeedRep } from "../../emulator";
import { count, type StepOutcome } from "./step";

/** How the portal is seeded. */
export interface EmulatorStepOptions {
  config: RoutingConfig;
  /** Generated contacts (history for the audit). */
  contacts: number;
  /** Seed of the generator: the same seed gives the same portal. */
  seed: number;
  /** Owners besides the config's reps (people the leads name who are no rep). */
  otherOwners: SeedRep[];
  /** The emulator's time. */
  clock: () => number;
  /** The token clients must send; generated when absent. */
  token?: string;
}

/** Starts the emulator; the outcome says what the portal holds. */
export async function emulatorStep(
  options: EmulatorStepOptions,
): Promise<{ outcome: StepOutcome; emulator?: RunningEmulator }> {
  const seed = seedFromRouting(options.config, {
    contacts: options.contacts,
    seed: options.seed,
    now: options.clock(),
  });
  seed.reps = [...seed.reps, ...options.otherOwners];
  let emulator: RunningEmulator;
  try {
    emulator = await startEmulator({
      seed,
      clock: options.clock,
      ...(options.token !== undefined ? { token: options.token } : {}),
    });
  } catch (error) {
    return { outcome: { status: "failed", summary: `the emulator did not start: ${(error as Error).message}` } };
  }
  const { portal } = emulator;
  const owners = portal.owners.list();
  const deactivated = owners.filter((o) => o.archived).length;
  return {
    emulator,
    outcome: {
      status: "ok",
      summary:
        `HubSpot emulator at ${emulator.baseUrl}: ${count(owners.length)} owners (${deactivated} deactivated), ` +
        `${count(portal.contacts.size)} contacts, ${count(portal.companies.size)} companies, ` +
        `${count(portal.flows.list().length)} workflows`,
      details: [
        `owners from routing/ reps, plus ${options.otherOwners.length} people the leads name who are no rep; HubSpot's rate limits on`,
      ],
      figures: {
        owners: owners.length,
        deactivatedOwners: deactivated,
        contacts: portal.contacts.size,
        companies: portal.companies.size,
      },
    },
  };
}
