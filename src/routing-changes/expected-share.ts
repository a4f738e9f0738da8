/**
 * Each pool member's expected share of the pool's leads over a week: smooth weighted round robin
 * gives every available member weight / (total weight of the available members) of the leads, and
 * a member out of office on a day is not available that day. Days are weighed by the pool's
 * business days (leads come in, and are worked, on business days); a week with none counts every
 * day. Members are taken after replacements (an inactive rep's weight goes to whoever replaces
 * them), as the engine does. Capacity caps are not applied here: a cap binds only for a given
 * number of leads, which the config does not say; the simulation's replay shows capped reps as skips.
 */
import { compileRouting, emailKey, type CompiledRouting } from "../engine/compile";
import { dayOfIsoDate, isoDateOfDay, weekdayOfDay } from "../engine/time-zone";

const MINUTES_PER_DAY = 1440;
import type { RoutingConfig } from "../config/types";

export interface MemberShare {
  /** Rep email (after replacements). */
  rep: string;
  weight: number;
  /** Fraction of the pool's leads in the week, 0 to 1. */
  share: number;
  /** Business days of the week the rep is out of office (`YYYY-MM-DD`). */
  awayDays: string[];
}

export interface PoolShares {
  pool: string;
  /** First and last day of the week, `YYYY-MM-DD`. */
  from: string;
  to: string;
  /** Days counted (business days of the pool's calendar, else every day). */
  days: number;
  /** Fraction of the week's leads no member can take (everyone away). */
  unassigned: number;
  members: MemberShare[];
}

/** Expected shares in every pool, for the 7 days starting on `from` (`YYYY-MM-DD`). */
export function expectedShares(config: RoutingConfig | CompiledRouting, from: string): PoolShares[] {
  const compiled = "placeMemo" in config ? config : compileRouting(config);
  const first = dayOfIsoDate(from);
  if (Number.isNaN(first)) throw new RangeError(`expectedShares: ${JSON.stringify(from)} is not a YYYY-MM-DD date`);
  const week = Array.from({ length: 7 }, (_, i) => first + i);
  return [...compiled.pools.values()].map((pool) => {
    const business = week.filter((day) => pool.calendar?.isBusinessDate(isoDateOfDay(day)) ?? true);
    const days = business.length > 0 ? business : week;
    const totals = new Map(pool.members.map((member) => [member.rep, 0]));
    const away = new Map(pool.members.map((member) => [member.rep, [] as string[]]));
    let unassigned = 0;
    for (const day of days) {
      const present = pool.members.filter((member) => {
        const rep = compiled.reps.get(emailKey(member.rep));
        // Absences are local-minute ranges (end exclusive): away on a day they cover whole.
        const absent =
          rep?.absences.some(
            (range) => range.from <= day * MINUTES_PER_DAY && range.to >= (day + 1) * MINUTES_PER_DAY,
          ) ?? false;
        if (absent) away.get(member.rep)!.push(isoDateOfDay(day));
        return !absent;
      });
      const weight = present.reduce((sum, member) => sum + member.weight, 0);
      if (weight === 0) unassigned += 1 / days.length;
      for (const member of present) {
        totals.set(member.rep, totals.get(member.rep)! + member.weight / weight / days.length);
      }
    }
    return {
      pool: pool.id,
      from: isoDateOfDay(first),
      to: isoDateOfDay(first + 6),
      days: days.length,
      unassigned,
      members: pool.members.map((member) => ({
        rep: member.rep,
        weight: member.weight,
        share: totals.get(member.rep)!,
        awayDays: away.get(member.rep)!,
      })),
    };
  });
}

/** The Monday of the week that contains `date` (`YYYY-MM-DD`). */
export function mondayOf(date: string): string {
  const day = dayOfIsoDate(date);
  if (Number.isNaN(day)) throw new RangeError(`mondayOf: ${JSON.stringify(date)} is not a YYYY-MM-DD date`);
  return isoDateOfDay(day - ((weekdayOfDay(day) + 6) % 7));
}

/** The Monday of the week of `day` (`YYYY-MM-DD`) and the Monday after. */
export function weeksFrom(day: string): [string, string] {
  const monday = mondayOf(day);
  return [monday, isoDateOfDay(dayOfIsoDate(monday) + 7)];
}
