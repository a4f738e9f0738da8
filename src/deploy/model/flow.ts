/**
 * The automation v4 CONTACT_FLOW body that RouteOps writes: the subset of HubSpot's flow format
 * the compiler emits, typed. docs/deploy.md describes each shape and what it means to a flow
 * executor (it is the emulator's contract). Read-back flows carry more fields; see `LiveFlow`.
 */

/** A value an action writes: a literal (may hold one `{{ token }}`), a copy, or a timestamp. */
export type FlowValue =
  | { type: "STATIC_VALUE"; staticValue: string }
  | { type: "OBJECT_PROPERTY"; propertyName: string }
  | { type: "TIMESTAMP"; timestampType: "EXECUTION_TIME"; offset?: RelativeTime };

/** A time relative to the moment an action runs (task due dates, SLA due times). */
export interface RelativeTime {
  delta: number;
  timeUnit: "MINUTES" | "HOURS" | "DAYS";
  /** Then move to this wall-clock time of the portal's time zone (the next one if already past). */
  timeOfDay?: { hour: number; minute: number };
}

/** How a filter compares a property. Every `values` list means "any of" (or "none of"). */
export type FilterOperation =
  | {
      operationType: "MULTISTRING";
      operator: MultiStringOperator;
      values: string[];
      includeObjectsWithNoValueSet?: boolean;
    }
  | {
      operationType: "ENUMERATION";
      operator: "IS_ANY_OF" | "IS_NONE_OF";
      values: string[];
      includeObjectsWithNoValueSet?: boolean;
    }
  | { operationType: "BOOL"; operator: "IS_EQUAL_TO"; value: boolean; includeObjectsWithNoValueSet?: boolean }
  | {
      operationType: "NUMBER";
      operator: "IS_GREATER_THAN_OR_EQUAL_TO" | "IS_LESS_THAN_OR_EQUAL_TO";
      value: number;
      includeObjectsWithNoValueSet?: boolean;
    }
  | { operationType: "NUMBER"; operator: "IS_BETWEEN"; lowerBound: number; upperBound: number }
  | { operationType: "ALL_PROPERTY"; operator: "IS_KNOWN" | "IS_UNKNOWN" }
  | { operationType: "TIME_POINT"; operator: "IS_AFTER" | "IS_BEFORE"; timePoint: RelativeTimePoint };

export type MultiStringOperator = "IS_EQUAL_TO" | "IS_NOT_EQUAL_TO" | "STARTS_WITH" | "CONTAINS";

/** "Now" shifted by whole days (negative = in the past). */
export interface RelativeTimePoint {
  timeType: "INDEXED";
  indexReference: { referenceType: "NOW" };
  offset: { days: number };
}

/** A property filter. On an event branch the property is the event's; elsewhere the record's. */
export interface PropertyFilter {
  filterType: "PROPERTY";
  property: string;
  operation: FilterOperation;
}

/** AND / OR of filters and nested branches; ASSOCIATION: some associated record matches. */
export type FilterBranch =
  | { filterBranchType: "AND" | "OR"; filters: PropertyFilter[]; filterBranches: FilterBranch[] }
  | {
      filterBranchType: "ASSOCIATION";
      objectTypeId: string;
      operator: "IN_LIST";
      associationTypeId: number;
      associationCategory: "HUBSPOT_DEFINED";
      filters: PropertyFilter[];
      filterBranches: FilterBranch[];
    };

/** An edge to the next action. GOTO joins a path that another branch already leads to. */
export interface FlowConnection {
  edgeType: "STANDARD" | "GOTO";
  nextActionId: string;
}

export interface SingleConnectionAction {
  actionId: string;
  type: "SINGLE_CONNECTION";
  actionTypeId: string;
  actionTypeVersion: number;
  fields: Record<string, unknown>;
  /** Absent on the last action of a path: the run ends there. */
  connection?: FlowConnection;
}

/** If/then branch: the first list branch whose filter holds is taken, else the default. */
export interface ListBranchAction {
  actionId: string;
  type: "LIST_BRANCH";
  listBranches: { branchName: string; filterBranch: FilterBranch; connection?: FlowConnection }[];
  defaultBranchName: string;
  defaultBranch?: FlowConnection;
}

export type FlowAction = SingleConnectionAction | ListBranchAction;

/** One event trigger of an event-based flow: the event happened, and its properties match. */
export interface EventFilterBranch {
  filterBranchType: "UNIFIED_EVENTS";
  filterBranchOperator: "AND";
  eventTypeId: string;
  operator: "HAS_COMPLETED";
  filters: PropertyFilter[];
  filterBranches: FilterBranch[];
}

export type EnrollmentCriteria =
  | {
      type: "EVENT_BASED";
      shouldReEnroll: boolean;
      eventFilterBranches: EventFilterBranch[];
      listMembershipFilterBranches: [];
    }
  | {
      type: "LIST_BASED";
      shouldReEnroll: boolean;
      unEnrollObjectsNotMeetingCriteria: boolean;
      listFilterBranch: FilterBranch;
      reEnrollmentTriggersFilterBranches: FilterBranch[];
    };

/** A record fetched for the actions: the contact's primary company, read through `{{ fetched_objects.NAME.prop }}`. */
export interface FlowDataSource {
  name: string;
  type: "ASSOCIATION";
  objectTypeId: string;
  associationCategory: "HUBSPOT_DEFINED";
  associationTypeId: number;
}

/** The body RouteOps creates (POST) or replaces (PUT, plus `revisionId`). */
export interface FlowBody {
  type: "CONTACT_FLOW";
  objectTypeId: "0-1";
  flowType: "WORKFLOW";
  name: string;
  description: string;
  /** The desired final state; deploy creates flows disabled and enables them last. */
  isEnabled: boolean;
  startActionId: string;
  nextAvailableActionId: string;
  actions: FlowAction[];
  enrollmentCriteria: EnrollmentCriteria;
  timeWindows: [];
  blockedDates: [];
  customProperties: Record<string, never>;
  dataSources: FlowDataSource[];
  suppressionListIds: [];
  canEnrollFromSalesforce: false;
}
