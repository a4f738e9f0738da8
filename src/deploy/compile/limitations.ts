/**
 * Where the deployed flows cannot do exactly what the engine does, each as a warning with a stable
 * code (docs/deploy.md has the table). Listed by every plan, so nobody is surprised.
 */
import type { Condition, EventKind, RoutingConfig } from "../../config/types";
import { actionTypeUsage } from "../action-types";
import type { DeployWarning } from "../diagnostics";
import { EVENT_TYPES, TOUCH_EVENT_TYPES, type EventTypeEntry } from "../event-types";
import { MANAGED_PROPERTIES as P } from "../managed-names";
import type { DesiredState, PoolRotation } from "../model/state";
import { absenceOn, localDate, nextAvailabilityChange } from "./availability";
import type { RepDirectory } from "./owners";
import { relativeDue, slaWording } from "./sla";
import { CONTACT_CREATED_GRACE_MINUTES } from "./source-flows";
import { COMPANY_EMPLOYEES } from "./territory";

export interface LimitationInput {
  config: RoutingConfig;
  reps: RepDirectory;
  pools: PoolRotation[];
  flows: DesiredState["flows"];
  at: number;
  unresolvedSequences: string[];
  /** Whether the portal's sequences were read (otherwise none can be resolved). */
  sequencesListed: boolean;
}

function usedPolicies(config: RoutingConfig): string[] {
  const ids = new Set<string>();
  const add = (sla: string | null) => {
    if (sla === "by_intent") Object.values(config.systems.inbound.slaByIntent).forEach((id) => id && ids.add(id));
    else if (sla) ids.add(sla);
  };
  [...config.systems.inbound.rules, ...config.systems.outbound.rules, ...config.reengagement.rules].forEach((rule) =>
    add(rule.sla),
  );
  add(config.unclassified.sla);
  return [...ids];
}

function slaWarning(config: RoutingConfig): DeployWarning[] {
  const used = usedPolicies(config);
  const policies = config.slaPolicies.filter((policy) => used.includes(policy.id));
  if (policies.length === 0) return [];
  const calendar = config.calendars.find((c) => c.id === config.defaultCalendar) ?? config.calendars[0];
  const described = policies.map((policy) => {
    const due = calendar ? relativeDue(policy.target, calendar) : undefined;
    const hubspot = due?.timeOfDay
      ? `the same day at ${String(due.timeOfDay.hour).padStart(2, "0")}:${String(due.timeOfDay.minute).padStart(2, "0")} (portal time zone)`
      : `${due?.delta} ${due?.timeUnit.toLowerCase().replace(/s$/, due?.delta === 1 ? "" : "s")} later`;
    return `${policy.id} (${slaWording(policy)}: ${hubspot})`;
  });
  return [
    {
      code: "sla_calendar_time",
      message:
        `HubSpot has no business calendar: SLA due times (${P.slaDueAt}) and task due dates count calendar time from the moment the flow runs, ` +
        `without business hours, weekends or holidays: ${described.join("; ")}. The engine's due times are in business time. ` +
        `Where the SLA runs on the decided owner's calendar (account owner, event owner, original rep), the flows use the default calendar.`,
    },
  ];
}

function rotationWarnings(input: LimitationInput): DeployWarning[] {
  const warnings: DeployWarning[] = [];
  for (const pool of input.pools) {
    const weights = new Set(pool.members.map((member) => member.weight));
    if (pool.members.length > 1 && weights.size > 1) {
      const byOwner = new Map(pool.members.map((member) => [member.ownerId, member.rep]));
      warnings.push({
        code: "rotation_weights_repeated",
        subject: pool.pool,
        message:
          `Pool ${pool.pool}: HubSpot rotates through a plain list of owners, so weights are written by repetition ` +
          `(${pool.rotation.map((id) => byOwner.get(id) ?? id).join(", ")}); ` +
          `${pool.members.map((m) => `${m.rep} ${m.weight}`).join(", ")}.`,
      });
    }
  }
  const places = new Map<string, number>();
  for (const flow of input.flows) {
    const byId = new Map(flow.body.actions.map((action) => [action.actionId, action]));
    for (const action of flow.body.actions) {
      if (action.type !== "SINGLE_CONNECTION" || action.actionTypeId !== "0-11") continue;
      const next = action.connection ? byId.get(action.connection.nextActionId) : undefined;
      const value =
        next?.type === "SINGLE_CONNECTION" ? (next.fields.value as { staticValue?: string } | undefined) : undefined;
      const pool = value?.staticValue ?? "?";
      places.set(pool, (places.get(pool) ?? 0) + 1);
    }
  }
  if (places.size > 0) {
    const shared = [...places].filter(([, count]) => count > 1).map(([pool, count]) => `${pool} from ${count} places`);
    warnings.push({
      code: "rotation_position_per_action",
      message:
        "HubSpot keeps its own rotation position for each rotate action, the engine one per pool: who gets the next lead can differ from the engine's pick" +
        (shared.length > 0
          ? `, and pools rotated from several places take turns per place (${shared.join(", ")}).`
          : "."),
    });
  }
  return warnings;
}

