/**
 * zod schemas of the flow contract in `flows.ts`, strict like HubSpot's request validation: an
 * unknown key, a missing required key or a wrong discriminator is a problem. Sources are cited on
 * the types in `flows.ts`; the SDK type each schema mirrors is named next to it.
 *
 * Branch types and filter types HubSpot has but RouteOps never writes (NOT_ALL, NOT_ANY,
 * RESTRICTED, PROPERTY_ASSOCIATION branches; analytics, list and event filters; CUSTOM_CODE,
 * WEBHOOK and AB_TEST_BRANCH actions; non-association data sources; enrollment schedules) are
 * not modelled: a body using them is reported as outside this contract, so that the emulator
 * never pretends to execute what it does not know.
 */
import { z } from "zod";
import { DAYS_OF_WEEK, type FilterBranch } from "./flows";

const str = z.string();
const num = z.number();
const bool = z.boolean();
const hourMinute = z.strictObject({ hour: z.number().int().min(0).max(23), minute: z.number().int().min(0).max(59) });
const dayOfWeek = z.enum(DAYS_OF_WEEK as [string, ...string[]]);

// ---------------------------------------------------------------- values (SDK AutomationAPI*Value)

export const valueSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("STATIC_VALUE"), staticValue: str }),
  z.strictObject({ type: z.literal("OBJECT_PROPERTY"), propertyName: str }),
  z.strictObject({ type: z.literal("FIELD_DATA"), actionId: str, dataKey: str }),
  z.strictObject({ type: z.literal("FETCHED_OBJECT_PROPERTY"), propertyToken: str }),
  z.strictObject({ type: z.literal("ENROLLMENT_EVENT_PROPERTY"), enrollmentEventPropertyToken: str }),
  z.strictObject({ type: z.literal("TIMESTAMP"), timestampType: z.literal("EXECUTION_TIME") }),
  z.strictObject({
    type: z.literal("RELATIVE_DATETIME"),
    timeDelay: z.strictObject({
      delta: num,
      timeUnit: z.enum([
        "NANOS",
        "MICROS",
        "MILLIS",
        "SECONDS",
        "MINUTES",
        "HOURS",
        "HALF_DAYS",
        "DAYS",
        "WEEKS",
        "MONTHS",
        "YEARS",
        "DECADES",
        "CENTURIES",
        "MILLENNIA",
        "ERAS",
        "FOREVER",
      ]),
      daysOfWeek: z.array(dayOfWeek),
      timeOfDay: hourMinute.optional(),
      timeZoneStrategy: z.strictObject({ type: z.literal("STATIC_TIME_ZONE"), timeZoneId: str }).optional(),
    }),
  }),
  z.strictObject({ type: z.literal("INCREMENT"), incrementAmount: num }),
  z.strictObject({ type: z.literal("APPEND_OBJECT_PROPERTY"), appendPropertyName: str }),
  z.strictObject({ type: z.literal("STATIC_APPEND_VALUE"), staticAppendValue: str }),
]);

// ---------------------------------------------------------------- time points

const timeParts = { hour: num.optional(), minute: num.optional(), second: num.optional(), millisecond: num.optional() };
const indexReference = z.discriminatedUnion("referenceType", [
  z.strictObject({ referenceType: z.literal("NOW"), ...timeParts }),
  z.strictObject({ referenceType: z.literal("TODAY"), ...timeParts }),
  z.strictObject({ referenceType: z.literal("WEEK"), dayOfWeek, ...timeParts }),
  z.strictObject({ referenceType: z.literal("MONTH"), day: num, ...timeParts }),
  z.strictObject({ referenceType: z.literal("QUARTER"), day: num, month: num, ...timeParts }),
  z.strictObject({ referenceType: z.literal("YEAR"), day: num, month: num, ...timeParts }),
  z.strictObject({ referenceType: z.literal("FISCAL_QUARTER"), day: num, month: num, ...timeParts }),
  z.strictObject({ referenceType: z.literal("FISCAL_YEAR"), day: num, month: num, ...timeParts }),
]);
const offset = z.strictObject({
  days: num.optional(),
  hours: num.optional(),
  milliseconds: num.optional(),
  minutes: num.optional(),
  months: num.optional(),
  quarters: num.optional(),
  seconds: num.optional(),
  weeks: num.optional(),
  years: num.optional(),
});
const timePoint = z.discriminatedUnion("timeType", [
  z.strictObject({
    timeType: z.literal("INDEXED"),
    zoneId: str,
    indexReference,
    offset: offset.optional(),
    timezoneSource: str.optional(),
  }),
  z.strictObject({
    timeType: z.literal("DATE"),
    year: num,
    month: num,
    day: num,
    zoneId: str,
    hour: num.optional(),
    minute: num.optional(),
    second: num.optional(),
    millisecond: num.optional(),
    timezoneSource: str.optional(),
  }),
  z.strictObject({
    timeType: z.literal("PROPERTY_REFERENCED"),
    property: str,
    referenceType: str,
    zoneId: str,
    timezoneSource: str.optional(),
  }),
]);

