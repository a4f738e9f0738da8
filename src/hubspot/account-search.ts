/**
 * Finding companies for account matching by email domain, in few CRM searches per batch of leads.
 *
 * HubSpot contract, "Search the CRM" (https://developers.hubspot.com/docs/api-reference/2026-03/crm/search-the-crm;
 * the legacy v3 page https://developers.hubspot.com/docs/api-reference/legacy/crm/search-the-crm):
 * - `IN` "searches by exact match" on the values of a `values` array, and on a string property
 *   "values must be lowercase letters". So `domain IN ["acme.com"]` finds `acme.com` and `Acme.com`
 *   (HubSpot compares against a lower-cased copy; inferred from that rule, UNVERIFIED against a
 *   live portal), but not `www.acme.com` nor `https://acme.com/`: the stored forms have to be
 *   asked for one by one, as exact values.
 * - `CONTAINS_TOKEN` (one `value`, `*` wildcards) would find a domain inside a text such as
 *   `hs_additional_domains`, but it takes one domain per filter and filters of a group are ANDed:
 *   one group per domain, five domains per request. Not used (a batch of 100 leads could cost 20
 *   searches); additional domains come from the directory below instead.
 * - Limits: at most 5 filterGroups, 6 filters per group, 18 filters in all (same page,
 *   "Limitations"; the emulator refuses more; HubSpot's changelog of August 2024, "Expanded
 *   Filtering Capabilities ... in HubSpot's Search API", raised them to 5 groups, 10 per group
 *   and 25 in all: a search here uses at most 5 groups of at most 2 filters, within both), `limit`
 *   at most 200, 10,000 results per query.
 *   The operators (EQ NEQ LT LTE GT GTE BETWEEN IN NOT_IN HAS_PROPERTY NOT_HAS_PROPERTY
 *   CONTAINS_TOKEN NOT_CONTAINS_TOKEN) are the SDK's (HubSpot/hubspot-sdk-typescript,
 *   `src/resources/crm/objects/contacts/contacts.ts`, `ContactSearchParams.FilterGroup.Filter`).
 * - `hs_additional_domains` is the company's "additional domains", "with semicolons separating each
 *   domain" (companies guide, https://developers.hubspot.com/docs/api-reference/latest/crm/objects/companies/guide).
 *
 * One search (`POST /crm/v3/objects/companies/search`) carries up to five OR-ed groups:
 * - `domain IN [...]`: every stored form of every lookup domain (bare, `www.`, `http(s)://` with
 *   and without `www.` and a trailing slash: ten values per domain), 100 values per group;
 * - `hs_object_id IN [...]`: the companies the caller's directory says have one of the domains
 *   among their additional domains (re-read, so a removed domain is noticed);
 * - `hs_additional_domains HAS_PROPERTY` and `hs_lastmodifieddate GTE since`: the companies whose
 *   additional domains may have changed since the last search, to keep that directory fresh.
 * Groups are packed five per request: D lookup domains cost ceil((ceil(D / 10) + 2) / 5) searches
 * (one for up to 30 domains), plus pages of 200 results.
 */
import type { HubSpotCalls } from "./client-calls";
import type { HubSpotRecord, SearchFilter } from "./model";
import { chunks, toRecord, type ClientRecord } from "./records";

/** Values per `IN` filter (RouteOps' own bound: a request body stays small). */
export const SEARCH_IN_VALUES = 100;
/** HubSpot's filterGroups per search request. */
export const SEARCH_FILTER_GROUPS = 5;
/** HubSpot's page size and result cap of one search query. */
const PAGE = 200;
const RESULT_CAP = 10_000;

/** The exact stored forms of a bare lower-case domain that the search asks for. */
export function storedDomainForms(domain: string): string[] {
  const forms: string[] = [];
  for (const host of [domain, `www.${domain}`]) {
    forms.push(host);
    for (const scheme of ["https://", "http://"]) forms.push(`${scheme}${host}`, `${scheme}${host}/`);
  }
  return forms;
}

/** What to look for in one account search. */
export interface AccountSearch {
  /** Bare lower-case domains (the engine's `accountLookupDomains`). */
  domains: string[];
  /** Companies to re-read (the directory's candidates by additional domain). */
  companyIds: string[];
  /** Also return companies with additional domains modified at or after this instant (epoch ms); null: none. */
  additionalDomainsSince: number | null;
}

/** The OR-ed filter groups of an account search. */
export function accountSearchGroups(search: AccountSearch): SearchFilter[][] {
  const groups: SearchFilter[][] = [];
  if (search.additionalDomainsSince !== null) {
    groups.push([
      { propertyName: "hs_additional_domains", operator: "HAS_PROPERTY" },
      { propertyName: "hs_lastmodifieddate", operator: "GTE", value: String(search.additionalDomainsSince) },
    ]);
  }
  const ids = [...new Set(search.companyIds)];
  for (const values of chunks(ids, SEARCH_IN_VALUES))
    groups.push([{ propertyName: "hs_object_id", operator: "IN", values }]);
  const domains = [...new Set(search.domains.map((d) => d.trim().toLowerCase()).filter((d) => d !== ""))];
  const forms = [...new Set(domains.flatMap(storedDomainForms))];
  for (const values of chunks(forms, SEARCH_IN_VALUES))
    groups.push([{ propertyName: "domain", operator: "IN", values }]);
  return groups;
}

interface SearchPage {
  results?: ClientRecord[];
  paging?: { next?: { after?: string } };
}

/** Runs an account search: the groups five per request, each request paged; companies by id. */
export async function searchCompaniesForAccounts(
  calls: HubSpotCalls,
  search: AccountSearch,
  properties: string[],
): Promise<HubSpotRecord[]> {
  const found = new Map<string, HubSpotRecord>();
  const wanted = [...new Set(["domain", "hs_additional_domains", "hs_lastmodifieddate", ...properties])];
  for (const filterGroups of chunks(accountSearchGroups(search), SEARCH_FILTER_GROUPS)) {
    let after: string | undefined;
    for (let read = 0; read < RESULT_CAP; read += PAGE) {
      const response = await calls.raw<SearchPage>({
        endpoint: "POST /crm/v3/objects/companies/search",
        method: "POST",
        path: "/crm/v3/objects/companies/search",
        limit: "search",
        body: {
          filterGroups: filterGroups.map((filters) => ({ filters })),
          properties: wanted,
          limit: PAGE,
          ...(after ? { after } : {}),
        },
      });
      for (const r of response.body?.results ?? []) found.set(String(r.id), toRecord(r));
      after = response.body?.paging?.next?.after;
      if (!after) break;
    }
  }
  return [...found.values()];
}
