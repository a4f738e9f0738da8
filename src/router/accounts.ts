/**
 * Account matching in the router: which companies to hand the engine for a batch of leads.
 *
 * A company's `domain` is found by exact search on its stored forms; its additional domains
 * (`hs_additional_domains`, a semicolon-separated text) cannot be searched for many domains at
 * once (src/hubspot/account-search.ts). So each router keeps a directory of the companies that
 * have additional domains: the first batch reads them all, every later batch's search also brings
 * those modified since the last one (in the same request), and a company the directory proposes is
 * re-read by id, so a removed domain or a deleted company drops out. What the engine gets is
 * filtered here by the companies' current domains, so a stale directory never adds an account.
 */
import { companyDomains } from "../engine";
import type { RouteCompany, RouteInput } from "../engine/types";
import type { AccountSearch, HubSpotRecord } from "../hubspot";
import { additionalDomainsOf } from "../simulate/portal-sample";

/**
 * How far back each refresh looks again: HubSpot's search index lags writes (seconds; the
 * emulator's `searchLagMs`), so a company modified just before the last search may not have
 * been in its answer.
 */
export const DIRECTORY_OVERLAP_MS = 5 * 60_000;

/** The companies known to have additional domains, by normalised domain. */
export class AccountDirectory {
  private readonly byCompany = new Map<string, string[]>();
  /** Instant of the last search that refreshed the directory; null before the first. */
  private refreshedAt: number | null = null;

  /** The search for these lookup domains (lower case, bare). */
  search(domains: string[]): AccountSearch {
    const wanted = new Set(domains);
    const companyIds = [...this.byCompany].filter(([, known]) => known.some((d) => wanted.has(d))).map(([id]) => id);
    const since = this.refreshedAt === null ? 0 : this.refreshedAt - DIRECTORY_OVERLAP_MS;
    return { domains, companyIds, additionalDomainsSince: since };
  }

  /** Learns from a search's answer (the search was sent at `sentAt`). */
  learn(search: AccountSearch, found: HubSpotRecord[], sentAt: number): void {
    const answered = new Set(found.map((r) => r.id));
    // Proposed but not answered: deleted, merged away, or no longer matching anything.
    for (const id of search.companyIds) if (!answered.has(id)) this.byCompany.delete(id);
    for (const record of found) {
      const additional = companyDomains({
        additionalDomains: additionalDomainsOf(record.properties.hs_additional_domains),
      }).map((d) => d.domain);
      if (additional.length > 0) this.byCompany.set(record.id, additional);
      else this.byCompany.delete(record.id);
    }
    this.refreshedAt = sentAt;
  }

  /** Companies known to have additional domains (for tests and metrics). */
  get size(): number {
    return this.byCompany.size;
  }
}

/**
 * Each lead's candidate accounts: the found companies answering to one of its lookup domains
 * (`lookups`: each lead's `accountLookupDomains`, computed once by the caller for the search too).
 */
export function accountsFor(
  lookups: ReadonlyMap<RouteInput, readonly string[]>,
  companies: RouteCompany[],
): Map<RouteInput, RouteCompany[]> {
  const out = new Map<RouteInput, RouteCompany[]>();
  for (const [input, domains] of lookups) {
    if (domains.length === 0) continue;
    const mine = new Set(domains);
    out.set(
      input,
      companies.filter((c) => companyDomains(c).some((d) => mine.has(d.domain))),
    );
  }
  return out;
}
