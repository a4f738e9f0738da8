/** Steps shared by the flows: what every routing run records first, and derived facts. */
import type { Intent } from "../../config/types";
import type { RoutingSystemId } from "../../engine/types";
import { MANAGED_PROPERTIES as P } from "../managed-names";
import { clearValue, setExecutionTime, setValue } from "./actions";
import type { Cond } from "./filters";
import type { Step, StepScope } from "./steps";

/**
 * Clears what a previous routing recorded and writes what this run knows up front; the rule that
 * matches then writes the rest (rule, owner, pool or queue, SLA, notification).
 */
export function startRecord(
  system: RoutingSystemId,
  version: string,
  options: { intent: Intent | "clear" | "derived"; keepOriginalOwner?: boolean },
): Step[] {
  return [
    setValue(P.system, system),
    setValue(P.configVersion, version),
    setExecutionTime(P.routedAt),
    setValue(P.reengagement, system === "reengagement" ? "true" : "false"),
    clearValue(P.pool),
    clearValue(P.queue),
    clearValue(P.nurture),
    clearValue(P.collaborator),
    ...(options.keepOriginalOwner ? [] : [clearValue(P.originalOwner)]),
    ...(options.intent === "derived"
      ? []
      : options.intent === "clear"
        ? [clearValue(P.intent)]
        : [setValue(P.intent, options.intent)]),
  ];
}

/**
 * Writes the value of the first case that holds (one LIST_BRANCH with a branch per case, first
 * match wins), or clears the property; then continues with `then`.
 */
export function derive(
  property: string,
  cases: { name: string; when: Cond; value: string }[],
  scope: StepScope,
  defaultName: string,
  then: Step[],
): Step[] {
  const kept: typeof cases = [];
  let otherwise = "";
  for (const candidate of cases) {
    if (candidate.when.kind === "false") continue;
    if (candidate.when.kind === "true") {
      otherwise = candidate.value;
      break;
    }
    kept.push(candidate);
  }
  const last = otherwise === "" ? clearValue(property) : setValue(property, otherwise);
  if (kept.length === 0) return [last, ...then];
  const join = scope.label(`after-${property}`);
  const rejoin: Step[] = then.length > 0 ? [{ kind: "goto", label: join }] : [];
  return [
    {
      kind: "branch",
      branches: kept.map((candidate) => ({
        name: candidate.name,
        when: candidate.when,
        steps: [setValue(property, candidate.value), ...rejoin],
      })),
      defaultName,
      otherwise: [last, ...(then.length > 0 ? [{ kind: "label" as const, label: join }] : []), ...then],
    },
  ];
}
