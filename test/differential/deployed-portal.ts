/**
 * An emulator portal with the reference owners and `routing/` deployed to it the real way:
 * `routeops deploy` (in process, over HTTP through the HubSpot adapter: it plans against the
 * portal and applies the group, the properties, the flows created disabled, then enabled). Before
 * a fixture of another date it deploys again for that date, which changes the rotation lists when
 * absences start or end: "deploy daily" is what warning out_of_office_by_deploy_date asks for.
 */
import { deployCommand } from "../../src/cli/commands/deploy";
import type { CliIO } from "../../src/cli/io";
import type { DeployMode, RoutingConfig } from "../../src/config/types";
import { desiredState, type DeployWarning, type DesiredState, type OwnerDirectory } from "../../src/deploy";
import { startEmulator, seedFromRouting } from "../../src/emulator";
import type { WebhookOptions } from "../../src/emulator/webhooks/delivery";
import type { Owner, RunningEmulator } from "../../src/emulator";
import { loadAndValidate } from "../../src/files/config-loader";
import { createHubSpotAdapter, type HubSpotAdapter } from "../../src/hubspot";
import { instantTime } from "../support/instant-time";
import { referenceProject } from "../support/reference";

/** The reference config, validated. */
export function referenceConfig(): RoutingConfig {
  const loaded = loadAndValidate("routing/index.ts", { cwd: referenceProject });
  if (!loaded.config) throw new Error(`routing/ does not validate: ${JSON.stringify(loaded.diagnostics)}`);
  return loaded.config;
}

/** A clock the replay moves to each fixture's instants. */
export class ReplayClock {
  private current: number;
  constructor(start: number) {
    this.current = start;
  }
  readonly now = (): number => this.current;
  set(at: number): void {
    this.current = at;
  }
}

/** The emulator, the adapter pointed at it, and what is deployed. */
export interface DeployedPortal {
  emulator: RunningEmulator;
  hubspot: HubSpotAdapter;
  clock: ReplayClock;
  config: RoutingConfig;
  /** The desired state last deployed (its pools say who rotation may pick on its date). */
  state: DesiredState;
  warnings: DeployWarning[];
  /** How many times `routeops deploy` ran (the first deploy, then one per change of the desired flows). */
  deploys: number;
  /** Every warning code any deploy of the run reported. */
  warningCodes: Set<string>;
  /** Runs `routeops deploy --at` for this instant (a no-op when the portal already matches). */
  deployFor(at: number): Promise<void>;
  /** Owner id -> email, archived owners included. */
  emailOf(ownerId: string | undefined): string | null;
  /** Email -> owner id (case-insensitive). */
  ownerIdOf(email: string): string | undefined;
  /** Adds an owner who is no rep (a partner, an agency user): HubSpot's owners come from its users. */
  addOwner(email: string): void;
}

async function ownerDirectory(hubspot: HubSpotAdapter): Promise<OwnerDirectory> {
  return (await hubspot.listOwners()).map((owner) => ({
    id: owner.id,
    email: owner.email ?? "",
    archived: owner.archived,
    ...(owner.userId !== null ? { userId: owner.userId } : {}),
    ...(owner.firstName ? { firstName: owner.firstName } : {}),
    ...(owner.lastName ? { lastName: owner.lastName } : {}),
  }));
}

/** How the portal is deployed: workflows mode (default) or router mode, with webhooks to deliver. */
export interface DeployOptions {
  mode?: DeployMode;
  webhooks?: WebhookOptions;
}

/** Starts the emulator seeded with the config's reps as owners, and deploys the config for `at`. */
export async function deployedPortal(
  config: RoutingConfig,
  at: number,
  options: DeployOptions = {},
): Promise<DeployedPortal> {
  const mode = options.mode ?? "workflows";
  const clock = new ReplayClock(at);
  const emulator = await startEmulator({
    seed: seedFromRouting(config, { contacts: 0, now: at }),
    rateLimits: false,
    clock: clock.now,
    ...(options.webhooks ? { webhooks: options.webhooks } : {}),
  });
  // The adapter's waits (its client-side rate limiter: the router-mode replay makes more than 190
  // calls in 10 s) cost no real time, on a clock of its own; the emulator enforces no limits here.
  const { now, sleep } = instantTime();
  const hubspot = createHubSpotAdapter({ accessToken: emulator.token, baseUrl: emulator.baseUrl, now, sleep });
  const warningCodes = new Set<string>();
  let extraOwnerId = 80_900_001;
  let deployedFlows = "";

  /** What deploy computes for `instant` (the pools say who rotation may pick; the warnings what differs). */
  const compile = async (instant: number) => {
    const result = desiredState(config, { owners: await ownerDirectory(hubspot), at: instant, mode });
    if ("errors" in result) throw new Error(result.errors.map((e) => e.message).join("; "));
    for (const warning of result.warnings) warningCodes.add(warning.code);
    return result;
  };
  const deploy = async (instant: number) => {
    let out = "";
    let err = "";
    const io: CliIO = {
      stdout: { write: (chunk: string) => (out += chunk) },
      stderr: { write: (chunk: string) => (err += chunk) },
      env: { HUBSPOT_ACCESS_TOKEN: emulator.token },
      cwd: referenceProject,
    };
    const argv = [
      ...["--at", new Date(instant).toISOString(), "--mode", mode],
      ...["--hubspot-base-url", emulator.baseUrl, "--format", "json"],
    ];
    const code = await deployCommand.run(argv, io);
    const status = code === 0 ? (JSON.parse(out) as { status: string }).status : undefined;
    if (status !== "applied" && status !== "no-changes") {
      throw new Error(`routeops deploy --at ${argv[1]} exited ${code}:\n${out}\n${err}`);
    }
  };

  const first = await compile(at);
  const portal: DeployedPortal = {
    emulator,
    hubspot,
    clock,
    config,
    state: first.state,
    warnings: first.warnings,
    warningCodes,
    deploys: 0,
    async deployFor(instant: number) {
      const { state, warnings } = await compile(instant);
      // A deploy whose desired state did not change is a no-op: only run the ones that write.
      const flows = JSON.stringify(state.flows);
      if (flows !== deployedFlows) {
        await deploy(instant);
        portal.deploys += 1;
        deployedFlows = flows;
      }
      portal.state = state;
      portal.warnings = warnings;
    },
    emailOf(ownerId) {
      if (!ownerId) return null;
      return emulator.portal.owners.get(ownerId)?.email ?? `unknown owner ${ownerId}`;
    },
    ownerIdOf(email) {
      return emulator.portal.owners.byEmail(email)?.id;
    },
    addOwner(email) {
      if (emulator.portal.owners.byEmail(email)) return;
      const id = extraOwnerId++;
      const [local = email] = email.split("@");
      const owner: Owner = {
        id: String(id),
        email,
        firstName: local,
        lastName: "",
        userId: id - 70_000_000,
        userIdIncludingInactive: id - 70_000_000,
        type: "PERSON",
        archived: false,
        teams: [],
        createdAt: at,
        updatedAt: at,
      };
      emulator.portal.owners.put(owner);
    },
  };
  await portal.deployFor(at);
  return portal;
}
