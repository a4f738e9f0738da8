/**
 * HubSpot's automation v4 flow contract, written by us from HubSpot's published types. Every
 * shape cites where it comes from:
 *
 * - SDK = HubSpot/hubspot-sdk-typescript `src/resources/automation/v4/flows/flows.ts` (generated
 *   from HubSpot's OpenAPI spec; read at commit 8e949d11). Type names below are the SDK's.
 * - PY = HubSpot/hubspot-sdk-python `src/hubspot_sdk/types/automation/*` (same spec; it shows the
 *   optional `description` of contact flows that the TypeScript intersection hides).
 *
 * Only the contact-flow side is written out (RouteOps never writes PLATFORM_FLOW bodies). The
 * zod schemas that check bodies against these types are in `flow-schemas.ts`.
 */

// ---------------------------------------------------------------- values

/** SDK `AutomationAPIStaticValue`: a literal (HubSpot does not resolve `{{ tokens }}` in it). */
export interface StaticValue {
  type: "STATIC_VALUE";
  staticValue: string;
}
/** SDK `AutomationAPIObjectPropertyValue`: the enrolled record's property. */
export interface ObjectPropertyValue {
  type: "OBJECT_PROPERTY";
  propertyName: string;
}
/** SDK `AutomationAPIActionDataValue`: an output of an earlier action. */
export interface ActionDataValue {
  type: "FIELD_DATA";
  actionId: string;
  dataKey: string;
}
/** SDK `AutomationAPIFetchedObjectPropertyValue`: a property of a data-source record (`{{ fetched_objects.NAME.prop }}`). */
export interface FetchedObjectPropertyValue {
  type: "FETCHED_OBJECT_PROPERTY";
  propertyToken: string;
}
/** SDK `AutomationAPIEnrollmentEventPropertyValue`: a property of the event that enrolled the record. */
export interface EnrollmentEventPropertyValue {
  type: "ENROLLMENT_EVENT_PROPERTY";
  enrollmentEventPropertyToken: string;
}
/** SDK `AutomationAPITimestampValue`: the time the action runs. The contract has no offset. */
export interface TimestampValue {
  type: "TIMESTAMP";
  timestampType: "EXECUTION_TIME";
}
/** SDK `AutomationAPIRelativeDateTimeValue.TimeDelay.timeUnit`. */
export type TimeUnit =
  | "NANOS"
  | "MICROS"
  | "MILLIS"
  | "SECONDS"
  | "MINUTES"
  | "HOURS"
  | "HALF_DAYS"
  | "DAYS"
  | "WEEKS"
  | "MONTHS"
  | "YEARS"
  | "DECADES"
  | "CENTURIES"
  | "MILLENNIA"
  | "ERAS"
  | "FOREVER";
export type DayOfWeek = "MONDAY" | "TUESDAY" | "WEDNESDAY" | "THURSDAY" | "FRIDAY" | "SATURDAY" | "SUNDAY";
export const DAYS_OF_WEEK: readonly DayOfWeek[] = [
  "MONDAY",
  "TUESDAY",
  "WEDNESDAY",
  "THURSDAY",
  "FRIDAY",
  "SATURDAY",
  "SUNDAY",
];
/** SDK `AutomationAPIRelativeDateTimeValue.TimeDelay`. */
export interface TimeDelay {
  delta: number;
  timeUnit: TimeUnit;
  /** Required (may be empty). Which weekdays the result may fall on (semantics: see docs/hubspot.md). */
  daysOfWeek: DayOfWeek[];
  timeOfDay?: { hour: number; minute: number };
  timeZoneStrategy?: { type: "STATIC_TIME_ZONE"; timeZoneId: string };
}
/** SDK `AutomationAPIRelativeDateTimeValue`: a time relative to when the action runs. */
export interface RelativeDateTimeValue {
  type: "RELATIVE_DATETIME";
  timeDelay: TimeDelay;
}
/** SDK `AutomationAPIIncrementValue`. */
export interface IncrementValue {
  type: "INCREMENT";
  incrementAmount: number;
}
/** SDK `AutomationAPIAppendObjectPropertyValue`. */
export interface AppendObjectPropertyValue {
  type: "APPEND_OBJECT_PROPERTY";
  appendPropertyName: string;
}
/** SDK `AutomationAPIStaticAppendValue`. */
export interface StaticAppendValue {
  type: "STATIC_APPEND_VALUE";
  staticAppendValue: string;
}
/** The ten value types (SDK `...StaticBranchAction.inputValue` union). */
export type FlowValue =
  | StaticValue
  | ObjectPropertyValue
  | ActionDataValue
  | FetchedObjectPropertyValue
  | EnrollmentEventPropertyValue
  | TimestampValue
  | RelativeDateTimeValue
  | IncrementValue
  | AppendObjectPropertyValue
  | StaticAppendValue;
