/**
 * The routing configuration model: what a RevOps person writes in `routing/*.ts`.
 *
 * These interfaces are the public, documented face of the model (their JSDoc is what an editor
 * shows). `schema.ts` holds the zod schema that checks the same shape at run time; a type-level
 * assertion there keeps the two in step.
 *
 * Every collection is an array of objects with an `id` (reps are identified by `email`), so that
 * order is explicit where it matters (sources, rules) and duplicate ids can be reported.
 */

/** Day of the week, as used in weekly business hours. */
export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";

/** A business-hours interval in local wall-clock time, `"HH:MM-HH:MM"` (24 h, end after start). */
export type HoursInterval = string;

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** Business hours of a team or rep. SLA clocks only run inside these hours. */
export interface CalendarConfig {
  /** Stable id, referenced by reps, pools and queues (for example `us-east`). */
  id: string;
  /** IANA time zone, for example `America/New_York`. Daylight-saving changes follow from it. */
  timeZone: string;
  /** Open hours per weekday, local wall-clock time. Days not listed are closed. */
  weeklyHours: Partial<Record<Weekday, HoursInterval[]>>;
  /** Whole local days off (`YYYY-MM-DD`). */
  holidays?: IsoDate[];
}

/**
 * A local date `YYYY-MM-DD`, or a local date and time `YYYY-MM-DDTHH:MM` (24 h), read in the
 * rep's calendar time zone.
 */
export type LocalDateOrTime = string;

/**
 * An absence in the rep's local time. A date alone covers the whole day: `{ from: "2026-08-03",
 * to: "2026-08-14" }` is both days and every day between. With a time, the absence starts at
 * `from` and ends at `to` (the rep is back at that minute): `{ from: "2026-09-14T13:00", to:
 * "2026-09-14T17:00" }` is one afternoon. Dates and times can be mixed.
 */
export interface DateRange {
  from: LocalDateOrTime;
  to: LocalDateOrTime;
}

/**
 * How many leads a rep (or a whole pool) takes. Days and weeks are business days and weeks of the
 * rep's (or pool's) calendar: a lead counts on the business day its SLA clock starts (a lead at
 * 22:00 counts on the next business day), a week runs Monday to Sunday. A capped rep is skipped
 * by pool rotation like an absent one; named assignments (account owner, event owner) still apply.
 */
export interface CapacityConfig {
  /** At most this many new leads per business day. */
  perDay?: number;
  /** At most this many new leads per business week (Monday to Sunday). */
  perWeek?: number;
  /**
   * At most this many open leads at once. Reps only. In the router a lead is open from its
   * decision (for its current owner, after any reassignment) until the router sees the owner's
   * first touch in HubSpot (`hs_sa_first_engagement_date`, else a later
   * `hs_last_sales_activity_timestamp` or `notes_last_contacted`); a lead never touched stops
   * counting 30 days after its request. Fixtures state the count under `load.open`.
   */
  open?: number;
}

/** A business-time delay, counted on the SLA's calendar. */
export interface BusinessDelay {
  unit: "business_minutes" | "business_hours" | "business_days";
  amount: number;
}

/**
 * One step of an SLA escalation, run when the SLA is breached (no first touch by the due time)
 * and `after` has elapsed since the due time, in business time of the SLA's calendar. Inbound
 * steps notify urgently; outbound steps use the calm style.
 */
export type EscalationStep =
  /** Remind the rep who owns the lead. */
  | { after: BusinessDelay; action: "notify_rep" }
  /** Tell a manager: a rep of this config, by email (for example the team lead). */
  | { after: BusinessDelay; action: "notify_manager"; manager: string }
  /** Post in a channel declared in `notifications.channels`, by id. */
  | { after: BusinessDelay; action: "notify_channel"; channel: string }
  /**
   * Reassign: with `queue`, to that queue; without, to the next available member of the lead's
   * pool (the engine routes the lead again without its current owner, so the rule's overflow and
   * the system's fallback apply when nobody else is available).
   */
  | { after: BusinessDelay; action: "reassign"; queue?: string };

/** A place notifications go to. */
export interface NotificationChannelConfig {
  /** Stable id, referenced by escalation steps (`notify_channel`). */
  id: string;
  /** The Slack channel: a name like `#sales-escalations` or a channel id like `C0123456789`. */
  slackChannel: string;
  label?: string;
}