function availabilityWarnings(input: LimitationInput): DeployWarning[] {
  const { config, reps, at } = input;
  const warnings: DeployWarning[] = [];
  const pooled = new Set(
    config.pools.flatMap((pool) =>
      pool.members.map((member) => reps.resolve(member.rep)).filter((rep): rep is string => !!rep),
    ),
  );
  for (const email of pooled) {
    const rep = reps.rep(email);
    const calendar = rep && config.calendars.find((c) => c.id === rep.calendar);
    if (!rep || !calendar) continue;
    const date = localDate(at, calendar.timeZone);
    const relevant = (rep.outOfOffice ?? []).filter((range) => range.to >= date);
    if (relevant.length === 0) continue;
    const now = absenceOn(rep.outOfOffice, date);
    const next = nextAvailabilityChange(rep.outOfOffice, date);
    warnings.push({
      code: "out_of_office_by_deploy_date",
      subject: rep.email,
      message:
        `${rep.email} is out of office ${relevant.map((r) => `${r.from} to ${r.to}`).join(", ")}: HubSpot cannot read absences, so pool rotation ` +
        `lists are computed for ${date} and ${now ? "leave them out" : "include them"}. Deploy again on ${next} (a daily deploy keeps rotation in step).`,
    });
  }
  for (const pool of input.pools.filter((p) => p.members.length === 0)) {
    warnings.push({
      code: "pool_unavailable_on_date",
      subject: pool.pool,
      message: `No member of pool ${pool.pool} is available on ${pool.date}: rules that use it send leads to their system's fallback rule until a later deploy.`,
    });
  }
  return warnings;
}

function replacementWarnings(input: LimitationInput): DeployWarning[] {
  const warnings: DeployWarning[] = input.reps.replacements.map((group) => ({
    code: "replacements_compiled",
    subject: group.toRep,
    message:
      `Replacements are resolved when the flows are written: records that name ${group.fromReps.join(", ")} (owner ${group.fromOwnerIds.join(", ")}) ` +
      `are given to ${group.toRep}. A change of replacement takes effect at the next deploy.`,
  }));
  for (const rep of input.reps.inactiveWithoutOwner) {
    warnings.push({
      code: "inactive_rep_without_owner",
      subject: rep,
      message: `Inactive rep ${rep} has no HubSpot owner: records that still carry their old owner id cannot be recognised and are not handed to their replacement.`,
    });
  }
  return warnings;
}

/** Where segments decide something: rules and conditional intents whose condition names a segment. */
function segmentUses(config: RoutingConfig): string[] {
  const names = (condition: Condition) => (condition.segment?.length ?? 0) > 0;
  const rules = [...config.systems.inbound.rules, ...config.systems.outbound.rules, ...config.reengagement.rules]
    .filter((rule) => names(rule.when))
    .map((rule) => `rule ${rule.id}`);
  const intents = config.sources
    .filter((source) => typeof source.intent === "object" && source.intent.rules.some((rule) => names(rule.when)))
    .map((source) => `the intent of ${source.id}`);
  return [...rules, ...intents];
}

/**
 * Segments read the company's employee count, a number property in HubSpot: values typed with
 * separators never reach it, so deploy cannot see them, only that the routing depends on them.
 */
function numberPropertyWarning(config: RoutingConfig): DeployWarning[] {
  const uses = config.segments.length > 0 ? segmentUses(config) : [];
  if (uses.length === 0) return [];
  return [
    {
      code: "number_property_values",
      message:
        `Segments (${uses.join(", ")}) read the company's ${COMPANY_EMPLOYEES}, a number property in HubSpot: it refuses values written ` +
        `with separators ("1,200", "12 000"), which the engine reads as 1200 and 12000, so such a company keeps no size and its segment is unknown. ` +
        "Write employee counts as plain numbers before they reach HubSpot.",
    },
  ];
}

