/**
 * Router mode: HubSpot observes, the router decides. One small, flat event-based flow per event
 * kind copies the facts of the event HubSpot saw into managed contact properties and stamps a
 * routing request; the `routeops router` service classifies the contact and decides with the
 * engine. No filter, rotation or SLA arithmetic runs in HubSpot, so these flows keep the same
 * shape (at most one if/then branch with one filter, no nesting) whatever the size of the
 * organisation.
 */
import type { EventKind } from "../../config/types";
import { enrollmentEventToken, type DeployableEventType } from "../event-types";
import { MANAGED_FLOWS, MANAGED_PROPERTIES as P } from "../managed-names";
import type { DesiredFlow } from "../model/state";
import { clearValue, delayMinutes, setFromToken, setValue } from "./actions";
import type { CompileFacts } from "./env";
import { unknown } from "./filters";
import { flowBody } from "./flow-envelope";
import { EVENT_FIELDS } from "./event-fields";
import { CONTACT_CREATED_GRACE_MINUTES } from "./source-flows";
import { branch, type Step } from "./steps";

/**
 * The steps that record one event and ask for routing. The request is stamped last, with the
 * instant the event happened (the event's own timestamp, not the time the flow runs): the router
 * learns of it from the `contact.propertyChange` webhook on that property, by which time every
 * fact above it is written, and decides as of that instant (SLA due times, out-of-office).
 *
 * The stamp is cleared first: while the facts are copied the contact shows no request, and a
 * second event at the very instant the contact was routed for (a call logged as a form is
 * submitted) still changes the property, so HubSpot sends the webhook, and the contact then reads
 * pending with requested-at equal to routed-at, which the router takes as a new request.
 */
export function captureSteps(kind: EventKind, entry: DeployableEventType): Step[] {
  return [
    clearValue(P.routeRequestedAt),
    setValue(P.eventKind, kind),
    ...EVENT_FIELDS.map(({ field, property }) => {
      const name = entry.properties[field];
      return name ? setFromToken(property, enrollmentEventToken(entry, name)) : clearValue(property);
    }),
    setValue(P.routingPending, "true"),
    setFromToken(P.routeRequestedAt, enrollmentEventToken(entry, entry.properties.occurredAt)),
  ];
}

/** The capture flow of an event kind HubSpot raises an event for (`entry`: its contract entry). */
export function captureFlow(kind: EventKind, entry: DeployableEventType, facts: CompileFacts): DesiredFlow {
  // A contact created by a form (an import, a booked meeting...) raises that event too: wait for it
  // and ask for routing only when no other event did, still as of the creation instant.
  const steps =
    kind === "contact_created"
      ? [
          delayMinutes(CONTACT_CREATED_GRACE_MINUTES),
          ...branch(
            [
              {
                name: "no other routing request",
                when: unknown(P.routeRequestedAt),
                steps: () => captureSteps(kind, entry),
              },
            ],
            "another event asked for routing",
            () => [],
          ),
        ]
      : captureSteps(kind, entry);
  return flowBody({
    key: `capture/${kind}`,
    name: MANAGED_FLOWS.capture[kind],
    purpose:
      `Router mode, ${entry.label} events (HubSpot event ${entry.eventTypeId}): copies the event's facts onto the contact and stamps ` +
      `${P.routeRequestedAt}; the RouteOps router classifies the contact and routes it (config ${facts.config.version}).`,
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