/** Where notifications go besides the reps themselves. */
export interface NotificationsConfig {
  channels: NotificationChannelConfig[];
}

/**
 * Finding a lead's account when HubSpot has not associated a company: by the domain of the
 * contact's email, ignoring free-mail domains (gmail.com, outlook.com, ... a list maintained in
 * `src/engine/free-mail-domains.ts`).
 */
export interface AccountMatchingConfig {
  /** Match a contact with no associated company to the company whose domain is its email's. */
  byEmailDomain: boolean;
  /** More domains to treat as free mail (your own, a local provider), lower case. */
  extraFreeMailDomains?: string[];
}

/** A person who can receive leads. Identified everywhere by email. */
export interface RepConfig {
  /** Email, as in HubSpot's owner list; the rep's id everywhere in the config. */
  email: string;
  /** Display name. */
  name: string;
  /** Role, for people and reports (for example `AE`, `SDR`, `outbound hunter`). */
  role: string;
  /** Id of the calendar whose business hours the rep's SLA clocks run on. */
  calendar: string;
  /** Territory ids the rep covers (used by re-engagement handoff). */
  territories: string[];
  /** `false` once the rep left: they never receive a lead; `replacedBy` does. Default `true`. */
  active?: boolean;
  /** Email of the rep who takes over this rep's leads when this rep is inactive. */
  replacedBy?: string;
  /** Absences: pool rotation skips the rep on these local days or times (named assignments still apply). */
  outOfOffice?: DateRange[];
  /** First local day the rep takes leads (a new hire is not in the rotation of earlier leads). */
  startsOn?: IsoDate;
  /** Last local day the rep takes leads from pools (a leaver still takes leads on this day). */
  endsOn?: IsoDate;
  /** Caps on the leads the rep takes from pools, counted on the rep's calendar. */
  capacity?: CapacityConfig;
  /** Slack member id (`U0123ABCD`), so that notifications mention the rep. */
  slackUserId?: string;
}

/** A member of a round-robin pool. */
export interface PoolMember {
  /** Email of the rep. */
  rep: string;
  /** Share of leads relative to the other members (positive integer). Default 1. */
  weight?: number;
}

/** A group of reps that share leads by smooth weighted round robin. */
export interface PoolConfig {
  id: string;
  /** Human-readable name. */
  label?: string;
  /** Calendar that SLA clocks run on when a lead goes to the pool rather than to one rep. */
  calendar: string;
  members: PoolMember[];
  /** Caps on the leads the whole pool takes, counted on the pool's calendar (`open` is ignored). */
  capacity?: CapacityConfig;
  /**
   * `true`: a member skipped for absence or capacity is owed the leads they missed and catches up
   * on return. Default `false`: rotation simply goes on among those available (nobody is owed a burst).
   */
  catchUp?: boolean;
}

/** A holding queue: leads wait here for a person, with a named backup owner. */
export interface QueueConfig {
  id: string;
  label?: string;
  /** Email of the rep who owns leads in this queue. */
  backupOwner: string;
  /** Calendar for SLA clocks of leads in the queue. */
  calendar: string;
}

/** One clause of a territory: a country, optionally narrowed by US/CA state codes. */
export interface TerritoryMatch {
  /** ISO 3166-1 alpha-2 country code (values are normalised before matching). */
  country: string;
  /** Only these states/provinces (USPS codes for the US). */
  states?: string[];
  /** Every state except these (a contact with no state matches). */
  exceptStates?: string[];
}

/** A geographic territory. Territories must not overlap. */
export interface TerritoryConfig {
  id: string;
  label?: string;
  /** The territory matches a contact when any clause matches. */
  matches: TerritoryMatch[];
}

/** A company-size segment, by the associated company's `numberofemployees`. */
export interface SegmentConfig {
  id: string;
  /** Inclusive lower bound of employees. */
  minEmployees?: number;
  /** Inclusive upper bound of employees. */
  maxEmployees?: number;
  /** This segment also applies when the size is unknown (no company or no value). */
  whenUnknown?: boolean;
}

/** The kind of event that just happened to a contact. */
export type EventKind =
  | "form_submission"
  | "meeting_booked"
  | "chat_completed"
  | "sequence_reply"
  | "call_logged"
  | "list_import"
  | "contact_created";

