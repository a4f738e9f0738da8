/**
 * The HubSpot adapter: the only code in RouteOps that talks to HubSpot. The CLI constructs it
 * (from `HUBSPOT_ACCESS_TOKEN` and `--hubspot-base-url`) and passes it to whatever needs HubSpot.
 *
 * The official client is configured with one attempt per call and no limiter: its retry and
 * limiter are a process-wide singleton that ignores `Retry-After`. This adapter owns limiting,
 * retries and error reporting for every call, generated-client and raw alike.
 */
import { Client } from "@hubspot/api-client";
import type { AccessPathLimits } from "./access-path";
import { listActionTypes } from "./action-types";
import { readContactCompanyAssociations } from "./associations";
import { CallRunner, type HubSpotWait } from "./call-runner";
import { hubSpotCalls } from "./client-calls";
import { readContacts, type ContactRead, type ReadContactsOptions } from "./contact-read";
import { batchReadObjects, countContacts, listContacts, searchContacts } from "./contacts";
import { createFlow, deleteFlow, getFlows, listFlows, replaceFlow } from "./flows";
import type {
  ActionType,
  ContactCompanies,
  ContactSearchRequest,
  Flow,
  FlowBody,
  FlowSummary,
  HubSpotObjectType,
  HubSpotOwner,
  HubSpotRecord,
  PropertyCreate,
  PropertyDefinition,
  PropertyGroup,
  PropertyUpdate,
  SearchFilterGroup,
  SequenceEnrollment,
} from "./model";
import { listOwners } from "./owners";
import {
  archiveProperty,
  createProperties,
  createProperty,
  createPropertyGroup,
  getPropertyGroup,
  listProperties,
  updateProperty,
  updatePropertyGroup,
} from "./properties";
import { RateLimiter } from "./rate-limiter";
import { searchCompaniesForAccounts, type AccountSearch } from "./account-search";
import {
  contactTasks,
  createTasks,
  searchContactsOnce,
  updateContacts,
  type ContactUpdate,
  type TaskCreate,
  type TaskRecord,
} from "./router-calls";
import { RequestLog, type HubSpotRequestInfo, type RequestCounts } from "./request-log";
import { DEFAULT_RETRY, type RetryOptions } from "./retry-policy";
import { createRedactor } from "../secrets";
import { listSequenceEnrollments } from "./sequences";
import { RouteOpsError } from "../errors";

/** HubSpot's public API; the emulator (or a proxy) replaces it through `baseUrl`. */
export const HUBSPOT_API_BASE_URL = "https://api.hubapi.com";

/** Private-app limits of Professional and Enterprise portals. */
export const DEFAULT_LIMITS = { tenSecondly: 190, searchPerSecond: 5 } as const;
const TEN_SECONDS = 10_000;
/** A freed slot stays taken this much longer than the window, for clock granularity. */
const LIMITER_MARGIN_MS = 20;

