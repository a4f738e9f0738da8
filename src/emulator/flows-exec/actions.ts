/**
 * The SINGLE_CONNECTION actions the executor carries out, by action type id (the table in
 * src/emulator/action-types.ts). Property writes go through the same validation and store code as
 * the API (values normalised as HubSpot stores them, change events, search index), so reads and
 * searches see them. Tasks, notifications and sequence enrolments are recorded in the run log.
 */
import { ACTION_TYPE_IDS } from "../action-types";
import { ApiError } from "../http/errors";
import type { Flow, FlowAction } from "../portal/flows";
import type { Portal } from "../portal/portal";
import type { CrmRecord } from "../portal/records";
import { checkValues } from "../routes/property-values";
import { FlowFormatError } from "./filters";
import type { FlowRun, RunLog } from "./run-log";
import type { RotationPositions } from "./rotation";
import { resolveTokens, resolveValue, type ValueContext } from "./values";

const UNIT_MS: Record<string, number> = { MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 };

/** What an action runs with. */
export interface ActionContext {
  portal: Portal;
  flow: Flow;
  run: FlowRun;
  contact: CrmRecord;
  values: ValueContext;
  rotation: RotationPositions;
  log: RunLog;
}

/** What an action did: words for the run log, an error, or a delay to wait for. */
export interface ActionResult {
  outcome: string;
  error?: string;
  /** The run waits until this instant before the next action. */
  wakeAt?: number;
}

/** A property write HubSpot would refuse: the message says which value and why. */
export class PropertyWriteError extends Error {
  override name = "PropertyWriteError";
}

function refusal(error: unknown): string {
  if (error instanceof ApiError && error.extra.errors?.length)
    return error.extra.errors.map((e) => e.message).join("; ");
  return (error as Error).message;
}

/** Writes one contact property as the API would (`""` clears); returns the value as stored. */
export function writeContactProperty(portal: Portal, contact: CrmRecord, name: string, value: string, at: number) {
  let checked: Record<string, string>;
  try {
    checked = checkValues(portal, "contacts", { [name]: value });
  } catch (error) {
    throw new PropertyWriteError(refusal(error));
  }
  const stored = checked[name] ?? "";
  if (name === "associatedcompanyid") {
    if (stored !== "" && !portal.companies.get(stored)) {
      throw new PropertyWriteError(`associatedcompanyid ${stored} is not an existing company.`);
    }
    portal.setPrimaryCompany(contact, stored === "" ? null : stored, at, "emulator");
  } else {
    portal.contacts.update(contact, { [name]: stored }, at, "emulator");
  }
  return stored;
}

const show = (value: string) => (value === "" ? "(cleared)" : JSON.stringify(value));

function field(action: FlowAction, name: string): unknown {
  return action.fields?.[name];
}

function textField(action: FlowAction, name: string, required = true): string {
  const value = field(action, name);
  if (value === undefined && !required) return "";
  if (typeof value !== "string" && typeof value !== "number") {
    throw new FlowFormatError(`action ${action.actionId}: fields.${name} must be text`);
  }
  return String(value);
}

function set(context: ActionContext, name: string, value: string, verb = "set"): ActionResult {
  try {
    const stored = writeContactProperty(context.portal, context.contact, name, value, context.values.now);
    return { outcome: `${verb} ${name} = ${show(stored)}` };
  } catch (error) {
    if (!(error instanceof PropertyWriteError)) throw error;
    return { outcome: `${verb} ${name} failed`, error: error.message };
  }
}

function setProperty(action: FlowAction, context: ActionContext): ActionResult {
  const name = textField(action, "property_name");
  const value = resolveValue(field(action, "value"), context.values, `action ${action.actionId}: fields.value`);
  return set(context, name, value);
}

/** Rotate record to owner: `user_ids` are HubSpot user ids; the record gets the owner of the next user. */
function rotate(action: FlowAction, context: ActionContext): ActionResult {
  const users = field(action, "user_ids");
  if (!Array.isArray(users) || users.length === 0) {
    throw new FlowFormatError(`action ${action.actionId}: fields.user_ids must list user ids`);
  }
  const ids = users.map((user) => context.portal.owners.byUserId(Number(user)));
  const target = textField(action, "target_property", false) || "hubspot_owner_id";
  const overwrite = String(field(action, "overwrite_current_owner") ?? "true") !== "false";
  if (!overwrite && (context.contact.properties[target] ?? "") !== "") {
    return { outcome: `rotation skipped: ${target} already set and overwrite_current_owner is false` };
  }
  const index = context.rotation.take(context.flow.id, action.actionId, ids.length);
  const owner = ids[index];
  if (!owner || owner.archived) {
    return {
      outcome: `rotate (position ${index + 1} of ${ids.length}) failed`,
      error: `user ${String(users[index])} is not an active user of this portal`,
    };
  }
  return set(context, target, owner.id, `rotate (position ${index + 1} of ${ids.length})`);
}