/**
 * A classification matcher: every field given must hold (AND). A source type matches when any
 * of its matchers matches.
 */
export interface SourceMatcher {
  /** The event kind. */
  event: EventKind;
  /** Form id equals one of these. */
  formId?: string[];
  /** Form id starts with one of these. */
  formIdPrefix?: string[];
  /** The page URL's path starts with one of these (for example `/pricing`). */
  pagePathPrefix?: string[];
  /** The chat conversation was (or was not) qualified. */
  chatQualified?: boolean;
  /** The call outcome is one of these (a call with no outcome counts as `connected`). */
  callOutcome?: string[];
  /** The list import's source starts with one of these (for example `event:`). */
  importSourcePrefix?: string[];
}

/** Intent level of an inbound lead. */
export type Intent = "high" | "standard" | "low";

/** Intent that depends on the lead: the first rule whose condition holds decides. */
export interface ConditionalIntent {
  rules: { when: Condition; intent: Intent }[];
  /** Intent when no rule holds. */
  otherwise: Intent;
}

/** The routing system a source type feeds. */
export type SourceSystem = "inbound" | "outbound";

/** A value of the Routing Source Type property, with how contacts are classified into it. */
export interface SourceTypeConfig {
  /** Stable id, the value stored in HubSpot (for example `inbound_demo_request`). */
  id: string;
  /** Label people read in HubSpot (for example `Inbound: demo request`). */
  label: string;
  system: SourceSystem;
  /** Intent of leads from this source (inbound only): fixed, or conditional. */
  intent?: Intent | ConditionalIntent;
  /** How a contact is classified into this source type; any matcher matching is enough. */
  matchers: SourceMatcher[];
}

/** An SLA target in business time. */
export type SlaTarget =
  | { unit: "business_minutes" | "business_hours" | "business_days"; amount: number }
  /** End of the business day on which the clock starts (next business day when outside hours). */
  | { unit: "end_of_business_day" };

export interface SlaPolicyConfig {
  id: string;
  label?: string;
  target: SlaTarget;
  /** What happens when the SLA is breached, step by step (each `after` counts from the due time). */
  escalation?: EscalationStep[];
}

/**
 * A rule condition: every field given must hold (AND). An empty condition `{}` always holds
 * (a catch-all). The vocabulary is closed on purpose: every condition compiles to a HubSpot
 * workflow branch.
 */
export interface Condition {
  /** The contact's source type is one of these. */
  sourceType?: string[];
  /** The lead's intent is one of these. */
  intent?: Intent[];
  /** The contact is in one of these territories. */
  territory?: string[];
  /** The contact is (`true`) or is not (`false`) in any territory. */
  hasTerritory?: boolean;
  /** The associated company's segment is one of these. */
  segment?: string[];
  /** The associated company has (or has not) an owner. */
  companyHasOwner?: boolean;
  /** The event names a rep (sequence owner, caller, booked calendar, importer). */
  eventHasOwner?: boolean;
  /** The chat was qualified (chat events only). */
  chatQualified?: boolean;
  /** Re-engagement only: the original outbound rep covers the contact's territory. */
  originalRepCoversTerritory?: boolean;
}

/** Where a lead goes when a rule matches. */
export type Outcome =
  /** A named rep. */
  | { type: "rep"; rep: string }
  /** The associated company's owner, or the rep named by the event (after replacements). */
  | { type: "owner"; from: "account_owner" | "event_owner" }
  /** One pool, or a pool chosen by the contact's territory. */
  | { type: "pool"; pool: string }
  | { type: "pool"; byTerritory: Record<string, string> }
  | { type: "queue"; queue: string }
  /** A nurture sequence, with no owner. */
  | { type: "nurture"; sequence: string };

/** How urgent the notification to the receiving rep is. */
export type NotificationStyle = "urgent" | "calm" | "none";

/** SLA of a rule: a policy id, `"by_intent"` (the system's intent table) or `null` (none). */
export type RuleSla = string | "by_intent" | null;

