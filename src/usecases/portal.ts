/**
 * The HubSpot portal as the use cases reach it: an adapter built from a token and a base URL, and
 * the live state read through it, with their failures as {@link RouteOpsError}s that say what to do.
 */
import { RouteOpsError } from "../errors";
import {
  createHubSpotAdapter,
  HubSpotConfigError,
  HubSpotError,
  type HubSpotAdapter,
  type HubSpotAdapterOptions,
} from "../hubspot";
import { readLiveState, type PortalLiveState } from "../hubspot/live-state";

/** Where the portal is. The token comes from HUBSPOT_ACCESS_TOKEN; it is never printed. */
export interface PortalConnection {
  token: string | undefined;
  baseUrl?: string;
  /** How long the whole run may wait for HubSpot, and who hears about each wait (the CLI's bounds). */
  bounds?: Pick<HubSpotAdapterOptions, "onWait" | "deadlineMs">;
}

/** The adapter for the portal behind the token; a clear error without one. */
export function connectHubSpot(connection: PortalConnection): HubSpotAdapter {
  const token = connection.token?.trim();
  if (!token) {
    throw new RouteOpsError(
      "missing_token",
      "HUBSPOT_ACCESS_TOKEN is not set: set it to a private app token of the portal (scopes in docs/hubspot.md). " +
        "To try RouteOps without a portal, run `routeops demo`, or start a local HubSpot with `routeops emulator` " +
        "and pass its token and --hubspot-base-url.",
    );
  }
  try {
    return createHubSpotAdapter({
      accessToken: token,
      ...(connection.baseUrl ? { baseUrl: connection.baseUrl } : {}),
      ...connection.bounds,
    });
  } catch (error) {
    if (error instanceof HubSpotConfigError) throw new RouteOpsError("hubspot_config", error.message);
    throw error;
  }
}

/** Reads the portal, or says why it could not. */
export async function readPortal(hubspot: HubSpotAdapter): Promise<PortalLiveState> {
  try {
    return await readLiveState(hubspot);
  } catch (error) {
    if (error instanceof HubSpotError) {
      throw new RouteOpsError(error.code, `cannot read the HubSpot portal: ${error.message}`);
    }
    throw error;
  }
}
