/**
 * `readContacts`: reads the contacts a job needs by the faster access path. An unbounded read
 * always lists (the list endpoint is ~1.9x faster per contact); a `createdate` window is probed
 * with its first search page (whose `total` says how many contacts match, and which is reused if
 * search wins), and the portal is counted only when that decides between the two.
 */
import type { Client } from "@hubspot/api-client";
import {
  chooseAccessPath,
  searchEstimate,
  searchWinsRegardlessOfPortal,
  type AccessPathEstimate,
  type AccessPathLimits,
} from "./access-path";
import type { HubSpotCalls } from "./client-calls";
import { countContacts, listContacts, searchContactsPage } from "./contacts";
import { HubSpotError } from "./errors";
import type { ContactSearchRequest, HubSpotRecord, SearchFilter } from "./model";
import { epochMillis } from "./records";
import { firstSearchRequest, searchInWindows, type SearchPageRequest } from "./search-windows";

/** Which contacts to read: all, or those created in `[createdAfter, createdBefore)`. */
export interface ReadContactsOptions {
  /** Properties to return (`createdate` is always included). */
  properties?: string[];
  /** Only contacts created at or after this instant (epoch milliseconds). */
  createdAfter?: number;
  /** Only contacts created before this instant (epoch milliseconds). */
  createdBefore?: number;
}

/** The read the adapter chose, and its contacts (each exactly once). */
export interface ContactRead {
  path: "search" | "list";
  /** How many contacts match, from the probe's `total`; `null` for an unbounded list read. */
  matching: number | null;
  /** The costs the decision compared; `null` when no decision was needed (unbounded read). */
  estimate: AccessPathEstimate | null;
  contacts: AsyncIterable<HubSpotRecord>;
}

export async function readContacts(
  client: Client,
  calls: HubSpotCalls,
  limits: AccessPathLimits,
  now: () => number,
  options: ReadContactsOptions,
): Promise<ContactRead> {
  const properties = [...new Set([...(options.properties ?? []), "createdate"])];
  const filters = windowFilters(options);
  if (filters.length === 0) {
    return { path: "list", matching: null, estimate: null, contacts: listContacts(client, calls, { properties }) };
  }

  const request: ContactSearchRequest = { filterGroups: [{ filters }], properties };
  const probeRequest = firstSearchRequest(request);
  const started = now();
  const probe = await searchContactsPage(client, calls, probeRequest);
  const latencyMs = Math.max(1, now() - started);
  const matching = probe.total;

  let estimate: AccessPathEstimate;
  if (searchWinsRegardlessOfPortal(matching, limits, latencyMs)) {
    estimate = { path: "search", search: searchEstimate(matching, limits, latencyMs), list: null };
  } else {
    const portalContacts = await countContacts(client, calls);
    estimate = chooseAccessPath(matching, portalContacts, limits, latencyMs);
  }

  if (estimate.path === "list") {
    return {
      path: "list",
      matching,
      estimate,
      contacts: inWindow(listContacts(client, calls, { properties }), options),
    };
  }
  let probeUnused = true;
  const probeKey = key(probeRequest);
  const fetchPage = async (page: SearchPageRequest) => {
    if (probeUnused && key(page) === probeKey) {
      probeUnused = false;
      return probe;
    }
    return searchContactsPage(client, calls, page);
  };
  return { path: "search", matching, estimate, contacts: searchInWindows(fetchPage, request) };
}

function windowFilters(options: ReadContactsOptions): SearchFilter[] {
  for (const name of ["createdAfter", "createdBefore"] as const) {
    const value = options[name];
    if (value !== undefined && !Number.isFinite(value)) {
      throw new HubSpotError({
        code: "invalid_request",
        method: "POST",
        path: "/crm/v3/objects/contacts/search",
        status: null,
        attempts: 0,
        hubspotMessage: `readContacts: ${name} must be an instant in epoch milliseconds, got ${String(value)}`,
      });
    }
  }
  const filters: SearchFilter[] = [];
  if (options.createdAfter !== undefined) {
    filters.push({ propertyName: "createdate", operator: "GTE", value: String(options.createdAfter) });
  }
  if (options.createdBefore !== undefined) {
    filters.push({ propertyName: "createdate", operator: "LT", value: String(options.createdBefore) });
  }
  return filters;
}

async function* inWindow(contacts: AsyncIterable<HubSpotRecord>, options: ReadContactsOptions) {
  for await (const contact of contacts) {
    const created = epochMillis(contact.properties["createdate"]) ?? epochMillis(contact.createdAt);
    if (created === undefined) continue;
    if (options.createdAfter !== undefined && created < options.createdAfter) continue;
    if (options.createdBefore !== undefined && created >= options.createdBefore) continue;
    yield contact;
  }
}

function key(request: SearchPageRequest): string {
  return JSON.stringify(request);
}
