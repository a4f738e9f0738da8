/** Contacts and companies: search (windowed past 10,000), list, count and batch reads. */
import type { Client } from "@hubspot/api-client";
import type { PublicObjectSearchRequest } from "@hubspot/api-client/lib/codegen/crm/contacts";
import type { HubSpotCalls } from "./client-calls";
import type { ContactSearchRequest, HubSpotRecord, SearchFilterGroup } from "./model";
import { chunks, toRecord } from "./records";
import { mapConcurrently } from "./concurrency";
import { searchInWindows, type SearchPage, type SearchPageRequest } from "./search-windows";

/** The list endpoint returns at most 100 contacts per page. */
export const LIST_PAGE_MAX = 100;
/** Batch reads take 100 ids per request. */
const BATCH_READ_MAX = 100;
/** Batch reads in flight at once; the rate limiter still paces them. */
const BATCH_READ_CONCURRENCY = 4;

const SEARCH_SPEC = {
  endpoint: "POST /crm/v3/objects/contacts/search",
  method: "POST",
  path: "/crm/v3/objects/contacts/search",
  limit: "search",
} as const;

/** One search page request, as is (no windowing). */
export async function searchContactsPage(
  client: Client,
  calls: HubSpotCalls,
  request: SearchPageRequest,
): Promise<SearchPage> {
  const page = await calls.generated(SEARCH_SPEC, (options) =>
    client.crm.contacts.searchApi.doSearch(request as unknown as PublicObjectSearchRequest, options),
  );
  return {
    total: page.total,
    results: page.results.map(toRecord),
    ...(page.paging?.next?.after ? { after: page.paging.next.after } : {}),
  };
}

/** Every contact matching the search, sorted by `createdate`, each exactly once. */
export function searchContacts(
  client: Client,
  calls: HubSpotCalls,
  request: ContactSearchRequest,
): AsyncIterable<HubSpotRecord> {
  return searchInWindows((page) => searchContactsPage(client, calls, page), request);
}

/** How many contacts match (one search request with `limit: 1`). */
export async function countContacts(
  client: Client,
  calls: HubSpotCalls,
  filterGroups: SearchFilterGroup[] = [],
): Promise<number> {
  const page = await searchContactsPage(client, calls, {
    filterGroups,
    sorts: [{ propertyName: "createdate", direction: "ASCENDING" }],
    properties: ["createdate"],
    limit: 1,
  });
  return page.total;
}

/** Every contact through the list endpoint (100 per page, no 10,000 cap), in HubSpot's order. */
export async function* listContacts(
  client: Client,
  calls: HubSpotCalls,
  options: { properties?: string[] } = {},
): AsyncGenerator<HubSpotRecord> {
  const properties = options.properties ?? [];
  let after: string | undefined;
  do {
    const page = await calls.generated(
      { endpoint: "GET /crm/v3/objects/contacts", method: "GET", path: "/crm/v3/objects/contacts" },
      (call) =>
        client.crm.contacts.basicApi.getPage(LIST_PAGE_MAX, after, properties, undefined, undefined, false, call),
    );
    yield* page.results.map(toRecord);
    after = page.paging?.next?.after;
  } while (after);
}

/** Records by id, 100 per request; ids HubSpot does not know are left out. */
export async function batchReadObjects(
  client: Client,
  calls: HubSpotCalls,
  objectType: "contacts" | "companies",
  ids: string[],
  properties: string[],
): Promise<HubSpotRecord[]> {
  const api = objectType === "contacts" ? client.crm.contacts.batchApi : client.crm.companies.batchApi;
  const spec = {
    endpoint: `POST /crm/v3/objects/${objectType}/batch/read`,
    method: "POST",
    path: `/crm/v3/objects/${objectType}/batch/read`,
  };
  const pages = await mapConcurrently(chunks([...new Set(ids)], BATCH_READ_MAX), BATCH_READ_CONCURRENCY, (batch) =>
    calls.generated(spec, (options) =>
      api.read({ inputs: batch.map((id) => ({ id })), properties, propertiesWithHistory: [] }, false, options),
    ),
  );
  return pages.flatMap((page) => page.results.map(toRecord));
}
