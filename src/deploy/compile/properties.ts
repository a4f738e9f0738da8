/**
 * The managed contact properties, from the config: enumerations list what the config knows (in
 * config order), owner-referenced ones hold owner ids, and every description carries the managed
 * marker with the config version and a digest of the definition.
 */
import type { DeployMode, RoutingConfig } from "../../config/types";
import { managedDescription } from "../canonical/marker";
import { propertyDigest } from "../canonical/property";
import { MANAGED_GROUP, MANAGED_PROPERTIES as P } from "../managed-names";
import type { PropertyDefinition, PropertyOption } from "../model/property";
import { EVENT_LABELS, segmentLabel, SYSTEM_LABELS, TOUCH_LABELS } from "./labels";

type Kind = "enumeration" | "owner" | "bool" | "datetime" | "text";

interface Spec {
  name: string;
  label: string;
  kind: Kind;
  purpose: string;
  options?: { value: string; label: string; description?: string }[];
}

function distinctOptions(options: { value: string; label: string; description?: string }[]) {
  const seen = new Set<string>();
  return options.filter((option) => (seen.has(option.value) ? false : (seen.add(option.value), true)));
}

function specs(config: RoutingConfig): Spec[] {
  const rules = distinctOptions([
    ...config.systems.inbound.rules.map((r) => ({
      value: r.id,
      label: `Inbound: ${r.id}`,
      description: r.description,
    })),
    ...config.systems.outbound.rules.map((r) => ({
      value: r.id,
      label: `Outbound: ${r.id}`,
      description: r.description,
    })),
    ...config.reengagement.rules.map((r) => ({
      value: r.id,
      label: `Re-engagement: ${r.id}`,
      description: r.description,
    })),
    { value: config.unclassified.rule, label: `Unclassified: ${config.unclassified.rule}` },
  ]);
  const nurtures = distinctOptions(
    [...config.systems.inbound.rules, ...config.systems.outbound.rules].flatMap((rule) =>
      rule.outcome.type === "nurture" ? [{ value: rule.outcome.sequence, label: rule.outcome.sequence }] : [],
    ),
  );
  const enumOf = (values: readonly string[], labels: Record<string, string>) =>
    values.map((value) => ({ value, label: labels[value] ?? value }));
  return [
    {
      name: P.sourceType,
      label: "Routing Source Type",
      kind: "enumeration",
      purpose: "How the source identification layer classified the contact's last event; empty means unclassified.",
      options: config.sources.map((source) => ({ value: source.id, label: source.label })),
    },
    {
      name: P.system,
      label: "Routing system",
      kind: "enumeration",
      purpose: "The routing system that decided.",
      options: enumOf(Object.keys(SYSTEM_LABELS), SYSTEM_LABELS),
    },
    { name: P.rule, label: "Routing rule", kind: "enumeration", purpose: "The rule that decided.", options: rules },
    {
      name: P.pool,
      label: "Routing pool",
      kind: "enumeration",
      purpose: "The round-robin pool the lead was routed to.",
      options: config.pools.map((pool) => ({ value: pool.id, label: pool.label ?? pool.id })),
    },
    {
      name: P.queue,
      label: "Routing queue",
      kind: "enumeration",
      purpose: "The queue the lead was routed to.",
      options: config.queues.map((queue) => ({ value: queue.id, label: queue.label ?? queue.id })),
    },
    {
      name: P.slaPolicy,
      label: "SLA policy",
      kind: "enumeration",
      purpose: "The SLA policy the lead's first contact is measured against.",
      options: config.slaPolicies.map((policy) => ({ value: policy.id, label: policy.label ?? policy.id })),
    },
    {
      name: P.slaDueAt,
      label: "SLA due at",
      kind: "datetime",
      purpose: "When first contact is due (see docs: HubSpot counts calendar time).",
    },
    {
      name: P.reengagement,
      label: "Re-engagement",
      kind: "bool",
      purpose: "An inbound lead with recent outbound history from a rep.",
    },
    {
      name: P.collaborator,
      label: "Collaborating rep",
      kind: "owner",
      purpose: "The original outbound rep who collaborates on a re-engagement.",
    },
    {
      name: P.originalOwner,
      label: "Original outbound owner",
      kind: "owner",
      purpose: "The rep of the latest outbound touch (after replacements).",
    },
    { name: P.routedAt, label: "Routed at", kind: "datetime", purpose: "When RouteOps last routed the contact." },
    {
      name: P.configVersion,
      label: "Routing config version",
      kind: "text",
      purpose: "The routing config version that routed the contact.",
    },
    {
      name: P.notification,
      label: "Routing notification",
      kind: "enumeration",
      purpose: "How the receiving rep was notified.",
      options: enumOf(["urgent", "calm", "none"], { urgent: "Urgent", calm: "Calm", none: "None" }),
    },
    {
      name: P.nurture,
      label: "Nurture sequence",
      kind: "enumeration",
      purpose: "The nurture sequence the lead was sent to.",
      options: nurtures,
    },
    {
      name: P.intent,
      label: "Lead intent",
      kind: "enumeration",
      purpose: "The intent the inbound rules used.",
      options: enumOf(["high", "standard", "low"], { high: "High", standard: "Standard", low: "Low" }),
    },
    {
      name: P.territory,
      label: "Territory",
      kind: "enumeration",
      purpose: "The territory of the contact's country and state when it was routed.",
      options: config.territories.map((territory) => ({ value: territory.id, label: territory.label ?? territory.id })),
    },
    {
      name: P.segment,
      label: "Company segment",
      kind: "enumeration",
      purpose: "The segment of the primary company's number of employees when the contact was routed.",
      options: config.segments.map((segment) => ({ value: segment.id, label: segmentLabel(segment) })),
    },
    {
      name: P.eventKind,
      label: "Routing event",
      kind: "enumeration",
      purpose: "The kind of the event last classified.",
      options: enumOf(Object.keys(EVENT_LABELS), EVENT_LABELS),
    },
    {
      name: P.eventFormId,
      label: "Routing event form",
      kind: "text",
      purpose: "Form id of the event last classified.",
    },
    {
      name: P.eventPageUrl,
      label: "Routing event page URL",
      kind: "text",
      purpose: "Page URL of the event last classified.",
    },
    {
      name: P.eventChatQualified,
      label: "Routing event chat qualified",
      kind: "bool",
      purpose: "Whether the chat last classified was qualified.",
    },
    {
      name: P.eventCallOutcome,
      label: "Routing event call outcome",
      kind: "text",
      purpose: "Outcome of the call last classified.",
    },
    {
      name: P.eventImportSource,
      label: "Routing event import source",
      kind: "text",
      purpose: "Import source of the list import last classified.",
    },
    {
      name: P.eventOwner,
      label: "Routing event owner",
      kind: "owner",
      purpose: "The rep the event last classified names.",
    },
    {
      name: P.classifiedAt,
      label: "Classified at",
      kind: "datetime",
      purpose: "When the source identification layer last classified the contact.",
    },
    {
      name: P.routingPending,
      label: "Routing pending",
      kind: "bool",
      purpose: "Classified and waiting for its routing system (enrolment trigger).",
    },
    {
      name: P.lastOutboundOwner,
      label: "Last outbound touch owner",
      kind: "owner",
      purpose: "The rep of the latest outbound touch.",
    },
    {
      name: P.lastOutboundAt,
      label: "Last outbound touch at",
      kind: "datetime",
      purpose: "When the latest outbound touch by a rep happened.",
    },
    {
      name: P.lastOutboundKind,
      label: "Last outbound touch kind",
      kind: "enumeration",
      purpose: "The kind of the latest outbound touch by a rep.",
      options: enumOf(Object.keys(TOUCH_LABELS), TOUCH_LABELS),
    },
  ];
}

