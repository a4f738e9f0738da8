/** Shared helpers of the deploy tests: the reference organisation, owners, and HubSpot-like read-backs. */
import routing from "../reference/routing";
import type { RoutingConfig } from "../../src/config";
import {
  desiredState,
  type DesiredState,
  type FlowAction,
  type FlowBody,
  type LiveFlow,
  type LiveProperty,
  type LiveState,
  type OwnerDirectory,
} from "../../src/deploy";
import { readPropertyCreate, renderProperty } from "../../src/emulator/routes/property-shapes";
import { withServerDefaults } from "../../src/emulator/routes/flow-body";

export const reference: RoutingConfig = routing;

/** 2026-03-02 12:00 UTC: a Monday, nobody out of office. */
export const MARCH = Date.parse("2026-03-02T12:00:00Z");
/** 2026-08-05 12:00 UTC: farid.haddad is out of office (2026-08-03 to 2026-08-14). */
export const AUGUST = Date.parse("2026-08-05T12:00:00Z");

/** One owner per rep (ids 100, 101, ... in config order); inactive reps' users are deactivated. */
export function ownersOf(config: RoutingConfig = reference): OwnerDirectory {
  return config.reps.map((rep, index) => ({
    id: String(100 + index),
    email: rep.email,
    archived: rep.active === false,
    ...(rep.active === false ? {} : { userId: 9000 + index }),
    firstName: rep.name.split(" ")[0],
  }));
}

export function ownerIdOf(email: string, owners: OwnerDirectory = ownersOf()): string {
  const owner = owners.find((candidate) => candidate.email === email);
  if (!owner) throw new Error(`no owner for ${email}`);
  return owner.id;
}

export function compile(at = MARCH, config: RoutingConfig = reference, owners = ownersOf(config)): DesiredState {
  // The compiler tests check the workflows-mode flows (router mode: test/deploy/router-mode.test.ts).
  const result = desiredState(config, { owners, at, mode: "workflows" });
  if ("errors" in result) throw new Error(result.errors.map((e) => e.message).join("\n"));
  return result.state;
}

export function flowOf(state: DesiredState, key: string): FlowBody {
  const flow = state.flows.find((candidate) => candidate.key === key);
  if (!flow) throw new Error(`no flow ${key}`);
  return flow.body;
}

export const singles = (flow: FlowBody) =>
  flow.actions.filter((a): a is Extract<FlowAction, { type: "SINGLE_CONNECTION" }> => a.type === "SINGLE_CONNECTION");

export const branchesOf = (flow: FlowBody) =>
  flow.actions.filter((a): a is Extract<FlowAction, { type: "LIST_BRANCH" }> => a.type === "LIST_BRANCH");

/** Static values written by set-property actions of a flow: property -> values. */
export function writtenValues(flow: FlowBody, property: string): string[] {
  return singles(flow)
    .filter((a) => a.actionTypeId === "0-5" && a.fields.property_name === property)
    .map((a) => (a.fields.value as { staticValue?: string }).staticValue)
    .filter((v): v is string => v !== undefined);
}

export function rotations(state: DesiredState): string[][] {
  return state.flows.flatMap((f) =>
    singles(f.body)
      .filter((a) => a.actionTypeId === "0-11")
      .map((a) => a.fields.user_ids as string[]),
  );
}

/** The desired state as HubSpot (the emulator's read shapes) would answer it after a deploy. */
export function readBack(state: DesiredState, owners: OwnerDirectory = ownersOf()): LiveState {
  const properties = state.properties.map((definition) => {
    const stored = readPropertyCreate(JSON.parse(JSON.stringify(definition)), () => true, Date.UTC(2026, 0, 1));
    return JSON.parse(JSON.stringify(renderProperty(stored))) as LiveProperty;
  });
  const flows = state.flows.map((flow, index) => {
    const body = JSON.parse(JSON.stringify(flow.body)) as Record<string, unknown>;
    const meta = {
      id: String(9000 + index),
      revisionId: "3",
      uuid: `uuid-${index}`,
      createdAt: "2026-01-01T00:00:00.000Z",
      updatedAt: "2026-01-02T00:00:00.000Z",
    };
    return JSON.parse(JSON.stringify(withServerDefaults(body, meta))) as LiveFlow;
  });
  return {
    group: { name: state.group.name, label: state.group.label, displayOrder: 5, archived: false },
    properties,
    flows,
    owners,
  };
}

export const emptyLive = (owners: OwnerDirectory = ownersOf()): LiveState => ({
  group: null,
  properties: [],
  flows: [],
  owners,
});

/** Every path in a JSON value at which `needle` occurs as a whole string. */
export function pathsOf(value: unknown, needle: string, path = "$"): string[] {
  if (value === needle) return [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => pathsOf(item, needle, `${path}[${index}]`));
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([key, member]) => pathsOf(member, needle, `${path}.${key}`));
  }
  return [];
}
