/**
 * The audit's report model: plain data, computed by the pure core from contacts, owners, the
 * config and the deploy plan, and turned into Markdown, text or JSON by the renderers. The JSON
 * output is this model inside one envelope (see `render/json.ts`), so changing a field here is a
 * change of the public JSON contract.
 *
 * Durations are business minutes on the lead's calendar; instants are ISO 8601 strings in UTC.
 */
import type { OperationsSection } from "./operations";

/** A routing system as recorded on the contact (`routeops_system`). */
export type AuditSystem = "inbound" | "outbound" | "reengagement" | "unclassified";

/** Every system, in the order reports show them. */
export const AUDIT_SYSTEMS: readonly AuditSystem[] = ["inbound", "outbound", "reengagement", "unclassified"];

/** A ratio kept with its parts, so that no reader has to trust a bare percentage. */
export interface Rate {
  numerator: number;
  denominator: number;
  /** `numerator / denominator`, or `null` when the denominator is 0 (nothing to measure). */
  rate: number | null;
}

/** A count in this window against the previous window of the same length. */
export interface Trend {
  current: number;
  previous: number;
  /** `current - previous`. */
  change: number;
  /** Relative change, `null` when the previous window had none. */
  changeRate: number | null;
}

/** Median and 90th percentile (nearest rank) of business-minute durations. */
export interface DurationStats {
  count: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
}

/** A histogram bucket of durations: `upToMinutes` inclusive, `null` for the open last bucket. */
export interface DurationBucket {
  label: string;
  upToMinutes: number | null;
  count: number;
}

/**
 * SLA outcome counts. `met`: first engagement at or before the due instant. `breached`: engaged
 * after it, or not engaged and already past it. `pending`: not engaged and not yet due (reported
 * apart, never counted as met or breached). `noSla`: no SLA applies (nurture, unclassified).
 * `notMeasurable`: the only engagement on record predates the routing (an older relationship), so
 * the response to this routing cannot be told from it.
 */
export interface SlaCounts {
  met: number;
  breached: number;
  pending: number;
  noSla: number;
  notMeasurable: number;
  /** `met / (met + breached)`. */
  compliance: Rate;
}

/** Where a contact is linked in HubSpot: its record id and the app URL (when the portal is known). */
export interface ContactExample {
  id: string;
  /** First and last name as typed by the contact: untrusted text, escaped by every renderer. */
  name: string | null;
  url: string | null;
}

/** Something in HubSpot that differs from what `routing/` would deploy, or an owner problem. */
export interface DriftItem {
  /** What kind of object: a managed property, the property group, a workflow, an owner. */
  object: "property" | "property_group" | "flow" | "owner" | "pool_member";
  /** The object's name (internal property name, flow name, owner email). */
  name: string;
  /** What happened outside RouteOps, for example `edited`, `archived`, `deleted`, `disabled`. */
  change: string;
  /** One line per difference, worded for a RevOps reader. */
  details: string[];
}

export interface DriftSection {
  /** Whether managed objects were compared with what routing/ would deploy (owners are always checked). */
  checked: boolean;
  /** Why managed objects were not compared, when `checked` is false. */
  uncheckedReason: string | null;
  items: DriftItem[];
}

/** A group of unclassified contacts that share what is known of where they came from. */
export interface UnclassifiedGroup {
  /** HubSpot's original source (`hs_analytics_source`), or `null` when empty. */
  source: string | null;
  /** Drill-down 1 (`hs_analytics_source_data_1`): form, import, integration... */
  detail1: string | null;
  /** Drill-down 2 (`hs_analytics_source_data_2`). */
  detail2: string | null;
  trend: Trend;
  /** A few contacts of this window, the first ones read. */
  examples: ContactExample[];
}

export interface UnclassifiedSection {
  /** Contacts created in the window without a Routing Source Type. */
  trend: Trend;
  /** Largest groups first; at most `groupLimit` groups, the rest folded into `otherGroups`. */
  groups: UnclassifiedGroup[];
  /** Groups not listed, and how many contacts they hold in this window. */
  otherGroups: { groups: number; contacts: number };
}

export interface SourceTypeRow {
  sourceType: string;
  label: string;
}

