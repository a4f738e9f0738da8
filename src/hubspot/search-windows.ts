/**
 * Reads every result of a contact search, past HubSpot's cap of 10,000 results per query.
 *
 * Results are sorted by `createdate` ascending. When a query is about to reach the cap, the next
 * query starts at the last `createdate` read (`GTE`), and skips the contacts of that instant it
 * already returned: nothing is lost or duplicated at window edges, even when many contacts share
 * a `createdate`. Should one instant alone hold a whole query's worth of contacts, that instant
 * is read on its own, ordered and windowed by `hs_object_id`, which is unique.
 *
 * The algorithm only needs a page fetcher, so it can be exercised against a small in-memory cap.
 */
import { HubSpotError } from "./errors";
import type { ContactSearchRequest, HubSpotRecord, SearchFilter, SearchFilterGroup } from "./model";
import { epochMillis } from "./records";

/** HubSpot returns at most 10,000 results for one search query. */
export const SEARCH_RESULT_CAP = 10_000;
/** HubSpot returns at most 200 results per search page. */
export const SEARCH_PAGE_MAX = 200;
/** HubSpot accepts at most 5 filter groups, 6 filters per group and 18 filters in all. */
const MAX_GROUPS = 5;
const MAX_FILTERS_PER_GROUP = 6;
const MAX_FILTERS = 18;
/** Windowing adds at most two filters to every group (`createdate` and `hs_object_id`). */
const ADDED_FILTERS = 2;

const CREATEDATE = "createdate";
const OBJECT_ID = "hs_object_id";

/** One search request as sent to HubSpot. */
export interface SearchPageRequest {
  filterGroups: SearchFilterGroup[];
  sorts: { propertyName: string; direction: "ASCENDING" | "DESCENDING" }[];
  properties: string[];
  limit: number;
  after?: string;
}

export interface SearchPage {
  total: number;
  results: HubSpotRecord[];
  /** Cursor of the next page; absent on the last page. */
  after?: string;
}

export type SearchPageFetcher = (request: SearchPageRequest) => Promise<SearchPage>;

/** The first request the windowed read sends for `request` (readContacts sends it as its probe). */
export function firstSearchRequest(request: ContactSearchRequest): SearchPageRequest {
  return pageRequest(request, [], CREATEDATE, undefined);
}

export async function* searchInWindows(
  fetchPage: SearchPageFetcher,
  request: ContactSearchRequest,
  cap: number = SEARCH_RESULT_CAP,
): AsyncGenerator<HubSpotRecord> {
  checkFilterRoom(request.filterGroups ?? []);
  /** Where the next window starts, and the contacts of that instant already returned. */
  let lower: { at: number; inclusive: boolean; returned: Set<string> } | undefined;
  for (;;) {
    const bound: SearchFilter[] = lower
      ? [{ propertyName: CREATEDATE, operator: lower.inclusive ? "GTE" : "GT", value: String(lower.at) }]
      : [];
    let first: number | undefined;
    let last: number | undefined;
    let idsAtLast = new Set<string>();
    const window = readWindow(fetchPage, request, bound, CREATEDATE, cap);
    let step = await window.next();
    for (; !step.done; step = await window.next()) {
      const record = step.value;
      const created = createdateOf(record);
      first ??= created;
      if (created !== last) {
        last = created;
        idsAtLast = new Set();
      }
      idsAtLast.add(record.id);
      if (lower?.inclusive && created === lower.at && lower.returned.has(record.id)) continue;
      yield record;
    }
    if (step.value === "exhausted") return;
    if (last === undefined) throw stuck("a full search window returned no contacts");
    const returnedAtLast =
      lower?.inclusive && last === lower.at ? new Set([...lower.returned, ...idsAtLast]) : idsAtLast;
    if (first === last) {
      // One instant fills a whole window: read that instant alone, by object id, then move past it.
      yield* readInstant(fetchPage, request, last, returnedAtLast, cap);
      lower = { at: last, inclusive: false, returned: new Set() };
    } else {
      lower = { at: last, inclusive: true, returned: returnedAtLast };
    }
  }
}

