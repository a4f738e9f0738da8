/**
 * The source identification layer: one event-based flow per event kind. It records the event on
 * the contact, derives territory and segment, then sets the Routing Source Type from the config's
 * source types in order (first match wins) and marks the contact as waiting for its routing
 * system; a contact no source type matches is routed to the unclassified queue on the spot.
 */
import type { EventKind, SourceMatcher } from "../../config/types";
import type { DeployableEventType } from "../event-types";
import { enrollmentEventToken } from "../event-types";
import { MANAGED_FLOWS, MANAGED_PROPERTIES as P } from "../managed-names";
import type { DesiredFlow } from "../model/state";
import { clearValue, delayMinutes, setExecutionTime, setFromToken, setValue } from "./actions";
import type { CompileFacts, FlowEnv } from "./env";
import { EVENT_FIELDS } from "./event-fields";
import { and, isTrue, or, text, TRUE, unknown, type Cond } from "./filters";
import { flowBody } from "./flow-envelope";
import { outcomeSteps } from "./outcome";
import { derive, startRecord } from "./record";
import { slaTail } from "./rules";
import { branch, StepScope, type Step } from "./steps";
import { segmentCondition, territoryCondition } from "./territory";

/** How long a new contact waits for another event to classify it before it counts as unclassified. */
export const CONTACT_CREATED_GRACE_MINUTES = 10;

export function matcherCondition(matcher: SourceMatcher): Cond {
  return and(
    matcher.formId ? text(P.eventFormId, "IS_EQUAL_TO", matcher.formId) : TRUE,
    matcher.formIdPrefix ? text(P.eventFormId, "STARTS_WITH", matcher.formIdPrefix) : TRUE,
    // HubSpot cannot take a URL's path apart: "path starts with" becomes "URL contains" (page_path_prefix_contains).
    matcher.pagePathPrefix ? text(P.eventPageUrl, "CONTAINS", matcher.pagePathPrefix) : TRUE,
    matcher.chatQualified !== undefined ? isTrue(P.eventChatQualified, matcher.chatQualified) : TRUE,
    // A call with no outcome counts as connected.
    matcher.callOutcome
      ? text(P.eventCallOutcome, "IS_EQUAL_TO", matcher.callOutcome, matcher.callOutcome.includes("connected"))
      : TRUE,
    matcher.importSourcePrefix ? text(P.eventImportSource, "STARTS_WITH", matcher.importSourcePrefix) : TRUE,
  );
}

function unclassifiedRoute(env: FlowEnv): Step[] {
  const { config } = env;
  const record = {
    ruleId: config.unclassified.rule,
    sla: config.unclassified.sla,
    style: config.unclassified.notification,
    collaborator: false,
  };
  return [
    clearValue(P.sourceType),
    setExecutionTime(P.classifiedAt),
    ...startRecord("unclassified", config.version, { intent: "clear" }),
    setValue(P.rule, config.unclassified.rule),
    ...outcomeSteps(
      { type: "queue", queue: config.unclassified.queue },
      env,
      (calendarId) => slaTail(record, calendarId, env),
      () => [setValue(P.routingPending, "false")],
    ),
  ];
}

function classification(kind: EventKind, env: FlowEnv): Step[] {
  const candidates = env.config.sources
    .map((source) => ({ source, when: or(...source.matchers.filter((m) => m.event === kind).map(matcherCondition)) }))
    .filter((candidate) => candidate.when.kind !== "false");
  const from = (index: number): Step[] => {
    const candidate = candidates[index];
    if (!candidate) return unclassifiedRoute(env);
    return branch(
      [
        {
          name: candidate.source.id,
          when: candidate.when,
          steps: () => [
            setValue(P.sourceType, candidate.source.id),
            setExecutionTime(P.classifiedAt),
            // Written last: the routing systems enrol on it.
            setValue(P.routingPending, "true"),
          ],
        },
      ],
      candidates[index + 1] ? `not ${candidate.source.id}` : env.config.unclassified.rule,
      () => from(index + 1),
    );
  };
  return from(0);
}

export function sourceFlow(kind: EventKind, entry: DeployableEventType, facts: CompileFacts): DesiredFlow {
  const scope = new StepScope();
  const env: FlowEnv = {
    ...facts,
    scope,
    system: "unclassified",
    condition: { config: facts.config, reps: facts.reps, intent: null, reengagement: false },
    keyPrefix: "",
    usesCompany: { value: false },
  };
  const recordEvent: Step[] = [
    setValue(P.eventKind, kind),
    ...EVENT_FIELDS.map(({ field, property }) => {
      const name = entry.properties[field];
      return name ? setFromToken(property, enrollmentEventToken(entry, name)) : clearValue(property);
    }),
  ];
  const territories = facts.config.territories.map((t) => ({ name: t.id, when: territoryCondition(t), value: t.id }));
  const segments = facts.config.segments.map((s) => ({ name: s.id, when: segmentCondition(s), value: s.id }));
  const body: Step[] = [
    ...recordEvent,
    ...derive(
      P.territory,
      territories,
      scope,
      "no territory",
      derive(P.segment, segments, scope, "no segment", classification(kind, env)),
    ),
  ];
  const steps =
    kind === "contact_created"
      ? [
          delayMinutes(CONTACT_CREATED_GRACE_MINUTES),
          ...branch(
            [{ name: "not classified yet", when: unknown(P.classifiedAt), steps: () => body }],
            "already classified",
            () => [],
          ),
        ]
      : body;
  const matched = facts.config.sources
    .filter((source) => source.matchers.some((m) => m.event === kind))
    .map((s) => s.id);
  return flowBody({
    key: `source/${kind}`,
    name: MANAGED_FLOWS.source[kind],
    purpose:
      `Source identification layer, ${entry.label} events (HubSpot event ${entry.eventTypeId}): records the event, derives territory and segment, ` +
      `sets the Routing Source Type (${matched.length > 0 ? matched.join(", ") : "no source type names this event"}; first match wins) ` +
      `and hands the contact to its routing system; unclassified contacts go to queue ${facts.config.unclassified.queue}.`,
    version: facts.config.version,
    steps,
    enrollment: {
      type: "EVENT_BASED",
      shouldReEnroll: true,
      eventFilterBranches: [
        {
          filterBranchType: "UNIFIED_EVENTS",
          filterBranchOperator: "AND",
          eventTypeId: entry.eventTypeId,
          operator: "HAS_COMPLETED",
          filters: [],
          filterBranches: [],
        },
      ],
      listMembershipFilterBranches: [],
    },
    dataSources: [],
  });
}
