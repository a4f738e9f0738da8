/**
 * Business-time arithmetic on a calendar: weekly local hours, whole-day holidays, DST-correct.
 *
 * Each local day's open intervals are turned into UTC instants once and cached, so an SLA due
 * time costs a couple of map lookups and a short walk over intervals.
 */
import type { CalendarConfig, SlaTarget, Weekday } from "../config/types";
import {
  createZoneClock,
  DAY_MS,
  dayOfIsoDate,
  isInstant,
  isoDateOfDay,
  weekdayOfDay,
  type ZoneClock,
} from "./time-zone";

const MINUTE_MS = 60_000;

/**
 * A calendar with no opening in this many consecutive days is treated as never opening: the
 * arithmetic answers `NaN` instead of searching forever.
 */
const MAX_CLOSED_DAYS = 1000;

const WEEKDAY_INDEX: Record<Weekday, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

/**
 * Business hours of one calendar, as arithmetic on epoch milliseconds. Open intervals are
 * `[start, end)`: at 17:00 a 09:00-17:00 calendar is closed. No method throws: an argument that
 * is not an instant gives `NaN` (or `false`, or `""`), and so does a calendar that never opens.
 */
export interface BusinessCalendar {
  /** The calendar's id in the config. */
  readonly id: string;
  /** Its IANA time zone. */
  readonly timeZone: string;
  /** True when `t` is inside business hours. */
  isOpen(t: number): boolean;
  /** `t` itself when open, otherwise the instant business hours next begin. */
  nextOpening(t: number): number;
  /**
   * The earliest instant at which `n` open minutes have elapsed since `t` (counting from the next
   * opening when `t` is outside hours). 16:00 + 60 minutes is 17:00 the same day.
   */
  addBusinessMinutes(t: number, n: number): number;
  /**
   * The same local wall-clock time as the (adjusted) start, on the `n`-th following business day:
   * Mon 10:00 + 1 is Tue 10:00, Fri 16:30 + 2 is Tue 16:30, Sat 11:00 + 1 is Tue 09:00.
   */
  addBusinessDays(t: number, n: number): number;
  /** Close of the business day on which the (adjusted) start falls. */
  endOfBusinessDay(t: number): number;
  /** Open minutes in `[from, to)` (fractional when the bounds are not on whole minutes). */
  businessMinutesBetween(from: number, to: number): number;
  /** The local date of `t`, `YYYY-MM-DD`. */
  localDate(t: number): string;
  /** Local wall-clock date and time of `t`, `YYYY-MM-DD HH:MM`. */
  localDateTime(t: number): string;
  /** The local date of `t` as a day number (days since 1970-01-01); used for absences. */
  localDay(t: number): number;
  /** True when the local date (`YYYY-MM-DD`) has business hours and is not a holiday. */
  isBusinessDate(date: string): boolean;
  /** Local wall-clock minutes of `t` since 1970-01-01 00:00 local (for absences with times). */
  localMinute(t: number): number;
  /**
   * The business day `t` counts on, as a day number: the local day of the next opening at or
   * after `t` (a lead at 22:00 counts on the next business day). `NaN` when the calendar never opens.
   */
  businessDay(t: number): number;
}

/** `"HH:MM-HH:MM"` as minutes after local midnight, or null when malformed. */
function parseInterval(text: string): [number, number] | null {
  const match = /^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$/.exec(typeof text === "string" ? text : "");
  if (!match) return null;
  const start = Number(match[1]) * 60 + Number(match[2]);
  const end = Number(match[3]) * 60 + Number(match[4]);
  if (Number(match[2]) > 59 || Number(match[4]) > 59 || end > 24 * 60 || end <= start) return null;
  return [start, end];
}

