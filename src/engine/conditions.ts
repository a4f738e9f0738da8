/**
 * Rule conditions: compiled once into a list of checks, evaluated against the facts of a lead,
 * and described in words for the trace.
 */
import type { Condition, Intent } from "../config/types";

/** What the rules can ask about a lead, worked out once per decision. */
export interface LeadFacts {
  sourceType: string | null;
  intent: Intent | null;
  /** Normalised country and state (see geo.ts). */
  country: string | null;
  state: string | null;
  territory: string | null;
  segment: string | null;
  /** Parsed `numberofemployees` of the associated company. */
  employees: number | null;
  /** The company's owner and the event's owner as given (trimmed), before replacements. */
  companyOwner: string | null;
  eventOwner: string | null;
  isChat: boolean;
  chatQualified: boolean;
  /** The original outbound rep of a re-engagement (after replacements). */
  originalRep: string | null;
  originalRepCovers: boolean;
}

type ListField = "sourceType" | "intent" | "territory" | "segment";
type FlagField = "hasTerritory" | "companyHasOwner" | "eventHasOwner" | "chatQualified" | "originalRepCoversTerritory";

/** One field of a condition. */
export type ConditionCheck =
  { field: ListField; values: ReadonlySet<string>; list: readonly string[] } | { field: FlagField; value: boolean };

/** A condition as checks that must all hold; no checks = always holds. */
export interface CompiledCondition {
  checks: readonly ConditionCheck[];
}

const LIST_FIELDS: readonly ListField[] = ["sourceType", "intent", "territory", "segment"];
const FLAG_FIELDS: readonly FlagField[] = [
  "hasTerritory",
  "companyHasOwner",
  "eventHasOwner",
  "chatQualified",
  "originalRepCoversTerritory",
];

/** Compiles a condition; fields that are absent are not checked. */
export function compileCondition(condition: Condition | undefined): CompiledCondition {
  const checks: ConditionCheck[] = [];
  for (const field of LIST_FIELDS) {
    const list = condition?.[field];
    if (Array.isArray(list)) checks.push({ field, values: new Set<string>(list), list });
  }
  for (const field of FLAG_FIELDS) {
    const value = condition?.[field];
    if (typeof value === "boolean") checks.push({ field, value });
  }
  return { checks };
}

function holds(check: ConditionCheck, facts: LeadFacts): boolean {
  switch (check.field) {
    case "sourceType":
    case "intent":
    case "territory":
    case "segment": {
      const actual = facts[check.field];
      return actual !== null && check.values.has(actual);
    }
    case "hasTerritory":
      return (facts.territory !== null) === check.value;
    case "companyHasOwner":
      return (facts.companyOwner !== null) === check.value;
    case "eventHasOwner":
      return (facts.eventOwner !== null) === check.value;
    case "chatQualified":
      // Only a chat can be qualified or not: other events satisfy neither value.
      return facts.isChat && facts.chatQualified === check.value;
    case "originalRepCoversTerritory":
      // Only a re-engagement has an original rep: other leads satisfy neither value.
      return facts.originalRep !== null && facts.originalRepCovers === check.value;
  }
}

/** Index of the first check that does not hold, or -1 when the whole condition holds. */
export function failingCheck(condition: CompiledCondition, facts: LeadFacts): number {
  const checks = condition.checks;
  for (let i = 0; i < checks.length; i++) if (!holds(checks[i]!, facts)) return i;
  return -1;
}

function oneOf(list: readonly string[]): string {
  return list.length === 1 ? list[0]! : `one of ${list.join(", ")}`;
}

const LIST_LABEL: Record<ListField, string> = {
  sourceType: "source type",
  intent: "intent",
  territory: "territory",
  segment: "segment",
};

/** Words for one check, whether it held or not (`intent is standard, not high`). */
export function describeCheck(check: ConditionCheck, facts: LeadFacts): string {
  const ok = holds(check, facts);
  switch (check.field) {
    case "sourceType":
    case "intent":
    case "territory":
    case "segment": {
      const actual = facts[check.field];
      const label = LIST_LABEL[check.field];
      if (ok) return `${label} is ${actual}`;
      return `${label} is ${actual ?? "none"}, not ${oneOf(check.list)}`;
    }
    case "hasTerritory":
      if (facts.territory !== null) return `territory is ${facts.territory}`;
      return facts.country === null
        ? "no territory (no country)"
        : `no territory (country ${facts.country}${facts.state ? `, state ${facts.state}` : ""})`;
    case "companyHasOwner":
      return facts.companyOwner !== null ? `company owner is ${facts.companyOwner}` : "company has no owner";
    case "eventHasOwner":
      return facts.eventOwner !== null ? `event names ${facts.eventOwner}` : "event names no rep";
    case "chatQualified":
      if (!facts.isChat) return "not a chat";
      return facts.chatQualified ? "chat was qualified" : "chat was not qualified";
    case "originalRepCoversTerritory":
      if (facts.originalRep === null) return "not a re-engagement (no original rep)";
      if (facts.territory === null) return `no territory, so ${facts.originalRep} covers none`;
      return facts.originalRepCovers
        ? `${facts.originalRep} covers ${facts.territory}`
        : `${facts.originalRep} does not cover ${facts.territory}`;
  }
}

/**
 * Why a condition held (every check, `always` for a catch-all) or did not (the first failing
 * check).
 */
export function describeCondition(condition: CompiledCondition, facts: LeadFacts): string {
  const failing = failingCheck(condition, facts);
  if (failing >= 0) return describeCheck(condition.checks[failing]!, facts);
  if (condition.checks.length === 0) return "always";
  return condition.checks.map((check) => describeCheck(check, facts)).join("; ");
}
