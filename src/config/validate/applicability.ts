/**
 * Conditions used where they cannot apply. Each condition compiles to a workflow branch on data
 * that exists only in some places: the original rep only in re-engagement, intent only for
 * inbound leads, chat qualification only for chat conversations, matcher fields only for their
 * event kind.
 */
import type { EventKind, SourceMatcher } from "../types";
import type { ConditionLogic } from "./condition-logic";
import type { PlacedCondition, RoutingDirectory } from "./directory";
import { error, type Finding } from "./finding";
import { element } from "./path";

const matcherFields: Record<Exclude<keyof SourceMatcher, "event">, EventKind> = {
  formId: "form_submission",
  formIdPrefix: "form_submission",
  pagePathPrefix: "form_submission",
  chatQualified: "chat_completed",
  callOutcome: "call_logged",
  importSourcePrefix: "list_import",
};

/** Reports conditions and matcher fields that can never hold where they are written. */
export function checkApplicability(dir: RoutingDirectory, logic: ConditionLogic): Finding[] {
  const findings: Finding[] = [];
  for (const placed of dir.conditions()) findings.push(...conditionFindings(dir, logic, placed));
  dir.config.sources.forEach((source, i) => {
    source.matchers.forEach((matcher, j) => {
      for (const [field, event] of Object.entries(matcherFields) as [keyof typeof matcherFields, EventKind][]) {
        if (matcher[field] === undefined || matcher.event === event) continue;
        findings.push(
          error(
            "condition_not_applicable",
            ["sources", element(source, i), "matchers", j, field],
            `${field} only applies to ${event} events, not to ${matcher.event}: this matcher would never match`,
          ),
        );
      }
    });
  });
  return findings;
}

function conditionFindings(dir: RoutingDirectory, logic: ConditionLogic, placed: PlacedCondition): Finding[] {
  const { condition, at, place } = placed;
  const source = placed.place === "intent" ? placed.source : undefined;
  const findings: Finding[] = [];
  const where =
    source !== undefined
      ? `the intent rules of source type "${source.id}"`
      : place === "reengagement"
        ? "re-engagement rules"
        : `${place} rules`;
  if (condition.originalRepCoversTerritory !== undefined && place !== "reengagement") {
    findings.push(
      error(
        "condition_not_applicable",
        [...at, "originalRepCoversTerritory"],
        `originalRepCoversTerritory only applies in re-engagement rules (there is no original rep in ${where})`,
      ),
    );
  }
  if (condition.intent !== undefined && (place === "outbound" || place === "intent")) {
    findings.push(
      error(
        "condition_not_applicable",
        [...at, "intent"],
        place === "outbound"
          ? "intent does not apply to outbound rules: outbound leads have no intent"
          : "intent cannot be tested while the intent is being decided",
      ),
    );
  }
  if (condition.chatQualified !== undefined) {
    const sources =
      place === "intent" ? [source!] : logic.sourcesFor(condition, place).map((id) => dir.sources.get(id)!);
    if (!sources.some((s) => dir.hasChat(s))) {
      findings.push(
        error(
          "condition_not_applicable",
          [...at, "chatQualified"],
          `chatQualified only applies to chat conversations, and no source type that reaches ${where} here classifies chat_completed events`,
        ),
      );
    }
  }
  if (place !== "intent") {
    const system = place === "outbound" ? "outbound" : "inbound";
    condition.sourceType?.forEach((id, k) => {
      const target = dir.sources.get(id);
      if (!target || target.system === system) return;
      findings.push(
        error(
          "condition_not_applicable",
          [...at, "sourceType", k],
          `source type "${id}" feeds the ${target.system} system, so ${where} never see it`,
        ),
      );
    });
  }
  return findings;
}