/** Weekly hours as sorted, merged minute ranges per weekday index (0 = Sunday). */
function weeklyRanges(config: CalendarConfig): number[][] {
  const week: number[][] = [[], [], [], [], [], [], []];
  for (const [name, intervals] of Object.entries(config.weeklyHours ?? {})) {
    const index = WEEKDAY_INDEX[name as Weekday];
    if (index === undefined || !Array.isArray(intervals)) continue;
    const ranges = intervals.map(parseInterval).filter((r): r is [number, number] => r !== null);
    ranges.sort((a, b) => a[0] - b[0]);
    const merged: number[] = [];
    for (const [start, end] of ranges) {
      const last = merged.length - 1;
      if (last > 0 && start <= merged[last]!) merged[last] = Math.max(merged[last]!, end);
      else merged.push(start, end);
    }
    week[index] = merged;
  }
  return week;
}

/**
 * Compiles a calendar. Throws a RangeError naming the calendar when its time zone is unknown
 * (a validated config never has one); malformed hours or holidays are ignored.
 */
export function compileCalendar(config: CalendarConfig): BusinessCalendar {
  let clock: ZoneClock;
  try {
    clock = createZoneClock(config.timeZone);
  } catch (error) {
    throw new RangeError(`calendar "${config.id}": ${(error as Error).message}`);
  }
  const week = weeklyRanges(config);
  const holidays = new Set((config.holidays ?? []).map(dayOfIsoDate).filter((d) => !Number.isNaN(d)));
  // Flat [start0, end0, start1, end1, ...] UTC instants of each local day's open intervals.
  const days = new Map<number, number[]>();
  const closed: number[] = [];

  function openBounds(day: number): number[] {
    let bounds = days.get(day);
    if (bounds) return bounds;
    const minutes = holidays.has(day) ? closed : (week[weekdayOfDay(day)] ?? closed);
    bounds = [];
    for (let i = 0; i < minutes.length; i += 2) {
      const start = clock.instantOf(day, minutes[i]! * MINUTE_MS);
      const end = clock.instantOf(day, minutes[i + 1]! * MINUTE_MS);
      // An interval swallowed by a spring-forward gap has no open time left.
      if (end > start) bounds.push(start, end);
    }
    days.set(day, bounds);
    return bounds;
  }

  /** The next open instant at or after `t`, and the local day whose hours it belongs to. */
  let openingDay = Number.NaN;
  function nextOpening(t: number): number {
    openingDay = Number.NaN;
    if (!isInstant(t)) return Number.NaN;
    let day = clock.localDay(t);
    for (let scanned = 0; scanned < MAX_CLOSED_DAYS; scanned++, day++) {
      const bounds = openBounds(day);
      for (let i = 0; i < bounds.length; i += 2) {
        if (bounds[i + 1]! > t) {
          openingDay = day;
          return Math.max(bounds[i]!, t);
        }
      }
    }
    return Number.NaN;
  }

  function addBusinessMinutes(t: number, n: number): number {
    if (!isInstant(t) || !Number.isFinite(n)) return Number.NaN;
    let remaining = Math.max(0, n) * MINUTE_MS;
    let cursor = t;
    let day = clock.localDay(t);
    for (let closedDays = 0; closedDays < MAX_CLOSED_DAYS; day++) {
      const bounds = openBounds(day);
      let opened = false;
      for (let i = 0; i < bounds.length; i += 2) {
        const end = bounds[i + 1]!;
        if (end <= cursor) continue;
        const from = Math.max(bounds[i]!, cursor);
        opened = true;
        if (remaining <= end - from) return from + remaining;
        remaining -= end - from;
        cursor = end;
      }
      closedDays = opened ? 0 : closedDays + 1;
    }
    return Number.NaN;
  }

  function addBusinessDays(t: number, n: number): number {
    if (!Number.isFinite(n)) return Number.NaN;
    const start = nextOpening(t);
    if (Number.isNaN(start)) return Number.NaN;
    const startDay = clock.localDay(start);
    const wallClock = start + clock.offsetAt(start) - startDay * DAY_MS;
    let remaining = Math.floor(Math.max(0, n));
    let day = startDay;
    for (let closedDays = 0; remaining > 0;) {
      day++;
      if (openBounds(day).length > 0) {
        remaining--;
        closedDays = 0;
      } else if (++closedDays >= MAX_CLOSED_DAYS) {
        return Number.NaN;
      }
    }
    return clock.instantOf(day, wallClock);
  }

  function endOfBusinessDay(t: number): number {
    const start = nextOpening(t);
    if (Number.isNaN(start)) return Number.NaN;
    const bounds = openBounds(openingDay);
    return bounds.length > 0 ? bounds[bounds.length - 1]! : Number.NaN;
  }

  function businessMinutesBetween(from: number, to: number): number {
    if (!isInstant(from) || !isInstant(to)) return Number.NaN;
    if (to <= from) return 0;
    let total = 0;
    const lastDay = clock.localDay(to);
    for (let day = clock.localDay(from); day <= lastDay; day++) {
      const bounds = openBounds(day);
      for (let i = 0; i < bounds.length; i += 2) {
        const start = Math.max(bounds[i]!, from);
        const end = Math.min(bounds[i + 1]!, to);
        if (end > start) total += end - start;
      }
    }
    return total / MINUTE_MS;
  }

  return {
    id: config.id,
    timeZone: config.timeZone,
    isOpen(t: number): boolean {
      if (!isInstant(t)) return false;
      const bounds = openBounds(clock.localDay(t));
      for (let i = 0; i < bounds.length; i += 2) if (t >= bounds[i]! && t < bounds[i + 1]!) return true;
      return false;
    },
    nextOpening,
    addBusinessMinutes,
    addBusinessDays,
    endOfBusinessDay,
    businessMinutesBetween,
    localDate: (t: number) => isoDateOfDay(clock.localDay(t)),
    localDay: (t: number) => clock.localDay(t),
    localDateTime: (t: number) => formatLocal(t, clock.offsetAt(t)),
    isBusinessDate(date: string): boolean {
      const day = dayOfIsoDate(date);
      return !Number.isNaN(day) && openBounds(day).length > 0;
    },
    localMinute: (t: number) => (isInstant(t) ? Math.floor((t + clock.offsetAt(t)) / MINUTE_MS) : Number.NaN),
    businessDay(t: number): number {
      const opening = nextOpening(t);
      return Number.isNaN(opening) ? Number.NaN : openingDay;
    },
  };
}

