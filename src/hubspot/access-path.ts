/**
 * Which way of reading contacts is faster for a request: the search endpoint (200 per page,
 * 5 requests per second, only the matching contacts) or the list endpoint (100 per page within
 * the rolling window, every contact of the portal, filtered on our side). With both limits in
 * force the list reads ~1,900 contacts/s and search ~1,000/s, but a recent window that is a small
 * share of the portal is cheaper by search.
 */
import { LIST_PAGE_MAX } from "./contacts";
import { SEARCH_PAGE_MAX, SEARCH_RESULT_CAP } from "./search-windows";

export type AccessPath = "search" | "list";

/** The limits the estimate assumes (the adapter's own limiter settings). */
export interface AccessPathLimits {
  windowMax: number;
  windowMs: number;
  searchPerSecond: number;
}

/** Calls and time each path would take. */
export interface AccessPathEstimate {
  path: AccessPath;
  search: { calls: number; ms: number };
  /** `null` when the portal's size was not needed to decide. */
  list: { calls: number; ms: number } | null;
}

/** Requests the search path needs for `matching` contacts (windows restart before each 10,000). */
export function searchCalls(matching: number): number {
  return Math.max(1, Math.ceil(matching / SEARCH_PAGE_MAX) + Math.floor(matching / SEARCH_RESULT_CAP));
}

/** Requests the list path needs for a portal of `contacts`. */
export function listCalls(contacts: number): number {
  return Math.max(1, Math.ceil(contacts / LIST_PAGE_MAX));
}

/**
 * Time for `calls` sequential requests of `latencyMs` each, `max` per `windowMs` allowed: the
 * slower of the two, counted from a fresh window.
 */
export function pathMs(calls: number, max: number, windowMs: number, latencyMs: number): number {
  const byLimit = Math.floor((calls - 1) / max) * windowMs + latencyMs;
  return Math.max(calls * latencyMs, byLimit);
}

export function searchEstimate(matching: number, limits: AccessPathLimits, latencyMs: number) {
  const calls = searchCalls(matching);
  return { calls, ms: pathMs(calls, limits.searchPerSecond, 1_000, latencyMs) };
}

export function listEstimate(contacts: number, limits: AccessPathLimits, latencyMs: number) {
  const calls = listCalls(contacts);
  return { calls, ms: pathMs(calls, limits.windowMax, limits.windowMs, latencyMs) };
}

/**
 * Search is chosen when it is at least as fast as listing the `matching` contacts alone: the
 * list must read the whole portal, so the portal's size is only needed when it is not.
 */
export function searchWinsRegardlessOfPortal(matching: number, limits: AccessPathLimits, latencyMs: number): boolean {
  return searchEstimate(matching, limits, latencyMs).ms <= listEstimate(matching, limits, latencyMs).ms;
}

/** Picks the faster path; on equal time, the one with fewer requests (search on a tie). */
export function chooseAccessPath(
  matching: number,
  portalContacts: number,
  limits: AccessPathLimits,
  latencyMs: number,
): AccessPathEstimate {
  const search = searchEstimate(matching, limits, latencyMs);
  const list = listEstimate(portalContacts, limits, latencyMs);
  const listFaster = list.ms < search.ms || (list.ms === search.ms && list.calls < search.calls);
  return { path: listFaster ? "list" : "search", search, list };
}
