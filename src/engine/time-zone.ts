/**
 * Local wall-clock time in an IANA time zone, through Intl, with the offsets cached per UTC day:
 * Intl formatting costs microseconds, and routing asks for the offset of the same few days
 * millions of times.
 */

/** Milliseconds in a day of 24 hours (UTC days; local days can be 23 or 25 hours long). */
export const DAY_MS = 86_400_000;

/** Instants Date can represent: beyond these, Intl throws. */
const MAX_INSTANT = 8.64e15;

/** Offsets of one time zone, answered from a per-UTC-day cache. */
export interface ZoneClock {
  readonly timeZone: string;
  /** Offset of local wall-clock time from UTC at instant `t`, in ms (New York in winter: -5 h). */
  offsetAt(t: number): number;
  /** The local date of instant `t`, as a day number (days since 1970-01-01). */
  localDay(t: number): number;
  /**
   * The instant at which local wall-clock time reads `msOfDay` after midnight on local day `day`.
   * A wall-clock time that does not exist (skipped by a DST change) moves forward by the length of
   * the gap (02:30 on a spring-forward night is 03:30); one that exists twice is the earlier.
   */
  instantOf(day: number, msOfDay: number): number;
}

/** True for an epoch-milliseconds value that denotes a real instant. */
export function isInstant(t: number): boolean {
  return typeof t === "number" && Number.isFinite(t) && Math.abs(t) <= MAX_INSTANT;
}

/** ISO 8601 text of an instant (`2026-03-09T13:30:00.000Z`), or `"(no valid time)"`: never throws. */
export function instantText(t: number): string {
  return isInstant(t) ? new Date(t).toISOString() : "(no valid time)";
}

/** Day number of a `YYYY-MM-DD` date, or `NaN` when it is not one. */
export function dayOfIsoDate(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typeof date === "string" ? date.trim() : "");
  if (!match) return Number.NaN;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const t = Date.UTC(year, month - 1, day);
  const check = new Date(t);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return Number.NaN;
  return t / DAY_MS;
}

/** `YYYY-MM-DD` of a day number (years outside 0000-9999 keep their sign and width). */
export function isoDateOfDay(day: number): string {
  if (!Number.isFinite(day)) return "";
  const date = new Date(day * DAY_MS);
  if (Number.isNaN(date.getTime())) return "";
  const year = date.getUTCFullYear();
  const y = year >= 0 && year <= 9999 ? String(year).padStart(4, "0") : String(year);
  return `${y}-${String(date.getUTCMonth() + 1).padStart(2, "0")}-${String(date.getUTCDate()).padStart(2, "0")}`;
}

/** 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function utcFromFields(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

interface UtcDayOffsets {
  /** Offset at the start of the UTC day. */
  before: number;
  /** Offset from `switchAt` on (equal to `before` when the day has no change). */
  after: number;
  switchAt: number;
}

/**
 * A clock for `timeZone`. Throws a RangeError naming the zone when Intl does not know it; every
 * method afterwards answers without throwing (non-instants give `NaN`, offset 0).
 */
export function createZoneClock(timeZone: string): ZoneClock {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  } catch {
    throw new RangeError(`unknown time zone "${timeZone}" (expected an IANA name such as America/New_York)`);
  }
  const cache = new Map<number, UtcDayOffsets>();

  function computeOffset(t: number): number {
    const whole = Math.min(MAX_INSTANT, Math.max(-MAX_INSTANT, Math.floor(t / 1000) * 1000));
    let year = 0;
    let month = 1;
    let day = 1;
    let hour = 0;
    let minute = 0;
    let second = 0;
    let beforeChrist = false;
    for (const part of format.formatToParts(whole)) {
      switch (part.type) {
        case "year":
          year = Number(part.value);
          break;
        case "month":
          month = Number(part.value);
          break;
        case "day":
          day = Number(part.value);
          break;
        case "hour":
          hour = Number(part.value) % 24;
          break;
        case "minute":
          minute = Number(part.value);
          break;
        case "second":
          second = Number(part.value);
          break;
        case "era":
          beforeChrist = part.value === "BC" || part.value === "B";
          break;
      }
    }
    if (beforeChrist) year = 1 - year;
    return utcFromFields(year, month, day, hour, minute, second) - whole;
  }

  function offsetsOfUtcDay(utcDay: number): UtcDayOffsets {
    let entry = cache.get(utcDay);
    if (entry) return entry;
    const start = utcDay * DAY_MS;
    const last = start + DAY_MS - 1000;
    const before = computeOffset(start);
    const after = computeOffset(last);
    let switchAt = Number.POSITIVE_INFINITY;
    if (before !== after) {
      // Zones change offset at most once a day: find the second it happens.
      let lo = start;
      let hi = last;
      while (hi - lo > 1000) {
        const mid = Math.floor((lo + hi) / 2000) * 1000;
        if (computeOffset(mid) === before) lo = mid;
        else hi = mid;
      }
      switchAt = hi;
    }
    entry = { before, after, switchAt };
    cache.set(utcDay, entry);
    return entry;
  }

  function offsetAt(t: number): number {
    if (!isInstant(t)) return 0;
    const entry = offsetsOfUtcDay(Math.floor(t / DAY_MS));
    return t < entry.switchAt ? entry.before : entry.after;
  }

  return {
    timeZone,
    offsetAt,
    localDay(t: number): number {
      if (!isInstant(t)) return Number.NaN;
      return Math.floor((t + offsetAt(t)) / DAY_MS);
    },
    instantOf(day: number, msOfDay: number): number {
      const local = day * DAY_MS + msOfDay;
      if (!isInstant(local)) return Number.NaN;
      const offsetBefore = offsetAt(local - DAY_MS);
      const offsetAfter = offsetAt(local + DAY_MS);
      const early = local - offsetBefore;
      if (offsetBefore === offsetAfter || offsetAt(early) === offsetBefore) return early;
      const late = local - offsetAfter;
      if (offsetAt(late) === offsetAfter) return late;
      // In the gap of a spring-forward change: read with the old offset, which lands after it.
      return early;
    },
  };
}