/** `YYYY-MM-DD HH:MM` of instant `t` read with `offset` (ms), `""` for a non-instant. */
export function formatLocal(t: number, offset: number): string {
  if (!isInstant(t)) return "";
  const date = new Date(t + offset);
  if (Number.isNaN(date.getTime())) return "";
  const text = date.toISOString();
  return `${text.slice(0, text.indexOf("T"))} ${text.slice(text.indexOf("T") + 1, text.indexOf("T") + 6)}`;
}

/** Describes an SLA target in words, for traces and docs (`60 business minutes`). */
export function describeSlaTarget(target: SlaTarget): string {
  if (target.unit === "end_of_business_day") return "end of the business day";
  const unit = target.unit.replace("business_", "business ");
  return `${target.amount} ${target.amount === 1 ? unit.slice(0, -1) : unit}`;
}

/**
 * When an SLA that starts at `start` (event time, epoch ms) falls due on `calendar`, or `NaN`
 * when it cannot (no instant, a calendar that never opens).
 */
export function slaDueAt(target: SlaTarget, calendar: BusinessCalendar, start: number): number {
  switch (target.unit) {
    case "business_minutes":
      return calendar.addBusinessMinutes(start, target.amount);
    case "business_hours":
      return calendar.addBusinessMinutes(start, target.amount * 60);
    case "business_days":
      return calendar.addBusinessDays(start, target.amount);
    case "end_of_business_day":
      return calendar.endOfBusinessDay(start);
    default:
      return Number.NaN;
  }
}
