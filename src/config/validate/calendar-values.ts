/** Parsing of the calendar values written as strings: dates, business-hours intervals, time zones. */

/** True for a real calendar date written `YYYY-MM-DD` (so not `2026-02-30`). */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; UTC so that no time zone can shift it.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** True for `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (a real date, a real time; `24:00` allowed). */
export function isLocalDateOrTime(value: string): boolean {
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value);
  if (!match || !isIsoDate(match[1]!)) return false;
  if (match[2] === undefined) return true;
  const [h, m] = [Number(match[2]), Number(match[3])];
  return m <= 59 && (h < 24 || (h === 24 && m === 0));
}

/** A local date or date-time as a sortable key: a date alone is the whole day (`end`: its end). */
export function localRangeKey(value: string, end: boolean): string {
  return value.includes("T") ? value : `${value}T${end ? "24:00" : "00:00"}`;
}

/** A business-hours interval in minutes after local midnight. */
export interface MinuteInterval {
  start: number;
  end: number;
}

/** Parses `"HH:MM-HH:MM"` (24 h; `24:00` allowed as an end), or explains what is wrong. */
export function parseHours(value: string): MinuteInterval | { problem: string } {
  const match = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(value);
  if (!match) return { problem: `"${value}" is not written "HH:MM-HH:MM" (for example "09:00-17:00")` };
  const [sh, sm, eh, em] = match.slice(1).map(Number) as [number, number, number, number];
  if (sh > 23 || sm > 59) return { problem: `"${value}" starts at an impossible time` };
  if (eh > 24 || em > 59 || (eh === 24 && em !== 0)) return { problem: `"${value}" ends at an impossible time` };
  const start = sh * 60 + sm;
  const end = eh * 60 + em;
  if (end <= start)
    return { problem: `"${value}" ends before it starts: the end must be after the start, on the same day` };
  return { start, end };
}

let canonicalZones: Set<string> | undefined;

/** True when the runtime knows this IANA time zone. */
export function isTimeZone(value: string): boolean {
  if (value.trim() === "") return false;
  // The runtime's canonical zones answer most calendars at once; aliases ("UTC", "US/Pacific") are
  // not in that list and are asked of Intl.DateTimeFormat, whose first construction costs ~25 ms
  // (its locale data): a tenth of `routeops validate`.
  canonicalZones ??= new Set(Intl.supportedValuesOf("timeZone"));
  if (canonicalZones.has(value)) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
