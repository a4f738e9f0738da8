/**
 * The workflow action types RouteOps writes, with the evidence for each id and the fields each
 * takes, and the wire shape of HubSpot's action-types listing. Built-in action types are
 * free-form `fields` in the flow contract (SDK `AutomationAPISingleConnectionAction.fields`), so
 * the field names below come from HubSpot's guide where it shows them and from community flows
 * otherwise; `status` says which.
 *
 * Evidence:
 * - OFFICIAL_GUIDE = HubSpot's automation v4 workflows guide (developers.hubspot.com, "Workflows
 *   API v4": example flow with a delay `0-1` and an in-app notification `0-9` whose `user_ids`
 *   hold user ids).
 * - COMMUNITY = flows read back from real portals and published by HubSpot users (GitHub
 *   repositories collecting v4 flow JSON); nothing official. Marked UNVERIFIED.
 */

/** `documented`: an official HubSpot source shows the id. `UNVERIFIED`: community material only. */
export type IdStatus = "documented" | "UNVERIFIED";

/** One field an action type takes in `fields`. */
export interface ActionInputField {
  name: string;
  /** A HubSpot property data type, or `object` for structured values (value, owner assignment, due time). */
  type: "string" | "number" | "bool" | "enumeration" | "object" | "array";
  isRequired: boolean;
  description: string;
}

export interface ActionTypeEntry {
  actionTypeId: string;
  actionTypeVersion: number;
  status: IdStatus;
  /** HubSpot's name for the action. */
  label: string;
  /** Where the id and field names come from. */
  source: string;
  /** The fields RouteOps writes (what the emulator requires and lists). */
  inputFields: readonly ActionInputField[];
}

const f = (
  name: string,
  type: ActionInputField["type"],
  isRequired: boolean,
  description: string,
): ActionInputField => ({ name, type, isRequired, description });

const COMMUNITY = "community flows read back from real portals (no official source)";

export const ACTION_TYPES = {
  delay: {
    actionTypeId: "0-1",
    actionTypeVersion: 0,
    status: "documented",
    label: "Delay",
    source: "HubSpot automation v4 guide, example flow",
    inputFields: [
      f("delta", "number", true, "How long to wait, in time_unit."),
      f("time_unit", "enumeration", true, "MINUTES, HOURS or DAYS."),
    ],
  },
  createTask: {
    actionTypeId: "0-3",
    actionTypeVersion: 0,
    status: "UNVERIFIED",
    label: "Create task",
    source: `${COMMUNITY}; owner_assignment { type: CUSTOM, value: { type: OBJECT_PROPERTY, propertyName } } from the same flows`,
    inputFields: [
      f("subject", "string", true, "Task title."),
      f("body", "string", false, "Task notes."),
      f("task_type", "enumeration", false, "TODO, CALL or EMAIL."),
      f("priority", "enumeration", false, "NONE, LOW, MEDIUM or HIGH."),
      f("owner_assignment", "object", false, "Who the task is assigned to."),
      f("due_time", "object", false, "When the task is due (a RELATIVE_DATETIME time delay)."),
      f("associations", "array", false, "Records the task is associated with."),
      f("use_explicit_associations", "bool", false, "Associate only the listed records."),
    ],
  },
  setProperty: {
    actionTypeId: "0-5",
    actionTypeVersion: 0,
    status: "UNVERIFIED",
    label: "Set property value",
    source: COMMUNITY,
    inputFields: [
      f("property_name", "string", true, "Internal name of the property to set."),
      f("value", "object", true, "A flow value (STATIC_VALUE, OBJECT_PROPERTY, TIMESTAMP, RELATIVE_DATETIME, ...)."),
    ],
  },
  emailNotification: {
    actionTypeId: "0-8",
    actionTypeVersion: 0,
    status: "UNVERIFIED",
    label: "Send internal email notification",
    source: COMMUNITY,
    inputFields: [
      f("user_ids", "array", false, "User ids to email."),
      f("owner_properties", "array", false, "Owner properties whose owners get the email."),
      f("subject", "string", true, "Subject."),
      f("body", "string", true, "Body."),
    ],
  },
  inAppNotification: {
    actionTypeId: "0-9",
    actionTypeVersion: 0,
    status: "documented",
    label: "Send in-app notification",
    source: "HubSpot automation v4 guide, example flow (user_ids are user ids)",
    inputFields: [
      f("delivery_method", "enumeration", false, "APP."),
      f("user_ids", "array", false, "User ids to notify."),
      f("owner_properties", "array", false, "Owner properties whose owners are notified."),
      f("subject", "string", true, "Subject."),
      f("body", "string", true, "Body."),
    ],
  },
  rotateToOwner: {
    actionTypeId: "0-11",
    actionTypeVersion: 0,
    status: "UNVERIFIED",
    label: "Rotate record to owner",
    source: `${COMMUNITY}; user_ids hold user ids like the official 0-9 example`,
    inputFields: [
      f("user_ids", "array", true, "User ids (the owners' userId) to rotate between."),
      f("target_property", "string", true, "Owner property to set, usually hubspot_owner_id."),
      f("overwrite_current_owner", "bool", false, "Replace an owner the record already has."),
    ],
  },
  enrollInSequence: {
    actionTypeId: "0-46510720",
    actionTypeVersion: 6,
    status: "UNVERIFIED",
    label: "Enroll in sequence",
    source: `${COMMUNITY} (actionTypeVersion 6; sequenceId, senderType, contactOwnerProperty, shouldUseContactTimeZone)`,
    inputFields: [
      f("sequenceId", "string", true, "Sequence to enrol in."),
      f("senderType", "enumeration", true, "CONTACT_OWNER: the contact's owner sends."),
      f("contactOwnerProperty", "string", false, "Owner property naming the sender, usually hubspot_owner_id."),
      f("shouldUseContactTimeZone", "bool", false, "Send in the contact's time zone."),
    ],
  },
} as const satisfies Record<string, ActionTypeEntry>;

export type ActionTypeKey = keyof typeof ACTION_TYPES;

/** The action type with this id, if RouteOps knows it. */
export function actionTypeById(actionTypeId: string): ActionTypeEntry | undefined {
  return (Object.values(ACTION_TYPES) as ActionTypeEntry[]).find((entry) => entry.actionTypeId === actionTypeId);
}

/**
 * One item of `GET /automation/2026-09-beta/action-types?objectTypeId=0-1`, as HubSpot documents
 * it (developers.hubspot.com, api-reference/2026-09-beta/automation/workflows/action-types/
 * get-action-types): `{ results: [ActionTypeListing] }`.
 */
export interface ActionTypeListing {
  actionTypeId: string;
  actionName: string;
  groupId: string;
  objectTypeIds: string[];
  inputFieldDefinitions: InputFieldDefinition[];
}
export interface InputFieldDefinition {
  /** `SIMPLE` in HubSpot's example; other kinds exist for dependent fields. */
  fieldDefinitionType: string;
  isRequired: boolean;
  name: string;
  type: string;
  description?: string;
  label?: string;
}
