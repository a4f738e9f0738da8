/**
 * The shape of a saved plan file: the `routeops.plan/1` envelope with the bodies to write, plus a
 * `saved` section with what deploy checks before applying it later. Checked field by field so
 * that a damaged or hand-edited file is refused with the path of the first problem.
 */
import { z } from "zod";
import { planEnvelopeSchema, planItemSchema } from "../render/json-read";

/** Version of the `saved` section. */
export const SAVED_PLAN_FORMAT = "routeops.saved-plan/1";

const nonEmpty = z.string().min(1);

const option = z.looseObject({ label: z.string(), value: z.string(), displayOrder: z.number(), hidden: z.boolean() });

const groupBody = z.looseObject({ name: nonEmpty, label: z.string() });
const propertyBody = z.looseObject({
  name: nonEmpty,
  label: z.string(),
  type: z.enum(["bool", "date", "datetime", "enumeration", "number", "string"]),
  fieldType: z.enum(["booleancheckbox", "date", "number", "select", "text"]),
  groupName: nonEmpty,
  description: z.string(),
  options: z.array(option).optional(),
});
const flowBody = z.looseObject({
  type: z.literal("CONTACT_FLOW"),
  objectTypeId: z.literal("0-1"),
  name: nonEmpty,
  description: z.string(),
  isEnabled: z.boolean(),
  startActionId: z.string(),
  actions: z.array(z.looseObject({ actionId: nonEmpty, type: z.enum(["SINGLE_CONNECTION", "LIST_BRANCH"]) })),
  enrollmentCriteria: z.looseObject({ type: z.enum(["EVENT_BASED", "LIST_BASED"]) }),
});

const item = planItemSchema
  .extend({
    desired: z.record(z.string(), z.unknown()).nullable(),
  })
  .superRefine((value, context) => {
    if ((value.action === "create" || value.action === "update") && value.desired === null) {
      context.addIssue({ code: "custom", path: ["desired"], message: `a ${value.action} needs the body to write` });
    }
    const body = { group: groupBody, property: propertyBody, flow: flowBody }[value.kind];
    if (value.desired !== null) {
      const checked = body.safeParse(value.desired);
      if (!checked.success) {
        const issue = checked.error.issues[0]!;
        context.addIssue({ code: "custom", path: ["desired", ...issue.path.map(String)], message: issue.message });
      } else if (value.desired.name !== value.key) {
        context.addIssue({ code: "custom", path: ["desired", "name"], message: `expected "${value.key}"` });
      }
    }
    if (value.kind === "flow" && (value.action === "delete" || value.action === "update") && value.id === null) {
      context.addIssue({ code: "custom", path: ["id"], message: `a workflow ${value.action} needs the workflow id` });
    }
  });

const usage = z.object({
  key: z.string(),
  actionTypeId: nonEmpty,
  status: z.enum(["documented", "UNVERIFIED"]),
  label: z.string(),
  flows: z.array(z.string()),
});

export const savedPlanSchema = planEnvelopeSchema.extend({
  fingerprint: z.object({ live: nonEmpty, flowRevisions: z.record(z.string(), z.string()) }),
  items: z.array(item),
  saved: z.object({
    format: z.literal(SAVED_PLAN_FORMAT),
    gitCommit: z.string().nullable(),
    configFile: z.string(),
    adopt: z.boolean(),
    wanted: z.object({ group: nonEmpty, properties: z.array(z.string()), flows: z.array(z.string()) }),
    actionTypes: z.array(usage),
    flows: z.array(z.object({ id: nonEmpty, name: z.string(), revisionId: z.string() })),
    live: z.object({
      group: z.string(),
      properties: z.record(z.string(), z.string()),
      owners: z.record(z.string(), z.string()),
    }),
  }),
});

export type SavedPlanDocument = z.infer<typeof savedPlanSchema>;
