/**
 * The workflow action types a portal has, as `GET /automation/2026-09-beta/action-types` lists
 * them. HubSpot documents only the delay's id (0-1); the others come from HubSpot's guide or from
 * community sources (UNVERIFIED in docs/emulator.md), which is why they live in this one table and
 * why an emulator can be started without some of them (option `actionTypes`).
 */

/** An input field of an action type (a key of the action's `fields`). */
export interface ActionTypeInputField {
  name: string;
  type: "string" | "number" | "bool" | "enumeration" | "object" | "array";
  required: boolean;
  description?: string;
  options?: string[];
}

/** A workflow action type: the `actionTypeId` flows refer to, and the fields it takes. */
export interface ActionTypeDefinition {
  actionTypeId: string;
  actionTypeVersion: number;
  name: string;
  description: string;
  /** Object types whose flows may use it (`0-1` contacts, `0-2` companies). */
  objectTypeIds: string[];
  inputFields: ActionTypeInputField[];
}

const field = (
  name: string,
  type: ActionTypeInputField["type"],
  required: boolean,
  description: string,
  options?: string[],
): ActionTypeInputField => ({ name, type, required, description, ...(options ? { options } : {}) });

const CRM = ["0-1", "0-2"];

/** Ids of the built-in action types RouteOps uses, by what they do. */
export const ACTION_TYPE_IDS = {
  delay: "0-1",
  createTask: "0-3",
  setProperty: "0-5",
  internalEmail: "0-8",
  inAppNotification: "0-9",
  rotateToOwner: "0-11",
  copyProperty: "0-35",
  enrollInSequence: "0-46510720",
} as const;

/** Every action type a default emulated portal has. */
export const DEFAULT_ACTION_TYPES: readonly ActionTypeDefinition[] = [
  {
    actionTypeId: ACTION_TYPE_IDS.delay,
    actionTypeVersion: 0,
    name: "Delay",
    description: "Waits for a set amount of time before the next action.",
    objectTypeIds: CRM,
    inputFields: [
      field("delta", "number", true, "How long to wait, in time_unit."),
      field("time_unit", "enumeration", true, "Unit of delta.", ["MINUTES", "HOURS", "DAYS"]),
    ],
  },
  {
    actionTypeId: ACTION_TYPE_IDS.createTask,
    actionTypeVersion: 0,
    name: "Create task",
    description: "Creates a task associated with the enrolled record.",
    objectTypeIds: CRM,
    inputFields: [
      field("subject", "string", true, "Task title."),
      field("body", "string", false, "Task notes."),
      field("task_type", "enumeration", false, "Task type.", ["TODO", "CALL", "EMAIL"]),
      field("priority", "enumeration", false, "Priority.", ["NONE", "LOW", "MEDIUM", "HIGH"]),
      field("owner_assignment", "object", false, "Who the task is assigned to."),
      field("due_time", "object", false, "When the task is due."),
      field("associations", "array", false, "Records the task is associated with."),
      field("use_explicit_associations", "bool", false, "Associate only the listed records."),
    ],
  },
  {
    actionTypeId: ACTION_TYPE_IDS.setProperty,
    actionTypeVersion: 0,
    name: "Set property value",
    description: "Sets a property of the enrolled record.",
    objectTypeIds: CRM,
    inputFields: [
      field("property_name", "string", true, "Internal name of the property to set."),
      field("value", "object", true, "The value: { type: STATIC_VALUE, staticValue } or a timestamp."),
      field("association", "object", false, "Set it on an associated record instead."),
    ],
  },
  {
    actionTypeId: ACTION_TYPE_IDS.internalEmail,
    actionTypeVersion: 0,
    name: "Send internal email notification",
    description: "Emails users of the portal.",
    objectTypeIds: CRM,
    inputFields: [
      field("user_ids", "array", false, "Users to email."),
      field("owner_properties", "array", false, "Owner properties whose owners get the email."),
      field("subject", "string", true, "Subject."),
      field("body", "string", true, "Body."),
    ],
  },
  {
    actionTypeId: ACTION_TYPE_IDS.inAppNotification,
    actionTypeVersion: 0,
    name: "Send in-app notification",
    description: "Notifies users in HubSpot (bell and mobile push).",
    objectTypeIds: CRM,
    inputFields: [
      field("user_ids", "array", false, "Users to notify."),
      field("owner_properties", "array", false, "Owner properties whose owners are notified."),
      field("subject", "string", true, "Subject."),
      field("body", "string", true, "Body."),
    ],
  },
  {
    actionTypeId: ACTION_TYPE_IDS.rotateToOwner,
    actionTypeVersion: 0,
    name: "Rotate record to owner",
    description: "Assigns the record to the next of the listed users, in turn.",
    objectTypeIds: CRM,
    inputFields: [
      field("user_ids", "array", true, "Users to rotate between."),
      field("target_property", "string", true, "Owner property to set, usually hubspot_owner_id."),
      field("overwrite_current_owner", "bool", false, "Replace an owner the record already has."),
    ],
  },
  {
    actionTypeId: ACTION_TYPE_IDS.copyProperty,
    actionTypeVersion: 0,
    name: "Copy property value",
    description: "Copies one property's value into another property.",
    objectTypeIds: CRM,
    inputFields: [
      field("source_property", "string", true, "Property to copy from."),
      field("target_property", "string", true, "Property to copy to."),
      field("target_object", "enumeration", false, "Where the target property lives.", ["ENROLLED", "ASSOCIATED"]),
    ],
  },
  {
    actionTypeId: ACTION_TYPE_IDS.enrollInSequence,
    actionTypeVersion: 0,
    name: "Enroll in sequence",
    description: "Enrolls the contact in a sales sequence.",
    objectTypeIds: ["0-1"],
    inputFields: [
      field("sequence_id", "string", true, "Sequence to enroll in."),
      field("sender_type", "enumeration", false, "Who sends it.", ["CONTACT_OWNER", "SPECIFIC_USER"]),
      field("user_id", "string", false, "Sender when sender_type is SPECIFIC_USER."),
    ],
  },
];