/**
 * One warning per event type id only community material supports (they cannot be checked before a
 * deploy), and one per event kind the config uses that HubSpot raises no workflow event for.
 */
function eventWarnings(input: LimitationInput): DeployWarning[] {
  const { config } = input;
  const uses = new Map<string, { entry: EventTypeEntry; flows: string[] }>();
  const use = (entry: EventTypeEntry, flow: string) => {
    const key = entry.eventTypeId ?? `none:${entry.label}`;
    const found = uses.get(key) ?? { entry, flows: [] };
    found.flows.push(flow);
    uses.set(key, found);
  };
  for (const [kind, entry] of Object.entries(EVENT_TYPES))
    use(entry, `source identification, ${kind.replace("_", " ")}`);
  for (const kind of config.reengagement.touchKinds)
    use(TOUCH_EVENT_TYPES[kind], `outbound touch, ${kind.replace("_", " ")}`);
  const warnings: DeployWarning[] = [];
  for (const { entry, flows } of uses.values()) {
    if (entry.status !== "UNVERIFIED" || entry.eventTypeId === null) continue;
    warnings.push({
      code: "unverified_event_types",
      subject: entry.eventTypeId,
      message: `Event type ${entry.eventTypeId} (${entry.label}; triggers ${flows.join(", ")}) is community-sourced (${entry.source}): HubSpot cannot confirm it before a deploy.`,
    });
  }
  for (const [kind, entry] of Object.entries(EVENT_TYPES) as [EventKind, EventTypeEntry][]) {
    if (entry.eventTypeId !== null) continue;
    const sources = config.sources.filter((source) => source.matchers.some((m) => m.event === kind)).map((s) => s.id);
    if (sources.length === 0) continue;
    warnings.push({
      code: "event_kind_not_deployable",
      subject: kind,
      message:
        `Source type${sources.length === 1 ? "" : "s"} ${sources.join(", ")} (${kind} events) cannot be deployed: ${entry.status === "no_trigger" ? entry.reason : ""}. ` +
        `No flow is written for ${kind} events and no placeholder trigger is sent.`,
    });
  }
  for (const kind of config.reengagement.touchKinds) {
    const entry = TOUCH_EVENT_TYPES[kind];
    if (entry.eventTypeId !== null) continue;
    warnings.push({
      code: "event_kind_not_deployable",
      subject: `touch:${kind}`,
      message:
        `Outbound touches of kind ${kind} (${entry.label}) cannot be kept in HubSpot: ${entry.status === "no_trigger" ? entry.reason : ""}. ` +
        "No touch flow is written for them, so re-engagement in HubSpot does not see such touches.",
    });
  }
  return warnings;
}

/** One line per action type id only community material supports (src/hubspot-contract/action-types.ts). */
function unverifiedActionWarnings(
  unverified: readonly { actionTypeId: string; label: string; flows: readonly unknown[] }[],
): DeployWarning[] {
  return unverified.map((a) => ({
    code: "unverified_action_types" as const,
    subject: a.actionTypeId,
    message:
      `Action type ${a.actionTypeId} (${a.label}; used by ${a.flows.length} ${a.flows.length === 1 ? "flow" : "flows"}) is community-sourced: ` +
      "deploy checks the portal's action-types listing before it writes any flow.",
  }));
}

/**
 * Router mode: the router decides with the engine, so only what HubSpot itself observes is
 * limited: values HubSpot refuses to store, how events name their facts, and touches from before
 * the first deploy.
 */
export function routerLimitations(input: LimitationInput, state: Pick<DesiredState, "flows">): DeployWarning[] {
  const unverifiedActions = actionTypeUsage(state).filter((entry) => entry.status === "UNVERIFIED");
  const callOutcomes = input.config.sources.some((source) => source.matchers.some((matcher) => matcher.callOutcome));
  return [
    ...numberPropertyWarning(input.config),
    ...(callOutcomes
      ? [
          {
            code: "call_outcome_values" as const,
            message:
              "The capture workflows copy a call's outcome as the event carries it; HubSpot may carry disposition ids rather " +
              "than the names in the config, which the router then matches as written (ignoring case).",
          },
        ]
      : []),
    ...unverifiedActionWarnings(unverifiedActions),
    ...eventWarnings(input),
    {
      code: "reengagement_latest_touch",
      message:
        `The touch workflows keep the latest outbound touch by a rep (${P.lastOutboundOwner}, ${P.lastOutboundAt}) from the first deploy on, ` +
        "and the router reads it from there: earlier history is unknown until those properties are backfilled.",
    },
  ];
}

