/** Option labels of the managed enumerations, as people read them in HubSpot. */
import type { EventKind, SegmentConfig, TouchKind } from "../../config/types";

export const EVENT_LABELS: Record<EventKind, string> = {
  form_submission: "Form submission",
  meeting_booked: "Meeting booked",
  chat_completed: "Chat completed",
  sequence_reply: "Sequence reply",
  call_logged: "Call logged",
  list_import: "List import",
  contact_created: "Contact created",
};

export const TOUCH_LABELS: Record<TouchKind, string> = {
  sequence_enrollment: "Sequence enrollment",
  call: "Call",
  event: "Event",
};

export const SYSTEM_LABELS = {
  inbound: "Inbound",
  outbound: "Outbound",
  reengagement: "Re-engagement",
  unclassified: "Unclassified",
};

export function segmentLabel(segment: SegmentConfig): string {
  const { minEmployees: min, maxEmployees: max } = segment;
  const range =
    min !== undefined && max !== undefined
      ? `${min}-${max} employees`
      : min !== undefined
        ? `${min}+ employees`
        : max !== undefined
          ? `up to ${max} employees`
          : "any size";
  return `${segment.id} (${range}${segment.whenUnknown ? ", or unknown" : ""})`;
}
