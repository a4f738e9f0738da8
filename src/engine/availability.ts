/**
 * Whether a pool member can take a lead at an instant: employed (`startsOn` / `endsOn`), not out
 * of office (whole days or times), and under capacity (per business day, per business week, open
 * leads). Everything is read in the rep's own calendar: a cap reached by a rep in Los Angeles is
 * still reached at 23:00 there, although it is already the next day in London.
 */
import type { CapacityConfig, DateRange } from "../config/types";
import type { BusinessCalendar } from "./business-time";
import { dayOfIsoDate, isoDateOfDay, weekdayOfDay } from "./time-zone";
import type { LeadLoad } from "./types";

const MINUTES_PER_DAY = 1440;

/** An absence as local wall-clock minutes since the epoch: `[from, to)`. */
export interface CompiledAbsence {
  from: number;
  to: number;
  /** The range as configured, for the trace. */
  text: string;
}

/** Caps with every unset or unusable limit left out. */
export interface CompiledCapacity {
  perDay: number | null;
  perWeek: number | null;
  open: number | null;
}

/** Why a member was left out of a pick. */
export type SkipReason = "not_started" | "ended" | "absent" | "capacity";

/** A member left out, with the reason in words. */
export interface Unavailability {
  reason: SkipReason;
  detail: string;
}

/** Local minute of a `YYYY-MM-DD` (start of day, or start of the next day for `end`) or `YYYY-MM-DDTHH:MM`. */
function localMinuteOf(text: string, end: boolean): number {
  const trimmed = typeof text === "string" ? text.trim() : "";
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2}))?$/.exec(trimmed);
  if (!match) return Number.NaN;
  const day = dayOfIsoDate(match[1]!);
  if (Number.isNaN(day)) return Number.NaN;
  if (match[2] === undefined) return (day + (end ? 1 : 0)) * MINUTES_PER_DAY;
  const hours = Number(match[2]);
  const minutes = Number(match[3]);
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) return Number.NaN;
  return day * MINUTES_PER_DAY + hours * 60 + minutes;
}

/** Absences as minute ranges; malformed or reversed ranges are dropped (validation reports them). */
export function compileAbsences(ranges: readonly DateRange[] | undefined): CompiledAbsence[] {
  return (ranges ?? [])
    .map((range) => ({
      from: localMinuteOf(range.from, false),
      to: localMinuteOf(range.to, true),
      text: range.from === range.to ? range.from : `${range.from} to ${range.to}`,
    }))
    .filter((range) => !Number.isNaN(range.from) && !Number.isNaN(range.to) && range.to > range.from);
}

function positive(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? Math.floor(value) : null;
}

/** Caps as numbers, or null when there is none. */
export function compileCapacity(config: CapacityConfig | undefined): CompiledCapacity | null {
  if (!config) return null;
  const capacity = { perDay: positive(config.perDay), perWeek: positive(config.perWeek), open: positive(config.open) };
  return capacity.perDay === null && capacity.perWeek === null && capacity.open === null ? null : capacity;
}

/** Day number of a `YYYY-MM-DD`, or null when absent or unreadable. */
export function compileDay(date: string | undefined): number | null {
  if (date === undefined) return null;
  const day = dayOfIsoDate(date);
  return Number.isNaN(day) ? null : day;
}

/** The Monday that starts the week of `day`. */
function weekOf(day: number): number {
  return day - ((weekdayOfDay(day) + 6) % 7);
}

/** What a rep (or pool) already has, counted on `calendar` for the lead arriving at `at`. */
export interface LoadCount {
  day: number;
  week: number;
}

/**
 * Leads of `load.assigned` that count against a cap for a lead at `at`: same business day and same
 * business week of `calendar`. `matches` picks the entries (one rep's, or one pool's).
 */
export function countLoad(
  load: LeadLoad | undefined,
  calendar: BusinessCalendar | null,
  at: number,
  matches: (entry: { rep: string; pool?: string | null }) => boolean,
): LoadCount {
  const assigned = Array.isArray(load?.assigned) ? load.assigned : [];
  if (assigned.length === 0 || calendar === null) return { day: 0, week: 0 };
  const today = calendar.businessDay(at);
  if (Number.isNaN(today)) return { day: 0, week: 0 };
  const thisWeek = weekOf(today);
  let day = 0;
  let week = 0;
  for (const entry of assigned) {
    if (typeof entry !== "object" || entry === null || !matches(entry)) continue;
    const counted = calendar.businessDay(entry.at);
    if (Number.isNaN(counted)) continue;
    const count = typeof entry.count === "number" && Number.isFinite(entry.count) ? Math.max(0, entry.count) : 1;
    if (counted === today) day += count;
    if (weekOf(counted) === thisWeek) week += count;
  }
  return { day, week };
}

