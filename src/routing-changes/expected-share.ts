/**
 * Each pool member's expected share of the pool's leads over a week: smooth weighted round robin
 * gives every available member weight / (total weight of the available members) of the leads, and
 * a member out of office on a day is not available that day. Days are weighed by the pool's
 * business days (leads come in, and are worked, on business days); a week with none counts every
 * day. Members are taken after replacements (an inactive rep's weight goes to whoever replaces
 * them), as the engine does.
 *
 * Capacity caps bind only for a number of leads, so they apply when the pool's leads per week are
 * given (`volumes`; the simulation passes what its replay sent to each pool): the week's leads are
 * spread evenly over its days; the pool takes at most its own cap (`perDay`, and what is left of
 * `perWeek`), the rest overflows (the rule's overflow, counted as `overCapacity`); each day's leads
 * are shared by weight among the members present, a member at their cap (`perDay`, or what is left
 * of `perWeek`) gets no more and the rest goes to the others by weight, and what nobody can take
 * overflows too. A rep's caps count every pool in the engine; here they are applied within each
 * pool alone (an upper bound for a rep in several pools), on the pool's business days.
 */
import type { CompiledCapacity } from "../engine/availability";
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
  /** Days of the week the rep reached a capacity cap in this pool (only with a volume). */
  cappedDays: string[];
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
  /** Fraction of the week's leads beyond the pool's or its members' caps (only with a volume). */
  overCapacity: number;
  members: MemberShare[];
}

const NO_CAP = Number.POSITIVE_INFINITY;

/** What a cap still allows on a day: `perDay`, and what is left of `perWeek`. */
function room(capacity: CompiledCapacity | null | undefined, weekSoFar: number): number {
  if (!capacity) return NO_CAP;
  return Math.max(0, Math.min(capacity.perDay ?? NO_CAP, (capacity.perWeek ?? NO_CAP) - weekSoFar));
}

/**
 * Shares `leads` among members by weight, none beyond its room: a member whose weighted part
 * exceeds its room gets the room, and the rest is shared again among the others. Returns each
 * member's leads, and what nobody could take.
 */
function fill(
  leads: number,
  members: { rep: string; weight: number; room: number }[],
): { given: Map<string, number>; left: number } {
  const given = new Map(members.map((m) => [m.rep, 0]));
  let open = members.filter((m) => m.weight > 0);
  let left = leads;
  while (left > 1e-9 && open.length > 0) {
    const total = open.reduce((sum, m) => sum + m.weight, 0);
    const full = open.filter((m) => (left * m.weight) / total >= m.room);
    if (full.length === 0) {
      for (const m of open) given.set(m.rep, given.get(m.rep)! + (left * m.weight) / total);
      left = 0;
      break;
    }
    for (const m of full) {
      given.set(m.rep, given.get(m.rep)! + m.room);
      left -= m.room;
    }
    open = open.filter((m) => !full.includes(m));
  }
  return { given, left: Math.max(0, left) };
}

/**
 * Expected shares in every pool, for the 7 days starting on `from` (`YYYY-MM-DD`). With
 * `volumes` (leads per week into each pool, by pool id), capacity caps apply to pools with a volume.
 */
export function expectedShares(
  config: RoutingConfig | CompiledRouting,
  from: string,
  volumes?: ReadonlyMap<string, number>,
): PoolShares[] {
  const compiled = "placeMemo" in config ? config : compileRouting(config);
  const first = dayOfIsoDate(from);
  if (Number.isNaN(first)) throw new RangeError(`expectedShares: ${JSON.stringify(from)} is not a YYYY-MM-DD date`);
  const week = Array.from({ length: 7 }, (_, i) => first + i);
  return [...compiled.pools.values()].map((pool) => {
    const business = week.filter((day) => pool.calendar?.isBusinessDate(isoDateOfDay(day)) ?? true);
    const days = business.length > 0 ? business : week;
    const volume = volumes?.get(pool.id);
    // Without a volume the shares are fractions of one lead a week, and caps cannot bind.
    const capped = volume !== undefined && volume > 0;
    const weekly = capped ? volume : 1;
    const capOf = (rep: string) => (capped ? compiled.reps.get(emailKey(rep))?.capacity : null);
    // Shares of the week's leads, per member and for the pool.
    const totals = new Map(pool.members.map((member) => [member.rep, 0]));
    const away = new Map(pool.members.map((member) => [member.rep, [] as string[]]));
    const cappedDays = new Map(pool.members.map((member) => [member.rep, [] as string[]]));
    let unassigned = 0;
    let over = 0;
    let poolWeek = 0;
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
      // Shares of the day's leads (so that without caps each member gets exactly weight / total).
      const arriving = weekly / days.length;
      if (present.reduce((sum, member) => sum + member.weight, 0) === 0) {
        unassigned += 1 / days.length;
        continue;
      }
      const taken = Math.min(1, room(capped ? pool.capacity : null, poolWeek * weekly) / arriving);
      const rooms = present.map((member) => ({
        rep: member.rep,
        weight: member.weight,
        room: room(capOf(member.rep), totals.get(member.rep)! * weekly) / arriving,
      }));
      const { given, left } = fill(taken, rooms);
      over += (1 - taken + left) / days.length;
      poolWeek += (taken - left) / days.length;
      for (const member of rooms) {
        totals.set(member.rep, totals.get(member.rep)! + given.get(member.rep)! / days.length);
        if (capped && member.room !== NO_CAP && given.get(member.rep)! >= member.room - 1e-9)
          cappedDays.get(member.rep)!.push(isoDateOfDay(day));
      }
    }
    return {
      pool: pool.id,
      from: isoDateOfDay(first),
      to: isoDateOfDay(first + 6),
      days: days.length,
      unassigned,
      overCapacity: over,
      members: pool.members.map((member) => ({
        rep: member.rep,
        weight: member.weight,
        share: totals.get(member.rep)!,
        awayDays: away.get(member.rep)!,
        cappedDays: cappedDays.get(member.rep)!,
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
