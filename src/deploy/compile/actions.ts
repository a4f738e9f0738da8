/** Builders for the few HubSpot actions the routing flows use, with the field shapes docs/deploy.md lists. */
import { DAYS_OF_WEEK, type DayOfWeek } from "../../hubspot-contract/flows";
import type { FlowValue, RelativeTime } from "../model/flow";
import { action, type Step } from "./steps";

/** The property HubSpot assigns a contact's owner with. */
export const OWNER_PROPERTY = "hubspot_owner_id";

/** Task -> contact association (HubSpot-defined). */
const TASK_TO_CONTACT = 204;

function set(property: string, value: FlowValue): Step {
  return action("setProperty", { property_name: property, value });
}

export function setValue(property: string, value: string): Step {
  return set(property, { type: "STATIC_VALUE", staticValue: value });
}

/** Empties a property (HubSpot: an empty string clears). */
export function clearValue(property: string): Step {
  return setValue(property, "");
}

export function copyValue(property: string, from: string): Step {
  return set(property, { type: "OBJECT_PROPERTY", propertyName: from });
}

/**
 * Writes what a token names: `{{ enrollment_events... }}` is an ENROLLMENT_EVENT_PROPERTY value,
 * `{{ fetched_objects... }}` a FETCHED_OBJECT_PROPERTY value (SDK value types; HubSpot does not
 * resolve tokens inside a STATIC_VALUE).
 */
export function setFromToken(property: string, token: string): Step {
  if (/^\{\{\s*enrollment_events\./.test(token)) {
    return set(property, { type: "ENROLLMENT_EVENT_PROPERTY", enrollmentEventPropertyToken: token });
  }
  if (/^\{\{\s*fetched_objects\./.test(token)) {
    return set(property, { type: "FETCHED_OBJECT_PROPERTY", propertyToken: token });
  }
  throw new Error(`no value type reads the token ${token}`);
}

/** Every weekday: a relative time may fall on any day (the flows count calendar time). */
const ANY_DAY: DayOfWeek[] = [...DAYS_OF_WEEK];

/** A RELATIVE_DATETIME value: `delta` units after the action runs, then the next `timeOfDay` if given. */
export function relativeValue(relative: RelativeTime): FlowValue {
  return {
    type: "RELATIVE_DATETIME",
    timeDelay: {
      delta: relative.delta,
      timeUnit: relative.timeUnit,
      daysOfWeek: ANY_DAY,
      ...(relative.timeOfDay ? { timeOfDay: relative.timeOfDay } : {}),
    },
  };
}

/** The time the action runs (TIMESTAMP EXECUTION_TIME), or a time relative to it (RELATIVE_DATETIME). */
export function setExecutionTime(property: string, offset?: RelativeTime): Step {
  return set(property, offset ? relativeValue(offset) : { type: "TIMESTAMP", timestampType: "EXECUTION_TIME" });
}

/** Round robin among HubSpot users (user ids; a repeated id gets more turns). */
export function rotateOwner(userIds: readonly string[]): Step {
  return action("rotateToOwner", {
    user_ids: [...userIds],
    target_property: OWNER_PROPERTY,
    overwrite_current_owner: "true",
  });
}

export function createTask(task: {
  subject: string;
  body: string;
  priority: "HIGH" | "MEDIUM";
  due?: RelativeTime;
}): Step {
  return action("createTask", {
    task_type: "TODO",
    subject: task.subject,
    body: task.body,
    priority: task.priority,
    associations: [
      {
        target: { associationCategory: "HUBSPOT_DEFINED", associationTypeId: TASK_TO_CONTACT },
        value: { type: "ENROLLED_OBJECT" },
      },
    ],
    use_explicit_associations: "true",
    // Community flows: the assignee is CUSTOM, valued by the contact's owner property.
    owner_assignment: { type: "CUSTOM", value: { type: "OBJECT_PROPERTY", propertyName: OWNER_PROPERTY } },
    ...(task.due ? { due_time: relativeValue(task.due) } : {}),
  });
}

/** Notifies the owner named by an owner-referenced contact property. */
export function notifyInApp(ownerProperty: string, subject: string, body: string): Step {
  return action("inAppNotification", {
    delivery_method: "APP",
    subject,
    body,
    user_ids: [],
    owner_properties: [ownerProperty],
  });
}

export function notifyByEmail(ownerProperty: string, subject: string, body: string): Step {
  return action("emailNotification", { subject, body, user_ids: [], owner_properties: [ownerProperty] });
}

export function delayMinutes(minutes: number): Step {
  return action("delay", { delta: String(minutes), time_unit: "MINUTES" });
}

/** Community flows (actionTypeVersion 6): the contact's owner sends, in the contact's time zone. */
export function enrollInSequence(sequenceId: string): Step {
  return action("enrollInSequence", {
    sequenceId,
    senderType: "CONTACT_OWNER",
    contactOwnerProperty: OWNER_PROPERTY,
    shouldUseContactTimeZone: "true",
  });
}