export const VALUE_TYPES = [
  "STATIC_VALUE",
  "OBJECT_PROPERTY",
  "FIELD_DATA",
  "FETCHED_OBJECT_PROPERTY",
  "ENROLLMENT_EVENT_PROPERTY",
  "TIMESTAMP",
  "RELATIVE_DATETIME",
  "INCREMENT",
  "APPEND_OBJECT_PROPERTY",
  "STATIC_APPEND_VALUE",
] as const;

// ---------------------------------------------------------------- filters

/** SDK `AutomationPublicIndexedTimePoint` (`AndFilterBranch.AutomationPublicPropertyFilter.AutomationPublicTimePointOperation`). */
export interface IndexedTimePoint {
  timeType: "INDEXED";
  /** Required: the time zone the point is computed in. */
  zoneId: string;
  indexReference: {
    referenceType: "NOW" | "TODAY";
    hour?: number;
    minute?: number;
    second?: number;
    millisecond?: number;
  };
  offset?: {
    days?: number;
    hours?: number;
    minutes?: number;
    seconds?: number;
    milliseconds?: number;
    weeks?: number;
    months?: number;
    quarters?: number;
    years?: number;
  };
  timezoneSource?: string;
}
/** SDK `AutomationPublicDatePoint`. */
export interface DatePoint {
  timeType: "DATE";
  year: number;
  month: number;
  day: number;
  zoneId: string;
  hour?: number;
  minute?: number;
  second?: number;
  millisecond?: number;
  timezoneSource?: string;
}
/** SDK `AutomationPublicPropertyReferencedTime`. */
export interface PropertyReferencedTime {
  timeType: "PROPERTY_REFERENCED";
  property: string;
  referenceType: string;
  zoneId: string;
  timezoneSource?: string;
}
export type TimePoint = IndexedTimePoint | DatePoint | PropertyReferencedTime;

/**
 * SDK `AutomationPublicPropertyFilter.operation`: every operation requires
 * `includeObjectsWithNoValueSet`, `operationType` and `operator` (a string). The ones RouteOps
 * writes are typed precisely; the schemas accept all seventeen.
 */
interface OperationBase {
  includeObjectsWithNoValueSet: boolean;
  operator: string;
}
/** SDK `AutomationPublicMultiStringPropertyOperation`. */
export interface MultiStringOperation extends OperationBase {
  operationType: "MULTISTRING";
  values: string[];
}
/** SDK `AutomationPublicEnumerationPropertyOperation`. */
export interface EnumerationOperation extends OperationBase {
  operationType: "ENUMERATION";
  values: string[];
}
/** SDK `AutomationPublicBoolPropertyOperation`. */
export interface BoolOperation extends OperationBase {
  operationType: "BOOL";
  value: boolean;
}
/** SDK `AutomationPublicNumberPropertyOperation`: one bound. */
export interface NumberOperation extends OperationBase {
  operationType: "NUMBER";
  value: number;
}
/** SDK `AutomationPublicRangedNumberPropertyOperation`: a range (RouteOps uses IS_BETWEEN). */
export interface RangedNumberOperation extends OperationBase {
  operationType: "NUMBER_RANGED";
  lowerBound: number;
  upperBound: number;
}
/** SDK `AutomationPublicStringPropertyOperation`. */
export interface StringOperation extends OperationBase {
  operationType: "STRING";
  value: string;
}
/** SDK `AutomationPublicAllPropertyTypesOperation` (IS_KNOWN / IS_UNKNOWN). */
export interface AllPropertyOperation extends OperationBase {
  operationType: "ALL_PROPERTY";
}
/** SDK `AutomationPublicTimePointOperation`: `type` and `timePoint` (with `zoneId`) are required. */
export interface TimePointOperation extends OperationBase {
  operationType: "TIME_POINT";
  /** A string in the contract; HubSpot's UI flows send "TIME_POINT" here too (community). */
  type: string;
  timePoint: TimePoint;
  endpointBehavior?: string;
  propertyParser?: string;
}
export type PropertyOperation =
  | MultiStringOperation
  | EnumerationOperation
  | BoolOperation
  | NumberOperation
  | RangedNumberOperation
  | StringOperation
  | AllPropertyOperation
  | TimePointOperation;

