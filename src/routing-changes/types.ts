/**
 * A change to the routing config in the routing's own words: who joined or left, which pool
 * member was added or re-weighted, which countries a territory gained, which rule's condition
 * changed from what to what. Reps are named by name and email, never by HubSpot owner id, and
 * values are whole (never cut short), so a sales leader can approve a pull request from it.
 */

/** What part of the routing a change belongs to, in the order reports list them. */
export type ChangeArea =
  | "reps"
  | "pools"
  | "queues"
  | "territories"
  | "segments"
  | "source types"
  | "SLA policies"
  | "rules"
  | "re-engagement and handoff"
  | "calendars";

export const CHANGE_AREAS: readonly ChangeArea[] = [
  "reps",
  "pools",
  "queues",
  "territories",
  "segments",
  "source types",
  "SLA policies",
  "rules",
  "re-engagement and handoff",
  "calendars",
];

export type ChangeKind =
  | "added"
  | "removed"
  | "changed"
  | "moved"
  | "joined"
  | "left"
  | "returned"
  | "away"
  | "back"
  | "replaced"
  | "member-added"
  | "member-removed"
  | "weight";

/** One change, worded as one line. */
export interface RoutingChange {
  area: ChangeArea;
  kind: ChangeKind;
  /** The id of what changed (rep email, pool id, rule id...). */
  subject: string;
  /** The rep a pool change is about (email), when there is one. */
  rep?: string;
  /** The field that changed, for `changed`. */
  field?: string;
  /** The whole value before and after, in words (`null`: none). */
  from?: string | null;
  to?: string | null;
  /** The sentence a report shows. */
  text: string;
}

/** Every change between a base and a head config. */
export interface RoutingChanges {
  base: { version: string };
  head: { version: string };
  changes: RoutingChange[];
}
