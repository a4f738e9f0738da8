/**
 * Calendars and dates: time zones the runtime knows, business hours that can be computed with,
 * and dates that exist. SLA clocks run on these, so a mistake here moves every due time.
 */
import type { Weekday } from "../types";
import {
  isIsoDate,
  isLocalDateOrTime,
  isTimeZone,
  localRangeKey,
  parseHours,
  type MinuteInterval,
} from "./calendar-values";
import type { RoutingDirectory } from "./directory";
import { error, warning, type Finding } from "./finding";
import { element, type PathSegment } from "./path";

const weekdays: Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** Reports invalid time zones, hours, dates and out-of-office ranges. */
export function checkCalendars(dir: RoutingDirectory): Finding[] {
  const findings: Finding[] = [];
  const date = (value: string, at: PathSegment[]) => {
    if (!isIsoDate(value)) {
      findings.push(error("invalid_date", at, `"${value}" is not a real date written YYYY-MM-DD`));
      return false;
    }
    return true;
  };

  dir.config.calendars.forEach((calendar, i) => {
    const at = ["calendars", element(calendar, i)];
    if (!isTimeZone(calendar.timeZone)) {
      findings.push(
        error(
          "invalid_time_zone",
          [...at, "timeZone"],
          `"${calendar.timeZone}" is not an IANA time zone (for example "America/New_York", "Europe/London")`,
        ),
      );
    }
    let open = false;
    for (const day of weekdays) {
      const intervals = calendar.weeklyHours[day];
      if (intervals === undefined) continue;
      const parsed: { interval: MinuteInterval; index: number }[] = [];
      intervals.forEach((text, j) => {
        const result = parseHours(text);
        if ("problem" in result) findings.push(error("invalid_hours", [...at, "weeklyHours", day, j], result.problem));
        else parsed.push({ interval: result, index: j });
      });
      if (parsed.length > 0) open = true;
      parsed.sort((a, b) => a.interval.start - b.interval.start);
      for (let k = 1; k < parsed.length; k++) {
        const previous = parsed[k - 1]!;
        const current = parsed[k]!;
        if (current.interval.start < previous.interval.end) {
          findings.push(
            error(
              "overlapping_hours",
              [...at, "weeklyHours", day, current.index],
              `"${intervals[current.index]}" overlaps "${intervals[previous.index]}" on ${day}: intervals of one day must not overlap`,
            ),
          );
        }
      }
    }
    if (!open) {
      findings.push(
        error(
          "calendar_never_open",
          [...at, "weeklyHours"],
          "no business hours on any day: SLA clocks on this calendar would never run",
        ),
      );
    }
    const seen = new Set<string>();
    (calendar.holidays ?? []).forEach((holiday, j) => {
      const holidayAt = [...at, "holidays", j];
      if (!date(holiday, holidayAt)) return;
      if (seen.has(holiday)) {
        findings.push(warning("duplicate_holiday", holidayAt, `holiday ${holiday} is listed twice`));
      }
      seen.add(holiday);
    });
  });

  const dateOrTime = (value: string, at: PathSegment[]) => {
    if (!isLocalDateOrTime(value)) {
      findings.push(
        error(
          "invalid_date",
          at,
          `"${value}" is not a real local date YYYY-MM-DD or date and time YYYY-MM-DDTHH:MM (for example "2026-09-14T13:00")`,
        ),
      );
      return false;
    }
    return true;
  };
  dir.config.reps.forEach((rep, i) => {
    const repAt = ["reps", element(rep, i)];
    const starts = rep.startsOn !== undefined && date(rep.startsOn, [...repAt, "startsOn"]);
    const ends = rep.endsOn !== undefined && date(rep.endsOn, [...repAt, "endsOn"]);
    if (starts && ends && rep.endsOn! < rep.startsOn!) {
      findings.push(
        error(
          "reversed_date_range",
          [...repAt, "endsOn"],
          `the rep's last day (${rep.endsOn}) is before their first (${rep.startsOn}): "endsOn" must be on or after "startsOn"`,
        ),
      );
    }
    (rep.outOfOffice ?? []).forEach((range, j) => {
      const at = ["reps", element(rep, i), "outOfOffice", j];
      const fromOk = dateOrTime(range.from, [...at, "from"]);
      const toOk = dateOrTime(range.to, [...at, "to"]);
      if (fromOk && toOk && localRangeKey(range.to, true) <= localRangeKey(range.from, false)) {
        findings.push(
          error(
            "reversed_date_range",
            [...at, "to"],
            `out of office ends (${range.to}) before it starts (${range.from}): "from" must be on or before "to"`,
          ),
        );
      }
    });
  });
  return findings;
}
