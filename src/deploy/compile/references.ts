/**
 * The references the compiler follows, checked up front so that a config that slipped past
 * validation yields clear errors instead of half-built flows.
 */
import type { Condition, Outcome, RoutingConfig, RuleSla } from "../../config/types";
import type { DeployError } from "../diagnostics";
import { isValidTimeZone } from "./availability";

export function checkReferences(config: RoutingConfig): DeployError[] {
  const errors: DeployError[] = [];
  const ids = (list: { id: string }[]) => new Set(list.map((item) => item.id));
  const reps = new Set(config.reps.map((rep) => rep.email.trim().toLowerCase()));
  const known = {
    calendar: ids(config.calendars),
    pool: ids(config.pools),
    queue: ids(config.queues),
    territory: ids(config.territories),
    segment: ids(config.segments),
    "source type": ids(config.sources),
    "SLA policy": ids(config.slaPolicies),
  };
  const need = (kind: keyof typeof known | "rep", value: string, path: string) => {
    const found = kind === "rep" ? reps.has(value.trim().toLowerCase()) : known[kind].has(value);
    if (!found) {
      errors.push({
        code: "unknown_reference",
        path,
        message: `${path} names ${kind} "${value}", which the routing config does not define.`,
      });
    }
  };
  const condition = (when: Condition, path: string) => {
    when.sourceType?.forEach((id, i) => need("source type", id, `${path}.sourceType[${i}]`));
    when.territory?.forEach((id, i) => need("territory", id, `${path}.territory[${i}]`));
    when.segment?.forEach((id, i) => need("segment", id, `${path}.segment[${i}]`));
  };
  const sla = (value: RuleSla, path: string) => {
    if (value !== null && value !== "by_intent") need("SLA policy", value, path);
  };
  const outcome = (value: Outcome, path: string) => {
    if (value.type === "rep") need("rep", value.rep, `${path}.rep`);
    if (value.type === "queue") need("queue", value.queue, `${path}.queue`);
    if (value.type === "pool" && "pool" in value) need("pool", value.pool, `${path}.pool`);
    if (value.type === "pool" && "byTerritory" in value) {
      for (const [territory, pool] of Object.entries(value.byTerritory)) {
        need("territory", territory, `${path}.byTerritory`);
        need("pool", pool, `${path}.byTerritory.${territory}`);
      }
    }
  };

  config.calendars.forEach((calendar, i) => {
    if (!isValidTimeZone(calendar.timeZone)) {
      errors.push({
        code: "unknown_time_zone",
        path: `calendars[${i}].timeZone`,
        message: `calendars[${i}].timeZone "${calendar.timeZone}" is not an IANA time zone (for example America/New_York).`,
      });
    }
  });
  need("calendar", config.defaultCalendar, "defaultCalendar");
  config.reps.forEach((rep, i) => need("calendar", rep.calendar, `reps[${i}].calendar`));
  config.pools.forEach((pool, i) => {
    need("calendar", pool.calendar, `pools[${i}].calendar`);
    pool.members.forEach((member, j) => need("rep", member.rep, `pools[${i}].members[${j}].rep`));
  });
  config.queues.forEach((queue, i) => {
    need("calendar", queue.calendar, `queues[${i}].calendar`);
    need("rep", queue.backupOwner, `queues[${i}].backupOwner`);
  });
  config.sources.forEach((source, i) => {
    if (source.intent && typeof source.intent === "object") {
      source.intent.rules.forEach((rule, j) => condition(rule.when, `sources[${i}].intent.rules[${j}].when`));
    }
  });
  for (const system of ["inbound", "outbound"] as const) {
    config.systems[system].rules.forEach((rule, i) => {
      const path = `systems.${system}.rules[${i}]`;
      condition(rule.when, `${path}.when`);
      outcome(rule.outcome, `${path}.outcome`);
      sla(rule.sla, `${path}.sla`);
    });
  }
  for (const [intent, policy] of Object.entries(config.systems.inbound.slaByIntent)) {
    if (policy !== null) need("SLA policy", policy, `systems.inbound.slaByIntent.${intent}`);
  }
  config.reengagement.rules.forEach((rule, i) => {
    condition(rule.when, `reengagement.rules[${i}].when`);
    sla(rule.sla, `reengagement.rules[${i}].sla`);
  });
  need("queue", config.unclassified.queue, "unclassified.queue");
  if (config.unclassified.sla !== null) need("SLA policy", config.unclassified.sla, "unclassified.sla");
  for (const [system, rules] of [
    ["systems.inbound.rules", config.systems.inbound.rules],
    ["systems.outbound.rules", config.systems.outbound.rules],
    ["reengagement.rules", config.reengagement.rules],
  ] as const) {
    if (rules.length === 0) {
      errors.push({
        code: "unknown_reference",
        path: system,
        message: `${system} is empty: a system needs a catch-all rule.`,
      });
    }
  }
  return errors;
}
