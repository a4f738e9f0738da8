/**
 * What the deploy compiler reports. Errors stop the plan; warnings are HubSpot limitations (places
 * where the deployed flows cannot do exactly what the engine does) and are listed by every plan.
 * Codes are stable: docs, tests and the audit refer to them.
 */

export type DeployErrorCode =
  /** A rep's email matches no HubSpot owner. */
  | "owner_not_found"
  /** A rep active in the config is deactivated (archived owner) in HubSpot. */
  | "owner_deactivated"
  /** Several active HubSpot owners share a rep's email. */
  | "owner_ambiguous"
  /** The config names something it does not define (rep, pool, queue, SLA policy, territory, calendar...). */
  | "unknown_reference"
  /** A replacement chain ends at an inactive rep, loops, or names an unknown rep. */
  | "replacement_chain_broken"
  /** A calendar's time zone is not a valid IANA zone. */
  | "unknown_time_zone"
  /** The portal lacks an action type the flows use. */
  | "action_type_missing"
  /** A rep in a rotating pool has an owner but no HubSpot user id (rotation takes user ids). */
  | "owner_without_user";

export interface DeployError {
  code: DeployErrorCode;
  /** What is wrong and what to do, in one or two sentences. */
  message: string;
  /** Where in the routing config (for example `reps[8].replacedBy`), when it comes from there. */
  path?: string;
  /** The rep concerned (email), for owner errors. */
  rep?: string;
}

export type DeployWarningCode =
  | "sla_calendar_time"
  | "rotation_weights_repeated"
  | "rotation_position_per_action"
  | "out_of_office_by_deploy_date"
  | "pool_unavailable_on_date"
  | "replacements_compiled"
  | "inactive_rep_without_owner"
  | "territory_spellings"
  | "number_property_values"
  | "page_path_prefix_contains"
  | "call_outcome_values"
  | "unverified_action_types"
  | "unverified_event_types"
  | "event_kind_not_deployable"
  | "contact_created_delay"
  | "reengagement_latest_touch"
  | "nurture_sequence_unresolved"
  | "nurture_keeps_owner"
  | "router_only_operations";

export interface DeployWarning {
  code: DeployWarningCode;
  message: string;
  /** The config object concerned (pool, rep, policy, event kind...), when there is one. */
  subject?: string;
}
