/**
 * The audit's business time and territories, compiled from the config with the engine's own
 * code, so that every figure runs on the clocks and territory matching that routing used.
 */
import type { RoutingConfig } from "../config/types";
import { compileCalendar, slaDueAt, type BusinessCalendar } from "../engine/business-time";
import { compileTerritories, findTerritory, normaliseCountry, normaliseState } from "../engine/geo";
import type { AuditClock } from "./clock";
import type { TerritoryLookup } from "./territory";

export function engineClock(config: RoutingConfig): AuditClock {
  const calendars = new Map<string, BusinessCalendar>();
  for (const calendar of config.calendars) calendars.set(calendar.id, compileCalendar(calendar));

  // A lead can name a pool or rep whose calendar is gone from the config since it was routed;
  // its clock then runs on the default calendar, as it would for an owner who is no rep.
  function calendarOf(id: string): BusinessCalendar {
    const calendar = calendars.get(id) ?? calendars.get(config.defaultCalendar);
    if (!calendar) throw new Error(`calendar "${config.defaultCalendar}" (defaultCalendar) is not in the config`);
    return calendar;
  }

  return {
    businessMinutes(calendarId, fromMs, toMs) {
      return toMs <= fromMs ? 0 : calendarOf(calendarId).businessMinutesBetween(fromMs, toMs);
    },
    afterBusinessDays(calendarId, start, days) {
      return slaDueAt({ unit: "business_days", amount: days }, calendarOf(calendarId), start);
    },
  };
}

export function engineTerritories(config: RoutingConfig): TerritoryLookup {
  const index = compileTerritories(config.territories);
  return (country, state) => {
    const code = normaliseCountry(country);
    return findTerritory(index, code, normaliseState(code, state))?.territory ?? null;
  };
}
