/** The event type table is the HubSpot contract's; this path is kept for existing imports. */
export {
  EVENT_TYPES,
  TOUCH_EVENT_TYPES,
  enrollmentEventToken,
  isDeployable,
  knownEventTypeIds,
  type DeployableEventType,
  type EventPropertyNames,
  type EventTypeEntry,
  type EventTypeStatus,
  type UndeployableEventType,
} from "../hubspot-contract/event-types";
