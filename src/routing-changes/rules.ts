/**
 * Source types, rules, re-engagement (with its handoff) and the unclassified catch compared: what
 * was added or removed, which condition or outcome changed from what to what, which rule moved.
 */
import type { RoutingConfig } from "../config/types";
import { canonical, layers, routingChanges, type RoutingLayer } from "../graph/changes";
import { describeCondition, describeIntent, describeMatcher, describeOutcome } from "../graph/describe";
import type { ChangeArea, RoutingChange } from "./types";

const AREA: Record<RoutingLayer, ChangeArea> = {
  source: "source types",
  reengagement: "re-engagement and handoff",
  inbound: "rules",
  outbound: "rules",
  unclassified: "rules",
};

const NOUN: Record<RoutingLayer, string> = {
  source: "Source type",
  reengagement: "Re-engagement rule",
  inbound: "Inbound rule",
  outbound: "Outbound rule",
  unclassified: "Unclassified catch",
};

const FIELD_WORDS: Record<string, string> = {
  when: "condition",
  outcome: "outcome",
  sla: "SLA",
  notification: "notification",
  handoff: "handoff",
  description: "description",
  label: "label",
  system: "system",
  intent: "intent",
  matchers: "matchers",
  queue: "queue",
};

/** A field's whole value in words. */
function valueWords(field: string, value: unknown): string {
  if (value === undefined || value === null) return field === "sla" ? "no SLA" : "none";
  switch (field) {
    case "when":
      return describeCondition(value as never);
    case "outcome":
      return describeOutcome(value as never);
    case "matchers":
      return (value as never[]).map((matcher) => describeMatcher(matcher)).join("; ");
    case "intent":
      return describeIntent(value as never) ?? "none";
    case "sla":
      return value === "by_intent" ? "by intent" : String(value);
    default:
      return typeof value === "string" ? value : canonical(value);
  }
}

function positions(config: RoutingConfig, layer: RoutingLayer): Map<string, number> {
  return new Map(layers(config)[layer].map((entry, index) => [entry.id, index + 1]));
}

/** Changes of source types and rules, in flow order. */
export function ruleChanges(head: RoutingConfig, base: RoutingConfig): RoutingChange[] {
  const out: RoutingChange[] = [];
  const now = layers(head);
  const before = layers(base);
  for (const change of routingChanges(head, base)) {
    const area = AREA[change.layer];
    const noun = NOUN[change.layer];
    const current = now[change.layer].find((entry) => entry.id === change.id)?.value as Record<string, unknown>;
    const previous = before[change.layer].find((entry) => entry.id === change.id)?.value as Record<string, unknown>;
    const summary = (value: Record<string, unknown>) =>
      change.layer === "source"
        ? `${valueWords("label", value.label)}, ${String(value.system)}, ${valueWords("matchers", value.matchers)}`
        : change.layer === "reengagement"
          ? `when ${valueWords("when", value.when)}: handoff ${String(value.handoff)}`
          : `when ${valueWords("when", value.when)}: ${valueWords("outcome", value.outcome)}`;
    if (change.kind === "added") {
      const at = positions(head, change.layer).get(change.id);
      out.push({
        area,
        kind: "added",
        subject: change.id,
        to: summary(current),
        text: `${noun} ${change.id} added at position ${at}: ${summary(current)}`,
      });
      continue;
    }
    if (change.kind === "removed") {
      out.push({
        area,
        kind: "removed",
        subject: change.id,
        from: summary(previous),
        text: `${noun} ${change.id} removed (was: ${summary(previous)})`,
      });
      continue;
    }
    for (const field of change.fields) {
      if (field === "position") {
        const from = String(positions(base, change.layer).get(change.id));
        const to = String(positions(head, change.layer).get(change.id));
        out.push({
          area,
          kind: "moved",
          subject: change.id,
          field,
          from,
          to,
          text: `${noun} ${change.id} moved from position ${from} to ${to}`,
        });
        continue;
      }
      const from = valueWords(field, previous[field]);
      const to = valueWords(field, current[field]);
      const words = FIELD_WORDS[field] ?? field;
      out.push({
        area,
        kind: "changed",
        subject: change.id,
        field,
        from,
        to,
        text: `${noun} ${change.id}: ${words} ${from} -> ${to}`,
      });
    }
  }
  const was = base.reengagement;
  const is = head.reengagement;
  const settings: [string, string, string][] = [
    ["lookback", `${was.lookbackDays} days`, `${is.lookbackDays} days`],
    ["touch kinds", was.touchKinds.join(", "), is.touchKinds.join(", ")],
    ["intent", was.intent, is.intent],
    [
      "attribution",
      `original rep ${was.attribution.originalRep}%, handler ${was.attribution.handler}%`,
      `original rep ${is.attribution.originalRep}%, handler ${is.attribution.handler}%`,
    ],
  ];
  for (const [field, from, to] of settings) {
    if (from !== to) {
      out.push({
        area: "re-engagement and handoff",
        kind: "changed",
        subject: "reengagement",
        field,
        from,
        to,
        text: `Re-engagement ${field}: ${from} -> ${to}`,
      });
    }
  }
  return out;
}
