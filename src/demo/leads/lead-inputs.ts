/**
 * The leads of the demo's burst: realistic route inputs from the sample generator, as a portal can
 * hold them. HubSpot refuses some of what the generator produces on purpose (a company size
 * typed as "1,200" or "unknown" in a number property, a blank owner), so those values are left
 * out of both the portal's records and the engine's input: the comparison is between the
 * workflows and the engine on the same data, not on data one of them never saw.
 */
import type { RoutingConfig } from "../../config/types";
import type { OutboundTouch, RouteInput } from "../../engine/types";
import { generateRouteInputList } from "../../sample";
import type { SeedRep } from "../../emulator";

/** One lead of the burst. */
export interface DemoLead {
  /** Position in the burst, from 0. */
  index: number;
  /** The generated input, without the values HubSpot would refuse. Times are as generated. */
  input: RouteInput;
}

// HubSpot's number properties take plain decimal numbers only (docs/emulator.md, writes).
const PLAIN_NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DAY_MS = 86_400_000;

/** `count` leads whose events fall in the week before `now`, the same for the same `seed`. */
export function generateLeads(
  config: RoutingConfig,
  options: { count: number; seed: number; now: number },
): DemoLead[] {
  const inputs = generateRouteInputList(config, {
    seed: options.seed,
    count: options.count,
    from: options.now - 7 * DAY_MS,
    to: options.now,
  });
  return inputs.map((input, index) => ({ index, input: storable(input) }));
}

function storable(input: RouteInput): RouteInput {
  const company = input.contact.company;
  if (!company) return input;
  const properties = { ...(company.properties ?? {}) };
  const size = properties.numberofemployees;
  if (size !== undefined && size !== "" && !PLAIN_NUMBER.test(size.trim())) delete properties.numberofemployees;
  const kept = { ...company, properties };
  if (kept.owner !== undefined && kept.owner.trim() === "") delete kept.owner;
  return { ...input, contact: { ...input.contact, company: kept } };
}

/**
 * People the leads name (company owners, event owners, reps of earlier touches) who are no rep
 * in the config: in a real portal they are users too (a partner manager, an integration user),
 * so the demo's portal has them as owners.
 */
export function otherOwners(config: RoutingConfig, leads: readonly DemoLead[]): SeedRep[] {
  const reps = new Set(config.reps.map((rep) => rep.email.toLowerCase()));
  const named = new Set<string>();
  for (const { input } of leads) {
    const emails = [
      input.contact.company?.owner,
      input.event.owner,
      ...(input.contact.history ?? []).map((touch) => touch.owner),
    ];
    for (const email of emails) {
      const clean = email?.trim().toLowerCase();
      if (clean && EMAIL.test(clean) && !reps.has(clean)) named.add(clean);
    }
  }
  return [...named].sort().map((email) => ({ email, ...nameOf(email), active: true, teams: ["Not in routing"] }));
}

function nameOf(email: string): { firstName: string; lastName: string } {
  const words = email
    .split("@")[0]!
    .split(/[._-]+/)
    .filter((w) => w !== "")
    .map((w) => w[0]!.toUpperCase() + w.slice(1));
  return { firstName: words[0] ?? email, lastName: words.slice(1).join(" ") };
}

/** The input moved in time so that its event happens at `at`, its history as long before as generated. */
export function movedTo(input: RouteInput, at: number): RouteInput {
  const shift = at - input.at;
  const moved: RouteInput = { ...input, at };
  if (input.contact.history) {
    moved.contact = {
      ...input.contact,
      history: input.contact.history.map((touch): OutboundTouch => ({ ...touch, at: touch.at + shift })),
    };
  }
  return moved;
}

/**
 * The latest touch that the touch workflows would have recorded before `at`: a counted kind, by a
 * rep of the config (inactive ones too), not after the event.
 */
export function latestCountedTouch(config: RoutingConfig, input: RouteInput): OutboundTouch | undefined {
  const reps = new Set(config.reps.map((rep) => rep.email.toLowerCase()));
  const kinds = new Set<string>(config.reengagement.touchKinds);
  let latest: OutboundTouch | undefined;
  for (const touch of input.contact.history ?? []) {
    if (!kinds.has(touch.kind) || !reps.has(touch.owner.trim().toLowerCase()) || touch.at > input.at) continue;
    if (!latest || touch.at > latest.at) latest = touch;
  }
  return latest;
}
