/** Reps and pools compared: who joined, left, is away or was replaced; who joined which pool with what weight. */
import type { DateRange, PoolConfig, RepConfig, RoutingConfig } from "../config/types";
import type { RoutingChange } from "./types";

const key = (email: string) => email.trim().toLowerCase();

/** `Ana Silva (ana@acme.test)`, from the head config, else the base, else the bare email. */
export function repNamer(head: RoutingConfig, base: RoutingConfig): (email: string) => string {
  const names = new Map<string, string>();
  for (const rep of [...base.reps, ...head.reps]) names.set(key(rep.email), rep.name);
  return (email) => {
    const name = names.get(key(email));
    return name === undefined || name.trim() === "" ? email : `${name} (${email})`;
  };
}

const rangeText = (range: DateRange) => (range.from === range.to ? range.from : `${range.from} to ${range.to}`);
const rangeKey = (range: DateRange) => `${range.from}/${range.to}`;
const isActive = (rep: RepConfig) => rep.active !== false;

function repChanges(head: RoutingConfig, base: RoutingConfig, name: (email: string) => string): RoutingChange[] {
  const out: RoutingChange[] = [];
  const before = new Map(base.reps.map((rep) => [key(rep.email), rep]));
  const now = new Set(head.reps.map((rep) => key(rep.email)));
  const change = (rep: string, rest: Omit<RoutingChange, "area" | "subject">): void => {
    out.push({ area: "reps", subject: rep, ...rest });
  };
  for (const rep of head.reps) {
    const who = name(rep.email);
    const old = before.get(key(rep.email));
    if (!old) {
      const away = (rep.outOfOffice ?? []).map(rangeText);
      change(rep.email, {
        kind: isActive(rep) ? "joined" : "added",
        text: `${who} joined as ${rep.role} (calendar ${rep.calendar}${
          rep.territories.length > 0 ? `, territories ${rep.territories.join(", ")}` : ""
        })${isActive(rep) ? "" : ", inactive"}`,
      });
      for (const range of away)
        change(rep.email, { kind: "away", to: range, text: `${who} is out of office ${range}` });
      continue;
    }
    if (isActive(old) && !isActive(rep)) {
      change(rep.email, {
        kind: "left",
        to: rep.replacedBy ?? null,
        text: `${who} left${rep.replacedBy ? `; ${name(rep.replacedBy)} takes over their leads` : ""}`,
      });
    } else if (!isActive(old) && isActive(rep)) {
      change(rep.email, { kind: "returned", text: `${who} is active again` });
    } else if (!isActive(rep) && (old.replacedBy ?? "") !== (rep.replacedBy ?? "")) {
      change(rep.email, {
        kind: "replaced",
        from: old.replacedBy ?? null,
        to: rep.replacedBy ?? null,
        text: `${who}'s leads now go to ${rep.replacedBy ? name(rep.replacedBy) : "nobody named"} (was ${
          old.replacedBy ? name(old.replacedBy) : "nobody named"
        })`,
      });
    }
    const oldRanges = new Set((old.outOfOffice ?? []).map(rangeKey));
    const newRanges = new Set((rep.outOfOffice ?? []).map(rangeKey));
    for (const range of rep.outOfOffice ?? []) {
      if (!oldRanges.has(rangeKey(range))) {
        change(rep.email, { kind: "away", to: rangeText(range), text: `${who} is out of office ${rangeText(range)}` });
      }
    }
    for (const range of old.outOfOffice ?? []) {
      if (!newRanges.has(rangeKey(range))) {
        change(rep.email, {
          kind: "back",
          from: rangeText(range),
          text: `${who} is no longer out of office ${rangeText(range)}`,
        });
      }
    }
    const fields: [string, string, string][] = [
      ["name", old.name, rep.name],
      ["role", old.role, rep.role],
      ["calendar", old.calendar, rep.calendar],
      ["territories", old.territories.join(", ") || "none", rep.territories.join(", ") || "none"],
    ];
    for (const [field, from, to] of fields) {
      if (from !== to)
        change(rep.email, { kind: "changed", field, from, to, text: `${who}: ${field} ${from} -> ${to}` });
    }
  }
  for (const rep of base.reps) {
    if (!now.has(key(rep.email))) {
      change(rep.email, { kind: "left", text: `${name(rep.email)} was removed from the config` });
    }
  }
  return out;
}

const weightOf = (member: { weight?: number }) => member.weight ?? 1;
const poolName = (pool: PoolConfig) => (pool.label && pool.label !== pool.id ? `${pool.label} (${pool.id})` : pool.id);

function poolChanges(head: RoutingConfig, base: RoutingConfig, name: (email: string) => string): RoutingChange[] {
  const out: RoutingChange[] = [];
  const before = new Map(base.pools.map((pool) => [pool.id, pool]));
  const members = (pool: PoolConfig) =>
    pool.members.map((member) => `${name(member.rep)} weight ${weightOf(member)}`).join(", ") || "no members";
  for (const pool of head.pools) {
    const old = before.get(pool.id);
    const label = poolName(pool);
    if (!old) {
      out.push({
        area: "pools",
        kind: "added",
        subject: pool.id,
        to: members(pool),
        text: `Pool ${label} added: ${members(pool)}`,
      });
      continue;
    }
    const oldMembers = new Map(old.members.map((member) => [key(member.rep), member]));
    const newMembers = new Set(pool.members.map((member) => key(member.rep)));
    for (const member of pool.members) {
      const previous = oldMembers.get(key(member.rep));
      const common = { area: "pools" as const, subject: pool.id, rep: member.rep };
      if (!previous) {
        out.push({
          ...common,
          kind: "member-added",
          to: String(weightOf(member)),
          text: `${name(member.rep)} joined pool ${label} with weight ${weightOf(member)}`,
        });
      } else if (weightOf(previous) !== weightOf(member)) {
        out.push({
          ...common,
          kind: "weight",
          from: String(weightOf(previous)),
          to: String(weightOf(member)),
          text: `${name(member.rep)}'s weight in pool ${label}: ${weightOf(previous)} -> ${weightOf(member)}`,
        });
      }
    }
    for (const member of old.members) {
      if (!newMembers.has(key(member.rep))) {
        out.push({
          area: "pools",
          subject: pool.id,
          rep: member.rep,
          kind: "member-removed",
          from: String(weightOf(member)),
          text: `${name(member.rep)} left pool ${label} (weight was ${weightOf(member)})`,
        });
      }
    }
    for (const [field, from, to] of [
      ["label", old.label ?? old.id, pool.label ?? pool.id],
      ["calendar", old.calendar, pool.calendar],
    ] as const) {
      if (from !== to) {
        out.push({
          area: "pools",
          kind: "changed",
          subject: pool.id,
          field,
          from,
          to,
          text: `Pool ${pool.id}: ${field} ${from} -> ${to}`,
        });
      }
    }
  }
  const now = new Set(head.pools.map((pool) => pool.id));
  for (const pool of base.pools) {
    if (!now.has(pool.id)) {
      out.push({
        area: "pools",
        kind: "removed",
        subject: pool.id,
        from: members(pool),
        text: `Pool ${poolName(pool)} removed (had ${members(pool)})`,
      });
    }
  }
  return out;
}

/** Changes to reps and pools, reps first. */
export function peopleChanges(head: RoutingConfig, base: RoutingConfig): RoutingChange[] {
  const name = repNamer(head, base);
  return [...repChanges(head, base, name), ...poolChanges(head, base, name)];
}
