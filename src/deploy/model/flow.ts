/**
 * The automation v4 CONTACT_FLOW body that RouteOps writes: the subset of HubSpot's contract
 * (src/hubspot-contract/flows.ts, from the official SDK types) that the compiler emits. Every
 * body satisfies `ContactFlowCreateRequest`; the enabling and updating PUT sends
 * `putRequestOf(body)`. docs/deploy.md describes each shape and what a flow executor does with it.
 */
import type * as C from "../../hubspot-contract/flows";

export type FlowValue = C.FlowValue;
export type FilterOperation = C.PropertyOperation;
export type PropertyFilter = C.PropertyFilter;
export type FilterBranch = C.FilterBranch;
export type FlowConnection = C.Connection;
export type SingleConnectionAction = C.SingleConnectionAction;
export type ListBranchAction = C.ListBranchAction;
export type FlowAction = C.SingleConnectionAction | C.ListBranchAction;
export type EventFilterBranch = C.UnifiedEventsFilterBranch;
export type EnrollmentCriteria = C.EventBasedEnrollmentCriteria | C.ListBasedEnrollmentCriteria;
export type FlowDataSource = C.AssociationDataSource;

/**
 * A time relative to the moment an action runs (task due dates, SLA due times), compiled to a
 * `RELATIVE_DATETIME` value: `delta` units later, then, with `timeOfDay`, the next such wall-clock
 * time in the portal's time zone.
 */
export interface RelativeTime {
  delta: number;
  timeUnit: "MINUTES" | "HOURS" | "DAYS";
  timeOfDay?: { hour: number; minute: number };
}

/** The body RouteOps creates (POST); the PUT body is derived from it (`putRequestOf`). */
export interface FlowBody extends C.ContactFlowCreateRequest {
  objectTypeId: "0-1";
  flowType: "WORKFLOW";
  name: string;
  description: string;
  /** The desired final state; deploy creates flows disabled and enables them last. */
  isEnabled: boolean;
  startActionId: string;
  actions: FlowAction[];
  enrollmentCriteria: EnrollmentCriteria;
  dataSources: FlowDataSource[];
}
