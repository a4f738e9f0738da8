/**
 * The workflow action types a portal has, served as HubSpot documents its action-types listing
 * (`GET /automation/2026-09-beta/action-types`: `actionTypeId`, `actionName`, `groupId`,
 * `objectTypeIds`, `inputFieldDefinitions[{ fieldDefinitionType, isRequired, name, type, ... }]`).
 * The ids and fields are the contract's table (src/hubspot-contract/action-types.ts, with the
 * evidence for each); `groupId` values are the emulator's own (HubSpot publishes none), and an
 * emulator can be started without some types (option `actionTypes`).
 */
import {
  ACTION_TYPES,
  type ActionTypeEntry,
  type ActionTypeListing,
  type InputFieldDefinition,
} from "../hubspot-contract/action-types";

/** A workflow action type as the listing shows it. */
export type ActionTypeDefinition = ActionTypeListing;
export type ActionTypeInputField = InputFieldDefinition;

/** Ids of the built-in action types RouteOps uses, by what they do. */
export const ACTION_TYPE_IDS = {
  delay: ACTION_TYPES.delay.actionTypeId,
  createTask: ACTION_TYPES.createTask.actionTypeId,
  setProperty: ACTION_TYPES.setProperty.actionTypeId,
  internalEmail: ACTION_TYPES.emailNotification.actionTypeId,
  inAppNotification: ACTION_TYPES.inAppNotification.actionTypeId,
  rotateToOwner: ACTION_TYPES.rotateToOwner.actionTypeId,
  enrollInSequence: ACTION_TYPES.enrollInSequence.actionTypeId,
} as const;

/** The emulator's grouping (HubSpot's listing has a `groupId`; its values are not published). */
const GROUP: Record<string, string> = {
  delay: "DELAYS",
  createTask: "CRM",
  setProperty: "CRM",
  emailNotification: "INTERNAL_COMMUNICATION",
  inAppNotification: "INTERNAL_COMMUNICATION",
  rotateToOwner: "CRM",
  enrollInSequence: "SALES",
};

function listing(key: string, entry: ActionTypeEntry): ActionTypeDefinition {
  return {
    actionTypeId: entry.actionTypeId,
    actionName: entry.label,
    groupId: GROUP[key] ?? "CRM",
    // Sequences enrol contacts only; the others work on contacts and companies.
    objectTypeIds: key === "enrollInSequence" ? ["0-1"] : ["0-1", "0-2"],
    inputFieldDefinitions: entry.inputFields.map((field) => ({
      fieldDefinitionType: "SIMPLE",
      isRequired: field.isRequired,
      name: field.name,
      type: field.type,
      description: field.description,
      label: field.name,
    })),
  };
}

/** Every action type a default emulated portal has. */
export const DEFAULT_ACTION_TYPES: readonly ActionTypeDefinition[] = Object.entries(ACTION_TYPES).map(([key, entry]) =>
  listing(key, entry),
);
