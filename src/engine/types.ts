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
  /**
   * The company's other domains (HubSpot's `hs_additional_domains`, semicolon-separated there):
   * account matching by email domain finds the company by these too.
   */
  additionalDomains?: string[];
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

/** Leads reps and pools already have, for capacity caps. */
export interface LeadLoad {
  /**
   * Earlier assignments: who got a lead (and from which pool) at which instant. The engine counts
   * those on the same business day and week of the rep's (or pool's) calendar. `count` stands for
   * several leads at that instant (default 1).
   */
  assigned?: { rep: string; pool?: string | null; at: number; count?: number }[];
  /** Open (not yet worked) leads per rep email. */
  open?: Record<string, number>;
}

/** Where the SLA of a routed lead stands, to decide which escalation steps are due. */
export interface EscalationClock {
  /** Now, epoch milliseconds. */
  now: number;
  /** The first touch of the lead by its owner (HubSpot's last-activity properties), or null. */
  firstTouchAt: number | null;
}

export interface RouteInput {
  /** When the event happened, epoch milliseconds. */
  at: number;
  contact: RouteContact;
  event: RouteEvent;
  /** What reps and pools already have (capacity). Absent: nobody has anything. */
  load?: LeadLoad;
  /**
   * Companies the contact could belong to, for account matching by email domain when it has no
   * associated company (the router finds them in HubSpot by domain).
   */
  accounts?: RouteCompany[];
  /** Ask the engine which escalation steps are due at `escalation.now` (fixtures, the router). */
  escalation?: EscalationClock;
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
  /** Pool members left out of the pick (absent, not yet started, left, capped). Empty when none. */
  skipped?: SkippedMember[];
  /** How the company was found: `associated`, `email_domain`, or why not (`free_mail`, `none`). */
  account?: AccountMatch;
  /** Escalation of the SLA, when the input asked (`RouteInput.escalation`). */
  escalation?: EscalationOutcome;
}

/** A pool member left out of a pick. */
export interface SkippedMember {
  rep: string;
  pool: string;
  reason: "not_started" | "ended" | "absent" | "capacity" | "escalated";
  detail: string;
}

/** How the lead's company was found. */
export type AccountMatch = "associated" | "email_domain" | "free_mail" | "none";

/** One escalation step whose time has come. */
export interface EscalationStepRun {
  /** Position of the step in the SLA policy's `escalation`, from 0. */
  index: number;
  action: "notify_rep" | "notify_manager" | "notify_channel" | "reassign";
  /** When the step fell due, epoch milliseconds. */
  dueAt: number;
  /** Who or where: the rep or manager notified, the channel id, the new owner (or queue) of a reassignment. */
  target: string | null;
  /** `urgent` for inbound leads, `calm` for outbound ones. */
  style: "urgent" | "calm";
  /** For a reassignment: the decision the engine reached routing the lead again. */
  reassignment?: Omit<Decision, "escalation" | "trace">;
}

/** The SLA escalation state of a lead at an instant. */
export interface EscalationOutcome {
  /** `met`: touched by the due time; `pending`: not due yet; `breached`: due time passed untouched. */
  status: "met" | "pending" | "breached" | "no_sla";
  /** The steps due by `now` and not made moot by a first touch, in order. */
  steps: EscalationStepRun[];
  /** The next step's due instant, when one is still to come (the router's next wake-up). */
  nextDueAt: number | null;
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
  /** Reps (emails) who must not get the lead: an escalation reassigning it away from them. */
  exclude?: readonly string[];
}
