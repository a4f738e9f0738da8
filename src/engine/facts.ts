/**
 * What the rules ask about a lead, read once from the contact and the event: normalised
 * geography, territory, company size and segment, owners, chat qualification.
 */
import { findAccount } from "./account";
import type { CompiledRouting, PlacedContact } from "./compile";
import type { LeadFacts } from "./conditions";
import { findTerritory, normaliseCountry, normaliseState } from "./geo";
import type { AccountMatch, RouteInput, TraceStep } from "./types";

/**
 * A company's `numberofemployees` as a whole number: digits, with thousands separators (`,`,
 * spaces, `_`, `'`) ignored and a decimal part dropped. Null for anything else (empty, negative,
 * words, `NaN`).
 */
export function parseEmployees(raw: unknown): number | null {
  if (typeof raw === "number") return Number.isFinite(raw) && raw >= 0 ? Math.floor(raw) : null;
  if (typeof raw !== "string") return null;
  const digits = raw.trim().replace(/[\s,_'’]/g, "");
  if (!/^\d+(\.\d+)?$/.test(digits)) return null;
  const value = Math.floor(Number(digits));
  return Number.isFinite(value) ? value : null;
}

/** The first segment (config order) whose range holds `employees`; unknown size -> `whenUnknown`. */
export function segmentOf(compiled: CompiledRouting, employees: number | null): string | null {
  if (employees === null) return compiled.unknownSegment;
  for (const segment of compiled.segments) {
    if (employees >= segment.min && employees <= segment.max) return segment.id;
  }
  return null;
}

function nonEmpty(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

function property(bag: Record<string, string> | undefined, name: string): unknown {
  return typeof bag === "object" && bag !== null && Object.prototype.hasOwnProperty.call(bag, name)
    ? bag[name]
    : undefined;
}

const PLACE_MEMO_LIMIT = 50_000;

function place(compiled: CompiledRouting, rawCountry: unknown, rawState: unknown): PlacedContact {
  // Only strings (or their absence) are memoised. The country is length-prefixed so that no two
  // pairs share a key, whatever characters people typed.
  const memoable =
    (typeof rawCountry === "string" || rawCountry === undefined) &&
    (typeof rawState === "string" || rawState === undefined);
  const key = memoable
    ? `${rawCountry === undefined ? "-" : `${rawCountry.length}:${rawCountry}`}${rawState === undefined ? "-" : `:${rawState}`}`
    : "";
  if (memoable) {
    const known = compiled.placeMemo.get(key);
    if (known) return known;
  }
  const country = normaliseCountry(rawCountry as string | undefined);
  const state = normaliseState(country, rawState as string | undefined);
  const placed = { country, state, clause: findTerritory(compiled.territories, country, state) };
  if (memoable && compiled.placeMemo.size < PLACE_MEMO_LIMIT) compiled.placeMemo.set(key, placed);
  return placed;
}

/** Reads the facts of a lead. Source type, intent and original rep are filled in later. */
export function readFacts(
  compiled: CompiledRouting,
  input: RouteInput,
  trace: TraceStep[] | null,
): LeadFacts & { account: AccountMatch | null } {
  const contact = input.contact ?? {};
  const event = input.event ?? {};
  const rawCountry = property(contact.properties, "country");
  const rawState = property(contact.properties, "state");
  const { country, state, clause } = place(compiled, rawCountry, rawState);
  const { company, match } = findAccount(compiled, input, trace);
  const rawEmployees = company ? property(company.properties, "numberofemployees") : undefined;
  const employees = parseEmployees(rawEmployees);
  const segment = segmentOf(compiled, employees);
  const facts: LeadFacts & { account: AccountMatch | null } = {
    account: match,
    sourceType: null,
    intent: null,
    country,
    state,
    territory: clause ? clause.territory : null,
    segment,
    employees,
    companyOwner: company ? nonEmpty(company.owner) : null,
    eventOwner: nonEmpty(event.owner),
    isChat: event.kind === "chat_completed",
    chatQualified: event.qualified === true,
    originalRep: null,
    originalRepCovers: false,
  };
  if (trace) {
    const typed = (raw: unknown) => (typeof raw === "string" && raw.trim() !== "" ? `"${raw.trim()}"` : "(none)");
    const place = `country ${typed(rawCountry)} → ${country ?? "none"}, state ${typed(rawState)} → ${state ?? "none"}`;
    trace.push({
      stage: "territory",
      id: clause ? clause.territory : "none",
      matched: clause !== null,
      reason: clause ? `${place}: in ${clause.territory}` : `${place}: no territory matches`,
    });
    const size =
      employees === null
        ? `company size unknown (${company ? typed(rawEmployees) : "no company"})`
        : `${employees} employees`;
    trace.push({
      stage: "segment",
      id: segment ?? "none",
      matched: segment !== null,
      reason: `${size} → ${segment ?? "no segment"}`,
    });
  }
  return facts;
}