/** One priority-ordered routing rule. */
export interface RuleConfig {
  /** Stable id, recorded on the contact as the deciding rule. */
  id: string;
  /** What the rule is for, in a sentence. */
  description?: string;
  when: Condition;
  outcome: Outcome;
  sla: RuleSla;
  notification: NotificationStyle;
  /**
   * Where the lead goes when the outcome's pool has nobody available (everyone absent or capped,
   * or the pool's own cap reached): another pool or a queue. Without it, the system's fallback rule.
   */
  overflow?: OverflowOutcome;
}

/** A rule's overflow: another pool or a queue. */
export type OverflowOutcome = { type: "pool"; pool: string } | { type: "queue"; queue: string };

export interface InboundSystemConfig {
  /** Ordered rules; the first match wins. The last must be a catch-all. */
  rules: RuleConfig[];
  /** SLA policy per intent for rules whose `sla` is `"by_intent"`. */
  slaByIntent: Record<Intent, string | null>;
}

export interface OutboundSystemConfig {
  /** Ordered rules; the first match wins. The last must be a catch-all. */
  rules: RuleConfig[];
}

/** How a re-engagement is handed over between the outbound rep and the inbound system. */
export type HandoffModel = "original_rep" | "inbound_pool" | "collaborative";

/** A re-engagement rule: which handoff model applies when its condition holds. */
export interface ReengagementRuleConfig {
  id: string;
  description?: string;
  when: Condition;
  /**
   * `original_rep`: the original outbound rep owns the lead. `inbound_pool`: the inbound rules
   * decide. `collaborative`: the inbound rules decide, and the original rep is the collaborator.
   */
  handoff: HandoffModel;
  sla: RuleSla;
  notification: NotificationStyle;
}

/** An outbound touch kind that counts as prior outbound history. */
export type TouchKind = "sequence_enrollment" | "call" | "event";

/** Re-engagement: an inbound lead with recent outbound history from a rep. */
export interface ReengagementConfig {
  /** Touches older than this many days are ignored. */
  lookbackDays: number;
  /** Which kinds of outbound touch count. */
  touchKinds: TouchKind[];
  /** Intent given to re-engagements when the inbound rules decide. */
  intent: Intent;
  /** Ordered; the first match wins. The last must be a catch-all. */
  rules: ReengagementRuleConfig[];
  /** How conversion credit for a re-engagement is split, in percent (sums to 100). */
  attribution: { originalRep: number; handler: number };
}

/** The catch for contacts that no source type classifies: nothing is lost. */
export interface UnclassifiedConfig {
  /** Rule id recorded on unclassified contacts. */
  rule: string;
  /** Queue that receives them. */
  queue: string;
  sla: string | null;
  notification: NotificationStyle;
}

/**
 * How `routeops deploy` carries out the routing in HubSpot.
 * - `router` (the default): the deployed workflows only capture the event HubSpot sees and stamp a
 *   routing request; the `routeops router` service classifies and decides with the engine.
 * - `workflows`: the whole routing is compiled into HubSpot workflows, with HubSpot's limitations
 *   (calendar-time SLAs, rotation per action, out-of-office by deploy date...; docs/deploy.md).
 */
export type DeployMode = "router" | "workflows";

/** Deploy settings. */
export interface DeployConfig {
  /** Default `router`. `routeops plan|deploy --mode` overrides it. */
  mode?: DeployMode;
}

/** The whole routing configuration. */
export interface RoutingConfig {
  /** Config version recorded on routed contacts and deployed objects (for example `2026.11.1`). */
  version: string;
  calendars: CalendarConfig[];
  reps: RepConfig[];
  pools: PoolConfig[];
  queues: QueueConfig[];
  territories: TerritoryConfig[];
  segments: SegmentConfig[];
  /** Source identification layer, in order: the first matching source type wins. */
  sources: SourceTypeConfig[];
  slaPolicies: SlaPolicyConfig[];
  systems: { inbound: InboundSystemConfig; outbound: OutboundSystemConfig };
  reengagement: ReengagementConfig;
  unclassified: UnclassifiedConfig;
  /** Calendar used for an owner who is not a rep in this config. */
  defaultCalendar: string;
  /** How deploy carries out the routing in HubSpot (default: the router decides). */
  deploy?: DeployConfig;
  /** Slack channels that escalation steps can notify. */
  notifications?: NotificationsConfig;
  /** Account matching by email domain for contacts with no associated company. */
  accountMatching?: AccountMatchingConfig;
}