// ---------------------------------------------------------------- operations (SDK AutomationPublic*Operation)

const op = { includeObjectsWithNoValueSet: bool, operator: str };
const months = z.enum([
  "JANUARY",
  "FEBRUARY",
  "MARCH",
  "APRIL",
  "MAY",
  "JUNE",
  "JULY",
  "AUGUST",
  "SEPTEMBER",
  "OCTOBER",
  "NOVEMBER",
  "DECEMBER",
]);
export const operationSchema = z.discriminatedUnion("operationType", [
  z.strictObject({ operationType: z.literal("BOOL"), ...op, value: bool }),
  z.strictObject({ operationType: z.literal("NUMBER"), ...op, value: num }),
  z.strictObject({ operationType: z.literal("STRING"), ...op, value: str }),
  z.strictObject({ operationType: z.literal("DATETIME"), ...op, requiresTimeZoneConversion: bool, timestamp: num }),
  z.strictObject({
    operationType: z.literal("RANGED_DATE"),
    ...op,
    requiresTimeZoneConversion: bool,
    lowerBound: num,
    upperBound: num,
  }),
  z.strictObject({
    operationType: z.literal("COMPARATIVE_PROPERTY_UPDATED"),
    ...op,
    comparisonPropertyName: str,
    defaultComparisonValue: str.optional(),
  }),
  z.strictObject({
    operationType: z.literal("COMPARATIVE_DATE"),
    ...op,
    comparisonPropertyName: str,
    defaultComparisonValue: str.optional(),
  }),
  z.strictObject({
    operationType: z.literal("ROLLING_DATE_RANGE"),
    ...op,
    numberOfDays: num,
    requiresTimeZoneConversion: bool,
  }),
  z.strictObject({ operationType: z.literal("ROLLING_PROPERTY_UPDATED"), ...op, numberOfDays: num }),
  z.strictObject({ operationType: z.literal("ENUMERATION"), ...op, values: z.array(str) }),
  z.strictObject({ operationType: z.literal("ALL_PROPERTY"), ...op }),
  z.strictObject({ operationType: z.literal("NUMBER_RANGED"), ...op, lowerBound: num, upperBound: num }),
  z.strictObject({ operationType: z.literal("MULTISTRING"), ...op, values: z.array(str) }),
  z.strictObject({ operationType: z.literal("DATE"), ...op, day: num, month: str, year: num }),
  z.strictObject({
    operationType: z.literal("CALENDAR_DATE"),
    ...op,
    timeUnit: str,
    timeUnitCount: num.optional(),
    useFiscalYear: bool.optional(),
    fiscalYearStart: months.optional(),
  }),
  z.strictObject({
    operationType: z.literal("TIME_POINT"),
    ...op,
    type: str,
    timePoint,
    endpointBehavior: str.optional(),
    propertyParser: str.optional(),
  }),
]);

export const propertyFilterSchema = z.strictObject({
  filterType: z.literal("PROPERTY"),
  property: str,
  operation: operationSchema,
});

// ---------------------------------------------------------------- filter branches (SDK *FilterBranch)

const andOr = (type: "AND" | "OR") =>
  z.strictObject({
    filterBranchType: z.literal(type),
    filterBranchOperator: str,
    filters: z.array(propertyFilterSchema),
    get filterBranches() {
      return z.array(filterBranchSchema);
    },
  });
export const unifiedEventsBranchSchema = z.strictObject({
  filterBranchType: z.literal("UNIFIED_EVENTS"),
  filterBranchOperator: str,
  eventTypeId: str,
  operator: z.enum(["HAS_COMPLETED", "HAS_NOT_COMPLETED"]),
  filters: z.array(propertyFilterSchema),
  get filterBranches() {
    return z.array(filterBranchSchema);
  },
});
const associationBranch = z.strictObject({
  filterBranchType: z.literal("ASSOCIATION"),
  filterBranchOperator: str,
  objectTypeId: str,
  operator: str,
  associationTypeId: z.number().int(),
  associationCategory: str,
  filters: z.array(propertyFilterSchema),
  get filterBranches() {
    return z.array(filterBranchSchema);
  },
});
export const filterBranchSchema: z.ZodType<FilterBranch> = z.discriminatedUnion("filterBranchType", [
  andOr("AND"),
  andOr("OR"),
  unifiedEventsBranchSchema,
  associationBranch,
]) as unknown as z.ZodType<FilterBranch>;