/** Every contact created at `instant`, in `hs_object_id` windows, except those in `returned`. */
async function* readInstant(
  fetchPage: SearchPageFetcher,
  request: ContactSearchRequest,
  instant: number,
  returned: Set<string>,
  cap: number,
): AsyncGenerator<HubSpotRecord> {
  let lastId: string | undefined;
  for (;;) {
    const bound: SearchFilter[] = [{ propertyName: CREATEDATE, operator: "EQ", value: String(instant) }];
    if (lastId !== undefined) bound.push({ propertyName: OBJECT_ID, operator: "GT", value: lastId });
    const window = readWindow(fetchPage, request, bound, OBJECT_ID, cap);
    let step = await window.next();
    while (!step.done) {
      lastId = step.value.id;
      if (!returned.has(step.value.id)) yield step.value;
      step = await window.next();
    }
    if (step.value === "exhausted") return;
    if (lastId === undefined) throw stuck("a full search window returned no contacts");
  }
}

/**
 * Pages through one query until its last page (`"exhausted"`) or until the next page would pass
 * the cap (`"capped"`).
 */
async function* readWindow(
  fetchPage: SearchPageFetcher,
  request: ContactSearchRequest,
  bound: SearchFilter[],
  sortBy: string,
  cap: number,
): AsyncGenerator<HubSpotRecord, "exhausted" | "capped"> {
  const pageSize = pageSizeOf(request);
  let offset = 0;
  let after: string | undefined;
  for (;;) {
    const limit = Math.min(pageSize, cap - offset);
    if (limit <= 0) return "capped";
    const page = await fetchPage({ ...pageRequest(request, bound, sortBy, after), limit });
    yield* page.results;
    offset += page.results.length;
    after = page.after;
    if (!after || page.results.length === 0) return "exhausted";
  }
}

function pageRequest(
  request: ContactSearchRequest,
  bound: SearchFilter[],
  sortBy: string,
  after: string | undefined,
): SearchPageRequest {
  const userGroups = request.filterGroups ?? [];
  const filterGroups =
    userGroups.length > 0
      ? userGroups.map((group) => ({ filters: [...group.filters, ...bound] }))
      : bound.length > 0
        ? [{ filters: bound }]
        : [];
  return {
    filterGroups,
    sorts: [{ propertyName: sortBy, direction: "ASCENDING" }],
    properties: [...new Set([...(request.properties ?? []), CREATEDATE])],
    limit: pageSizeOf(request),
    ...(after === undefined ? {} : { after }),
  };
}

function pageSizeOf(request: ContactSearchRequest): number {
  return Math.max(1, Math.min(SEARCH_PAGE_MAX, Math.floor(request.pageSize ?? SEARCH_PAGE_MAX)));
}

function createdateOf(record: HubSpotRecord): number {
  const created = epochMillis(record.properties[CREATEDATE]) ?? epochMillis(record.createdAt);
  if (created === undefined) throw stuck(`contact ${record.id} has no readable createdate`);
  return created;
}

function checkFilterRoom(groups: SearchFilterGroup[]): void {
  const total = groups.reduce((sum, group) => sum + group.filters.length, 0);
  const fullest = Math.max(0, ...groups.map((group) => group.filters.length));
  const problems: string[] = [];
  if (groups.length > MAX_GROUPS) problems.push(`${groups.length} filter groups (HubSpot allows ${MAX_GROUPS})`);
  if (fullest + ADDED_FILTERS > MAX_FILTERS_PER_GROUP) {
    problems.push(
      `a group with ${fullest} filters (at most ${MAX_FILTERS_PER_GROUP - ADDED_FILTERS} leave room for paging)`,
    );
  }
  if (total + ADDED_FILTERS * Math.max(1, groups.length) > MAX_FILTERS) {
    problems.push(`${total} filters in all (HubSpot allows ${MAX_FILTERS}, paging adds ${ADDED_FILTERS} per group)`);
  }
  if (problems.length > 0) {
    throw new HubSpotError({
      code: "invalid_request",
      method: "POST",
      path: "/crm/v3/objects/contacts/search",
      status: null,
      attempts: 0,
      hubspotMessage: `the contact search has ${problems.join(" and ")}`,
    });
  }
}

function stuck(reason: string): HubSpotError {
  return new HubSpotError({
    code: "unexpected_response",
    method: "POST",
    path: "/crm/v3/objects/contacts/search",
    status: null,
    attempts: 0,
    hubspotMessage: reason,
  });
}