export interface HubSpotAdapterOptions {
  /** Private app access token. Never printed, logged or put in an error. */
  accessToken: string;
  /** API root, default `https://api.hubapi.com`. */
  baseUrl?: string;
  /**
   * Client-side limits. `tenSecondly`: requests per rolling window (190 for Professional and
   * Enterprise, 100 for Free and Starter, 250 with the capacity add-on); the window's length and
   * a lower portal maximum are learned from HubSpot's rate-limit headers. `searchPerSecond`: 5.
   */
  limits?: { tenSecondly?: number; searchPerSecond?: number };
  retry?: RetryOptions;
  /** Waits between retries and for the rate limiter; tests pass a fake. */
  sleep?: (ms: number) => Promise<void>;
  /** Source of backoff jitter, in [0, 1); tests pass a fixed one. */
  random?: () => number;
  /** Monotonic milliseconds for the rate limiter; default `performance.now()`. */
  now?: () => number;
  /** Called after every HTTP attempt (retries included). */
  onRequest?: (info: HubSpotRequestInfo) => void;
  /** Called before every wait of a second or more between attempts: the CLI prints it on stderr. */
  onWait?: (wait: HubSpotWait) => void;
  /** An attempt without a complete answer after this long fails as a timeout. Default 30 s. */
  requestTimeoutMs?: number;
  /** Longest `Retry-After` honoured; HubSpot asking for more fails the call at once. Default 60 s. */
  maxRetryAfterMs?: number;
  /** The whole command's budget from now: no call starts, and no wait ends, after it. Default: none. */
  deadlineMs?: number;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;

/** Everything RouteOps does in HubSpot. */
export interface HubSpotAdapter {
  /** Every owner, every page, archived ones (deactivated users) included and marked. */
  listOwners(): Promise<HubSpotOwner[]>;
  /** The property group, or `null` when it does not exist. */
  getPropertyGroup(objectType: HubSpotObjectType, name: string): Promise<PropertyGroup | null>;
  createPropertyGroup(
    objectType: HubSpotObjectType,
    group: { name: string; label: string; displayOrder?: number },
  ): Promise<PropertyGroup>;
  updatePropertyGroup(
    objectType: HubSpotObjectType,
    name: string,
    changes: { label?: string; displayOrder?: number },
  ): Promise<PropertyGroup>;
  /** Properties of the object type; `archived: true` lists only archived ones. */
  listProperties(objectType: HubSpotObjectType, options?: { archived?: boolean }): Promise<PropertyDefinition[]>;
  /** Creates properties through the batch endpoint, 100 per request. */
  createProperties(objectType: HubSpotObjectType, inputs: PropertyCreate[]): Promise<PropertyDefinition[]>;
  /** Creates one property; a `HubSpotError` with status 409 when the name is taken (live or recently archived). */
  createProperty(objectType: HubSpotObjectType, input: PropertyCreate): Promise<PropertyDefinition>;
  updateProperty(objectType: HubSpotObjectType, name: string, changes: PropertyUpdate): Promise<PropertyDefinition>;
  archiveProperty(objectType: HubSpotObjectType, name: string): Promise<void>;
  /** Every matching contact, sorted by `createdate`, each once, past the 10,000 cap. */
  searchContacts(request: ContactSearchRequest): AsyncIterable<HubSpotRecord>;
  /** How many contacts match (one search request). */
  countContacts(filterGroups?: SearchFilterGroup[]): Promise<number>;
  /** Every contact through the list endpoint (100 per page, no cap). */
  listContacts(options?: { properties?: string[] }): AsyncIterable<HubSpotRecord>;
  /** Reads contacts (all, or a `createdate` window) by the faster access path. */
  readContacts(options?: ReadContactsOptions): Promise<ContactRead>;
  /** Contacts by id, 100 per request; unknown ids are left out. */
  batchReadContacts(ids: string[], properties: string[]): Promise<HubSpotRecord[]>;
  /** Companies by id, 100 per request; unknown ids are left out. */
  batchReadCompanies(ids: string[], properties: string[]): Promise<HubSpotRecord[]>;
  /** Each contact's companies, primary first (v4 batch read, 1,000 per request). */
  readContactCompanyAssociations(contactIds: string[]): Promise<ContactCompanies[]>;
  /** Updates contacts, 100 per request. */
  updateContacts(updates: ContactUpdate[]): Promise<void>;
  /** Creates tasks associated with their contacts, 100 per request; ids in input order. Never retried. */
  createTasks(tasks: TaskCreate[]): Promise<string[]>;
  /** Each contact's tasks (associations, then a batch read of `properties`). */
  contactTasks(contactIds: string[], properties: string[]): Promise<Map<string, TaskRecord[]>>;
  /** One search page (no windowing), sorted ascending by `sortBy`. */
  searchContactsOnce(request: {
    filters: { propertyName: string; operator: string; value?: string }[];
    sortBy: string;
    properties: string[];
    limit: number;
  }): Promise<HubSpotRecord[]>;
  /**
   * Companies for account matching by email domain: stored under one of `domains` in any of the
   * forms HubSpot holds (bare, `www.`, scheme, capitals), the given ids, and those with additional
   * domains modified since (src/hubspot/account-search.ts).
   */
  searchCompaniesForAccounts(search: AccountSearch, properties: string[]): Promise<HubSpotRecord[]>;
  /** The contact's sequence enrollments (empty when never enrolled). */
  listSequenceEnrollments(contactId: string): Promise<SequenceEnrollment[]>;
  listFlows(): Promise<FlowSummary[]>;
  /** Full flows by id (batch read); unknown ids are left out. */
  getFlows(ids: string[]): Promise<Flow[]>;
  createFlow(body: FlowBody): Promise<Flow>;
  /** Full replace; throws `FlowRevisionConflictError` when `revisionId` is no longer current. */
  replaceFlow(flowId: string, body: FlowBody, revisionId: string): Promise<Flow>;
  deleteFlow(flowId: string): Promise<void>;
  /** Action types the portal offers to workflows of the object type (default `0-1`, contacts). */
  listActionTypes(objectTypeId?: string): Promise<ActionType[]>;
  /** HTTP requests made so far, by endpoint (retries included). */
  readonly requests: RequestCounts;
}

export function createHubSpotAdapter(options: HubSpotAdapterOptions): HubSpotAdapter {
  const accessToken = checkToken(options.accessToken);
  const baseUrl = checkBaseUrl(options.baseUrl ?? HUBSPOT_API_BASE_URL);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? (() => performance.now());
  const limits: AccessPathLimits = {
    windowMax: positive(options.limits?.tenSecondly, DEFAULT_LIMITS.tenSecondly, "limits.tenSecondly"),
    windowMs: TEN_SECONDS,
    searchPerSecond: positive(
      options.limits?.searchPerSecond,
      DEFAULT_LIMITS.searchPerSecond,
      "limits.searchPerSecond",
    ),
  };
  const retry = {
    attempts: positive(options.retry?.attempts, DEFAULT_RETRY.attempts, "retry.attempts"),
    baseDelayMs: positive(options.retry?.baseDelayMs, DEFAULT_RETRY.baseDelayMs, "retry.baseDelayMs"),
    maxDelayMs: positive(options.retry?.maxDelayMs, DEFAULT_RETRY.maxDelayMs, "retry.maxDelayMs"),
  };

  const client = new Client({ accessToken, basePath: baseUrl, numberOfApiCallRetries: 1 });
  // The client decorates each API group when it is first touched, with whatever the process-wide
  // decorator settings are at that moment: touch them now, while they are ours.
  void client.crm.owners.ownersApi;
  void client.crm.properties.coreApi;
  void client.crm.contacts.searchApi;
  void client.crm.companies.batchApi;
  void client.crm.associations.v4.batchApi;

  const limiter = new RateLimiter({
    windowMax: limits.windowMax,
    windowMs: limits.windowMs,
    searchPerSecond: limits.searchPerSecond,
    marginMs: LIMITER_MARGIN_MS,
    now,
    sleep,
  });
  const log = new RequestLog();
  const runner = new CallRunner({
    limiter,
    log,
    retry,
    sleep,
    random: options.random ?? Math.random,
    now,
    scrub: createRedactor([accessToken]),
    bounds: {
      requestTimeoutMs: positive(options.requestTimeoutMs, DEFAULT_REQUEST_TIMEOUT_MS, "requestTimeoutMs"),
      maxRetryAfterMs: positive(options.maxRetryAfterMs, DEFAULT_MAX_RETRY_AFTER_MS, "maxRetryAfterMs"),
      ...(options.deadlineMs !== undefined
        ? {
            deadline: now() + positive(options.deadlineMs, 0, "deadlineMs"),
            deadlineSeconds: Math.round(options.deadlineMs / 1000),
          }
        : {}),
    },
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
    ...(options.onWait ? { onWait: options.onWait } : {}),
  });
  const calls = hubSpotCalls(client, runner);

  return {
    listOwners: () => listOwners(client, calls),
    getPropertyGroup: (objectType, name) => getPropertyGroup(client, calls, objectType, name),
    createPropertyGroup: (objectType, group) => createPropertyGroup(client, calls, objectType, group),
    updatePropertyGroup: (objectType, name, changes) => updatePropertyGroup(client, calls, objectType, name, changes),
    listProperties: (objectType, listOptions) => listProperties(client, calls, objectType, listOptions),
    createProperties: (objectType, inputs) => createProperties(client, calls, objectType, inputs),
    createProperty: (objectType, input) => createProperty(client, calls, objectType, input),
    updateProperty: (objectType, name, changes) => updateProperty(client, calls, objectType, name, changes),
    archiveProperty: (objectType, name) => archiveProperty(client, calls, objectType, name),
    searchContacts: (request) => searchContacts(client, calls, request),
    countContacts: (filterGroups) => countContacts(client, calls, filterGroups),
    listContacts: (listOptions) => listContacts(client, calls, listOptions),
    readContacts: (readOptions = {}) => readContacts(client, calls, limits, now, readOptions),
    batchReadContacts: (ids, properties) => batchReadObjects(client, calls, "contacts", ids, properties),
    batchReadCompanies: (ids, properties) => batchReadObjects(client, calls, "companies", ids, properties),
    readContactCompanyAssociations: (contactIds) => readContactCompanyAssociations(client, calls, contactIds),
    updateContacts: (updates) => updateContacts(calls, updates),
    createTasks: (tasks) => createTasks(calls, tasks),
    contactTasks: (contactIds, properties) => contactTasks(calls, contactIds, properties),
    searchContactsOnce: (request) => searchContactsOnce(calls, request),
    searchCompaniesForAccounts: (search, properties) => searchCompaniesForAccounts(calls, search, properties),
    listSequenceEnrollments: (contactId) => listSequenceEnrollments(calls, contactId),
    listFlows: () => listFlows(calls),
    getFlows: (ids) => getFlows(calls, ids),
    createFlow: (body) => createFlow(calls, body),
    replaceFlow: (flowId, body, revisionId) => replaceFlow(calls, flowId, body, revisionId),
    deleteFlow: (flowId) => deleteFlow(calls, flowId),
    listActionTypes: (objectTypeId) => listActionTypes(calls, objectTypeId),
    requests: log,
  };
}

/** Thrown for a bad token or base URL; the message never repeats the token. */
export class HubSpotConfigError extends RouteOpsError {
  override name = "HubSpotConfigError";
  constructor(message: string) {
    super("hubspot_config", message);
  }
}

function checkToken(token: string): string {
  if (typeof token !== "string" || token.trim() === "") {
    throw new HubSpotConfigError("The HubSpot access token is empty: set HUBSPOT_ACCESS_TOKEN to a private app token.");
  }
  // A header value cannot hold these; fetch would reject it with the token in its message.
  if ([...token].some((char) => char.charCodeAt(0) <= 0x20 || char.charCodeAt(0) === 0x7f)) {
    throw new HubSpotConfigError(
      "The HubSpot access token contains whitespace or control characters: check HUBSPOT_ACCESS_TOKEN (a pasted newline?).",
    );
  }
  return token;
}

function checkBaseUrl(value: string): string {
  // A URL may carry credentials (`https://user:secret@host`): only echo it when it cannot.
  const shown = value.includes("@") ? "" : ` "${value}"`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new HubSpotConfigError(
      `The HubSpot base URL${shown} is not a URL (expected for example ${HUBSPOT_API_BASE_URL}).`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new HubSpotConfigError(`The HubSpot base URL${shown} must start with https:// or http://.`);
  }
  if (url.search || url.username || url.password) {
    throw new HubSpotConfigError("The HubSpot base URL must not carry a query string or credentials.");
  }
  return url.toString().replace(/\/+$/, "");
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new HubSpotConfigError(`HubSpot adapter option ${name} must be a positive number (got ${value}).`);
  }
  return value;
}
