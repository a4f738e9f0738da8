/**
 * The routing outcome in one shape for both sides: the engine's decision, and what the deployed
 * flows left on the contact (owner ids read back as emails, instants as epoch ms).
 */
import { MANAGED_PROPERTIES as P } from "../../src/deploy";
import type { Decision } from "../../src/engine/types";

export const FIELDS = [
  "sourceType",
  "system",
  "rule",
  "intent",
  "territory",
  "segment",
  "owner",
  "pool",
  "queue",
  "nurture",
  "collaborator",
  "originalRep",
  "reengagement",
  "slaPolicy",
  "slaDueAt",
  "notification",
  "routedAt",
] as const;

export type Field = (typeof FIELDS)[number];
export type Value = string | number | boolean | null;
/** What a field must show: a value, or (rotation) any of some values. */
export type Expected = Value | { oneOf: string[] };
export type RoutingView = Record<Field, Value>;
export type ExpectedView = Record<Field, Expected>;

const lower = (email: string | null) => (email === null ? null : email.toLowerCase());

/** The engine's decision for an event at `at`. */
export function engineView(decision: Decision, at: number): RoutingView {
  return {
    sourceType: decision.sourceType,
    system: decision.system,
    rule: decision.rule,
    intent: decision.intent,
    territory: decision.territory,
    segment: decision.segment,
    owner: lower(decision.owner),
    pool: decision.pool,
    queue: decision.queue,
    nurture: decision.nurture,
    collaborator: lower(decision.collaborator),
    originalRep: lower(decision.originalRep),
    reengagement: decision.reengagement,
    slaPolicy: decision.slaPolicy,
    slaDueAt: decision.slaDueAt,
    notification: decision.notification,
    routedAt: at,
  };
}

function instant(value: string | null): number | null {
  if (value === null) return null;
  return /^\d+$/.test(value) ? Number(value) : Date.parse(value);
}

/** What the contact shows after the flows ran. */
export function portalView(
  properties: Record<string, string | null>,
  emailOf: (ownerId: string | undefined) => string | null,
): RoutingView {
  const read = (name: string): string | null => {
    const value = properties[name];
    return value === undefined || value === null || value === "" ? null : value;
  };
  const email = (name: string) => lower(emailOf(read(name) ?? undefined));
  const flag = read(P.reengagement);
  return {
    sourceType: read(P.sourceType),
    system: read(P.system),
    rule: read(P.rule),
    intent: read(P.intent),
    territory: read(P.territory),
    segment: read(P.segment),
    owner: email("hubspot_owner_id"),
    pool: read(P.pool),
    queue: read(P.queue),
    nurture: read(P.nurture),
    collaborator: email(P.collaborator),
    originalRep: email(P.originalOwner),
    reengagement: flag === null ? null : flag === "true",
    slaPolicy: read(P.slaPolicy),
    slaDueAt: instant(read(P.slaDueAt)),
    notification: read(P.notification),
    routedAt: instant(read(P.routedAt)),
  };
}

export function satisfies(observed: Value, expected: Expected): boolean {
  if (expected !== null && typeof expected === "object")
    return typeof observed === "string" && expected.oneOf.includes(observed);
  return observed === expected;
}

export function show(value: Expected): string {
  if (value !== null && typeof value === "object") return `one of ${value.oneOf.join(", ")}`;
  return JSON.stringify(value);
}
