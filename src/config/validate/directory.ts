/**
 * Lookups over a well-shaped config that every semantic rule needs: elements by id, reps by
 * email (case-insensitive), replacement chains, and where conditions and rules live.
 */
import type {
  Condition,
  Intent,
  RepConfig,
  RoutingConfig,
  RuleConfig,
  ReengagementRuleConfig,
  SourceSystem,
  SourceTypeConfig,
} from "../types";
import { element, type PathSegment } from "./path";

/** A condition in the config, with its path and place (intent conditions also say whose intent they decide). */
export type PlacedCondition = { condition: Condition; at: PathSegment[] } & (
  { place: "inbound" | "outbound" | "reengagement" } | { place: "intent"; source: SourceTypeConfig }
);

/** A rule of one of the two routing systems, with its path. */
export interface PlacedRule {
  rule: RuleConfig;
  system: SourceSystem;
  index: number;
  at: PathSegment[];
}

/** How a rep's replacement chain ends. */
export type Replacement =
  | { kind: "active"; rep: RepConfig }
  | { kind: "cycle"; chain: string[] }
  | { kind: "unknown"; chain: string[]; email: string }
  | { kind: "inactive"; chain: string[]; rep: RepConfig };

/** Every intent, from most to least urgent. */
export const INTENTS: readonly Intent[] = ["high", "standard", "low"];

/** Indexes over one config; built once per validation. */
export class RoutingDirectory {
  readonly calendars: Set<string>;
  readonly pools: Set<string>;
  readonly queues: Set<string>;
  readonly territories: Set<string>;
  readonly segments: Set<string>;
  readonly slaPolicies: Set<string>;
  readonly sources: Map<string, SourceTypeConfig>;
  private readonly reps = new Map<string, RepConfig>();

  constructor(readonly config: RoutingConfig) {
    this.calendars = new Set(config.calendars.map((c) => c.id));
    this.pools = new Set(config.pools.map((p) => p.id));
    this.queues = new Set(config.queues.map((q) => q.id));
    this.territories = new Set(config.territories.map((t) => t.id));
    this.segments = new Set(config.segments.map((s) => s.id));
    this.slaPolicies = new Set(config.slaPolicies.map((s) => s.id));
    this.sources = new Map();
    for (const source of config.sources) if (!this.sources.has(source.id)) this.sources.set(source.id, source);
    for (const rep of config.reps) {
      const key = rep.email.toLowerCase();
      if (!this.reps.has(key)) this.reps.set(key, rep);
    }
  }

  /** The rep with this email, whatever its case. */
  rep(email: string): RepConfig | undefined {
    return this.reps.get(email.toLowerCase());
  }

  /** Follows `replacedBy` from a rep until an active rep, a cycle, an unknown email or a dead end. */
  replacementOf(rep: RepConfig): Replacement {
    const chain: string[] = [];
    const seen = new Set<string>();
    let current = rep;
    for (;;) {
      if (current.active !== false) return { kind: "active", rep: current };
      const key = current.email.toLowerCase();
      if (seen.has(key)) return { kind: "cycle", chain: [...chain, current.email] };
      seen.add(key);
      chain.push(current.email);
      if (current.replacedBy === undefined) return { kind: "inactive", chain, rep: current };
      const next = this.rep(current.replacedBy);
      if (!next) return { kind: "unknown", chain, email: current.replacedBy };
      current = next;
    }
  }

  /** The active rep who receives leads addressed to `email`, or undefined when nobody does. */
  activeRepFor(email: string): RepConfig | undefined {
    const rep = this.rep(email);
    if (!rep) return undefined;
    const end = this.replacementOf(rep);
    return end.kind === "active" ? end.rep : undefined;
  }

  /** The source types that feed a system, in order. */
  sourcesOf(system: SourceSystem): SourceTypeConfig[] {
    return this.config.sources.filter((s) => s.system === system);
  }

  /** Every intent a source type can give a lead. */
  intentsOf(source: SourceTypeConfig): Intent[] {
    if (source.intent === undefined) return [];
    if (typeof source.intent === "string") return [source.intent];
    return [...new Set([...source.intent.rules.map((r) => r.intent), source.intent.otherwise])];
  }

  /** True when the source type can classify a chat conversation. */
  hasChat(source: SourceTypeConfig): boolean {
    return source.matchers.some((m) => m.event === "chat_completed");
  }

  /** The rules of both routing systems, with their paths. */
  systemRules(): PlacedRule[] {
    const placed: PlacedRule[] = [];
    for (const system of ["inbound", "outbound"] as const) {
      this.config.systems[system].rules.forEach((rule, index) => {
        placed.push({ rule, system, index, at: ["systems", system, "rules", element(rule, index)] });
      });
    }
    return placed;
  }

  /** The re-engagement rules, with their paths. */
  reengagementRules(): { rule: ReengagementRuleConfig; index: number; at: PathSegment[] }[] {
    return this.config.reengagement.rules.map((rule, index) => ({
      rule,
      index,
      at: ["reengagement", "rules", element(rule, index)],
    }));
  }

  /** Every condition in the config: rule conditions and conditional-intent conditions. */
  conditions(): PlacedCondition[] {
    const placed: PlacedCondition[] = this.systemRules().map(({ rule, system, at }) => ({
      condition: rule.when,
      at: [...at, "when"],
      place: system,
    }));
    for (const { rule, at } of this.reengagementRules()) {
      placed.push({ condition: rule.when, at: [...at, "when"], place: "reengagement" });
    }
    this.config.sources.forEach((source, i) => {
      if (typeof source.intent !== "object") return;
      source.intent.rules.forEach((intentRule, j) => {
        placed.push({
          condition: intentRule.when,
          at: ["sources", element(source, i), "intent", "rules", j, "when"],
          place: "intent",
          source,
        });
      });
    });
    return placed;
  }

  /** True when inbound rules decide some re-engagements, with the re-engagement intent. */
  reengagementReachesInbound(): boolean {
    return this.config.reengagement.rules.some((r) => r.handoff !== "original_rep");
  }
}
