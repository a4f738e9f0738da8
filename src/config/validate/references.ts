/**
 * Unknown references: every id or email that points at another element of the config must name
 * one that exists.
 */
import type { Outcome, RuleSla } from "../types";
import type { RoutingDirectory } from "./directory";
import { error, type Finding } from "./finding";
import { element, type PathSegment } from "./path";
import { expectedNames } from "./spelling";

type Kind = "calendar" | "rep" | "territory" | "segment" | "pool" | "queue" | "sla_policy" | "source_type" | "channel";

const words: Record<Kind, string> = {
  calendar: "calendar",
  rep: "rep",
  territory: "territory",
  segment: "segment",
  pool: "pool",
  queue: "queue",
  sla_policy: "SLA policy",
  source_type: "source type",
  channel: "notification channel",
};

/** Reports every reference to a calendar, rep, territory, segment, pool, queue, SLA policy or source type that does not exist. */
export function checkReferences(dir: RoutingDirectory): Finding[] {
  const findings: Finding[] = [];
  const config = dir.config;
  const known: Record<Kind, (value: string) => boolean> = {
    calendar: (v) => dir.calendars.has(v),
    rep: (v) => dir.rep(v) !== undefined,
    territory: (v) => dir.territories.has(v),
    segment: (v) => dir.segments.has(v),
    pool: (v) => dir.pools.has(v),
    queue: (v) => dir.queues.has(v),
    sla_policy: (v) => dir.slaPolicies.has(v),
    source_type: (v) => dir.sources.has(v),
    channel: (v) => (config.notifications?.channels ?? []).some((c) => c.id === v),
  };
  const lists: Record<Kind, () => string[]> = {
    calendar: () => [...dir.calendars],
    rep: () => config.reps.map((r) => r.email),
    territory: () => [...dir.territories],
    segment: () => [...dir.segments],
    pool: () => [...dir.pools],
    queue: () => [...dir.queues],
    sla_policy: () => [...dir.slaPolicies],
    source_type: () => [...dir.sources.keys()],
    channel: () => (config.notifications?.channels ?? []).map((c) => c.id),
  };
  const ref = (kind: Kind, value: string, at: PathSegment[]) => {
    if (known[kind](value)) return;
    const expected = expectedNames(value, lists[kind](), words[kind]);
    findings.push(error(`unknown_${kind}`, at, `unknown ${words[kind]} "${value}"; ${expected}`));
  };
  const refs = (kind: Kind, values: readonly string[] | undefined, at: PathSegment[]) =>
    values?.forEach((v, i) => ref(kind, v, [...at, i]));
  const sla = (value: RuleSla, at: PathSegment[]) => {
    if (value !== null && value !== "by_intent") ref("sla_policy", value, at);
  };

  config.reps.forEach((rep, i) => {
    const at = ["reps", element(rep, i)];
    ref("calendar", rep.calendar, [...at, "calendar"]);
    refs("territory", rep.territories, [...at, "territories"]);
    if (rep.replacedBy !== undefined) ref("rep", rep.replacedBy, [...at, "replacedBy"]);
  });
  config.pools.forEach((pool, i) => {
    const at = ["pools", element(pool, i)];
    ref("calendar", pool.calendar, [...at, "calendar"]);
    pool.members.forEach((m, j) => ref("rep", m.rep, [...at, "members", j, "rep"]));
  });
  config.queues.forEach((queue, i) => {
    const at = ["queues", element(queue, i)];
    ref("rep", queue.backupOwner, [...at, "backupOwner"]);
    ref("calendar", queue.calendar, [...at, "calendar"]);
  });
  for (const { condition, at } of dir.conditions()) {
    refs("source_type", condition.sourceType, [...at, "sourceType"]);
    refs("territory", condition.territory, [...at, "territory"]);
    refs("segment", condition.segment, [...at, "segment"]);
  }
  for (const { rule, at } of dir.systemRules()) {
    outcomeRefs(rule.outcome, [...at, "outcome"], ref);
    if (rule.overflow) outcomeRefs(rule.overflow, [...at, "overflow"], ref);
    sla(rule.sla, [...at, "sla"]);
  }
  config.slaPolicies.forEach((policy, i) => {
    (policy.escalation ?? []).forEach((step, j) => {
      const at = ["slaPolicies", element(policy, i), "escalation", j];
      if (step.action === "notify_manager") ref("rep", step.manager, [...at, "manager"]);
      if (step.action === "notify_channel") ref("channel", step.channel, [...at, "channel"]);
      if (step.action === "reassign" && step.queue !== undefined) ref("queue", step.queue, [...at, "queue"]);
    });
  });
  for (const { rule, at } of dir.reengagementRules()) sla(rule.sla, [...at, "sla"]);
  for (const intent of ["high", "standard", "low"] as const) {
    const policy = config.systems.inbound.slaByIntent[intent];
    if (policy !== null) ref("sla_policy", policy, ["systems", "inbound", "slaByIntent", intent]);
  }
  ref("queue", config.unclassified.queue, ["unclassified", "queue"]);
  if (config.unclassified.sla !== null && config.unclassified.sla !== "by_intent") {
    ref("sla_policy", config.unclassified.sla, ["unclassified", "sla"]);
  }
  ref("calendar", config.defaultCalendar, ["defaultCalendar"]);
  return findings;
}

function outcomeRefs(outcome: Outcome, at: PathSegment[], ref: (kind: Kind, value: string, at: PathSegment[]) => void) {
  switch (outcome.type) {
    case "rep":
      return ref("rep", outcome.rep, [...at, "rep"]);
    case "queue":
      return ref("queue", outcome.queue, [...at, "queue"]);
    case "pool":
      if ("pool" in outcome) return ref("pool", outcome.pool, [...at, "pool"]);
      for (const [territory, pool] of Object.entries(outcome.byTerritory)) {
        ref("territory", territory, [...at, "byTerritory", territory]);
        ref("pool", pool, [...at, "byTerritory", territory]);
      }
      return;
    default:
      return;
  }
}
