import { MANAGED_PROPERTIES as M } from "../../deploy/managed-names";
import type { Owner } from "../portal/owners";
import type { Random } from "./random";
import { approximateTargetMs, type RoutingNames } from "./routing-names";

/** What routing decided for a generated contact, enough to fill the managed properties. */
export interface SeededDecision {
  system: "inbound" | "outbound" | "reengagement" | "unclassified";
  sourceType: string | null;
  rule: string;
  owner?: Owner;
  pool?: string;
  queue?: string;
  slaPolicy?: string;
  originalOwner?: Owner;
  collaborator?: Owner;
  notification: "urgent" | "calm" | "none";
}

const pick = <T>(random: Random, items: readonly T[]): T | undefined => (items.length ? random.pick(items) : undefined);

/** A plausible decision for a contact of this source type, shaped by the words in the rule ids. */
export function decide(
  random: Random,
  names: RoutingNames,
  sourceType: string | null,
  activeOwners: readonly Owner[],
  departedOwners: readonly Owner[],
): SeededDecision {
  if (sourceType === null) {
    return {
      system: "unclassified",
      sourceType: null,
      rule: names.rules.unclassified,
      ...(names.queues[0] ? { queue: names.queues[0] } : {}),
      ...(random.chance(0.6) && activeOwners.length ? { owner: random.pick(activeOwners) } : {}),
      notification: "none",
    };
  }
  const outbound = sourceType.startsWith("outbound");
  const system = outbound ? "outbound" : random.chance(0.07) ? "reengagement" : "inbound";
  const rules = names.rules[system];
  const rule = pick(random, rules) ?? `${system}-rule`;
  // A rep who left keeps some contacts: the drift the audit is meant to report.
  const owner = departedOwners.length && random.chance(0.04) ? random.pick(departedOwners) : pick(random, activeOwners);
  const decision: SeededDecision = {
    system,
    sourceType,
    rule,
    notification: system === "outbound" ? "calm" : "urgent",
    ...(owner ? { owner } : {}),
  };
  const policies = names.slaPolicies.filter((p) => p.includes(system === "reengagement" ? "reengagement" : system));
  decision.slaPolicy = pick(random, policies.length ? policies : names.slaPolicies);
  if (/nurture/.test(rule)) {
    delete decision.owner;
    delete decision.slaPolicy;
    decision.notification = "none";
  } else if (/fallback/.test(rule)) {
    if (names.queues[0]) decision.queue = names.queues[0];
  } else if (!/owner|caller|original|collaborative/.test(rule)) {
    const pools = names.pools.filter(
      (p) => p.includes(outbound ? "outbound" : "inbound") || (!outbound && p.includes("enterprise")),
    );
    const pool = pick(random, pools.length ? pools : names.pools);
    if (pool) decision.pool = pool;
  }
  if (system === "reengagement") {
    const original = pick(random, [...activeOwners, ...departedOwners]);
    if (original) decision.originalOwner = original;
    if (/collaborative/.test(rule) && original) decision.collaborator = original;
  }
  return decision;
}

/** The managed property values a routed contact carries (see src/deploy/managed-names.ts). */
export function managedValues(
  decision: SeededDecision,
  routedAt: number,
  configVersion: string,
): Record<string, string> {
  const values: Record<string, string> = {
    [M.system]: decision.system,
    [M.rule]: decision.rule,
    [M.routedAt]: new Date(routedAt).toISOString(),
    [M.configVersion]: configVersion,
    [M.notification]: decision.notification,
    [M.reengagement]: String(decision.system === "reengagement"),
  };
  if (decision.sourceType) values[M.sourceType] = decision.sourceType;
  if (decision.pool) values[M.pool] = decision.pool;
  if (decision.queue) values[M.queue] = decision.queue;
  if (decision.slaPolicy) {
    values[M.slaPolicy] = decision.slaPolicy;
    values[M.slaDueAt] = new Date(routedAt + approximateTargetMs(decision.slaPolicy)).toISOString();
  }
  if (decision.originalOwner) values[M.originalOwner] = decision.originalOwner.id;
  if (decision.collaborator) values[M.collaborator] = decision.collaborator.id;
  return values;
}
