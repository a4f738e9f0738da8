/**
 * Run-time shape check of the routing config (zod). Semantic checks (references, overlaps,
 * shadowed rules...) live in `validate/`; this file only says what a well-formed config looks like.
 */
import { z } from "zod";
import type { RoutingConfig } from "./types";

const id = z.string().min(1, "expected a non-empty id");
const ids = z.array(id);
const weekday = z.enum(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);
const intent = z.enum(["high", "standard", "low"]);
const notification = z.enum(["urgent", "calm", "none"]);
const eventKind = z.enum([
  "form_submission",
  "meeting_booked",
  "chat_completed",
  "sequence_reply",
  "call_logged",
  "list_import",
  "contact_created",
]);

const calendar = z.strictObject({
  id,
  timeZone: z.string().min(1),
  weeklyHours: z.partialRecord(weekday, z.array(z.string())),
  holidays: z.array(z.string()).optional(),
});

const dateRange = z.strictObject({ from: z.string(), to: z.string() });

const capacity = z.strictObject({
  perDay: z.number().optional(),
  perWeek: z.number().optional(),
  open: z.number().optional(),
});

const businessDelay = z.strictObject({
  unit: z.enum(["business_minutes", "business_hours", "business_days"]),
  amount: z.number(),
});

const escalationStep = z.union([
  z.strictObject({ after: businessDelay, action: z.literal("notify_rep") }),
  z.strictObject({ after: businessDelay, action: z.literal("notify_manager"), manager: z.string().min(1) }),
  z.strictObject({ after: businessDelay, action: z.literal("notify_channel"), channel: id }),
  z.strictObject({ after: businessDelay, action: z.literal("reassign"), queue: id.optional() }),
]);

const rep = z.strictObject({
  email: z.string().min(3),
  name: z.string(),
  role: z.string(),
  calendar: id,
  territories: ids,
  active: z.boolean().optional(),
  replacedBy: z.string().optional(),
  outOfOffice: z.array(dateRange).optional(),
  startsOn: z.string().optional(),
  endsOn: z.string().optional(),
  capacity: capacity.optional(),
  slackUserId: z.string().optional(),
});

const pool = z.strictObject({
  id,
  label: z.string().optional(),
  calendar: id,
  members: z.array(z.strictObject({ rep: z.string(), weight: z.number().optional() })),
  capacity: capacity.optional(),
  catchUp: z.boolean().optional(),
});

const queue = z.strictObject({
  id,
  label: z.string().optional(),
  backupOwner: z.string(),
  calendar: id,
});

const territory = z.strictObject({
  id,
  label: z.string().optional(),
  matches: z.array(
    z.strictObject({
      country: z.string(),
      states: z.array(z.string()).optional(),
      exceptStates: z.array(z.string()).optional(),
    }),
  ),
});

const segment = z.strictObject({
  id,
  minEmployees: z.number().optional(),
  maxEmployees: z.number().optional(),
  whenUnknown: z.boolean().optional(),
});

export const conditionSchema = z.strictObject({
  sourceType: ids.optional(),
  intent: z.array(intent).optional(),
  territory: ids.optional(),
  hasTerritory: z.boolean().optional(),
  segment: ids.optional(),
  companyHasOwner: z.boolean().optional(),
  eventHasOwner: z.boolean().optional(),
  chatQualified: z.boolean().optional(),
  originalRepCoversTerritory: z.boolean().optional(),
});

const matcher = z.strictObject({
  event: eventKind,
  formId: z.array(z.string()).optional(),
  formIdPrefix: z.array(z.string()).optional(),
  pagePathPrefix: z.array(z.string()).optional(),
  chatQualified: z.boolean().optional(),
  callOutcome: z.array(z.string()).optional(),
  importSourcePrefix: z.array(z.string()).optional(),
});

const source = z.strictObject({
  id,
  label: z.string(),
  system: z.enum(["inbound", "outbound"]),
  intent: z
    .union([
      intent,
      z.strictObject({
        rules: z.array(z.strictObject({ when: conditionSchema, intent })),
        otherwise: intent,
      }),
    ])
    .optional(),
  matchers: z.array(matcher),
});

const slaPolicy = z.strictObject({
  id,
  label: z.string().optional(),
  target: z.union([
    z.strictObject({
      unit: z.enum(["business_minutes", "business_hours", "business_days"]),
      amount: z.number(),
    }),
    z.strictObject({ unit: z.literal("end_of_business_day") }),
  ]),
  escalation: z.array(escalationStep).optional(),
});

const outcome = z.union([
  z.strictObject({ type: z.literal("rep"), rep: z.string() }),
  z.strictObject({ type: z.literal("owner"), from: z.enum(["account_owner", "event_owner"]) }),
  z.strictObject({ type: z.literal("pool"), pool: id }),
  z.strictObject({ type: z.literal("pool"), byTerritory: z.record(z.string(), id) }),
  z.strictObject({ type: z.literal("queue"), queue: id }),
  z.strictObject({ type: z.literal("nurture"), sequence: id }),
]);

const ruleSla = z.union([z.string().min(1), z.null()]);

const overflow = z.union([
  z.strictObject({ type: z.literal("pool"), pool: id }),
  z.strictObject({ type: z.literal("queue"), queue: id }),
]);

const rule = z.strictObject({
  id,
  description: z.string().optional(),
  when: conditionSchema,
  outcome,
  sla: ruleSla,
  notification,
  overflow: overflow.optional(),
});

const reengagementRule = z.strictObject({
  id,
  description: z.string().optional(),
  when: conditionSchema,
  handoff: z.enum(["original_rep", "inbound_pool", "collaborative"]),
  sla: ruleSla,
  notification,
});

export const routingSchema = z.strictObject({
  version: z.string().min(1),
  calendars: z.array(calendar),
  reps: z.array(rep),
  pools: z.array(pool),
  queues: z.array(queue),
  territories: z.array(territory),
  segments: z.array(segment),
  sources: z.array(source),
  slaPolicies: z.array(slaPolicy),
  systems: z.strictObject({
    inbound: z.strictObject({
      rules: z.array(rule),
      slaByIntent: z.strictObject({
        high: z.string().nullable(),
        standard: z.string().nullable(),
        low: z.string().nullable(),
      }),
    }),
    outbound: z.strictObject({ rules: z.array(rule) }),
  }),
  reengagement: z.strictObject({
    lookbackDays: z.number(),
    touchKinds: z.array(z.enum(["sequence_enrollment", "call", "event"])),
    intent,
    rules: z.array(reengagementRule),
    attribution: z.strictObject({ originalRep: z.number(), handler: z.number() }),
  }),
  unclassified: z.strictObject({
    rule: id,
    queue: id,
    sla: z.string().nullable(),
    notification,
  }),
  defaultCalendar: id,
  deploy: z.strictObject({ mode: z.enum(["router", "workflows"]).optional() }).optional(),
  notifications: z
    .strictObject({
      channels: z.array(z.strictObject({ id, slackChannel: z.string().min(1), label: z.string().optional() })),
    })
    .optional(),
  accountMatching: z
    .strictObject({ byEmailDomain: z.boolean(), extraFreeMailDomains: z.array(z.string()).optional() })
    .optional(),
});

// Compile-time guarantee that the documented interfaces and the schema describe the same shape.
type Parsed = z.infer<typeof routingSchema>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesTypes: Same<Parsed, RoutingConfig> = true;
void schemaMatchesTypes;
