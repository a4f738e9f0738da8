/**
 * SLA targets as HubSpot can count them. HubSpot has no business calendar, so a target becomes a
 * calendar-time offset from the moment the flow runs (warning `sla_calendar_time`); "end of the
 * business day" becomes the calendar's closing time on the same day.
 */
import type { CalendarConfig, SlaPolicyConfig, SlaTarget } from "../../config/types";
import type { RelativeTime } from "../model/flow";

/** The latest closing time of a calendar's week, as hour and minute (17:00 when it has no hours). */
export function closingTime(calendar: CalendarConfig): { hour: number; minute: number } {
  const ends = Object.values(calendar.weeklyHours)
    .flat()
    .map((interval) => /-(\d{2}):(\d{2})$/.exec(interval ?? ""))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => Number(match[1]) * 60 + Number(match[2]));
  const latest = ends.length > 0 ? Math.max(...ends) : 17 * 60;
  return { hour: Math.floor(latest / 60), minute: latest % 60 };
}

export function relativeDue(target: SlaTarget, calendar: CalendarConfig): RelativeTime {
  switch (target.unit) {
    case "business_minutes":
      return { delta: target.amount, timeUnit: "MINUTES" };
    case "business_hours":
      return { delta: target.amount, timeUnit: "HOURS" };
    case "business_days":
      return { delta: target.amount, timeUnit: "DAYS" };
    case "end_of_business_day":
      return { delta: 0, timeUnit: "DAYS", timeOfDay: closingTime(calendar) };
  }
}

/** The deadline as people say it: "within 60 business minutes", "by the end of the business day". */
export function slaDeadline(policy: SlaPolicyConfig): string {
  return policy.target.unit === "end_of_business_day"
    ? "by the end of the business day"
    : `within ${slaWording(policy)}`;
}

/** The target as people say it ("60 business minutes", "the end of the business day"). */
export function slaWording(policy: SlaPolicyConfig): string {
  const { target } = policy;
  if (target.unit === "end_of_business_day") return "the end of the business day";
  const unit = target.unit.replace("business_", "business ");
  return `${target.amount} ${target.amount === 1 ? unit.replace(/s$/, "") : unit}`;
}
