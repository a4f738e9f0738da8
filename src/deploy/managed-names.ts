/**
 * Names of everything RouteOps manages in HubSpot. One table, shared by the deploy compiler, the
 * emulator's seeded portals and the audit, so that they always agree.
 */

/** The contact property group that holds every managed property. */
export const MANAGED_GROUP = { name: "routeops", label: "RouteOps routing" } as const;

/** Marker put in the description of every managed property and flow (with the config version). */
export const MANAGED_MARKER = "[managed by RouteOps]";

/** Managed contact properties (internal names). */
export const MANAGED_PROPERTIES = {
  /** Routing Source Type: enumeration of the config's source types. Empty = unclassified. */
  sourceType: "routeops_source_type",
  /** Routing system that decided: inbound | outbound | reengagement | unclassified. */
  system: "routeops_system",
  /** Id of the deciding rule. */
  rule: "routeops_rule",
  /** Pool the lead was routed to. */
  pool: "routeops_pool",
  /** Queue the lead was routed to. */
  queue: "routeops_queue",
  /** SLA policy id. */
  slaPolicy: "routeops_sla_policy",
  /** SLA due instant (datetime). */
  slaDueAt: "routeops_sla_due_at",
  /** Re-engagement flag (bool). */
  reengagement: "routeops_reengagement",
  /** Collaborating rep (owner-referenced). */
  collaborator: "routeops_collaborator",
  /** Original outbound owner of a re-engagement (owner-referenced). */
  originalOwner: "routeops_original_owner",
  /** When the contact was routed (datetime). */
  routedAt: "routeops_routed_at",
  /** Config version that routed the contact. */
  configVersion: "routeops_config_version",
  /** Notification style used. */
  notification: "routeops_notification",
} as const;

export type ManagedPropertyKey = keyof typeof MANAGED_PROPERTIES;