// ---------------------------------------------------------------- actions

const connection = z.strictObject({ edgeType: str, nextActionId: str });
export const actionSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("SINGLE_CONNECTION"),
    actionId: str,
    actionTypeId: str,
    actionTypeVersion: num,
    fields: z.record(str, z.unknown()),
    connection: connection.optional(),
  }),
  z.strictObject({
    type: z.literal("LIST_BRANCH"),
    actionId: str,
    listBranches: z.array(
      z.strictObject({
        branchName: str.optional(),
        filterBranch: filterBranchSchema.optional(),
        connection: connection.optional(),
      }),
    ),
    defaultBranchName: str.optional(),
    defaultBranch: connection.optional(),
  }),
  z.strictObject({
    type: z.literal("STATIC_BRANCH"),
    actionId: str,
    inputValue: valueSchema,
    staticBranches: z.array(z.strictObject({ branchValue: str, connection: connection.optional() })),
    defaultBranchName: str.optional(),
    defaultBranch: connection.optional(),
  }),
]);

// ---------------------------------------------------------------- enrollment and data sources

export const enrollmentCriteriaSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("EVENT_BASED"),
    shouldReEnroll: bool,
    eventFilterBranches: z.array(unifiedEventsBranchSchema),
    listMembershipFilterBranches: z.array(filterBranchSchema),
    refinementCriteria: filterBranchSchema.optional(),
  }),
  z.strictObject({
    type: z.literal("LIST_BASED"),
    shouldReEnroll: bool,
    unEnrollObjectsNotMeetingCriteria: bool,
    listFilterBranch: filterBranchSchema,
    reEnrollmentTriggersFilterBranches: z.array(filterBranchSchema),
  }),
  z.strictObject({ type: z.literal("MANUAL"), shouldReEnroll: bool }),
]);

const dataSource = z.strictObject({
  type: z.literal("ASSOCIATION"),
  name: str,
  objectTypeId: str,
  associationCategory: z.enum(["HUBSPOT_DEFINED", "USER_DEFINED", "INTEGRATOR_DEFINED"]),
  associationTypeId: z.number().int(),
  sortBy: z.strictObject({ property: str, order: z.enum(["ASC", "DESC"]), missing: str.optional() }).optional(),
});

const blockedDate = z.strictObject({ dayOfMonth: num, month: months, year: num.optional() });
const timeWindow = z.strictObject({ day: dayOfWeek, startTime: hourMinute, endTime: hourMinute });

// ---------------------------------------------------------------- bodies

const requestBase = {
  type: z.literal("CONTACT_FLOW"),
  isEnabled: bool,
  actions: z.array(actionSchema),
  blockedDates: z.array(blockedDate),
  canEnrollFromSalesforce: bool,
  customProperties: z.record(str, str),
  suppressionListIds: z.array(num),
  timeWindows: z.array(timeWindow),
  name: str.optional(),
  description: str.optional(),
  startActionId: str.optional(),
  enrollmentCriteria: enrollmentCriteriaSchema.optional(),
  uuid: str.optional(),
};

/** SDK `ContactFlowCreateRequest`. */
export const contactFlowCreateRequestSchema = z.strictObject({
  ...requestBase,
  objectTypeId: str,
  flowType: z.enum(["WORKFLOW", "ACTION_SET", "UNKNOWN"]),
  dataSources: z.array(dataSource),
});

/** SDK `ContactFlowPutRequest`. */
export const contactFlowPutRequestSchema = z.strictObject({ ...requestBase, revisionId: str });

/** SDK `ContactFlow` (a response). */
export const contactFlowSchema = z.strictObject({
  ...requestBase,
  id: str,
  revisionId: str,
  objectTypeId: str,
  flowType: z.enum(["WORKFLOW", "ACTION_SET", "UNKNOWN"]),
  dataSources: z.array(dataSource),
  nextAvailableActionId: str,
  crmObjectCreationStatus: z.enum(["PENDING", "COMPLETE"]),
  createdAt: str,
  updatedAt: str,
});
