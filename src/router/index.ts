/** The router service (`routeops router`): see docs/router.md. */
export { startRouter, type RouterOptions, type RunningRouter } from "./router";
export { openDatabase, migrate, readMigrations, RouterDatabaseError, type RouterDatabase, type Sql } from "./database";
export {
  ROUTER_STEPS,
  type CycleHooks,
  type CycleReport,
  type RoutedLead,
  type RouterHubSpot,
  type RouterStep,
} from "./cycle";
export {
  needsRouting,
  reRequested,
  requestStanding,
  routeInputOf,
  REQUEST_COMPANY_PROPERTIES,
  REQUEST_CONTACT_PROPERTIES,
  type RequestStanding,
  type RoutingRequestKey,
} from "./request";
export { signWebhookV3, verifyWebhookV3, parseDelivery, MAX_WEBHOOK_AGE_MS, WebhookPayloadError } from "./webhooks";
export { decisionWrites, taskMarker } from "./writes";
export { RouterMetrics } from "./metrics";
export type { LoggedDecision } from "./store";
export { formatDecisionLog, formatLoggedDecision } from "./why-text";
export { escalationLog, pendingNotifications } from "./operations";
export { firstTouchOf, FIRST_TOUCH_PROPERTIES, OPEN_WINDOW_MS, TOUCH_RECHECK_MS } from "./open-leads";
