/**
 * What a set-property action writes (docs/deploy.md, "Values and tokens"): the contract's value
 * types the compiler uses (STATIC_VALUE, OBJECT_PROPERTY, ENROLLMENT_EVENT_PROPERTY,
 * FETCHED_OBJECT_PROPERTY, TIMESTAMP, RELATIVE_DATETIME). Free-text fields (notification and task
 * subjects) may hold `{{ tokens }}`; `resolveTokens` fills them.
 */
import type { EventOccurrence } from "./occurrence";
import { FlowFormatError } from "./filters";

const MINUTE_MS = 60_000;
const UNIT_MS: Record<string, number> = {
  MINUTES: MINUTE_MS,
  HOURS: 60 * MINUTE_MS,
  DAYS: 24 * 60 * MINUTE_MS,
  WEEKS: 7 * 24 * 60 * MINUTE_MS,
};
const DAY_MS = UNIT_MS.DAYS as number;

/** What tokens and copies read while an action runs. */
export interface ValueContext {
  contact: Record<string, string>;
  /** The event occurrence that enrolled the contact (event-based runs only). */
  occurrence: EventOccurrence | undefined;
  /** A record the flow fetched (its `dataSources`), by data source name. */
  fetched(name: string): Record<string, string> | undefined;
  /** The instant the action runs, epoch ms. */
  now: number;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** What one token resolves to ("" when it names nothing the run has). */
function tokenValue(path: string, context: ValueContext): string {
  const [root, name, property, ...rest] = path.split(".");
  if (rest.length > 0 || name === undefined) return "";
  if (root === "enrolled_object" || root === "contact")
    return property === undefined ? (context.contact[name] ?? "") : "";
  if (property === undefined) return "";
  if (root === "enrollment_events") {
    const occurrence = context.occurrence;
    if (!occurrence || name !== `enrollment_event_${occurrence.eventTypeId.replace(/-/g, "_")}`) return "";
    return occurrence.properties[property] ?? "";
  }
  if (root === "fetched_objects") return context.fetched(name)?.[property] ?? "";
  return "";
}

/** Text with every `{{ token }}` replaced by what it resolves to. */
export function resolveTokens(text: string, context: ValueContext): string {
  return text.replace(TOKEN, (_match, path: string) => tokenValue(path, context));
}

/**
 * The run instant moved by a relative time: `delta` units later (a day is 24 hours), then, with
 * `timeOfDay`, the first instant at or after that which shows that wall-clock time in the portal's
 * time zone. The emulated portal's time zone is UTC.
 */
export function relativeInstant(now: number, relative: unknown, where: string): number {
  if (!isObject(relative)) throw new FlowFormatError(`${where}: expected { delta, timeUnit }`);
  const delta = Number(relative.delta ?? 0);
  const unit = UNIT_MS[String(relative.timeUnit ?? "MINUTES")];
  if (!Number.isFinite(delta) || unit === undefined) {
    throw new FlowFormatError(`${where}: expected a numeric delta and a timeUnit of MINUTES, HOURS or DAYS`);
  }
  const shifted = now + delta * unit;
  if (relative.timeOfDay === undefined) return shifted;
  const time = relative.timeOfDay;
  const hour = isObject(time) ? Number(time.hour) : NaN;
  const minute = isObject(time) ? Number(time.minute ?? 0) : NaN;
  if (!(hour >= 0 && hour < 24 && minute >= 0 && minute < 60)) {
    throw new FlowFormatError(`${where}.timeOfDay: expected { hour: 0-23, minute: 0-59 }`);
  }
  const dayStart = shifted - (((shifted % DAY_MS) + DAY_MS) % DAY_MS);
  const sameDay = dayStart + (hour * 60 + minute) * MINUTE_MS;
  return sameDay >= shifted ? sameDay : sameDay + DAY_MS;
}

const WEEKDAYS = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"];

/**
 * A RELATIVE_DATETIME `timeDelay` (SDK `AutomationAPIRelativeDateTimeValue.TimeDelay`): the run
 * instant moved as `relativeInstant` moves it, then, when `daysOfWeek` lists some but not all
 * days, forward by whole days to the first listed day. This is the emulator's reading; HubSpot
 * documents the fields, not their arithmetic. Only the portal's time zone (UTC) is emulated.
 */
export function timeDelayInstant(now: number, delay: unknown, where: string): number {
  if (!isObject(delay)) throw new FlowFormatError(`${where}: expected { delta, timeUnit, daysOfWeek }`);
  if (delay.timeZoneStrategy !== undefined) {
    const zone = isObject(delay.timeZoneStrategy) ? delay.timeZoneStrategy.timeZoneId : undefined;
    if (zone !== "UTC" && zone !== "Etc/UTC") {
      throw new FlowFormatError(`${where}.timeZoneStrategy: only the portal's time zone (UTC) is emulated`);
    }
  }
  let instant = relativeInstant(now, delay, where);
  const days = Array.isArray(delay.daysOfWeek) ? delay.daysOfWeek.map(String) : [];
  if (days.length > 0 && days.length < 7) {
    for (let step = 0; step < 7 && !days.includes(WEEKDAYS[new Date(instant).getUTCDay()] as string); step++) {
      instant += DAY_MS;
    }
  }
  return instant;
}

/** What a single `{{ token }}` value names ("" when the run has nothing there). */
function tokenOnly(token: unknown, context: ValueContext, where: string): string {
  if (typeof token !== "string" || !/^\s*\{\{[^{}]*\}\}\s*$/.test(token)) {
    throw new FlowFormatError(`${where}: expected one {{ token }}`);
  }
  return resolveTokens(token.trim(), context);
}

/**
 * The text a value writes (`""` clears the property), for the value types the compiler uses
 * (SDK value types): a literal (tokens in it stay literal), a property of the enrolled record,
 * of the enrolment event or of a fetched record, the execution time, or a time relative to it.
 */
export function resolveValue(value: unknown, context: ValueContext, where: string): string {
  if (!isObject(value)) throw new FlowFormatError(`${where}: expected a value object with a type`);
  switch (value.type) {
    case "STATIC_VALUE":
      if (typeof value.staticValue !== "string") throw new FlowFormatError(`${where}.staticValue: expected text`);
      return value.staticValue;
    case "OBJECT_PROPERTY":
      if (typeof value.propertyName !== "string") throw new FlowFormatError(`${where}.propertyName: expected a name`);
      return context.contact[value.propertyName] ?? "";
    case "ENROLLMENT_EVENT_PROPERTY":
      if (!/^\s*\{\{\s*enrollment_events\./.test(String(value.enrollmentEventPropertyToken))) {
        throw new FlowFormatError(`${where}.enrollmentEventPropertyToken: expected {{ enrollment_events.... }}`);
      }
      return tokenOnly(value.enrollmentEventPropertyToken, context, `${where}.enrollmentEventPropertyToken`);
    case "FETCHED_OBJECT_PROPERTY":
      if (!/^\s*\{\{\s*fetched_objects\./.test(String(value.propertyToken))) {
        throw new FlowFormatError(`${where}.propertyToken: expected {{ fetched_objects.... }}`);
      }
      return tokenOnly(value.propertyToken, context, `${where}.propertyToken`);
    case "TIMESTAMP":
      if (value.timestampType !== "EXECUTION_TIME") {
        throw new FlowFormatError(`${where}.timestampType: only EXECUTION_TIME is emulated`);
      }
      return String(context.now);
    case "RELATIVE_DATETIME":
      return String(timeDelayInstant(context.now, value.timeDelay, `${where}.timeDelay`));
    default:
      throw new FlowFormatError(`${where}.type: value type ${String(value.type)} is not emulated`);
  }
}