/** SDK `AutomationPublicPropertyFilter`. */
export interface PropertyFilter {
  filterType: "PROPERTY";
  property: string;
  operation: PropertyOperation;
}

/** SDK `AndFilterBranch` / `OrFilterBranch`: `filterBranchOperator` is required. */
export interface AndOrFilterBranch {
  filterBranchType: "AND" | "OR";
  filterBranchOperator: string;
  filters: PropertyFilter[];
  filterBranches: FilterBranch[];
}
/** SDK `AssociationFilterBranch` (PY `PublicAssociationFilterBranch`). */
export interface AssociationFilterBranch {
  filterBranchType: "ASSOCIATION";
  filterBranchOperator: string;
  objectTypeId: string;
  operator: string;
  associationTypeId: number;
  associationCategory: string;
  filters: PropertyFilter[];
  filterBranches: FilterBranch[];
}
/** SDK `UnifiedEventsFilterBranch` (PY `PublicUnifiedEventsFilterBranch`). */
export interface UnifiedEventsFilterBranch {
  filterBranchType: "UNIFIED_EVENTS";
  filterBranchOperator: string;
  eventTypeId: string;
  operator: "HAS_COMPLETED" | "HAS_NOT_COMPLETED";
  filters: PropertyFilter[];
  filterBranches: FilterBranch[];
}
export type FilterBranch = AndOrFilterBranch | AssociationFilterBranch | UnifiedEventsFilterBranch;

// ---------------------------------------------------------------- actions

/** SDK `...Connection` (every action kind): `edgeType` is a string (STANDARD or GOTO in HubSpot's flows). */
export interface Connection {
  edgeType: string;
  nextActionId: string;
}
/** SDK `AutomationAPISingleConnectionAction`: `fields` are free-form, shaped by the action type. */
export interface SingleConnectionAction {
  actionId: string;
  type: "SINGLE_CONNECTION";
  actionTypeId: string;
  actionTypeVersion: number;
  fields: Record<string, unknown>;
  connection?: Connection;
}
/** SDK `AutomationAPIListBranchAction.ListBranch`. */
export interface ListBranch {
  branchName?: string;
  filterBranch?: FilterBranch;
  connection?: Connection;
}
/** SDK `AutomationAPIListBranchAction`: an if/then branch (at most 20 branches, HubSpot knowledge base). */
export interface ListBranchAction {
  actionId: string;
  type: "LIST_BRANCH";
  listBranches: ListBranch[];
  defaultBranchName?: string;
  defaultBranch?: Connection;
}
/** SDK `AutomationAPIStaticBranchAction`. */
export interface StaticBranchAction {
  actionId: string;
  type: "STATIC_BRANCH";
  inputValue: FlowValue;
  staticBranches: { branchValue: string; connection?: Connection }[];
  defaultBranchName?: string;
  defaultBranch?: Connection;
}
export type FlowAction = SingleConnectionAction | ListBranchAction | StaticBranchAction;

/** HubSpot knowledge base: "you can add up to 20 branches" to one if/then branch action. */
export const MAX_LIST_BRANCHES = 20;

// ---------------------------------------------------------------- enrollment

/** SDK `AutomationAPIEventBasedEnrollmentCriteria`. */
export interface EventBasedEnrollmentCriteria {
  type: "EVENT_BASED";
  shouldReEnroll: boolean;
  eventFilterBranches: UnifiedEventsFilterBranch[];
  listMembershipFilterBranches: FilterBranch[];
  refinementCriteria?: FilterBranch;
}
/** SDK `AutomationAPIListBasedEnrollmentCriteria`. */
export interface ListBasedEnrollmentCriteria {
  type: "LIST_BASED";
  shouldReEnroll: boolean;
  unEnrollObjectsNotMeetingCriteria: boolean;
  listFilterBranch: FilterBranch;
  reEnrollmentTriggersFilterBranches: FilterBranch[];
}
/** SDK `AutomationAPIManualEnrollmentCriteria`. */
export interface ManualEnrollmentCriteria {
  type: "MANUAL";
  shouldReEnroll: boolean;
}
export type EnrollmentCriteria = EventBasedEnrollmentCriteria | ListBasedEnrollmentCriteria | ManualEnrollmentCriteria;