/** Owner ids in the contact properties `owner_properties` names, then the owners of `user_ids`. */
function recipients(action: FlowAction, context: ActionContext): string[] {
  const out: string[] = [];
  const properties = field(action, "owner_properties");
  for (const name of Array.isArray(properties) ? properties : []) {
    const id = context.contact.properties[String(name)];
    if (id && !out.includes(id)) out.push(id);
  }
  const users = field(action, "user_ids");
  for (const user of Array.isArray(users) ? users : []) {
    const id = context.portal.owners.byUserId(Number(user))?.id;
    if (id && !out.includes(id)) out.push(id);
  }
  return out;
}

function origin(action: FlowAction, context: ActionContext) {
  return {
    runId: context.run.id,
    flowId: context.flow.id,
    actionId: action.actionId,
    contactId: context.contact.id,
    at: context.values.now,
  };
}

function notify(action: FlowAction, context: ActionContext, kind: "email_notification" | "in_app_notification") {
  const notified = recipients(action, context);
  context.log.record({
    kind,
    ...origin(action, context),
    subject: resolveTokens(textField(action, "subject"), context.values),
    body: resolveTokens(textField(action, "body"), context.values),
    recipients: notified,
  });
  const what = kind === "email_notification" ? "email" : "in-app notification";
  return { outcome: notified.length === 0 ? `${what} to nobody` : `${what} to owner ${notified.join(", ")}` };
}

function createTask(action: FlowAction, context: ActionContext): ActionResult {
  // Community flows: { type: "CUSTOM", value: <a flow value naming the owner id> }.
  const assignment = field(action, "owner_assignment") as { type?: string; value?: unknown } | undefined;
  const ownerId =
    assignment?.type === "CUSTOM" && assignment.value !== undefined
      ? resolveValue(assignment.value, context.values, `action ${action.actionId}: fields.owner_assignment.value`) ||
        null
      : null;
  const due = field(action, "due_time");
  const dueAt =
    due === undefined ? null : Number(resolveValue(due, context.values, `action ${action.actionId}: fields.due_time`));
  context.log.record({
    kind: "task",
    ...origin(action, context),
    subject: resolveTokens(textField(action, "subject"), context.values),
    body: resolveTokens(textField(action, "body", false), context.values),
    taskType: textField(action, "task_type", false) || "TODO",
    priority: textField(action, "priority", false) || "NONE",
    ownerId,
    dueAt,
  });
  return { outcome: `task for ${ownerId === null ? "nobody" : `owner ${ownerId}`}` };
}

/** Community flows: `sequenceId`, `senderType: CONTACT_OWNER`, `contactOwnerProperty`. */
function enrollInSequence(action: FlowAction, context: ActionContext): ActionResult {
  const sequenceId = textField(action, "sequenceId");
  const senderType = textField(action, "senderType");
  if (senderType !== "CONTACT_OWNER") {
    return { outcome: "not enrolled", error: `senderType ${senderType} is not emulated (CONTACT_OWNER is)` };
  }
  const ownerProperty = textField(action, "contactOwnerProperty", false) || "hubspot_owner_id";
  const sender = context.contact.properties[ownerProperty] || null;
  context.log.record({ kind: "sequence_enrollment", ...origin(action, context), sequenceId, senderOwnerId: sender });
  return { outcome: `enrolled in sequence ${sequenceId}` };
}

function delay(action: FlowAction, context: ActionContext): ActionResult {
  const delta = Number(field(action, "delta"));
  const unit = UNIT_MS[String(field(action, "time_unit") ?? "MINUTES")];
  if (!Number.isFinite(delta) || delta < 0 || unit === undefined) {
    throw new FlowFormatError(
      `action ${action.actionId}: a delay needs a delta and a time_unit of MINUTES, HOURS or DAYS`,
    );
  }
  const wakeAt = context.values.now + delta * unit;
  return { outcome: `wait until ${new Date(wakeAt).toISOString()}`, wakeAt };
}

/** Carries out one SINGLE_CONNECTION action. */
export function performAction(action: FlowAction, context: ActionContext): ActionResult {
  switch (action.actionTypeId) {
    case ACTION_TYPE_IDS.setProperty:
      return setProperty(action, context);
    case ACTION_TYPE_IDS.rotateToOwner:
      return rotate(action, context);
    case ACTION_TYPE_IDS.createTask:
      return createTask(action, context);
    case ACTION_TYPE_IDS.internalEmail:
      return notify(action, context, "email_notification");
    case ACTION_TYPE_IDS.inAppNotification:
      return notify(action, context, "in_app_notification");
    case ACTION_TYPE_IDS.enrollInSequence:
      return enrollInSequence(action, context);
    case ACTION_TYPE_IDS.delay:
      return delay(action, context);
    default:
      return {
        outcome: "not executed",
        error: `action type ${String(action.actionTypeId)} is not emulated by the flow executor`,
      };
  }
}
