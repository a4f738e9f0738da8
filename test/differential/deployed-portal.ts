/**
 * An emulator portal with the reference owners and `routing/` deployed to it through the HubSpot
 * adapter over HTTP (group, properties, flows created disabled then enabled, as deploy orders it),
 * and deployed again for another date when the desired state differs (out-of-office changes the
 * rotation lists: "deploy daily" is what warning out_of_office_by_deploy_date asks for).
 */
import path from "node:path";
import type { RoutingConfig } from "../../src/config/types";
import { desiredState, type DeployWarning, type DesiredState, type OwnerDirectory } from "../../src/deploy";
import { startEmulator, seedFromRouting } from "../../src/emulator";
import type { Owner } from "../../src/emulator";
import { loadAndValidate } from "../../src/files/config-loader";
import { createHubSpotAdapter, type FlowBody, type HubSpotAdapter } from "../../src/hubspot";

export const repoRoot = path.resolve(__dirname, "..", "..");

/** The reference config, validated. */
export function referenceConfig(): RoutingConfig {
  const loaded = loadAndValidate("routing/index.ts", { cwd: repoRoot });
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

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

/** The emulator, the adapter pointed at it, and what is deployed. */
export interface DeployedPortal {
  emulator: Emulator;
  hubspot: HubSpotAdapter;
  clock: ReplayClock;
  config: RoutingConfig;
  /** The desired state last deployed (its pools say who rotation may pick on its date). */
  state: DesiredState;
  warnings: DeployWarning[];
  /** Every warning code any deploy of the run reported. */
  warningCodes: Set<string>;
  /** Deploys again for `at` when the desired state for that instant differs from the deployed one. */
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
    ...(owner.firstName ? { firstName: owner.firstName } : {}),
    ...(owner.lastName ? { lastName: owner.lastName } : {}),
  }));
}

/** Starts the emulator seeded with the config's reps as owners, and deploys the config for `at`. */
export async function deployedPortal(config: RoutingConfig, at: number): Promise<DeployedPortal> {
  const clock = new ReplayClock(at);
  const emulator = await startEmulator({
    seed: seedFromRouting(config, { contacts: 0, now: at }),
    rateLimits: false,
    clock: clock.now,
  });
  const hubspot = createHubSpotAdapter({ accessToken: emulator.token, baseUrl: emulator.baseUrl });
  const deployed = new Map<string, { id: string; revisionId: string; body: string }>();
  const warningCodes = new Set<string>();
  let extraOwnerId = 80_900_001;

  const compile = async (instant: number) => {
    const result = desiredState(config, { owners: await ownerDirectory(hubspot), at: instant });
    if ("errors" in result) throw new Error(result.errors.map((e) => e.message).join("; "));
    for (const warning of result.warnings) warningCodes.add(warning.code);
    return result;
  };

  const first = await compile(at);
  await hubspot.createPropertyGroup("contacts", first.state.group);
  await hubspot.createProperties("contacts", first.state.properties);
  for (const flow of first.state.flows) {
    const created = await hubspot.createFlow({ ...flow.body, isEnabled: false } as unknown as FlowBody);
    deployed.set(flow.key, { id: created.id, revisionId: created.revisionId, body: "" });
  }
  const portal: DeployedPortal = {
    emulator,
    hubspot,
    clock,
    config,
    state: first.state,
    warnings: first.warnings,
    warningCodes,
    async deployFor(instant: number) {
      const { state, warnings } = await compile(instant);
      for (const flow of state.flows) {
        const current = deployed.get(flow.key);
        if (!current) throw new Error(`flow ${flow.key} was not deployed`);
        const body = JSON.stringify(flow.body);
        if (current.body === body) continue;
        const replaced = await hubspot.replaceFlow(current.id, flow.body as unknown as FlowBody, current.revisionId);
        deployed.set(flow.key, { id: current.id, revisionId: replaced.revisionId, body });
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
