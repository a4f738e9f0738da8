/** Which managed contact property records which fact of an event (source identification and capture flows). */
import type { EventPropertyNames } from "../event-types";
import { MANAGED_PROPERTIES as P } from "../managed-names";

export const EVENT_FIELDS: { field: keyof Omit<EventPropertyNames, "occurredAt">; property: string }[] = [
  { field: "formId", property: P.eventFormId },
  { field: "pageUrl", property: P.eventPageUrl },
  { field: "chatQualified", property: P.eventChatQualified },
  { field: "callOutcome", property: P.eventCallOutcome },
  { field: "importSource", property: P.eventImportSource },
  { field: "owner", property: P.eventOwner },
];
