/**
 * The engine's contract: what goes into a routing decision and what comes out. Shared by the
 * fixture runner, the simulator, the deploy compiler's differential test and the audit.
 */
import type { EventKind, Intent, NotificationStyle, TouchKind } from "../config/types";

/** What just happened to the contact. Fields follow the fixture format's event kinds. */
export interface RouteEvent {
  kind: EventKind;
  /** form_submission */
  formId?: string;
  pageUrl?: string;
  fields?: Record<string, string>;
  /** meeting_booked */
  meetingType?: string;
  /** chat_completed */
  qualified?: boolean;
  lastIntent?: string;
  /** sequence_reply */
  sequence?: string;
  /** call_logged; absent means `connected` */
  outcome?: string;
  /** list_import */
  importSource?: string;
  /** The rep (email) the event names: sequence owner, caller, booked calendar, importer. */
  owner?: string;
}

/** An earlier outbound touch of the contact by a rep. */
export interface OutboundTouch {
  kind: TouchKind;
  /** Rep email. */
  owner: string;
  /** Epoch milliseconds. */
  at: number;
  sequence?: string;
}

export interface RouteCompany {
  domain?: string;
  /** Owner email (may be someone who is not a rep in the config). */
  owner?: string;
  properties?: Record<string, string>;
}

export interface RouteContact {
  email?: string;
  /** HubSpot contact properties (`country`, `state`, ...), values as strings. */
  properties?: Record<string, string>;
  company?: RouteCompany;
  history?: OutboundTouch[];
}

export interface RouteInput {
  /** When the event happened, epoch milliseconds. */
  at: number;
  contact: RouteContact;
  event: RouteEvent;
}

export type RoutingSystemId = "inbound" | "outbound" | "reengagement" | "unclassified";

/** One step of the explanation: a rule (or classification step) evaluated, and why it (did not) match. */
export interface TraceStep {
  /**
   * `source`, `reengagement`, `inbound`, `outbound`, `intent`, `unclassified`, `pool`; the engine
   * also writes `territory`, `segment` and `sla` steps.
   */
  stage: string;
  /** Rule or source type id. */
  id: string;
  matched: boolean;
  /** Human-readable reason, for example `territory is na-west (state CA)`. */
  reason: string;
}

export interface Decision {
  /** Source type id, or `null` when unclassified. */
  sourceType: string | null;
  system: RoutingSystemId;
  /** Id of the deciding rule. */
  rule: string;
  /** Intent used by the inbound rules (`null` for outbound and unclassified). */
  intent: Intent | null;
  /** Normalised ISO country code and state, and the territory/segment derived from them. */
  country: string | null;
  state: string | null;
  territory: string | null;
  segment: string | null;
  /**
   * The rep (email) who owns the lead: a named owner, a pool's only available member, or a
   * queue's backup owner. `null` for a pool with several available members (see `rotationPick`)
   * and for nurture.
   */
  owner: string | null;
  pool: string | null;
  queue: string | null;
  nurture: string | null;
  /** The member that weighted round robin picked, when the outcome is a pool. */
  rotationPick: string | null;
  collaborator: string | null;
  reengagement: boolean;
  /** The original outbound rep of a re-engagement (after replacements). */
  originalRep: string | null;
  slaPolicy: string | null;
  /** SLA due instant, epoch milliseconds, or `null` when no SLA applies. */
  slaDueAt: number | null;
  /** Calendar id the SLA clock ran on. */
  slaCalendar: string | null;
  /** Time zone of that calendar (so that explanations can show the due time locally). */
  slaTimeZone?: string | null;
  notification: NotificationStyle;
  trace: TraceStep[];
}

/**
 * Where every pool's weighted round robin stands: per pool id, per member email, the member's
 * current counter. A plain object, so it round-trips through JSON and a replay started from a
 * saved state hands out leads exactly as before. `route` advances it in place.
 */
export interface RotationState {
  pools: Record<string, Record<string, number>>;
}

/** Options of `route`. */
export interface RouteOptions {
  /** Rotation state to pick pool members from (advanced in place). Default: a fresh state. */
  rotation?: RotationState;
  /** Build the explanation (`Decision.trace`). Default `true`; `false` leaves it empty (bulk replays). */
  trace?: boolean;
}