export interface InboundSection {
  /** Leads routed by the inbound system in the window. */
  leads: number;
  unowned: UnownedCounts;
  speedToLead: DurationStats & { buckets: DurationBucket[]; notEngaged: number; notMeasurable: number };
  speedBySourceType: (SourceTypeRow & { stats: DurationStats })[];
  slaBySourceType: (SourceTypeRow & { sla: SlaCounts })[];
  sla: SlaCounts;
  conversionBySourceType: (SourceTypeRow & { conversion: Rate })[];
  conversion: Rate;
}

/**
 * Leads without an owner. `noOwner`: `hubspot_owner_id` empty. `deactivatedOwner`: owned by an
 * owner that HubSpot lists as archived. Nurture leads have no owner by design and are counted in
 * `nurture`, not in `total`.
 */
export interface UnownedCounts {
  total: number;
  noOwner: number;
  deactivatedOwner: number;
  nurture: number;
}

/** A rep as reports name them: the config's name when the rep is in the config. */
export interface RepRef {
  /** Email, or `owner <id>` for an owner HubSpot does not know. */
  rep: string;
  name: string;
}

export interface OutboundSection {
  leads: number;
  unowned: UnownedCounts;
  /** Sequence replies: routed-at to first engagement, by the owning rep. */
  replyResponseByRep: (RepRef & { replies: number; awaiting: number; stats: DurationStats })[];
  /** Outbound leads with no follow-up (engagement or sequence enrollment) within the follow-up window. */
  followUp: {
    /** The window, in business days of the lead's calendar. */
    businessDays: number;
    /** Followed up within the window. */
    withFollowUp: number;
    /** The window ended with no follow-up in it (a later follow-up does not make up for it). */
    withoutFollowUp: number;
    /** Window still open and nothing yet. */
    pending: number;
    /** `withoutFollowUp / (withFollowUp + withoutFollowUp)`. */
    missed: Rate;
    /** A few leads without follow-up. */
    examples: ContactExample[];
  };
  meetingsByRep: (RepRef & { conversion: Rate })[];
  meetingsByTerritory: { territory: string; conversion: Rate }[];
  sla: SlaCounts;
}

export interface ReengagementSection {
  leads: number;
  unowned: UnownedCounts;
  /** Calendar month (UTC, `YYYY-MM`) of routed-at. */
  byMonth: { month: string; leads: number }[];
  conversion: Rate;
  /** Inbound-system leads (no re-engagement) of the same window, for comparison. */
  pureInboundConversion: Rate;
  attribution: {
    /** Percent of each conversion credited to the original outbound rep and to the handling rep. */
    originalRep: number;
    handler: number;
    /** Conversions credited per rep, in conversions (0.5 = half a conversion). */
    credits: (RepRef & { asOriginalRep: number; asHandler: number; total: number })[];
  };
  sla: SlaCounts;
}

/** One system's figures in the unified view. */
export interface SystemFigures {
  system: AuditSystem;
  volume: Trend;
  unowned: number;
  sla: SlaCounts;
  /** Leads at lifecycle stage opportunity or customer (pipeline from routed contacts). */
  opportunities: number;
}

export interface UnifiedSection {
  systems: SystemFigures[];
  /** Sums of the per-system figures; the compliance is over the summed counts. */
  totals: Omit<SystemFigures, "system">;
  /** Contacts created in the window that carry no routed-at: routing never ran for them. */
  notRouted: number;
}

export interface VolumeSection {
  /** UTC days of the window, oldest first, with leads routed per system on that day. */
  days: ({ day: string } & Record<AuditSystem, number>)[];
}

/** The counts that `--fail-on` looks at. */
export interface AuditFindings {
  drift: number;
  unclassified: number;
  slaBreaches: number;
}

export interface ReportWindow {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
}

/** The whole audit report. */
export interface AuditReport {
  portalId: string | null;
  configVersion: string;
  /** The audit's "now" (ISO), against which pending SLAs and elapsed follow-up windows are judged. */
  generatedAt: string;
  window: ReportWindow;
  /** Contacts read from HubSpot (both windows and anything else the read returned). */
  contactsRead: number;
  drift: DriftSection;
  unified: UnifiedSection;
  volume: VolumeSection;
  unclassified: UnclassifiedSection;
  inbound: InboundSection;
  outbound: OutboundSection;
  reengagement: ReengagementSection;
  findings: AuditFindings;
  /** Fairness and health from the router's decision log (src/audit/operations.ts), when read. */
  operations?: OperationsSection;
}