/** Which cap `count` (and `open`) reaches, in words, or null when under every cap. */
export function capReached(capacity: CompiledCapacity | null, count: LoadCount, open: number): string | null {
  if (capacity === null) return null;
  if (capacity.perDay !== null && count.day >= capacity.perDay)
    return `capacity reached: ${count.day} of ${capacity.perDay} leads this business day`;
  if (capacity.perWeek !== null && count.week >= capacity.perWeek)
    return `capacity reached: ${count.week} of ${capacity.perWeek} leads this business week`;
  if (capacity.open !== null && open >= capacity.open)
    return `capacity reached: ${open} of ${capacity.open} open leads`;
  return null;
}

/** A rep as availability needs it. */
export interface AvailabilityRep {
  email: string;
  calendar: BusinessCalendar | null;
  startsDay: number | null;
  endsDay: number | null;
  absences: readonly CompiledAbsence[];
  capacity: CompiledCapacity | null;
}

/** Employment and absence (not capacity): null when the rep can take a lead at `at`. */
export function presence(rep: AvailabilityRep, calendar: BusinessCalendar | null, at: number): Unavailability | null {
  if (!calendar) return null;
  if (rep.startsDay !== null || rep.endsDay !== null) {
    // Employment is read on the business day the lead's clock starts: a lead that arrives after a
    // leaver's last close would be worked after they left, one on the weekend before a new hire's
    // first Monday is theirs to work.
    const business = calendar.businessDay(at);
    const day = Number.isNaN(business) ? calendar.localDay(at) : business;
    if (rep.startsDay !== null && day < rep.startsDay)
      return { reason: "not_started", detail: `starts on ${isoDateOfDay(rep.startsDay)}` };
    if (rep.endsDay !== null && day > rep.endsDay)
      return { reason: "ended", detail: `left after ${isoDateOfDay(rep.endsDay)}` };
  }
  if (rep.absences.length > 0) {
    const minute = calendar.localMinute(at);
    for (const range of rep.absences) {
      if (minute >= range.from && minute < range.to) {
        const whole = !range.text.includes("T");
        const detail = whole
          ? `out of office on ${isoDateOfDay(Math.floor(minute / MINUTES_PER_DAY))}`
          : `out of office ${range.text}`;
        return { reason: "absent", detail };
      }
    }
  }
  return null;
}

/** Full availability of a pool member for a lead at `at`: presence, then the rep's capacity. */
export function memberAvailability(
  rep: AvailabilityRep,
  fallbackCalendar: BusinessCalendar | null,
  at: number,
  load: LeadLoad | undefined,
): Unavailability | null {
  const calendar = rep.calendar ?? fallbackCalendar;
  const away = presence(rep, calendar, at);
  if (away) return away;
  if (rep.capacity === null) return null;
  const key = rep.email.toLowerCase();
  const count = countLoad(
    load,
    calendar,
    at,
    (entry) => typeof entry.rep === "string" && entry.rep.trim().toLowerCase() === key,
  );
  const openLeads = openCount(load, key);
  const reached = capReached(rep.capacity, count, openLeads);
  return reached ? { reason: "capacity", detail: reached } : null;
}

function openCount(load: LeadLoad | undefined, key: string): number {
  const open = load?.open;
  if (typeof open !== "object" || open === null) return 0;
  for (const [email, value] of Object.entries(open)) {
    if (email.trim().toLowerCase() === key && typeof value === "number" && Number.isFinite(value)) return value;
  }
  return 0;
}

/** Whether the rep with `email` is employed and in the office at `at` (capacity aside); null when unknown. */
export function presenceOf(
  rep: AvailabilityRep | undefined,
  fallbackCalendar: BusinessCalendar | null,
  at: number,
): Unavailability | null {
  return rep ? presence(rep, rep.calendar ?? fallbackCalendar, at) : null;
}
