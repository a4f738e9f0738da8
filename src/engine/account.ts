/**
 * Finding a lead's account when HubSpot has not associated a company: the company whose domain is
 * the contact's email domain (or a parent of it), unless that domain is free mail. The trace says
 * how the account was found, or why it was not.
 */
import type { CompiledRouting } from "./compile";
import type { AccountMatch, RouteCompany, RouteInput, TraceStep } from "./types";

/** The bare domain of an email or a company domain: lower case, no `www.`, no trailing dot. */
export function domainOf(text: unknown): string | null {
  if (typeof text !== "string") return null;
  let domain = text.trim().toLowerCase();
  const at = domain.lastIndexOf("@");
  if (at >= 0) domain = domain.slice(at + 1);
  domain = domain
    .replace(/^https?:\/\//, "")
    .replace(/[/?#].*$/, "")
    .replace(/\.$/, "")
    .replace(/^www\./, "");
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain) ? domain : null;
}

/** `domain` and each parent with at least two labels: `eu.sales.globex.com`, `sales.globex.com`, `globex.com`. */
function withParents(domain: string): string[] {
  const labels = domain.split(".");
  const out: string[] = [];
  for (let i = 0; i <= labels.length - 2; i++) out.push(labels.slice(i).join("."));
  return out;
}

/**
 * The domains to look an account up by, most specific first, for a lead the engine would match by
 * email domain: no associated company, matching configured, an email domain that is not free
 * mail. Empty otherwise. The router searches HubSpot's companies by these and passes what it
 * finds as `input.accounts`, so the engine decides as it does for a fixture.
 */
export function accountLookupDomains(compiled: CompiledRouting, input: Pick<RouteInput, "contact">): string[] {
  const matching = compiled.accountMatching;
  const contact = input.contact ?? {};
  if (matching === null || (typeof contact.company === "object" && contact.company !== null)) return [];
  const domain = domainOf(contact.email);
  if (domain === null) return [];
  const candidates = withParents(domain);
  return candidates.some((d) => matching.freeMail.has(d)) ? [] : candidates;
}

/** Every domain a company answers to, normalised: its `domain` first, then its additional domains. */
export function companyDomains(company: RouteCompany): { domain: string; additional: boolean }[] {
  const out: { domain: string; additional: boolean }[] = [];
  const main = domainOf(company.domain);
  if (main !== null) out.push({ domain: main, additional: false });
  for (const text of Array.isArray(company.additionalDomains) ? company.additionalDomains : []) {
    const domain = domainOf(text);
    if (domain !== null && !out.some((d) => d.domain === domain)) out.push({ domain, additional: true });
  }
  return out;
}

/** The company the lead belongs to and how it was found. */
export interface FoundAccount {
  company: RouteCompany | null;
  match: AccountMatch | null;
}

/** The associated company, else (when configured) the account matched by email domain. */
export function findAccount(compiled: CompiledRouting, input: RouteInput, trace: TraceStep[] | null): FoundAccount {
  const contact = input.contact ?? {};
  const associated = typeof contact.company === "object" && contact.company !== null ? contact.company : null;
  const matching = compiled.accountMatching;
  if (matching === null) return { company: associated, match: null };
  if (associated) return { company: associated, match: "associated" };
  const domain = domainOf(contact.email);
  if (domain === null) {
    trace?.push({
      stage: "account",
      id: "none",
      matched: false,
      reason: "no associated company and no email domain to match an account by",
    });
    return { company: null, match: "none" };
  }
  const freeMail = withParents(domain).find((d) => matching.freeMail.has(d));
  if (freeMail !== undefined) {
    trace?.push({
      stage: "account",
      id: "free_mail",
      matched: false,
      reason: `no associated company; ${domain} is a free-mail domain${freeMail === domain ? "" : ` (${freeMail})`}, so it says nothing about an account`,
    });
    return { company: null, match: "free_mail" };
  }
  const candidates = withParents(domain);
  const accounts = Array.isArray(input.accounts) ? input.accounts : [];
  // The most specific domain wins; among companies with the same domain, one with an owner.
  for (const wanted of candidates) {
    const same = accounts.filter(
      (a) => typeof a === "object" && a !== null && companyDomains(a).some((d) => d.domain === wanted),
    );
    if (same.length === 0) continue;
    const company = same.find((a) => typeof a.owner === "string" && a.owner.trim() !== "") ?? same[0]!;
    if (trace) {
      const additional = companyDomains(company).find((d) => d.domain === wanted)?.additional === true;
      const owner =
        typeof company.owner === "string" && company.owner.trim() !== "" ? `owner ${company.owner.trim()}` : "no owner";
      const more =
        same.length > 1 ? ` (${same.length} companies have this domain; the first with an owner is used)` : "";
      trace.push({
        stage: "account",
        id: wanted,
        matched: true,
        reason: `no associated company; account found by email domain ${domain}${wanted === domain ? "" : ` (parent domain ${wanted})`}${additional ? " among the company's additional domains" : ""}: ${owner}${more}`,
      });
    }
    return { company, match: "email_domain" };
  }
  trace?.push({
    stage: "account",
    id: domain,
    matched: false,
    reason: `no associated company and no company has the domain ${domain}`,
  });
  return { company: null, match: "none" };
}