function definition(spec: Spec, version: string): PropertyDefinition {
  const options = (list: { value: string; label: string; description?: string }[]): PropertyOption[] =>
    list.map((option, index) => ({
      label: option.label,
      value: option.value,
      displayOrder: index,
      hidden: false,
      ...(option.description ? { description: option.description } : {}),
    }));
  const shape: Pick<PropertyDefinition, "type" | "fieldType" | "options" | "externalOptions" | "referencedObjectType"> =
    spec.kind === "enumeration"
      ? { type: "enumeration", fieldType: "select", options: options(spec.options ?? []) }
      : spec.kind === "owner"
        ? { type: "enumeration", fieldType: "select", externalOptions: true, referencedObjectType: "OWNER" }
        : spec.kind === "bool"
          ? {
              type: "bool",
              fieldType: "booleancheckbox",
              options: options([
                { value: "true", label: "Yes" },
                { value: "false", label: "No" },
              ]),
            }
          : spec.kind === "datetime"
            ? { type: "datetime", fieldType: "date" }
            : { type: "string", fieldType: "text" };
  const draft: PropertyDefinition = {
    name: spec.name,
    label: spec.label,
    ...shape,
    groupName: MANAGED_GROUP.name,
    description: "",
    hasUniqueValue: false,
    formField: false,
    hidden: false,
  };
  const digest = propertyDigest(draft);
  return { ...draft, description: managedDescription(spec.purpose, version, digest) };
}

/** Router mode only: the routing request the capture workflows stamp and the router listens for. */
const ROUTE_REQUEST: Spec = {
  name: P.routeRequestedAt,
  label: "Routing requested at",
  kind: "datetime",
  purpose:
    "When the event that asks for routing happened; stamped last by the capture workflows, read by the RouteOps router.",
};

/** Every managed property, in a fixed order (router mode adds the routing request). */
export function managedProperties(config: RoutingConfig, mode: DeployMode = "workflows"): PropertyDefinition[] {
  const all = mode === "router" ? [...specs(config), ROUTE_REQUEST] : specs(config);
  return all.map((spec) => definition(spec, config.version));
}
