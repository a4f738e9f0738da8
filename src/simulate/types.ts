/**
 * What an impact simulation reports: the same contacts replayed through a base and a head config,
 * reduced to counts while streaming (nothing per contact is kept but the first few examples).
 */
import type { Decision, RouteInput } from "../engine/types";
import type { PoolShareChange } from "../routing-changes/share-changes";
import type { ChangeKind } from "./impact";

/**
 * The parts of a decision that are compared. `owner` is who gets the lead: the named owner, or the
 * member the pool's rotation picked (`null` for nurture). Traces are never compared.
 */
export type ComparedField =
  | "sourceType"
  | "system"
  | "rule"
  | "intent"
  | "territory"
  | "segment"
  | "owner"
  | "pool"
  | "queue"
  | "nurture"
  | "collaborator"
  | "reengagement"
  | "originalRep"
  | "slaPolicy"
  | "slaDueAt"
  | "notification";

/** How many decisions went from one value to another (`null`: none, for example no pool). */
export interface Transition {
  from: string | null;
  to: string | null;
  count: number;
}

/** The dimensions whose from → to counts the report lists. */
export type TransitionDimension = "sourceType" | "system" | "rule" | "pool" | "owner" | "slaPolicy";

/** Decisions of one source type (as the base classified them), and how many of them changed. */
export interface SourceTypeImpact {
  /** Source type id, or `null` for unclassified contacts. */
  sourceType: string | null;
  contacts: number;
  changed: number;
}

/** Leads one rep gets, before (base) and after (head). */
export interface RepLoad {
  /** Rep email, or `null` for leads that go to nobody (nurture). */
  rep: string | null;
  before: number;
  after: number;
}

/** A pool's leads and each member's share of them, before and after (rotation carried through the replay). */
export interface PoolShare {
  pool: string;
  before: number;
  after: number;
  members: RepLoad[];
  /** Per member: share of the pool's leads against share of its weight, and skips (fairness). */
  shares: RepShare[];
}

/** One member's fairness in a pool, before (base) and after (head). Percentages to one decimal; null with nothing to share. */
export interface RepShare {
  rep: string;
  leads: { before: number; after: number };
  /** Percent of the pool's leads this rep got. */
  leadShare: { before: number | null; after: number | null };
  /** Percent of the pool's weight this rep holds in the config (0 when not a member). */
  weightShare: { before: number | null; after: number | null };
  /** Times the rep was left out of this pool's pick (absent, capped, not started, left). */
  skipped: { before: number; after: number };
}

/** How SLA due times moved where both configs set one (wall-clock difference, head minus base). */
export interface SlaShift {
  /** Decisions where both configs set a due time. */
  compared: number;
  /** Of those, the due time moved. */
  moved: number;
  earlier: number;
  later: number;
  /** Mean, smallest and largest move in minutes (negative: earlier); `null` when nothing moved. */
  meanMinutes: number | null;
  minMinutes: number | null;
  maxMinutes: number | null;
  /** Moves by size, from much earlier to much later; only buckets with a count are listed. */
  buckets: { label: string; count: number }[];
  /** The base set no due time and the head does. */
  gained: number;
  /** The base set a due time and the head does not. */
  lost: number;
}

/** One changed decision, with both decisions (traces included) to explain it. */
export interface SimulationExample {
  /** Position of the contact in the replay, from 0. */
  index: number;
  /** Where the contact came from (fixture file and name, JSON Lines file and line, portal contact id). */
  label: string | null;
  input: RouteInput;
  /** The compared fields that differ. */
  fields: ComparedField[];
  /** A decision change, the pool change at work, or a rotation reshuffle (see `impact.ts`). */
  kind: ChangeKind;
  /** Why each config decided as it did, in one line (the deciding rule's trace step). */
  why: { before: string; after: string };
  before: Decision;
  after: Decision;
}

/** Leads that only went to another member of the same pool, by the same rule. */
export interface PoolReshuffle {
  pool: string;
  contacts: number;
  /** The pool's members, weights or members' availability changed (else: the rotation's order only). */
  poolChanged: boolean;
}

/** The result of a simulation. */
export interface SimulationReport {
  base: { version: string };
  head: { version: string };
  /** Contacts replayed through both configs. */
  contacts: number;
  /** The earliest and latest event instant replayed (epoch ms; `null` with no contacts). */
  span: { from: number | null; to: number | null };
  /** Contacts whose decision differs in at least one compared field. */
  changed: number;
  /**
   * Of the changed decisions, the decision changes: another system, rule, pool or queue, SLA
   * policy, source type, nurture sequence or named owner.
   */
  decisionChanges: number;
  /**
   * Of the changed decisions, those where only the pool member differs (same rule and pool) in a
   * pool whose members, weights or members' availability changed: the pool change at work.
   */
  poolMemberChanges: number;
  /**
   * Of the changed decisions, those where only the pool member differs (same rule and pool) in an
   * unchanged pool: the rotation hands out leads in another order because of changes elsewhere.
   */
  rotationOnly: number;
  /** Per pool, the leads that only went to another member (pool changes and reshuffles), in config order. */
  reshuffles: PoolReshuffle[];
  /** Per compared field, how many decision changes differ in it. */
  fieldChanges: Record<ComparedField, number>;
  /** Per dimension, the from → to counts of decision changes that differ in it, most frequent first. */
  transitions: Record<TransitionDimension, Transition[]>;
  /** Per source type of the base decision, in the base config's order (unclassified last); `changed` counts decision changes. */
  bySourceType: SourceTypeImpact[];
  /** Leads per rep before and after, reps in config order, then other owners, then nobody. */
  load: RepLoad[];
  /** Pools that received leads in either config, in config order. */
  pools: PoolShare[];
  sla: { policyChanges: Transition[]; dueShift: SlaShift };
  /**
   * Each rep's expected share of a pool's leads per week, before and after (weights, absences,
   * replacements), for the pools where a share moves, in each week of `SimulationOptions.weeks`.
   */
  expectedShares: {
    weeks: string[];
    pools: PoolShareChange[];
    /** How to name each rep of `pools`: `Name (email)`, or the email when the config has no name. */
    names: Record<string, string>;
  };
  /** Decision changes first (different kinds first), then the pool change at work, then reshuffles. */
  examples: SimulationExample[];
}

/** Options of a simulation. */
export interface SimulationOptions {
  /** How many changed decisions to keep as examples, with their traces. Default 3. */
  examples?: number;
  /**
   * Names the contact being replayed, for examples. Called only for contacts that may be shown
   * as examples (at most twice `examples`), while that contact is the current one of the replay.
   */
  label?: (input: RouteInput, index: number) => string | null;
  /** Weeks (`YYYY-MM-DD`, each the first of 7 days, usually a Monday) to work out expected shares for. Default none. */
  weeks?: readonly string[];
}