/** Capacity, account matching by email domain and SLA escalation need the router: workflows cannot count or watch. */
function routerOnlyWarning(config: RoutingConfig): DeployWarning[] {
  const uses = [
    ...config.reps.filter((r) => r.capacity).map((r) => `capacity of ${r.email}`),
    ...config.pools.filter((p) => p.capacity).map((p) => `capacity of pool ${p.id}`),
    ...(config.accountMatching?.byEmailDomain ? ["account matching by email domain"] : []),
    ...config.slaPolicies.filter((p) => (p.escalation ?? []).length > 0).map((p) => `escalation of ${p.id}`),
  ];
  if (uses.length === 0) return [];
  return [
    {
      code: "router_only_operations",
      message:
        `${uses.join(", ")}: the deployed workflows cannot count leads, look companies up by domain or watch SLA clocks, ` +
        "so they route as if nobody were capped and no account matched by domain, and escalate nothing. `routeops router` runs these (see docs/engine.md).",
    },
  ];
}

export function limitations(input: LimitationInput, state: Pick<DesiredState, "flows">): DeployWarning[] {
  const { config } = input;
  const matchers = config.sources.flatMap((source) =>
    source.matchers.map((matcher) => ({ source: source.id, matcher })),
  );
  const pathPrefixes = matchers.filter(({ matcher }) => matcher.pagePathPrefix);
  const unverifiedActions = actionTypeUsage(state).filter((entry) => entry.status === "UNVERIFIED");
  const nurtures = [...config.systems.inbound.rules, ...config.systems.outbound.rules].filter(
    (rule) => rule.outcome.type === "nurture",
  );
  return [
    ...slaWarning(config),
    ...routerOnlyWarning(config),
    ...rotationWarnings(input),
    ...availabilityWarnings(input),
    ...replacementWarnings(input),
    ...(config.territories.length > 0
      ? [
          {
            code: "territory_spellings" as const,
            message:
              "Territories compare the contact's country and state with listed spellings (codes, English names, common variants; HubSpot ignores case). " +
              "The engine normalises any spelling it recognises; other spellings match no territory in HubSpot.",
          },
        ]
      : []),
    ...numberPropertyWarning(config),
    ...(pathPrefixes.length > 0
      ? [
          {
            code: "page_path_prefix_contains" as const,
            message:
              `HubSpot cannot take a page URL apart, so "page path starts with" is compiled as "page URL contains" ` +
              `(${pathPrefixes.map(({ source, matcher }) => `${source}: ${matcher.pagePathPrefix?.join(", ")}`).join("; ")}); ` +
              "a URL with the prefix elsewhere (a query string, a deeper path) also matches.",
          },
        ]
      : []),
    ...(matchers.some(({ matcher }) => matcher.callOutcome)
      ? [
          {
            code: "call_outcome_values" as const,
            message:
              "Call outcomes are compared with the call's outcome as the event carries it (ignoring case); a call with no outcome counts as connected. " +
              "HubSpot may store outcomes as disposition ids rather than the names in the config.",
          },
        ]
      : []),
    ...unverifiedActionWarnings(unverifiedActions),
    ...eventWarnings(input),
    {
      code: "contact_created_delay",
      message: `Contacts created with no known cause are classified ${CONTACT_CREATED_GRACE_MINUTES} minutes after creation, so that the event that created them classifies them first; the engine classifies them at once.`,
    },
    {
      code: "reengagement_latest_touch",
      message:
        `HubSpot keeps only the latest outbound touch by a rep (${P.lastOutboundOwner}, ${P.lastOutboundAt}), from the first deploy on: ` +
        "earlier history is unknown to the flows until those properties are backfilled, and touches are taken in the order they arrive.",
    },
    ...input.unresolvedSequences.map((sequence) => ({
      code: "nurture_sequence_unresolved" as const,
      subject: sequence,
      message:
        (input.sequencesListed
          ? `Nurture sequence "${sequence}" is not among the portal's sequences (by id or name)`
          : `The portal's sequences were not read, so nurture sequence "${sequence}" could not be resolved`) +
        `: the flows enrol contacts in sequence id "${sequence}" as written.`,
    })),
    ...(nurtures.length > 0
      ? [
          {
            code: "nurture_keeps_owner" as const,
            message: `Nurture rules (${nurtures.map((r) => r.id).join(", ")}) leave the contact's owner as it is; the engine decides no owner.`,
          },
        ]
      : []),
  ];
}
