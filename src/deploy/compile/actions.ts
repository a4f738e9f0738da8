/** Builders for the few HubSpot actions the routing flows use, with the field shapes docs/deploy.md lists. */
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

/** Writes the value a `{{ token }}` resolves to (an enrollment event's or a fetched company's property). */
export function setFromToken(property: string, token: string): Step {
  return set(property, { type: "STATIC_VALUE", staticValue: token });
}

/** The time the action runs, optionally shifted (SLA due times). */
export function setExecutionTime(property: string, offset?: RelativeTime): Step {
  return set(property, { type: "TIMESTAMP", timestampType: "EXECUTION_TIME", ...(offset ? { offset } : {}) });
}

/** Round robin among owner ids (a repeated id gets more turns). */
export function rotateOwner(ownerIds: readonly string[]): Step {
  return action("rotateToOwner", {
    user_ids: [...ownerIds],
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
    owner_assignment: { type: "OBJECT_PROPERTY", propertyName: OWNER_PROPERTY },
    ...(task.due ? { due_time: task.due } : {}),
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

export function enrollInSequence(sequenceId: string): Step {
  return action("enrollInSequence", { sequence_id: sequenceId });
}
