/** The HubSpot adapter's public surface; the rest of RouteOps imports only from here. */
export {
  createHubSpotAdapter,
  DEFAULT_LIMITS,
  HUBSPOT_API_BASE_URL,
  HubSpotConfigError,
  type HubSpotAdapter,
  type HubSpotAdapterOptions,
} from "./adapter";
export type { AccessPath, AccessPathEstimate } from "./access-path";
export type { ContactRead, ReadContactsOptions } from "./contact-read";
export { FlowRevisionConflictError, HubSpotError, type HubSpotErrorCode, type HubSpotErrorDetail } from "./errors";
export type * from "./model";
export type { HubSpotRequestInfo, RequestCounts } from "./request-log";
export type { HubSpotWait } from "./call-runner";
export type { RetryOptions } from "./retry-policy";
export type { ContactUpdate, TaskCreate, TaskRecord } from "./router-calls";
export { accountSearchGroups, storedDomainForms, type AccountSearch } from "./account-search";
