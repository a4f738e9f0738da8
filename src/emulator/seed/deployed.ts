/**
 * `seed.deployed`: a portal that starts with a desired state already deployed (the managed group,
 * properties and flows, enabled as the state says), so that a demo or a benchmark can raise events
 * at once. The objects are checked and stored exactly as the API stores them (the same checks and
 * server defaults as `POST /crm/v3/properties` and `POST /automation/v4/flows`); ids and uuids are
 * derived from the flows' order, so the same seed gives the same portal.
 */
import { createHash } from "node:crypto";
import type { DesiredState } from "../../deploy/model/state";
import { ApiError } from "../http/errors";
import type { Portal } from "../portal/portal";
import { checkFlowBody, withServerDefaults } from "../routes/flow-body";
import { readPropertyCreate } from "../routes/property-shapes";

/** What to pre-deploy: `desiredState(config, ...).state`, or anything with the same three parts. */
export type DeployedSeed = Pick<DesiredState, "group" | "properties" | "flows">;

function problem(where: string, error: unknown): Error {
  const details =
    error instanceof ApiError && error.extra.errors?.length
      ? error.extra.errors.map((e) => e.message).join("; ")
      : (error as Error).message;
  return new Error(`seed.deployed.${where}: ${details}`);
}

/** A stable UUID-shaped id from a seed text (HubSpot's are random; a seed's must repeat). */
function seededUuid(text: string): string {
  const hex = createHash("sha256").update(text).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Stores the group, the contact properties and the flows of `deployed` in the portal, as of `now`. */
export function seedDeployed(portal: Portal, deployed: DeployedSeed, now: number): void {
  const groups = portal.groups.contacts;
  if (!groups.get(deployed.group.name)) {
    groups.put({ name: deployed.group.name, label: deployed.group.label, displayOrder: -1, archived: false });
  }
  deployed.properties.forEach((property, index) => {
    try {
      const definition = readPropertyCreate(property, (name) => groups.get(name) !== undefined, now);
      portal.properties.contacts.put(definition);
    } catch (error) {
      throw problem(`properties[${index}] (${property.name})`, error);
    }
  });
  const at = new Date(now).toISOString();
  deployed.flows.forEach((flow, index) => {
    let body: Record<string, unknown>;
    try {
      body = checkFlowBody(flow.body, portal, "create");
    } catch (error) {
      throw problem(`flows[${index}] (${flow.body.name})`, error);
    }
    const id = portal.flows.takeId();
    portal.flows.put(
      withServerDefaults(body, {
        id,
        revisionId: "1",
        uuid: seededUuid(`${id}/${flow.body.name}`),
        createdAt: at,
        updatedAt: at,
      }),
    );
  });
}
