import type { EventKind } from "../../config/types";
import type { RouteEvent } from "../../engine/types";
import { Problems } from "./property-shapes";

type FieldType = "string" | "boolean" | "record";

/** Fields of each event kind, as in the RouteOps fixture format: name -> [type, required]. */
const EVENT_FIELDS: Record<EventKind, Record<string, [FieldType, boolean]>> = {
  form_submission: { formId: ["string", true], pageUrl: ["string", false], fields: ["record", false] },
  meeting_booked: { meetingType: ["string", false], owner: ["string", false] },
  chat_completed: { qualified: ["boolean", true], lastIntent: ["string", false] },
  sequence_reply: { sequence: ["string", false], owner: ["string", true] },
  call_logged: { owner: ["string", true], outcome: ["string", false] },
  list_import: { importSource: ["string", true], owner: ["string", false] },
  contact_created: {},
};

const fits = (value: unknown, type: FieldType): boolean =>
  type === "record"
    ? typeof value === "object" &&
      value !== null &&
      !Array.isArray(value) &&
      Object.values(value).every((v) => typeof v === "string")
    : typeof value === type;

/** Checks an event against the fixture format's kinds and fields (unknown fields are errors). */
export function checkContactEvent(raw: unknown, where = "event"): RouteEvent {
  const problems = new Problems();
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    problems.add(where, `${where} must be an object with a kind`);
    problems.throwIfAny();
  }
  const event = raw as Record<string, unknown>;
  const fields = EVENT_FIELDS[event.kind as EventKind];
  if (!fields) {
    problems.add(`${where}.kind`, `${where}.kind must be one of ${Object.keys(EVENT_FIELDS).join(", ")}`);
    problems.throwIfAny();
  }
  for (const [name, [type, required]] of Object.entries(fields!)) {
    const value = event[name];
    if (value === undefined) {
      if (required) problems.add(`${where}.${name}`, `${where}.${name} is required for ${String(event.kind)}`);
    } else if (!fits(value, type)) {
      problems.add(`${where}.${name}`, `${where}.${name} must be a ${type === "record" ? "map of strings" : type}`);
    }
  }
  for (const name of Object.keys(event)) {
    if (name !== "kind" && !(name in fields!)) {
      problems.add(`${where}.${name}`, `${where}.${name} is not a field of ${String(event.kind)} events`);
    }
  }
  problems.throwIfAny();
  return event as unknown as RouteEvent;
}