/** SDK `AutomationAPIAssociationDataSource`. */
export interface AssociationDataSource {
  type: "ASSOCIATION";
  name: string;
  objectTypeId: string;
  associationCategory: "HUBSPOT_DEFINED" | "USER_DEFINED" | "INTEGRATOR_DEFINED";
  associationTypeId: number;
  sortBy?: { property: string; order: "ASC" | "DESC"; missing?: string };
}
export type DataSource = AssociationDataSource;

/** SDK `BlockedDate`. */
export interface BlockedDate {
  dayOfMonth: number;
  month: string;
  year?: number;
}
/** SDK `TimeWindow`. */
export interface TimeWindow {
  day: DayOfWeek;
  startTime: { hour: number; minute: number };
  endTime: { hour: number; minute: number };
}

// ---------------------------------------------------------------- bodies

/** Fields both request bodies share (SDK object parts of `ContactFlowCreateRequest` / `ContactFlowPutRequest`). */
interface ContactFlowRequestBase {
  type: "CONTACT_FLOW";
  isEnabled: boolean;
  actions: FlowAction[];
  blockedDates: BlockedDate[];
  canEnrollFromSalesforce: boolean;
  customProperties: Record<string, string>;
  suppressionListIds: number[];
  timeWindows: TimeWindow[];
  name?: string;
  /** PY `APIContactFlowCreateRequestParam.description` / `APIContactFlowPutRequestParam.description`. */
  description?: string;
  startActionId?: string;
  enrollmentCriteria?: EnrollmentCriteria;
  uuid?: string;
}
/** SDK `ContactFlowCreateRequest`: `POST /automation/v4/flows`. No `nextAvailableActionId` (responses only). */
export interface ContactFlowCreateRequest extends ContactFlowRequestBase {
  objectTypeId: string;
  flowType: "WORKFLOW" | "ACTION_SET" | "UNKNOWN";
  dataSources: DataSource[];
}
/** SDK `ContactFlowPutRequest`: `PUT /automation/v4/flows/{id}`. No `dataSources`, `objectTypeId`, `flowType`. */
export interface ContactFlowPutRequest extends ContactFlowRequestBase {
  revisionId: string;
}
/** SDK `ContactFlow`: what HubSpot answers for a contact flow. */
export interface ContactFlow extends ContactFlowRequestBase {
  id: string;
  revisionId: string;
  objectTypeId: string;
  flowType: "WORKFLOW" | "ACTION_SET" | "UNKNOWN";
  dataSources: DataSource[];
  nextAvailableActionId: string;
  crmObjectCreationStatus: "PENDING" | "COMPLETE";
  createdAt: string;
  updatedAt: string;
}

/** The keys of each body, as the SDK lists them (used to turn a create body into a PUT body). */
export const CREATE_ONLY_KEYS = ["objectTypeId", "flowType", "dataSources"] as const;
export const RESPONSE_ONLY_KEYS = [
  "id",
  "nextAvailableActionId",
  "crmObjectCreationStatus",
  "createdAt",
  "updatedAt",
] as const;

/**
 * The create body a read-back flow corresponds to: the flow without its response-only keys and
 * its revision (to edit a flow as HubSpot's editor would, then `replaceFlow` it).
 */
export function createRequestOf(flow: Record<string, unknown>): ContactFlowCreateRequest {
  const body: Record<string, unknown> = { ...flow };
  for (const key of [...RESPONSE_ONLY_KEYS, "revisionId"]) delete body[key];
  return body as unknown as ContactFlowCreateRequest;
}

/** The PUT body that replaces a flow with `body`: the create body without its create-only keys. */
export function putRequestOf(body: ContactFlowCreateRequest, revisionId: string): ContactFlowPutRequest {
  const { objectTypeId: _o, flowType: _f, dataSources: _d, ...rest } = body;
  return { ...rest, revisionId };
}
